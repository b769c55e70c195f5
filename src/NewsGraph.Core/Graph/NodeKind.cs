namespace NewsGraph.Core.Graph;

/// <summary>
/// The node labels of the graph. This is the fixed list every store maps to labels or tables;
/// nothing outside it is ever written as a label.
/// </summary>
public enum NodeKind
{
    Person,
    State,
    Organization,
    Place,
    Claim,
    Article,
}

/// <summary>The relationship types of the graph, a fixed list like <see cref="NodeKind"/>.</summary>
public enum RelationType
{
    /// <summary>Person → Person: two people met in person.</summary>
    Met,

    /// <summary>Person, Organization or State → Claim.</summary>
    Stated,

    /// <summary>State → Organization, with a <see cref="MembershipStatus"/>.</summary>
    MemberOf,

    /// <summary>Person → Organization or State: the person holds a role there.</summary>
    HoldsRole,

    /// <summary>Person → Person: a phone call, kept apart from <see cref="Met"/>.</summary>
    Phoned,
}

/// <summary>How a state belongs to an organization, as the text says it.</summary>
public enum MembershipStatus
{
    Member,
    Observer,
    DialoguePartner,
    Applicant,
}

/// <summary>How much of a relation's date the text gives: the day, only the month, only the year.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>Where a relation's date comes from: its own sentence, or (the sentence saying none) its article's date.</summary>
public enum DateSource
{
    Sentence,
    Article,
}

/// <summary>The names stores and output formats use for the fixed lists above.</summary>
public static class GraphNames
{
    /// <summary>
    /// Article → entity (or claim): the article mentions it. Structural, not an assertion, so it is
    /// not a <see cref="RelationType"/>; a graph store may write it (Neo4j does, with the
    /// article's contribution as properties) and nothing else outside the lists above.
    /// </summary>
    public const string Mentions = "MENTIONS";

    /// <summary>
    /// Bookkeeping, not graph: the state of one followed feed or folder (<c>Storage/SourceState</c>).
    /// Kept in the store so a restarted follower resumes where it was, in whichever store it writes to.
    /// </summary>
    public const string FollowedSource = "FollowedSource";

    /// <summary>Bookkeeping, not graph: one item a followed source has handed over, with the hash of what it held.</summary>
    public const string FollowedItem = "FollowedItem";

    /// <summary>
    /// Bookkeeping, not graph: one band key of an article's text fingerprint (<c>Text/TextFingerprint</c>),
    /// indexed so that an arriving article finds the stored articles it may be a reprint of without a scan.
    /// </summary>
    public const string ArticleBand = "ArticleBand";

    public static string Label(NodeKind kind) => kind switch
    {
        NodeKind.Person => "Person",
        NodeKind.State => "State",
        NodeKind.Organization => "Organization",
        NodeKind.Place => "Place",
        NodeKind.Claim => "Claim",
        NodeKind.Article => "Article",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a node kind"),
    };

    public static string TypeName(RelationType type) => type switch
    {
        RelationType.Met => "MET",
        RelationType.Stated => "STATED",
        RelationType.MemberOf => "MEMBER_OF",
        RelationType.HoldsRole => "HOLDS_ROLE",
        RelationType.Phoned => "PHONED",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a relation type"),
    };

    public static string StatusName(MembershipStatus status) => status switch
    {
        MembershipStatus.Member => "member",
        MembershipStatus.Observer => "observer",
        MembershipStatus.DialoguePartner => "dialogue_partner",
        MembershipStatus.Applicant => "applicant",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a membership status"),
    };

    public static string PrecisionName(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "DAY",
        DatePrecision.Month => "MONTH",
        DatePrecision.Year => "YEAR",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "not a date precision"),
    };

    public static string SourceName(DateSource source) => source switch
    {
        DateSource.Sentence => "SENTENCE",
        DateSource.Article => "ARTICLE",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "not a date source"),
    };

    public static DatePrecision ParsePrecision(string name) => Parse<DatePrecision>(name, PrecisionName, "date precision");

    public static DateSource ParseSource(string name) => Parse<DateSource>(name, SourceName, "date source");

    public static NodeKind ParseKind(string label) => Parse<NodeKind>(label, Label, "node label");

    public static RelationType ParseType(string name) => Parse<RelationType>(name, TypeName, "relation type");

    public static MembershipStatus ParseStatus(string name) => Parse<MembershipStatus>(name, StatusName, "membership status");

    /// <summary>The member of a fixed list whose name is <paramref name="value"/>; anything else is a format error.</summary>
    private static T Parse<T>(string value, Func<T, string> nameOf, string what)
        where T : struct, Enum
    {
        foreach (T candidate in Enum.GetValues<T>())
        {
            if (nameOf(candidate) == value)
            {
                return candidate;
            }
        }

        throw new FormatException($"unknown {what} '{value}'");
    }
}
