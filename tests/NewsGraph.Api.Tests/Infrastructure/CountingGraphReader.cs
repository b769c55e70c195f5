using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>Counts calls to the store port (by method), optionally delaying each one.</summary>
public sealed class CountingGraphReader(IGraphReader inner, TimeSpan? delay = null) : IGraphReader
{
    private readonly ConcurrentQueue<string> _calls = new();
    private int _running;

    public IReadOnlyList<string> Calls => _calls.ToArray();

    public int Count => _calls.Count;

    /// <summary>Calls still inside their delay: what a cancelled request must not leave behind.</summary>
    public int Running => Volatile.Read(ref _running);

    public void Reset() => _calls.Clear();

    public async Task<IReadOnlyList<EntityRecord>> GetEntitiesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.GetEntitiesAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ArticleRecord>> GetArticlesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.GetArticlesAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RelationRecord>> GetRelationsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.GetRelationsAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<EntityRecord>> FindEntitiesAsync(EntityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.FindEntitiesAsync(query, page, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<ArticleRecord>> FindArticlesAsync(ArticleQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.FindArticlesAsync(query, page, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<RelationRecord>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.FindRelationsAsync(query, page, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FindRelationsForAsync(IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.FindRelationsForAsync(keys, grouping, query, page, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, Page<EntityRecord>>> FindEntitiesInArticlesAsync(IReadOnlyCollection<string> articleKeys, EntityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.FindEntitiesInArticlesAsync(articleKeys, query, page, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, Page<ArticleRecord>>> FindArticlesMentioningAsync(IReadOnlyCollection<string> entityKeys, ArticleQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.FindArticlesMentioningAsync(entityKeys, query, page, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int first, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.SearchAsync(text, kinds, first, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GraphPath?> ShortestPathAsync(string fromKey, string toKey, int maxHops, IReadOnlyCollection<RelationType>? types, StatusFilter? statusFilter, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.ShortestPathAsync(fromKey, toKey, maxHops, types, statusFilter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.GetStatsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TimelineBucket>> GetTimelineAsync(RelationType? type, TimeInterval interval, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.GetTimelineAsync(type, interval, from, to, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RankedEntity>> GetTopEntitiesAsync(NodeKind? kind, EntityRanking by, int first, DateOnly? from, DateOnly? to, DateBasis dateBasis, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.GetTopEntitiesAsync(kind, by, first, from, to, dateBasis, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReprintLink>> GetReprintLinksAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.GetReprintLinksAsync(articleKeys, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RankedEntity>> GetCoMentionedAsync(string entityKey, NodeKind? kind, int first, CancellationToken cancellationToken)
    {
        await Record(cancellationToken).ConfigureAwait(false);
        return await inner.GetCoMentionedAsync(entityKey, kind, first, cancellationToken).ConfigureAwait(false);
    }

    private async Task Record(CancellationToken cancellationToken, [CallerMemberName] string method = "")
    {
        _calls.Enqueue(method);
        if (delay is { } d)
        {
            Interlocked.Increment(ref _running);
            try
            {
                await Task.Delay(d, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}
