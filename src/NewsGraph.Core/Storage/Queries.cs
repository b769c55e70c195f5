using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>
/// A cursor page request. Exactly one direction is used: <see cref="First"/>/<see cref="After"/>
/// (forward) or <see cref="Last"/>/<see cref="Before"/> (backward). Cursors are opaque strings made
/// by <see cref="Cursor"/>; <see cref="IncludeTotal"/> asks the store to count the whole result,
/// which it does only when asked.
/// </summary>
public sealed record PageRequest(int? First = null, string? After = null, int? Last = null, string? Before = null, bool IncludeTotal = false)
{
    public bool IsBackward => Last is not null && First is null;

    /// <summary>The number of items wanted (<see cref="First"/> or <see cref="Last"/>).</summary>
    public int Size => First ?? Last ?? 0;

    public static PageRequest FirstN(int n) => new(First: n);
}

/// <summary>One item of a page and the cursor that points at it.</summary>
public sealed record PageItem<T>(T Node, string Cursor);

/// <summary>
/// A page of results. Items are in the requested order (ties broken by key), so consecutive
/// pages are disjoint and together complete. <see cref="TotalCount"/> is null unless requested.
/// </summary>
public sealed record Page<T>(IReadOnlyList<PageItem<T>> Items, bool HasNextPage, bool HasPreviousPage, long? TotalCount)
{
    public static Page<T> Empty { get; } = new([], false, false, 0);

    public string? StartCursor => Items.Count > 0 ? Items[0].Cursor : null;

    public string? EndCursor => Items.Count > 0 ? Items[^1].Cursor : null;
}

public enum SortDirection
{
    Ascending,
    Descending,
}

public enum EntityOrderField
{
    /// <summary>Normalized name.</summary>
    Name,

    /// <summary>Total number of mentions across articles.</summary>
    Mentions,

    /// <summary>Number of articles that mention the entity.</summary>
    Articles,
}

public enum RelationOrderField
{
    /// <summary>The relation's date (undated relations sort first ascending).</summary>
    Date,

    /// <summary>The number of articles asserting the relation.</summary>
    Articles,
}

public enum ArticleOrderField
{
    Published,
    Title,
}

/// <summary>
/// A relationship filter on entities: the entity has (or, with <see cref="Exists"/> false, has
/// no) relation of <see cref="Type"/> matching the optional conditions.
/// </summary>
public sealed record RelationExists(
    RelationType Type,
    bool Exists = true,
    string? CounterpartKey = null,
    string? PlaceKey = null,
    MembershipStatus? Status = null,
    string? TextContains = null);

/// <summary>Filters on entities (and claims). All given conditions must hold.</summary>
public sealed record EntityQuery
{
    public IReadOnlyList<NodeKind>? Kinds { get; init; }

    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Normalized substring of the name or of any alias (see <see cref="Text.ArabicText"/>).</summary>
    public string? NameContains { get; init; }

    public string? Iso { get; init; }

    public string? Category { get; init; }

    /// <summary>Mentioned in an article of this source.</summary>
    public string? Source { get; init; }

    /// <summary>Mentioned in an article published on or after this date.</summary>
    public DateOnly? MentionedFrom { get; init; }

    /// <summary>Mentioned in an article published on or before this date.</summary>
    public DateOnly? MentionedTo { get; init; }

    public IReadOnlyList<RelationExists>? Relations { get; init; }

    public EntityOrderField OrderBy { get; init; } = EntityOrderField.Name;

    public SortDirection Direction { get; init; } = SortDirection.Ascending;
}

/// <summary>Filters on relations. All given conditions must hold.</summary>
public sealed record RelationQuery
{
    public IReadOnlyList<RelationType>? Types { get; init; }

    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>The relation's source is this entity (speaker, state, person holding a role).</summary>
    public string? FromKey { get; init; }

    /// <summary>The relation's target is this entity (organization, claim …).</summary>
    public string? ToKey { get; init; }

    /// <summary>Either end is this entity (a meeting participant, a member or its organization …).</summary>
    public string? InvolvingKey { get; init; }

    public string? PlaceKey { get; init; }

    public MembershipStatus? Status { get; init; }

    /// <summary>Normalized substring of the claim text (STATED) or topic (MET).</summary>
    public string? TextContains { get; init; }

    public string? Verb { get; init; }

    public DateOnly? DateFrom { get; init; }

    public DateOnly? DateTo { get; init; }

    /// <summary>Asserted by this article.</summary>
    public string? ArticleKey { get; init; }

    /// <summary>Asserted by an article of this source.</summary>
    public string? Source { get; init; }

    /// <summary>The relation's merged confidence is at least this; a relation without one never matches.</summary>
    public double? MinConfidence { get; init; }

    /// <summary>The relation's merged confidence is at most this; a relation without one never matches.</summary>
    public double? MaxConfidence { get; init; }

    public RelationOrderField OrderBy { get; init; } = RelationOrderField.Date;

    public SortDirection Direction { get; init; } = SortDirection.Ascending;

    /// <summary>
    /// The caller reads no provenance (a neighbourhood's edges): a store may then return each
    /// relation with an empty <see cref="RelationRecord.Provenance"/> and spare reading the
    /// assertions — for a hub's page of 100 relations two thirds of the SQLite store's read. Not a filter.
    /// </summary>
    public bool WithoutProvenance { get; init; }
}

/// <summary>Filters on articles.</summary>
public sealed record ArticleQuery
{
    public IReadOnlyList<string>? Keys { get; init; }

    public string? Source { get; init; }

    /// <summary>Normalized substring of the title or text.</summary>
    public string? TextContains { get; init; }

    public DateOnly? PublishedFrom { get; init; }

    public DateOnly? PublishedTo { get; init; }

    /// <summary>Mentions this entity.</summary>
    public string? MentionsKey { get; init; }

    public ArticleOrderField OrderBy { get; init; } = ArticleOrderField.Published;

    public SortDirection Direction { get; init; } = SortDirection.Descending;
}

/// <summary>How grouped relation reads attach relations to the keys asked for.</summary>
public enum RelationGrouping
{
    /// <summary>Relations where the key is either end.</summary>
    ByEndpoint,

    /// <summary>Relations where the key is the source (speaker, member state, role holder).</summary>
    BySource,

    /// <summary>Relations where the key is the target (organization of members, claim).</summary>
    ByTarget,

    /// <summary>Relations asserted by the article with that key.</summary>
    ByArticle,
}

public enum TimeInterval
{
    Day,
    Week,
    Month,
}

public enum EntityRanking
{
    Mentions,
    Meetings,
    Statements,
    Degree,
}

/// <summary>Which date a top-entities range applies to.</summary>
public enum DateBasis
{
    /// <summary>The articles': mentions in, or relations asserted by, an article published in range.</summary>
    Published,

    /// <summary>
    /// The relations' own: dated in range by their sentence, else by their earliest article, as
    /// timelines and relation filters go. Mentions have no such date.
    /// </summary>
    Event,
}
