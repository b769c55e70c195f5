namespace NewsGraph.Core.Graph;

/// <summary>
/// What extraction makes of one article: the article itself, the entities it mentions and the
/// relations it asserts, each relation with the sentence that asserts it. Stores upsert these.
/// </summary>
public sealed record ArticleGraph(
    ArticleInfo Article,
    IReadOnlyList<ExtractedEntity> Entities,
    IReadOnlyList<ExtractedRelation> Relations);

/// <summary>An article as ingested. <see cref="Key"/> is its URL when known, else a hash of its normalized text.</summary>
public sealed record ArticleInfo(
    string Key,
    string Text,
    string? Title = null,
    string? Url = null,
    string? Source = null,
    string? Dateline = null,
    DateOnly? Published = null,
    string Language = "ar",
    string? File = null);

/// <summary>
/// One entity as an article mentions it. <see cref="Key"/> is stable across articles (see
/// <see cref="GraphKeys"/>), which is what merges the graph. Claims are entities too
/// (<see cref="NodeKind.Claim"/>, <see cref="Name"/> holds the stated text).
/// </summary>
public sealed record ExtractedEntity(
    string Key,
    NodeKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Titles,
    string? Iso = null,
    string? Category = null,
    int Mentions = 1);

/// <summary>
/// One relation asserted by an article. <see cref="Evidence"/> is the sentence that asserts it
/// (original text) and <see cref="SentenceIndex"/> its position in the article.
/// <see cref="Confidence"/> is the extractor's calibrated probability that the article asserts it
/// (null when no model scored it). <see cref="Date"/> is when it happened: the date its sentence
/// gives (<see cref="DateSource.Sentence"/>), else its article's (<see cref="DateSource.Article"/>),
/// to the <see cref="DatePrecision"/> the text gives; all three are null when neither says.
/// </summary>
public sealed record ExtractedRelation(
    RelationType Type,
    string From,
    string To,
    string Evidence,
    int SentenceIndex,
    DateOnly? Date = null,
    string? PlaceKey = null,
    string? Topic = null,
    string? Verb = null,
    MembershipStatus? Status = null,
    string? Role = null,
    double? Confidence = null,
    DatePrecision? DatePrecision = null,
    DateSource? DateSource = null);
