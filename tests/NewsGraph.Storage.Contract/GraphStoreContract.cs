using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Makes fresh, empty, initialized stores for the contract. One factory serves one test (xunit
/// makes a new test class instance per test) and cleans up everything it made when disposed.
/// A factory for a server-backed store may call <c>Skip.If</c> when its server is not there.
/// </summary>
public interface IGraphStoreFactory : IAsyncDisposable
{
    Task<IGraphStore> CreateEmptyStoreAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The base of every contract class: a store per test, created inside the test body (so a
/// skip raised by the factory becomes a skipped test, not a failed fixture) and disposed with
/// the test class instance. A store's test project enrolls each contract class with an empty
/// subclass, e.g. <c>public sealed class SqliteQueryContract : QueryContract&lt;SqliteStoreFactory&gt; { }</c>.
/// </summary>
public abstract class GraphStoreContract<TFactory> : IAsyncLifetime
    where TFactory : IGraphStoreFactory, new()
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly TFactory _factory = new();

    protected static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    protected Task<IGraphStore> EmptyStoreAsync() => _factory.CreateEmptyStoreAsync(None);

    /// <summary>A store holding <see cref="SampleGraph.Articles"/>.</summary>
    protected async Task<IGraphStore> SeededStoreAsync()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        return store;
    }

    /// <summary>Structural text of any result, for comparing records that hold lists.</summary>
    protected static string Json(object? value) => JsonSerializer.Serialize(value, s_json);

    protected static List<string> Keys(Page<EntityRecord> page) => [.. page.Items.Select(i => i.Node.Key)];

    protected static List<string> Keys(Page<RelationRecord> page) => [.. page.Items.Select(i => i.Node.Key)];

    protected static List<string> Keys(Page<ArticleRecord> page) => [.. page.Items.Select(i => i.Node.Key)];

    protected static List<string> Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    protected static PageRequest All(bool includeTotal = false) => new(First: 1000, IncludeTotal: includeTotal);

    /// <summary>Everything the reads can say about the graph, as text; equal text means an unchanged graph.</summary>
    protected static async Task<string> SnapshotAsync(IGraphStore store, bool includeArticles = true)
    {
        var snapshot = new
        {
            Entities = await store.FindEntitiesAsync(new EntityQuery(), All(includeTotal: true), None),
            Relations = await store.FindRelationsAsync(new RelationQuery(), All(includeTotal: true), None),
            Articles = includeArticles ? await store.FindArticlesAsync(new ArticleQuery(), All(includeTotal: true), None) : null,
            Mentioning = includeArticles ? await store.FindArticlesMentioningAsync(SampleGraph.EntityKeys, new ArticleQuery(), All(), None) : null,
            InArticles = await store.FindEntitiesInArticlesAsync(SampleGraph.ArticleKeys, new EntityQuery(), All(), None),
            ByEndpoint = await store.FindRelationsForAsync(SampleGraph.EntityKeys, RelationGrouping.ByEndpoint, new RelationQuery(), All(), None),
            Stats = await store.GetStatsAsync(None),
            Meetings = await store.GetTimelineAsync(Core.Graph.RelationType.Met, TimeInterval.Week, null, null, None),
            Published = await store.GetTimelineAsync(null, TimeInterval.Day, null, null, None),
            Degree = await store.GetTopEntitiesAsync(null, EntityRanking.Degree, 100, null, null, DateBasis.Published, None),
            Mentions = await store.GetTopEntitiesAsync(null, EntityRanking.Mentions, 100, null, null, DateBasis.Published, None),
            CoMentioned = await store.GetCoMentionedAsync(SampleGraph.Lavrov, null, 100, None),
            Search = await store.SearchAsync("سيرغي", null, 10, None),
        };
        return Json(snapshot);
    }

    protected static async Task<Page<EntityRecord>> EntitiesAsync(IGraphStore store, EntityQuery query) =>
        await store.FindEntitiesAsync(query, All(), None);

    protected static async Task<Page<RelationRecord>> RelationsAsync(IGraphStore store, RelationQuery query) =>
        await store.FindRelationsAsync(query, All(), None);

    protected static async Task<Page<ArticleRecord>> ArticlesAsync(IGraphStore store, ArticleQuery query) =>
        await store.FindArticlesAsync(query, All(), None);
}

/// <summary>Compares records that hold lists by their JSON text (records compare lists by reference).</summary>
public sealed class JsonEquality<T> : IEqualityComparer<T>
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool Equals(T? x, T? y) => JsonSerializer.Serialize(x, s_json) == JsonSerializer.Serialize(y, s_json);

    public int GetHashCode(T obj) => JsonSerializer.Serialize(obj, s_json).GetHashCode(StringComparison.Ordinal);
}
