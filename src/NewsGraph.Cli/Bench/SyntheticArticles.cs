using NewsGraph.Core.Graph;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// A deterministic, realistic-looking batch of extracted articles for benchmarks: Arabic names,
/// states by ISO code, organizations and places from small pools picked with a skew (a few hubs
/// appear everywhere, as in wire copy), meetings, statements, memberships and roles, all keyed
/// with <see cref="GraphKeys"/> like real extraction output.
/// </summary>
internal static class SyntheticArticles
{
    private static readonly string[] s_given = ["محمد", "أحمد", "سيرغي", "أيمن", "ميخائيل", "عبد الله", "فيصل", "خالد", "سامح", "ناصر", "يوسف", "علي", "حسن", "عمر", "طارق", "فؤاد", "جواد", "رمزي", "وليد", "كريم"];
    private static readonly string[] s_family = ["الصفدي", "لافروف", "بوغدانوف", "شكري", "الزياني", "العمر", "الحلبي", "المقداد", "عبد اللهيان", "أبو الغيط", "الخطيب", "النجار", "الحسيني", "الكعبي", "الشامي", "المصري", "التميمي", "البدري", "الجبوري", "العطار", "القاسم", "الراشد", "السعدي", "الفارس", "الهاشمي"];
    private static readonly string[] s_iso = ["RU", "JO", "SY", "EG", "SA", "AE", "QA", "KW", "BH", "OM", "IQ", "IR", "TR", "CN", "US", "FR", "DE", "GB", "IN", "PK", "KZ", "KG", "TJ", "UZ", "MN", "DZ", "MA", "TN", "LY", "SD", "YE", "LB", "PS", "ID", "MY", "JP", "KR", "BR", "ZA", "NG", "ET", "IT", "ES", "GR", "CY", "AZ", "AM", "GE", "BY", "UA"];
    private static readonly string[] s_organizations = ["منظمة شنغهاي للتعاون", "جامعة الدول العربية", "مجلس التعاون الخليجي", "الاتحاد الأفريقي", "منظمة التعاون الإسلامي", "بريكس", "أوبك", "الأمم المتحدة", "حلف شمال الأطلسي", "الاتحاد الأوروبي", "رابطة آسيان", "مجموعة العشرين"];
    private static readonly string[] s_places = ["موسكو", "عمان", "دمشق", "القاهرة", "الرياض", "الدوحة", "الكويت", "بغداد", "طهران", "أنقرة", "بكين", "بيشكيك", "أديس أبابا", "الجزائر", "جدة", "فيينا", "بروكسل", "جاكرتا", "أبوظبي", "المنامة"];
    private static readonly string[] s_topics = ["العلاقات الثنائية", "الأزمة السورية", "التعاون الاقتصادي", "الأمن الإقليمي", "الطاقة", "التجارة", "مكافحة الإرهاب"];
    private static readonly string[] s_verbs = ["قال", "أكد", "أشار", "أوضح", "أعلن", "شدد"];

    /// <summary><paramref name="count"/> articles over 2024; the same seed gives the same batch.</summary>
    public static IReadOnlyList<ArticleGraph> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateOnly(2024, 1, 1);
        var articles = new List<ArticleGraph>(count);
        for (int i = 0; i < count; i++)
        {
            DateOnly published = start.AddDays(random.Next(366));
            string place = s_places[Skewed(random, s_places.Length)];
            var entities = new Dictionary<string, ExtractedEntity>(StringComparer.Ordinal);
            ExtractedEntity Add(ExtractedEntity entity) => entities.TryAdd(entity.Key, entity) ? entity : entities[entity.Key];

            ExtractedEntity placeEntity = Add(new ExtractedEntity(GraphKeys.Place(place), NodeKind.Place, place, [], []));
            List<ExtractedEntity> people = [.. Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Add(Person(random)))];
            List<ExtractedEntity> states = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Add(State(random)))];
            List<ExtractedEntity> organizations = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Add(Organization(random)))];

            var relations = new List<ExtractedRelation>();
            int sentence = 0;
            for (int m = 0; m + 1 < people.Count && m < 4; m += 2)
            {
                relations.Add(new ExtractedRelation(RelationType.Met, people[m].Key, people[m + 1].Key, Sentence(people[m], "التقى", people[m + 1]), sentence++, published,
                    placeEntity.Key, s_topics[random.Next(s_topics.Length)]));
            }

            foreach (ExtractedEntity speaker in people.Take(1 + random.Next(2)))
            {
                string text = $"{states[0].Name} تدعم {s_topics[random.Next(s_topics.Length)]} في المنطقة {random.Next(1000)}";
                ExtractedEntity claim = Add(new ExtractedEntity(GraphKeys.Claim(speaker.Key, text), NodeKind.Claim, text, [], []));
                relations.Add(new ExtractedRelation(RelationType.Stated, speaker.Key, claim.Key, Sentence(speaker, "قال إن", claim), sentence++, published,
                    Verb: s_verbs[random.Next(s_verbs.Length)]));
            }

            foreach (ExtractedEntity organization in organizations)
            {
                ExtractedEntity state = states[random.Next(states.Count)];
                relations.Add(new ExtractedRelation(RelationType.MemberOf, state.Key, organization.Key, Sentence(state, "عضو في", organization), sentence++,
                    Status: random.Next(5) == 0 ? MembershipStatus.Observer : MembershipStatus.Member));
            }

            relations.Add(new ExtractedRelation(RelationType.HoldsRole, people[0].Key, states[0].Key, Sentence(people[0], "وزير خارجية", states[0]), 0, Role: "وزير الخارجية"));

            string body = string.Join(" ", relations.Select(r => r.Evidence));
            string title = $"{people[0].Name} يبحث مع {people[^1].Name} في {place}";
            var info = new ArticleInfo($"https://bench.newsgraph.test/{seed}/{i:D6}", $"{place} - وكالة. {body}", title, $"https://bench.newsgraph.test/{seed}/{i:D6}", "bench", place, published);
            articles.Add(new ArticleGraph(info, [.. entities.Values], relations));
        }

        return articles;
    }

    private static ExtractedEntity Person(Random random)
    {
        string name = s_given[Skewed(random, s_given.Length)] + " " + s_family[Skewed(random, s_family.Length)];
        string surname = name[(name.LastIndexOf(' ') + 1)..];
        return new ExtractedEntity(GraphKeys.Person(name), NodeKind.Person, name, [surname], ["وزير الخارجية"], Mentions: 1 + random.Next(4));
    }

    private static ExtractedEntity State(Random random)
    {
        string iso = s_iso[Skewed(random, s_iso.Length)];
        return new ExtractedEntity(GraphKeys.State(iso), NodeKind.State, "دولة " + iso, [], [], Iso: iso, Mentions: 1 + random.Next(3));
    }

    private static ExtractedEntity Organization(Random random)
    {
        string name = s_organizations[Skewed(random, s_organizations.Length)];
        return new ExtractedEntity(GraphKeys.Organization(name), NodeKind.Organization, name, [], [], Category: "intergovernmental");
    }

    private static string Sentence(ExtractedEntity subject, string verb, ExtractedEntity @object) => $"{subject.Name} {verb} {@object.Name}.";

    /// <summary>A skewed index: small ones (the hubs) come up far more often.</summary>
    private static int Skewed(Random random, int length) => (int)(length * Math.Pow(random.NextDouble(), 2));
}
