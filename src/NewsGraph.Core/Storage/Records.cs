using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>
/// A node as stored, merged over every article that mentions it. Claims are entity records too
/// (<see cref="NodeKind.Claim"/>; <see cref="Name"/> is the stated text).
/// </summary>
public sealed record EntityRecord(
    string Key,
    NodeKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Titles,
    string? Iso,
    string? Category,
    int MentionCount,
    int ArticleCount);

/// <summary>An article as stored.</summary>
public sealed record ArticleRecord(
    string Key,
    string? Title,
    string? Url,
    string? Source,
    string? Dateline,
    DateOnly? Published,
    string Language,
    string? File,
    string Text,
    DateTimeOffset IngestedAt);

/// <summary>
/// Where a relation was asserted: the article and the sentence (original text), the extractor's
/// calibrated probability that the article asserts it there (null when not scored), and the date
/// that assertion gave (its sentence's, else its article's; null with its precision and source when
/// neither says). A relation's own date is one of these; the others are kept so that statuses can
/// be followed over time (<see cref="StatusHistory"/>).
/// </summary>
public sealed record Provenance(
    string ArticleKey,
    string Evidence,
    int SentenceIndex,
    double? Confidence,
    DateOnly? Date = null,
    DatePrecision? DatePrecision = null,
    DateSource? DateSource = null);

/// <summary>
/// A relation as stored, merged over every article that asserts it. <see cref="Provenance"/> is
/// ordered by article key then sentence, so output is deterministic. <see cref="Confidence"/> is
/// the noisy-or of the assertions' confidences (<see cref="ArticleGraphUpsert.MergedConfidence"/>, to
/// 9 decimals), null when no assertion has one. <see cref="Date"/>, <see cref="DatePrecision"/> and
/// <see cref="DateSource"/> come together from the first assertion (in that order) that has a date.
/// </summary>
public sealed record RelationRecord(
    string Key,
    RelationType Type,
    string From,
    string To,
    DateOnly? Date,
    string? PlaceKey,
    string? Topic,
    string? Verb,
    MembershipStatus? Status,
    string? Role,
    double? Confidence,
    IReadOnlyList<Provenance> Provenance,
    DatePrecision? DatePrecision = null,
    DateSource? DateSource = null);

/// <summary>
/// What one upsert changed. Upserting the same articles again reports zero new items.
/// <see cref="Writes"/> says, per article key of the batch, whether the article was new, replaced
/// (its content changed) or left as it was; both stores fill it. Equality compares the counts only:
/// the per-key detail adds up to them (written = created + replaced, unchanged = unchanged).
/// </summary>
public sealed record UpsertResult(int ArticlesWritten, int ArticlesUnchanged, int NodesCreated, int RelationsCreated)
{
    public static UpsertResult Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Article key → what the upsert did with it (empty from a store or double that does not say).</summary>
    public IReadOnlyDictionary<string, ArticleWrite> Writes { get; init; } = new Dictionary<string, ArticleWrite>(StringComparer.Ordinal);

    /// <summary>
    /// The counts of both added up. <see cref="Writes"/> is left empty: it belongs to one batch, and a
    /// running total over a whole copy or benchmark would hold every article key it ever saw.
    /// </summary>
    public UpsertResult Add(UpsertResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            ArticlesWritten + other.ArticlesWritten,
            ArticlesUnchanged + other.ArticlesUnchanged,
            NodesCreated + other.NodesCreated,
            RelationsCreated + other.RelationsCreated);
    }

    public bool Equals(UpsertResult? other) =>
        other is not null && ArticlesWritten == other.ArticlesWritten && ArticlesUnchanged == other.ArticlesUnchanged
        && NodesCreated == other.NodesCreated && RelationsCreated == other.RelationsCreated;

    public override int GetHashCode() => HashCode.Combine(ArticlesWritten, ArticlesUnchanged, NodesCreated, RelationsCreated);
}

/// <summary>What an upsert did with one article.</summary>
public enum ArticleWrite
{
    /// <summary>The article was not stored before.</summary>
    Created,

    /// <summary>The article was stored with other content (or another extraction); its contribution was replaced.</summary>
    Replaced,

    /// <summary>The article was stored with the same content hash: nothing was written.</summary>
    Unchanged,
}

/// <summary>
/// A store that can say whether it could serve right now, by a fresh round trip rather than a cached
/// connection (the readiness check of <c>/health/ready</c>). Both stores implement it.
/// </summary>
public interface IStoreProbe
{
    /// <summary>Completes when the store answered; throws (<see cref="StoreUnavailableException"/> or the store's own error) when it did not.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// What one removal changed: articles taken out, keys that were not stored (a second removal of
/// the same keys finds them all absent), and entities and relations deleted because no article
/// supported them any more.
/// </summary>
public sealed record RemoveResult(int ArticlesRemoved, int NotFound, int NodesDeleted, int RelationsDeleted)
{
    public static RemoveResult Empty { get; } = new(0, 0, 0, 0);
}

/// <summary>A search result: an entity or claim, with a relevance score (higher is better).</summary>
public sealed record SearchHit(string Key, NodeKind Kind, double Score);

/// <summary>A path between two nodes: keys of the nodes in order and the relations joining them.</summary>
public sealed record GraphPath(IReadOnlyList<string> NodeKeys, IReadOnlyList<RelationRecord> Relations);

/// <summary>
/// Counts for dashboards: every stored article (reprints included), and the entities and relations
/// the graph holds (every copy's contribution merged in, as the lists return them).
/// </summary>
public sealed record GraphStats(long Articles, IReadOnlyList<KindCount> Entities, IReadOnlyList<TypeCount> Relations)
{
    /// <summary>How many of <see cref="Articles"/> are reprints (<see cref="ReprintLinks"/>); the stories are <c>Articles - Reprints</c>.</summary>
    public long Reprints { get; init; }
}

public sealed record KindCount(NodeKind Kind, long Count);

public sealed record TypeCount(RelationType Type, long Count);

/// <summary>
/// One bucket of a timeline: relations (or articles) dated in [Start, next bucket). The undated
/// ones (no date of their own and no dated article) are counted in a last bucket whose
/// <see cref="Start"/> is null, only when the timeline is not bounded by dates.
/// </summary>
public sealed record TimelineBucket(DateOnly? Start, long Count)
{
    public bool Undated => Start is null;

    /// <summary>For an article timeline, how many of <see cref="Count"/> are reprints (stories: <c>Count - Reprints</c>); 0 for relations.</summary>
    public long Reprints { get; init; }
}

/// <summary>An entity with the value it was ranked by.</summary>
public sealed record RankedEntity(string Key, long Value);
