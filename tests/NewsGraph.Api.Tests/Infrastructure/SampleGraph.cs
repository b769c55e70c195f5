using NewsGraph.Core.Graph;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// A small graph written in code, shaped like what the extractor makes of the sample SANA article
/// and a few more wire stories: a meeting in Moscow, Antonov's statements, the SCO membership list,
/// Syromolotov's title, and enough people for paging. Relations carry confidences as the model would
/// give them (one of Antonov's statements unscored). A third story, two years on, has India and
/// Pakistan join the SCO as members, so their status changes over time.
/// </summary>
public static class SampleGraph
{
    public const string SanaUrl = "https://sana.sy/?p=100001";
    public const string SecondUrl = "https://example.org/news/2";
    public const string ThirdUrl = "https://example.org/news/3";

    public static readonly string Bogdanov = GraphKeys.Person("ميخائيل بوغدانوف");
    public static readonly string Ramzi = GraphKeys.Person("رمزي رمزي");
    public static readonly string Antonov = GraphKeys.Person("أناتولي أنطونوف");
    public static readonly string Syromolotov = GraphKeys.Person("أوليغ سيرومولوتوف");
    public static readonly string Lavrov = GraphKeys.Person("سيرغي لافروف");
    public static readonly string Muallem = GraphKeys.Person("وليد المعلم");
    public static readonly string DeMistura = GraphKeys.Person("ستافان دي ميستورا");
    public static readonly string Moscow = GraphKeys.Place("موسكو");
    public static readonly string Sco = GraphKeys.Organization("منظمة شنغهاي للتعاون");

    public static readonly string[] AntonovClaims =
    [
        "الإرهاب الدولي يشكل تهديدا لأمن المنطقة",
        "الغرب يسهم في تفريخ الجماعات الإرهابية",
        "روسيا ستواصل دعم الجيش السوري",
        "التعاون العسكري مع الصين يتطور بنجاح",
        "المناورات المشتركة ستجري في الخريف",
    ];

    /// <summary>How sure the model is of each of Antonov's statements (the fourth was not scored).</summary>
    public static readonly double?[] AntonovConfidences = [0.93, 0.88, 0.71, null, 0.42];

    private static readonly (string Iso, string Name, MembershipStatus Status)[] s_scoMembers =
    [
        ("RU", "روسيا", MembershipStatus.Member),
        ("CN", "الصين", MembershipStatus.Member),
        ("KZ", "كازاخستان", MembershipStatus.Member),
        ("KG", "قيرغيزستان", MembershipStatus.Member),
        ("TJ", "طاجيكستان", MembershipStatus.Member),
        ("UZ", "أوزبكستان", MembershipStatus.Member),
        ("IN", "الهند", MembershipStatus.Observer),
        ("IR", "إيران", MembershipStatus.Observer),
        ("PK", "باكستان", MembershipStatus.Observer),
        ("AF", "أفغانستان", MembershipStatus.Observer),
        ("MN", "منغوليا", MembershipStatus.Observer),
        ("BY", "بيلاروس", MembershipStatus.DialoguePartner),
        ("TR", "تركيا", MembershipStatus.DialoguePartner),
        ("LK", "سريلانكا", MembershipStatus.DialoguePartner),
    ];

    public static IReadOnlyList<ArticleGraph> Articles() => [Sana(), Second(), Joined()];

    private static ArticleGraph Sana()
    {
        const string met = "بحث ميخائيل بوغدانوف الممثل الخاص للرئيس الروسي في موسكو اليوم مع رمزي رمزي تطورات الاوضاع في سورية.";
        const string members = "وتضم المنظمة 14 دولة هي روسيا والصين وكازاخستان وقيرغيزستان وطاجيكستان وأوزبكستان والهند وإيران وباكستان وأفغانستان ومنغوليا كعضو مراقب وبيلاروس وتركيا وسريلانكا كعضو شريك في الحوار.";
        var article = new ArticleInfo(SanaUrl, "موسكو-سانا\n" + met + "\n" + members, "بوغدانوف يبحث مع رمزي الأوضاع في سورية", SanaUrl, "سانا", "موسكو-سانا", new DateOnly(2015, 6, 24));
        var entities = new List<ExtractedEntity>
        {
            new(Bogdanov, NodeKind.Person, "ميخائيل بوغدانوف", ["بوغدانوف"], ["الممثل الخاص للرئيس الروسي لشؤون الشرق الأوسط والبلدان الأفريقية"], Mentions: 2),
            new(Ramzi, NodeKind.Person, "رمزي رمزي", ["رمزي"], ["ممثل مبعوث الأمين العام للأمم المتحدة إلى سورية"], Mentions: 2),
            new(Antonov, NodeKind.Person, "أناتولي أنطونوف", ["أنطونوف"], ["نائب وزير الدفاع الروسي"], Mentions: 6),
            new(DeMistura, NodeKind.Person, "ستافان دي ميستورا", ["دي ميستورا"], ["مبعوث الأمين العام للأمم المتحدة الخاص بشأن سورية"]),
            new(Moscow, NodeKind.Place, "موسكو", [], [], Category: "city"),
            new(GraphKeys.State("SY"), NodeKind.State, "سورية", ["سوريا", "السورية"], [], Iso: "SY", Mentions: 3),
            new(Sco, NodeKind.Organization, "منظمة شنغهاي للتعاون", ["شنغهاي للتعاون"], [], Category: "intergovernmental", Mentions: 2),
        };
        entities.AddRange(s_scoMembers.Select(m => new ExtractedEntity(GraphKeys.State(m.Iso), NodeKind.State, m.Name, [], [], Iso: m.Iso)));
        var relations = new List<ExtractedRelation>
        {
            new(RelationType.Met, Bogdanov, Ramzi, met, 1, new DateOnly(2015, 6, 24), Moscow, "تطورات الاوضاع في سورية", "بحث", Confidence: 0.92,
                DatePrecision: DatePrecision.Day, DateSource: DateSource.Sentence),
        };
        relations.AddRange(s_scoMembers.Select(m => new ExtractedRelation(
            RelationType.MemberOf, GraphKeys.State(m.Iso), Sco, members, 2, new DateOnly(2015, 6, 24), Status: m.Status,
            DatePrecision: DatePrecision.Day, DateSource: DateSource.Article,
            Confidence: m.Status switch { MembershipStatus.Member => 0.96, MembershipStatus.Observer => 0.74, _ => 0.58 })));
        for (int i = 0; i < AntonovClaims.Length; i++)
        {
            string claim = GraphKeys.Claim(Antonov, AntonovClaims[i]);
            entities.Add(new ExtractedEntity(claim, NodeKind.Claim, AntonovClaims[i], [], []));
            relations.Add(new ExtractedRelation(
                RelationType.Stated, Antonov, claim, "وقال أنطونوف إن " + AntonovClaims[i], 3 + i, new DateOnly(2015, 6, 24), Verb: i % 2 == 0 ? "قال" : "أكد",
                Confidence: AntonovConfidences[i]));
        }

        return new ArticleGraph(article, entities, relations);
    }

    private static ArticleGraph Second()
    {
        const string met = "التقى نائب وزير الخارجية الروسي أوليغ سيرومولوتوف في موسكو ميخائيل بوغدانوف.";
        const string met2 = "واجتمع سيرغي لافروف مع وليد المعلم في موسكو.";
        const string said = "وقال لافروف إن الحل في سوريا سياسي.";
        var article = new ArticleInfo(SecondUrl, met + "\n" + met2 + "\n" + said, "لافروف يلتقي المعلم", SecondUrl, "وكالة أخرى", null, new DateOnly(2015, 7, 1));
        string claim = GraphKeys.Claim(Lavrov, "الحل في سوريا سياسي");
        return new ArticleGraph(
            article,
            [
                new(Syromolotov, NodeKind.Person, "أوليغ سيرومولوتوف", ["سيرومولوتوف"], ["نائب وزير الخارجية الروسي"]),
                new(Bogdanov, NodeKind.Person, "ميخائيل بوغدانوف", ["بوغدانوف"], []),
                new(Lavrov, NodeKind.Person, "سيرغي لافروف", ["لافروف"], ["وزير الخارجية الروسي"], Mentions: 2),
                new(Muallem, NodeKind.Person, "وليد المعلم", ["المعلم"], ["وزير الخارجية السوري"]),
                new(Moscow, NodeKind.Place, "موسكو", [], [], Category: "city", Mentions: 2),
                new(GraphKeys.State("RU"), NodeKind.State, "روسيا", ["الروسي", "الروسية"], [], Iso: "RU"),
                new(GraphKeys.State("SY"), NodeKind.State, "سورية", ["سوريا"], [], Iso: "SY"),
                new(claim, NodeKind.Claim, "الحل في سوريا سياسي", [], []),
            ],
            [
                new(RelationType.Met, Syromolotov, Bogdanov, met, 0, new DateOnly(2015, 7, 1), Moscow, Verb: "التقى", Confidence: 0.64,
                    DatePrecision: DatePrecision.Day, DateSource: DateSource.Article),
                new(RelationType.Met, Lavrov, Muallem, met2, 1, new DateOnly(2015, 7, 1), Moscow, Verb: "اجتمع", Confidence: 0.87,
                    DatePrecision: DatePrecision.Day, DateSource: DateSource.Article),
                new(RelationType.Stated, Lavrov, claim, said, 2, new DateOnly(2015, 7, 1), Verb: "قال", Confidence: 0.9),
            ]);
    }

    /// <summary>India and Pakistan become full members (dated by the sentence's اليوم).</summary>
    private static ArticleGraph Joined()
    {
        const string joined = "وانضمت الهند وباكستان اليوم إلى منظمة شنغهاي للتعاون عضوين كاملين.";
        var article = new ArticleInfo(ThirdUrl, "أستانا\n" + joined, "الهند وباكستان تنضمان إلى منظمة شنغهاي", ThirdUrl, "وكالة أخرى", "أستانا", new DateOnly(2017, 6, 9));
        return new ArticleGraph(
            article,
            [
                new(Sco, NodeKind.Organization, "منظمة شنغهاي للتعاون", [], [], Category: "intergovernmental"),
                new(GraphKeys.State("IN"), NodeKind.State, "الهند", [], [], Iso: "IN"),
                new(GraphKeys.State("PK"), NodeKind.State, "باكستان", [], [], Iso: "PK"),
            ],
            [
                new(RelationType.MemberOf, GraphKeys.State("IN"), Sco, joined, 1, new DateOnly(2017, 6, 9), Status: MembershipStatus.Member, Confidence: 0.9,
                    DatePrecision: DatePrecision.Day, DateSource: DateSource.Sentence),
                new(RelationType.MemberOf, GraphKeys.State("PK"), Sco, joined, 1, new DateOnly(2017, 6, 9), Status: MembershipStatus.Member, Confidence: 0.9,
                    DatePrecision: DatePrecision.Day, DateSource: DateSource.Sentence),
            ]);
    }
}
