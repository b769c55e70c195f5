using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>
/// The store port: the only way the rest of NewsGraph touches a graph store. It is narrow and
/// graph-shaped so that the embedded store and Neo4j implement exactly the same behaviour (one
/// contract test suite runs against both). Reads that serve nested GraphQL fields take many keys
/// at once, so the API costs a bounded number of store calls whatever the fan-out. A store owns
/// connections or HTTP clients, so it is disposed asynchronously. It also keeps the followers'
/// bookkeeping (<see cref="ISourceStateStore"/>), so that state lives and is backed up with the graph.
/// </summary>
public interface IGraphStore : IGraphWriter, IGraphReader, ISourceStateStore, IAsyncDisposable
{
}

/// <summary>Writes. Every write is idempotent: upserting the same articles twice changes nothing.</summary>
public interface IGraphWriter
{
    /// <summary>Creates the schema (tables, constraints, indexes) if missing. Safe to call at every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Upserts a batch of articles with what was extracted from them, in one transaction. An
    /// article already stored is replaced by its new extraction (its provenance is rewritten), so
    /// re-ingesting the same text leaves the graph unchanged. A node lives as long as some article
    /// lists it among its entities, so both ends of every relation must be among the entities of
    /// the article asserting it; a batch that breaks this is rejected with
    /// <see cref="ArgumentException"/> before anything is written.
    /// </summary>
    Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken);

    /// <summary>
    /// A session whose batches are committed together (<see cref="IGraphWriteSession"/>); opening one
    /// does no I/O. The default commits each batch as it is written (<see cref="CommitPerBatchSession"/>),
    /// which is what decorators and test doubles get; the embedded store groups commits.
    /// </summary>
    IGraphWriteSession OpenWriteSession() => new CommitPerBatchSession(this);

    /// <summary>
    /// Takes articles out of the graph, in one transaction: each article and its contribution go,
    /// every merged value it contributed to is updated as if it had never been ingested, and
    /// entities and relations no remaining article supports are deleted. Keys not stored are
    /// counted in <see cref="RemoveResult.NotFound"/> and change nothing, so removing twice is
    /// removing once. The default implementation throws <see cref="NotSupportedException"/>
    /// (decorators and test doubles need not remove); both stores implement it.
    /// </summary>
    /// <exception cref="ArgumentException">A key that is null, empty or only white space.</exception>
    Task<RemoveResult> RemoveArticlesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot remove articles.");
}

/// <summary>Reads the API composes.</summary>
public interface IGraphReader
{
    /// <summary>Entities and claims by key; unknown keys are left out. Order is not guaranteed.</summary>
    Task<IReadOnlyList<EntityRecord>> GetEntitiesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task<IReadOnlyList<ArticleRecord>> GetArticlesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task<IReadOnlyList<RelationRecord>> GetRelationsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>A filtered, ordered cursor page of entities (or claims).</summary>
    Task<Page<EntityRecord>> FindEntitiesAsync(EntityQuery query, PageRequest page, CancellationToken cancellationToken);

    Task<Page<ArticleRecord>> FindArticlesAsync(ArticleQuery query, PageRequest page, CancellationToken cancellationToken);

    Task<Page<RelationRecord>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// For each key, a page of the relations attached to it as <paramref name="grouping"/> says,
    /// filtered by <paramref name="query"/>. One call serves a whole level of a nested query.
    /// Every key asked for is in the result (with an empty page when it has no relations).
    /// </summary>
    Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FindRelationsForAsync(
        IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>For each article key, a page of the entities it mentions.</summary>
    Task<IReadOnlyDictionary<string, Page<EntityRecord>>> FindEntitiesInArticlesAsync(
        IReadOnlyCollection<string> articleKeys, EntityQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>For each entity key, a page of the articles that mention it (or assert a relation of it).</summary>
    Task<IReadOnlyDictionary<string, Page<ArticleRecord>>> FindArticlesMentioningAsync(
        IReadOnlyCollection<string> entityKeys, ArticleQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Ranked full-text search over names, aliases and claim texts, tolerant of Arabic spelling variants.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int first, CancellationToken cancellationToken);

    /// <summary>
    /// A shortest path of at most <paramref name="maxHops"/> relations (either direction), or null;
    /// over status edges that pass <paramref name="statusFilter"/> when one is given (as
    /// <see cref="BreadthFirstPath"/> applies it).
    /// </summary>
    Task<GraphPath?> ShortestPathAsync(
        string fromKey, string toKey, int maxHops, IReadOnlyCollection<RelationType>? types, StatusFilter? statusFilter, CancellationToken cancellationToken);

    /// <summary>
    /// What the graph holds: articles (with how many are reprints), entities per kind, relations per
    /// type. Unlike the rankings and timelines below, these count what is stored, reprints' share included.
    /// </summary>
    Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Relation counts per interval (by relation date, else the earliest asserting article's date);
    /// with no type, article counts by publication date, each bucket with how many of them are
    /// reprints. Empty buckets are left out. A relation is counted when an original asserts it
    /// (<see cref="ReprintCounting"/>).
    /// </summary>
    Task<IReadOnlyList<TimelineBucket>> GetTimelineAsync(RelationType? type, TimeInterval interval, DateOnly? from, DateOnly? to, CancellationToken cancellationToken);

    /// <summary>
    /// Entities ranked by <paramref name="by"/>, ties broken by key; dates restrict the articles counted
    /// (<see cref="DateBasis.Published"/>) or, for relation rankings, the relations by their own date
    /// (<see cref="DateBasis.Event"/>; with <see cref="EntityRanking.Mentions"/> an <see cref="ArgumentException"/>).
    /// Only originals count (<see cref="ReprintCounting"/>): mentions in originals, relations an original asserts.
    /// </summary>
    Task<IReadOnlyList<RankedEntity>> GetTopEntitiesAsync(NodeKind? kind, EntityRanking by, int first, DateOnly? from, DateOnly? to, DateBasis dateBasis, CancellationToken cancellationToken);

    /// <summary>
    /// The reprint links (<see cref="ReprintLinks"/>) touching these articles: for each key, the link
    /// to its original when it is a reprint, and the links from its reprints when it is an original.
    /// Ordered by original key, then reprints earliest stored first (ingestion time, then key); no
    /// link twice; unknown keys have none.
    /// </summary>
    Task<IReadOnlyList<ReprintLink>> GetReprintLinksAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken);

    /// <summary>Entities mentioned in the same articles as <paramref name="entityKey"/>, by number of shared originals (<see cref="ReprintCounting"/>).</summary>
    Task<IReadOnlyList<RankedEntity>> GetCoMentionedAsync(string entityKey, NodeKind? kind, int first, CancellationToken cancellationToken);

    /// <summary>
    /// The stored articles given back as the <see cref="ArticleGraph"/>s that produce the stored
    /// graph (for copying one store into another), in ordinal article-key order, forward cursor
    /// pages only (<see cref="PageRequest.First"/>/<see cref="PageRequest.After"/>; a backward
    /// request throws <see cref="ArgumentException"/>). Each graph holds the article's own
    /// contribution as stored: its entities (one per key, as the article gave it: name, aliases,
    /// titles, iso, category, mention count) in key order, and the relations it asserts (one per
    /// relation and sentence, with the properties it gave) in sentence then relation-key order.
    /// Upserting every page into an empty store yields the same reads, except
    /// <see cref="ArticleRecord.IngestedAt"/>, which is the time of that upsert. A cursor is the
    /// last article key, so a copy can resume after a crash from the last cursor it saw.
    /// The default implementation throws <see cref="NotSupportedException"/> (decorators and
    /// test doubles need not export); both stores implement it.
    /// </summary>
    Task<Page<ArticleGraph>> ExportArticlesAsync(PageRequest page, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot export articles.");
}
