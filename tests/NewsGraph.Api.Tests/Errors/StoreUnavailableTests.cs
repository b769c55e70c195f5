using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Tests.Errors;

/// <summary>
/// A store that cannot be reached (<see cref="StoreUnavailableException"/>, whatever the store) is
/// answered with <c>STORE_UNAVAILABLE</c> at once: on a root field, on a field a loader serves, and
/// on the ingest mutation. The store's address stays in the server's log.
/// </summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task Query_StoreUnavailable_AnswersStoreUnavailableAtOnce()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await UnavailableStore.CreateAsync(everything: true));
        var clock = Stopwatch.StartNew();

        (HttpStatusCode status, JsonNode? body) = await host.PostAsync("{ people(first: 2) { nodes { name } } }", accept: "application/json");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, status);
        JsonNode error = body!["errors"]![0]!;
        Assert.Equal("STORE_UNAVAILABLE", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("people", error["path"]![0]!.GetValue<string>());
        Assert.DoesNotContain("neo4j.test", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("try again", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_StoreGoesAwayUnderANestedField_ThatFieldAnswersStoreUnavailable()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await UnavailableStore.CreateAsync(everything: false));

        (_, JsonNode? body) = await host.PostAsync("""{ person(name: "بوغدانوف") { name meetings(first: 5) { totalCount } } }""");

        Assert.Equal("STORE_UNAVAILABLE", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(["person", "meetings"], body["errors"]![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        // meetings is non-null, so its error nulls the person (GraphQL's null propagation); the lookup itself worked.
        Assert.NotNull(body["data"]);
        Assert.Null(body["data"]!["person"]);
    }

    [Fact]
    public async Task Mutation_StoreUnavailable_AnswersStoreUnavailable()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await UnavailableStore.CreateAsync(everything: true));

        (_, JsonNode? body) = await host.PostAsync("""mutation { ingestArticles(input: [{ text: "قال وزير الخارجية الأردني أيمن الصفدي إن الحل السياسي هو الطريق." }]) { succeeded } }""", apiKey: ApiHost.ApiKey);

        Assert.Equal("STORE_UNAVAILABLE", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    /// <summary>The sample graph behind a store that is unreachable for everything, or only for relation pages (what the loaders ask).</summary>
    private sealed class UnavailableStore(TempSqliteStore inner, bool everything) : DelegatingStore(inner)
    {
        public static async Task<UnavailableStore> CreateAsync(bool everything) => new(await TempSqliteStore.CreateAsync(SampleGraph.Articles()), everything);

        public override Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken) =>
            everything ? throw Unavailable() : base.UpsertAsync(batch, cancellationToken);

        public override Task<Page<EntityRecord>> FindEntitiesAsync(EntityQuery query, PageRequest page, CancellationToken cancellationToken) =>
            everything ? throw Unavailable() : base.FindEntitiesAsync(query, page, cancellationToken);

        public override Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FindRelationsForAsync(
            IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, PageRequest page, CancellationToken cancellationToken) =>
            throw Unavailable();

        private static StoreUnavailableException Unavailable() =>
            new("Neo4j at http://neo4j.test:7474", "connection refused (neo4j.test:7474)");
    }
}
