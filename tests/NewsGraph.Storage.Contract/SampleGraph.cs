using NewsGraph.Core.Graph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// The graph every contract test starts from: seven wire articles over six weeks (March and
/// April 2024) with two meetings reported twice, statements, memberships of every status, a
/// role, an undated article, and spelling variants (hamza, ة, ى, shadda) to search for.
/// Relations carry the confidences a model would give them, except where no model scores them
/// (the role, and a4, extracted with the rules alone); a6 leaves Lavrov's repeated statement unscored.
/// The expected values in the tests are worked out from this data by hand.
/// </summary>
public static class SampleGraph
{
    public const string A1 = "https://news.test/a1";
    public const string A2 = "https://news.test/a2";
    public const string A3 = "https://news.test/a3";
    public const string A4 = "https://news.test/a4";
    public const string A5 = "https://news.test/a5";
    public const string A6 = "https://news.test/a6";
    public const string A7 = "https://news.test/a7";

    public const string LavrovClaimText = "روسيا تدعم الحل السياسي في سورية";
    public const string SafadiClaimText = "الأردن يرحب بالحوار بين الأطراف";

    public static readonly string Lavrov = GraphKeys.Person("سيرغي لافروف");
    public static readonly string Safadi = GraphKeys.Person("أيمن الصفدي");
    public static readonly string Bogdanov = GraphKeys.Person("ميخائيل بوغدانوف");
    public static readonly string Antonov = GraphKeys.Person("أناتولي أنطونوف");
    public static readonly string Shoigu = GraphKeys.Person("سيرغي شويغو");
    public static readonly string Mustafa = GraphKeys.Person("مصطفى الحلبي");

    public static readonly string Russia = GraphKeys.State("RU");
    public static readonly string Jordan = GraphKeys.State("JO");
    public static readonly string Syria = GraphKeys.State("SY");
    public static readonly string Egypt = GraphKeys.State("EG");
    public static readonly string China = GraphKeys.State("CN");
    public static readonly string Mongolia = GraphKeys.State("MN");

    public static readonly string Sco = GraphKeys.Organization("sco");
    public static readonly string ArabLeague = GraphKeys.Organization("arab_league");

    public static readonly string Moscow = GraphKeys.Place("موسكو");
    public static readonly string Amman = GraphKeys.Place("عمان");

    public static readonly string LavrovClaim = GraphKeys.Claim(Lavrov, LavrovClaimText);
    public static readonly string SafadiClaim = GraphKeys.Claim(Safadi, SafadiClaimText);

    public static readonly DateOnly March4 = new(2024, 3, 4);
    public static readonly DateOnly March5 = new(2024, 3, 5);
    public static readonly DateOnly March12 = new(2024, 3, 12);
    public static readonly DateOnly March17 = new(2024, 3, 17);
    public static readonly DateOnly April2 = new(2024, 4, 2);
    public static readonly DateOnly April10 = new(2024, 4, 10);

    public static readonly string MetLavrovSafadi = GraphKeys.Relation(RelationType.Met, Lavrov, Safadi, March4);
    public static readonly string MetBogdanovAntonov = GraphKeys.Relation(RelationType.Met, Bogdanov, Antonov, March12);
    public static readonly string MetSafadiMustafa = GraphKeys.Relation(RelationType.Met, Safadi, Mustafa, April2);
    public static readonly string MetShoiguLavrov = GraphKeys.Relation(RelationType.Met, Shoigu, Lavrov, April10);
    public static readonly string StatedLavrov = GraphKeys.Relation(RelationType.Stated, Lavrov, LavrovClaim);
    public static readonly string StatedSafadi = GraphKeys.Relation(RelationType.Stated, Safadi, SafadiClaim);
    public static readonly string BogdanovRole = GraphKeys.Relation(RelationType.HoldsRole, Bogdanov, Russia, role: "نائب وزير الخارجية");
    public static readonly string RussiaInSco = GraphKeys.Relation(RelationType.MemberOf, Russia, Sco, status: MembershipStatus.Member);
    public static readonly string ChinaInSco = GraphKeys.Relation(RelationType.MemberOf, China, Sco, status: MembershipStatus.Member);
    public static readonly string MongoliaInSco = GraphKeys.Relation(RelationType.MemberOf, Mongolia, Sco, status: MembershipStatus.Observer);
    public static readonly string EgyptInSco = GraphKeys.Relation(RelationType.MemberOf, Egypt, Sco, status: MembershipStatus.DialoguePartner);
    public static readonly string JordanInArabLeague = GraphKeys.Relation(RelationType.MemberOf, Jordan, ArabLeague, status: MembershipStatus.Member);
    public static readonly string EgyptInArabLeague = GraphKeys.Relation(RelationType.MemberOf, Egypt, ArabLeague, status: MembershipStatus.Member);

    public static IReadOnlyList<string> ArticleKeys { get; } = [A1, A2, A3, A4, A5, A6, A7];

    public static IReadOnlyList<string> PersonKeys { get; } = [Lavrov, Safadi, Bogdanov, Antonov, Shoigu, Mustafa];

    public static IReadOnlyList<string> StateKeys { get; } = [Russia, Jordan, Syria, Egypt, China, Mongolia];

    public static IReadOnlyList<string> EntityKeys { get; } =
        [.. PersonKeys, .. StateKeys, Sco, ArabLeague, Moscow, Amman, LavrovClaim, SafadiClaim];

    public static IReadOnlyList<string> RelationKeys { get; } =
    [
        MetLavrovSafadi, MetBogdanovAntonov, MetSafadiMustafa, MetShoiguLavrov, StatedLavrov, StatedSafadi, BogdanovRole,
        RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco, JordanInArabLeague, EgyptInArabLeague,
    ];

    /// <summary>A Moscow meeting, and Lavrov's statement. The meeting has a topic but no place here.</summary>
    public static ArticleGraph Article1 { get; } = new(
        new ArticleInfo(
            A1,
            "موسكو - تاس. التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأردني أيمن الصفدي. وقال لافروف إن روسيا تدعم الحل السياسي في سورية.",
            Title: "لافروف يلتقي الصفدي في موسكو",
            Url: A1,
            Source: "tass",
            Dateline: "موسكو",
            Published: March4,
            File: "a1.txt"),
        [
            Person("سيرغي لافروف", 3, ["لافروف"], ["وزير الخارجية الروسي"]),
            Person("أيمن الصفدي", 2, ["الصفدي"], ["وزير الخارجية الأردني"]),
            Place("موسكو"),
            State("RU", "روسيا"),
            State("JO", "الأردن"),
            State("SY", "سورية", "سوريا"),
            Claim(Lavrov, LavrovClaimText),
        ],
        [
            new(RelationType.Met, Lavrov, Safadi, "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأردني أيمن الصفدي.", 0, March4, Topic: "الأزمة السورية", Confidence: 0.8),
            new(RelationType.Stated, Lavrov, LavrovClaim, "وقال لافروف إن روسيا تدعم الحل السياسي في سورية.", 1, March4, Verb: "قال", Confidence: 0.9),
        ]);

    /// <summary>The same meeting from the other side (other order, a place, another topic), and Safadi's statement.</summary>
    public static ArticleGraph Article2 { get; } = new(
        new ArticleInfo(
            A2,
            "عمان - بترا. أكد وزير الخارجية أيمن الصفدي أن الأردن يرحب بالحوار بين الأطراف. وكان الصفدي قد بحث مع لافروف في موسكو العلاقات الثنائية.",
            Title: "الصفدي: الأردن يرحب بالحوار",
            Url: A2,
            Source: "petra",
            Dateline: "عمان",
            Published: March5),
        [
            Person("أيمن الصفدي", 2, ["الصفدي"], ["وزير الخارجية"]),
            Person("سيرغي لافروف", 1, ["لافروف"], []),
            State("JO", "الأردن"),
            Place("موسكو"),
            Claim(Safadi, SafadiClaimText),
        ],
        [
            new(RelationType.Stated, Safadi, SafadiClaim, "أكد وزير الخارجية أيمن الصفدي أن الأردن يرحب بالحوار بين الأطراف.", 0, March5, Verb: "أكد", Confidence: 0.7),
            new(RelationType.Met, Safadi, Lavrov, "وكان الصفدي قد بحث مع لافروف في موسكو العلاقات الثنائية.", 1, March4, PlaceKey: Moscow, Topic: "العلاقات الثنائية", Confidence: 0.5),
        ]);

    public static ArticleGraph Article3 { get; } = new(
        new ArticleInfo(
            A3,
            "موسكو - تاس. بحث نائب وزير الخارجية الروسي ميخائيل بوغدانوف مع أناتولي أنطونوف العلاقات الثنائية.",
            Title: "بوغدانوف يبحث مع أنطونوف",
            Url: A3,
            Source: "tass",
            Dateline: "موسكو",
            Published: March12),
        [
            Person("ميخائيل بوغدانوف", 2, ["بوغدانوف"], ["نائب وزير الخارجية الروسي"]),
            Person("أناتولي أنطونوف", 1, ["أنطونوف"], []),
            State("RU", "روسيا"),
            Place("موسكو"),
        ],
        [
            new(RelationType.Met, Bogdanov, Antonov, "بحث نائب وزير الخارجية الروسي ميخائيل بوغدانوف مع أناتولي أنطونوف العلاقات الثنائية.", 0, March12, PlaceKey: Moscow, Topic: "العلاقات الثنائية", Confidence: 0.6),
            new(RelationType.HoldsRole, Bogdanov, Russia, "بحث نائب وزير الخارجية الروسي ميخائيل بوغدانوف", 0, Role: "نائب وزير الخارجية"),
        ]);

    /// <summary>Memberships of every status but applicant; published on a Sunday (ISO week of Monday 11 March).</summary>
    public static ArticleGraph Article4 { get; } = new(
        new ArticleInfo(
            A4,
            "بكين - تاس. تضم منظمة شنغهاي للتعاون روسيا والصين كأعضاء ومنغوليا كعضو مراقب ومصر كشريك في الحوار.",
            Title: "منظمة شنغهاي للتعاون تضم أعضاء ومراقبين",
            Url: A4,
            Source: "tass",
            Dateline: "بكين",
            Published: March17),
        [
            new(Sco, NodeKind.Organization, "منظمة شنغهاي للتعاون", ["شنغهاي"], [], Category: "intergovernmental", Mentions: 2),
            State("RU", "روسيا"),
            State("CN", "الصين"),
            State("MN", "منغوليا"),
            State("EG", "مصر"),
        ],
        [
            new(RelationType.MemberOf, Russia, Sco, "تضم منظمة شنغهاي للتعاون روسيا والصين كأعضاء", 0, Status: MembershipStatus.Member),
            new(RelationType.MemberOf, China, Sco, "تضم منظمة شنغهاي للتعاون روسيا والصين كأعضاء", 0, Status: MembershipStatus.Member),
            new(RelationType.MemberOf, Mongolia, Sco, "ومنغوليا كعضو مراقب", 0, Status: MembershipStatus.Observer),
            new(RelationType.MemberOf, Egypt, Sco, "ومصر كشريك في الحوار", 0, Status: MembershipStatus.DialoguePartner),
        ]);

    /// <summary>Safadi spelled without hamza here; the name from the lowest article key (a1) is kept.</summary>
    public static ArticleGraph Article5 { get; } = new(
        new ArticleInfo(
            A5,
            "عمان - بترا. استقبل الصفدي في عمّان مصطفى الحلبي وبحثا التعاون الاقتصادي. والأردن ومصر عضوان في جامعة الدول العربية.",
            Title: "الصفدي يستقبل مصطفى الحلبي في عمان",
            Url: A5,
            Source: "petra",
            Dateline: "عمان",
            Published: April2),
        [
            Person("ايمن الصفدي", 1, ["الصفدي"], []),
            Person("مصطفى الحلبي", 2, ["الحلبي"], []),
            Place("عمّان"),
            new(ArabLeague, NodeKind.Organization, "جامعة الدول العربية", [], [], Category: "intergovernmental"),
            State("JO", "الأردن"),
            State("EG", "مصر"),
        ],
        [
            new(RelationType.Met, Safadi, Mustafa, "استقبل الصفدي في عمّان مصطفى الحلبي وبحثا التعاون الاقتصادي.", 0, April2, PlaceKey: Amman, Topic: "التعاون الاقتصادي", Confidence: 0.3),
            new(RelationType.MemberOf, Jordan, ArabLeague, "والأردن ومصر عضوان في جامعة الدول العربية.", 1, Status: MembershipStatus.Member, Confidence: 0.85),
            new(RelationType.MemberOf, Egypt, ArabLeague, "والأردن ومصر عضوان في جامعة الدول العربية.", 1, Status: MembershipStatus.Member, Confidence: 0.65),
        ]);

    /// <summary>Lavrov repeats his statement: one STATED with provenance from a1 and a6.</summary>
    public static ArticleGraph Article6 { get; } = new(
        new ArticleInfo(
            A6,
            "موسكو - تاس. التقى سيرغي شويغو سيرغي لافروف في موسكو. وأكد لافروف أن روسيا تدعم الحل السياسي في سورية.",
            Title: "شويغو يلتقي لافروف",
            Url: A6,
            Source: "tass",
            Dateline: "موسكو",
            Published: April10),
        [
            Person("سيرغي شويغو", 2, ["شويغو"], []),
            Person("سيرغي لافروف", 2, ["لافروف"], []),
            Place("موسكو"),
            Claim(Lavrov, LavrovClaimText),
            State("RU", "روسيا"),
        ],
        [
            new(RelationType.Met, Shoigu, Lavrov, "التقى سيرغي شويغو سيرغي لافروف في موسكو.", 0, April10, PlaceKey: Moscow, Confidence: 0.95),
            new(RelationType.Stated, Lavrov, LavrovClaim, "وأكد لافروف أن روسيا تدعم الحل السياسي في سورية.", 1, April10, Verb: "أكد"),
        ]);

    /// <summary>Undated, no relations.</summary>
    public static ArticleGraph Article7 { get; } = new(
        new ArticleInfo(A7, "واشنطن - وكالة. وصل أناتولي أنطونوف إلى واشنطن.", Title: "أنطونوف في واشنطن", Url: A7, Source: "wire"),
        [Person("أناتولي أنطونوف", 1, ["أنطونوف"], [])],
        []);

    public static IReadOnlyList<ArticleGraph> Articles { get; } = [Article1, Article2, Article3, Article4, Article5, Article6, Article7];

    public static ExtractedEntity Person(string name, int mentions, string[] aliases, string[] titles) =>
        new(GraphKeys.Person(name), NodeKind.Person, name, aliases, titles, Mentions: mentions);

    public static ExtractedEntity State(string iso, string name, params string[] aliases) =>
        new(GraphKeys.State(iso), NodeKind.State, name, aliases, [], Iso: iso);

    public static ExtractedEntity Place(string name) => new(GraphKeys.Place(name), NodeKind.Place, name, [], []);

    public static ExtractedEntity Claim(string speakerKey, string text) => new(GraphKeys.Claim(speakerKey, text), NodeKind.Claim, text, [], []);
}
