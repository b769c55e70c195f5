using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>A store that forwards every call; tests override what they want to observe.</summary>
public abstract class DelegatingStore(IGraphStore inner) : IGraphStore, IStoreProbe, IAsyncDisposable
{
    /// <summary>The inner store's own probe (a fresh round trip), so readiness sees what it would see.</summary>
    public virtual Task ProbeAsync(CancellationToken cancellationToken) =>
        inner is IStoreProbe probe ? probe.ProbeAsync(cancellationToken) : inner.GetArticlesAsync([], cancellationToken);

    public virtual ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    public virtual Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public virtual Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken) => inner.UpsertAsync(batch, cancellationToken);

    public virtual Task<RemoveResult> RemoveArticlesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) => inner.RemoveArticlesAsync(articleKeys, cancellationToken);

    public virtual Task<IReadOnlyList<EntityRecord>> GetEntitiesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.GetEntitiesAsync(keys, cancellationToken);

    public virtual Task<IReadOnlyList<ArticleRecord>> GetArticlesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.GetArticlesAsync(keys, cancellationToken);

    public virtual Task<IReadOnlyList<RelationRecord>> GetRelationsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.GetRelationsAsync(keys, cancellationToken);

    public virtual Task<Page<EntityRecord>> FindEntitiesAsync(EntityQuery query, PageRequest page, CancellationToken cancellationToken) => inner.FindEntitiesAsync(query, page, cancellationToken);

    public virtual Task<Page<ArticleRecord>> FindArticlesAsync(ArticleQuery query, PageRequest page, CancellationToken cancellationToken) => inner.FindArticlesAsync(query, page, cancellationToken);

    public virtual Task<Page<RelationRecord>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken) => inner.FindRelationsAsync(query, page, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FindRelationsForAsync(IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, PageRequest page, CancellationToken cancellationToken) =>
        inner.FindRelationsForAsync(keys, grouping, query, page, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, Page<EntityRecord>>> FindEntitiesInArticlesAsync(IReadOnlyCollection<string> articleKeys, EntityQuery query, PageRequest page, CancellationToken cancellationToken) =>
        inner.FindEntitiesInArticlesAsync(articleKeys, query, page, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, Page<ArticleRecord>>> FindArticlesMentioningAsync(IReadOnlyCollection<string> entityKeys, ArticleQuery query, PageRequest page, CancellationToken cancellationToken) =>
        inner.FindArticlesMentioningAsync(entityKeys, query, page, cancellationToken);

    public virtual Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int first, CancellationToken cancellationToken) => inner.SearchAsync(text, kinds, first, cancellationToken);

    public virtual Task<GraphPath?> ShortestPathAsync(string fromKey, string toKey, int maxHops, IReadOnlyCollection<RelationType>? types, StatusFilter? statusFilter, CancellationToken cancellationToken) =>
        inner.ShortestPathAsync(fromKey, toKey, maxHops, types, statusFilter, cancellationToken);

    public virtual Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) => inner.GetStatsAsync(cancellationToken);

    public virtual Task<IReadOnlyList<TimelineBucket>> GetTimelineAsync(RelationType? type, TimeInterval interval, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        inner.GetTimelineAsync(type, interval, from, to, cancellationToken);

    public virtual Task<IReadOnlyList<RankedEntity>> GetTopEntitiesAsync(NodeKind? kind, EntityRanking by, int first, DateOnly? from, DateOnly? to, DateBasis dateBasis, CancellationToken cancellationToken) =>
        inner.GetTopEntitiesAsync(kind, by, first, from, to, dateBasis, cancellationToken);

    public virtual Task<IReadOnlyList<ReprintLink>> GetReprintLinksAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        inner.GetReprintLinksAsync(articleKeys, cancellationToken);

    public virtual Task<IReadOnlyList<RankedEntity>> GetCoMentionedAsync(string entityKey, NodeKind? kind, int first, CancellationToken cancellationToken) =>
        inner.GetCoMentionedAsync(entityKey, kind, first, cancellationToken);

    public virtual Task<IReadOnlyList<SourceState>> GetSourceStatesAsync(CancellationToken cancellationToken) => inner.GetSourceStatesAsync(cancellationToken);

    public virtual Task SaveSourceStateAsync(SourceState state, CancellationToken cancellationToken) => inner.SaveSourceStateAsync(state, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, string>> GetSeenItemsAsync(string sourceId, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken) =>
        inner.GetSeenItemsAsync(sourceId, itemKeys, cancellationToken);

    public virtual Task MarkItemsSeenAsync(string sourceId, IReadOnlyCollection<SeenItem> items, CancellationToken cancellationToken) =>
        inner.MarkItemsSeenAsync(sourceId, items, cancellationToken);
}
