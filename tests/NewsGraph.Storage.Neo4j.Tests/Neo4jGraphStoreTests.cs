using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// Neo4j-only behaviour on the test server: idempotency counted in the graph itself, the bundled
/// samples read like the embedded store, copying from the embedded store, captions, transport
/// choice. Skipped with a reason when no server answers.
/// </summary>
public sealed class Neo4jGraphStoreTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly CancellationToken s_none = CancellationToken.None;
    private readonly List<IAsyncDisposable> _disposables = [];
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), "newsgraph-neo4j-tests", Guid.NewGuid().ToString("N"), "graph.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (IAsyncDisposable disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }

        if (Path.GetDirectoryName(_sqlitePath) is { } directory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Upsert_SameSamplesTwice_LeavesNodeAndRelationshipCountsUnchanged()
    {
        Neo4jGraphStore store = await EmptyNeo4jAsync();
        IReadOnlyList<ArticleGraph> samples = await BundledSamples.GraphsAsync();

        UpsertResult first = await store.UpsertAsync(samples, s_none);
        string countsAfterFirst = await CountsAsync(store);
        UpsertResult second = await store.UpsertAsync(samples, s_none);
        foreach (ArticleGraph[] chunk in samples.Chunk(3))
        {
            await store.UpsertAsync(chunk, s_none);
        }

        Assert.Equal(samples.Count, first.ArticlesWritten);
        Assert.True(first.NodesCreated > 0 && first.RelationsCreated > 0);
        Assert.Equal(new UpsertResult(0, samples.Count, 0, 0), second);
        Assert.Equal(countsAfterFirst, await CountsAsync(store));
    }

    [SkippableFact]
    public async Task Upsert_BundledSamples_ReadLikeTheEmbeddedStore()
    {
        Neo4jGraphStore neo4j = await EmptyNeo4jAsync();
        SqliteGraphStore sqlite = await SqliteAsync();
        IReadOnlyList<ArticleGraph> samples = await BundledSamples.GraphsAsync();

        // Different batch shapes on purpose: the merged graph must not depend on them.
        await sqlite.UpsertAsync(samples, s_none);
        foreach (ArticleGraph[] chunk in samples.Chunk(4))
        {
            await neo4j.UpsertAsync(chunk, s_none);
        }

        Assert.Equal(await ReadsAsync(sqlite, samples), await ReadsAsync(neo4j, samples));
    }

    [SkippableFact]
    public async Task GraphCopier_FromTheEmbeddedStore_GivesTheSameReadsAndIsIdempotent()
    {
        Neo4jGraphStore neo4j = await EmptyNeo4jAsync();
        SqliteGraphStore sqlite = await SqliteAsync();
        IReadOnlyList<ArticleGraph> samples = await BundledSamples.GraphsAsync();
        await sqlite.UpsertAsync(samples, s_none);
        var reports = new List<CopyProgress>();
        var copier = new GraphCopier(sqlite, neo4j) { BatchSize = 5, StateFile = GraphCopier.StateFileFor(sqlite.DatabasePath), TargetName = "neo4j-test" };

        CopyProgress done = await copier.CopyAsync(new SynchronousProgress<CopyProgress>(reports.Add), s_none);
        string counts = await CountsAsync(neo4j);
        CopyProgress again = await copier.CopyAsync(null, s_none);

        Assert.Equal((samples.Count, (long)samples.Count), (done.ArticlesCopied, done.ArticlesTotal));
        Assert.Equal(samples.Count, done.Result.ArticlesWritten);
        Assert.True(reports.Count >= samples.Count / 5);
        Assert.Equal(samples.Count, again.Result.ArticlesUnchanged);
        Assert.Equal(counts, await CountsAsync(neo4j));
        Assert.False(File.Exists(copier.StateFile));
        Assert.Equal(await ReadsAsync(sqlite, samples), await ReadsAsync(neo4j, samples));
    }

    [SkippableFact]
    public async Task Relationships_WrittenBeforeConfidencesWereKept_ReadAsUnscored_UntilTheirArticlesAreIngestedAgain()
    {
        Neo4jGraphStore store = await EmptyNeo4jAsync();
        IReadOnlyList<ArticleGraph> articles = Contract.SampleGraph.Articles;
        await store.UpsertAsync(articles, s_none);

        // As the previous build left them: no confidence properties, assertions without one, other content hashes.
        IReadOnlyList<CypherResult> stored = await store.Transport.RunAsync(
            [new CypherStatement("MATCH ()-[r]->() WHERE r.assertions IS NOT NULL RETURN r.key AS key, r.assertions AS assertions")], Neo4jAccessMode.Read, s_none);
        List<Dictionary<string, object?>> rows = [.. stored[0].Rows.Select(row => new Dictionary<string, object?>
        {
            ["key"] = row[0].GetString(),
            ["assertions"] = WithoutConfidence(row[1].GetString()!),
        })];
        await store.Transport.RunAsync(
            [
                new CypherStatement(
                    "UNWIND $rows AS row MATCH ()-[r]->() WHERE r.key = row.key SET r.assertions = row.assertions REMOVE r.confidence, r.provConfidences",
                    new Dictionary<string, object?> { ["rows"] = rows }),
                new CypherStatement("MATCH (a:Article) SET a.contentHash = 'hash of a previous build'"),
            ],
            Neo4jAccessMode.Write,
            s_none);

        IReadOnlyList<RelationRecord> before = await store.GetRelationsAsync(Contract.SampleGraph.RelationKeys, s_none);
        Assert.Equal(13, before.Count);
        Assert.All(before, r => Assert.Null(r.Confidence));
        Assert.All(before.SelectMany(r => r.Provenance), p => Assert.Null(p.Confidence));
        Assert.Empty((await store.FindRelationsAsync(new RelationQuery { MinConfidence = 0 }, new PageRequest(First: 50), s_none)).Items);

        // One article again: its assertions get their confidence, the other article's stays unscored.
        await store.UpsertAsync([Contract.SampleGraph.Article2], s_none);
        RelationRecord met = Assert.Single(await store.GetRelationsAsync([Contract.SampleGraph.MetLavrovSafadi], s_none));
        Assert.Equal([null, 0.5], met.Provenance.Select(p => p.Confidence));
        Assert.Equal(0.5, met.Confidence);

        // All of them: as if written by this build.
        UpsertResult again = await store.UpsertAsync(articles, s_none);
        Assert.Equal(articles.Count - 1, again.ArticlesWritten);
        met = Assert.Single(await store.GetRelationsAsync([Contract.SampleGraph.MetLavrovSafadi], s_none));
        Assert.Equal([0.8, 0.5], met.Provenance.Select(p => p.Confidence));
        Assert.Equal(0.9, met.Confidence!.Value, 12);

        static string WithoutConfidence(string assertions)
        {
            JsonArray list = JsonNode.Parse(assertions)!.AsArray();
            foreach (JsonNode? assertion in list)
            {
                Assert.True(assertion!.AsObject().Remove("Confidence"));
            }

            return list.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }

    [SkippableFact]
    public async Task Upsert_EveryNode_HasANameForNeo4jBrowserCaptions()
    {
        Neo4jGraphStore store = await EmptyNeo4jAsync();
        await store.UpsertAsync(await BundledSamples.GraphsAsync(), s_none);

        IReadOnlyList<CypherResult> results = await store.Transport.RunAsync(
            [new CypherStatement("MATCH (n) WHERE n.name IS NULL OR n.name = '' RETURN count(n) AS unnamed"), new CypherStatement("MATCH (a:Article) WHERE a.title IS NULL RETURN count(a) AS untitled")],
            Neo4jAccessMode.Read,
            s_none);

        Assert.Equal(0, results[0].Rows[0][0].GetInt64());
    }

    [SkippableFact]
    public async Task ConnectAsync_TestServer_DiscoversIt3xAndPicksTheTransactionalEndpoint()
    {
        Neo4jGraphStore store = await EmptyNeo4jAsync();

        Assert.Equal(3, store.Server.Version.Major);
        Assert.True(store.Server.IsLegacyHttp);
        Assert.Equal(("tx-endpoint", "3.x.cypher", false), (store.TransportName, store.SchemaFile, store.Server.HasFullText));
    }

    [SkippableFact]
    public async Task Transport_OnTheTestServer_CommitsAndRollsBackExplicitTransactions()
    {
        Neo4jGraphStore store = await EmptyNeo4jAsync();
        var create = new CypherStatement("CREATE (p:Person {key: $key, name: $key}) RETURN p.key AS key", new Dictionary<string, object?> { ["key"] = "person:tx-test" });
        var count = new CypherStatement("MATCH (p:Person {key: 'person:tx-test'}) RETURN count(p) AS n");

        await using (INeo4jTransaction rolledBack = await store.Transport.BeginAsync(Neo4jAccessMode.Write, s_none))
        {
            await rolledBack.RunAsync([create], s_none);
            await rolledBack.RollbackAsync(s_none);
        }

        long afterRollback = (await store.Transport.RunAsync([count], Neo4jAccessMode.Read, s_none))[0].Rows[0][0].GetInt64();
        await using (INeo4jTransaction committed = await store.Transport.BeginAsync(Neo4jAccessMode.Write, s_none))
        {
            await committed.RunAsync([create], s_none);
            await committed.CommitAsync(s_none);
        }

        long afterCommit = (await store.Transport.RunAsync([count], Neo4jAccessMode.Read, s_none))[0].Rows[0][0].GetInt64();
        Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => store.Transport.RunAsync([new CypherStatement("MATCH (n RETURN n")], Neo4jAccessMode.Read, s_none));

        Assert.Equal((0L, 1L), (afterRollback, afterCommit));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
    }

    private async Task<Neo4jGraphStore> EmptyNeo4jAsync()
    {
        Neo4jGraphStore store = await Neo4jTestServer.EmptyStoreAsync(s_none);
        _disposables.Add(store);
        return store;
    }

    private async Task<SqliteGraphStore> SqliteAsync()
    {
        var store = new SqliteGraphStore(_sqlitePath);
        _disposables.Add(store);
        await store.InitializeAsync(s_none);
        return store;
    }

    /// <summary>Nodes and relationships by label and type, straight from the graph.</summary>
    private static async Task<string> CountsAsync(Neo4jGraphStore store)
    {
        IReadOnlyList<CypherResult> results = await store.Transport.RunAsync(
            [
                new CypherStatement("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label"),
                new CypherStatement("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type"),
                new CypherStatement("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships"),
            ],
            Neo4jAccessMode.Read,
            s_none);
        return string.Join("\n", results.Select(r => string.Join(";", r.Rows.Select(row => row.GetRawText()))));
    }

    /// <summary>What the API reads, as text (ingestion times aside).</summary>
    private static async Task<string> ReadsAsync(IGraphStore store, IReadOnlyList<ArticleGraph> samples)
    {
        PageRequest all = new(First: 10_000, IncludeTotal: true);
        string[] entityKeys = [.. samples.SelectMany(g => g.Entities).Select(e => e.Key).Distinct().Order(StringComparer.Ordinal)];
        string[] articleKeys = [.. samples.Select(g => g.Article.Key).Distinct().Order(StringComparer.Ordinal)];
        Page<ArticleRecord> articles = await store.FindArticlesAsync(new ArticleQuery(), all, s_none);
        var reads = new
        {
            Entities = await store.FindEntitiesAsync(new EntityQuery(), all, s_none),
            ByMentions = await store.FindEntitiesAsync(new EntityQuery { OrderBy = EntityOrderField.Mentions, Direction = SortDirection.Descending }, new PageRequest(First: 20), s_none),
            Relations = await store.FindRelationsAsync(new RelationQuery(), all, s_none),
            Confident = await store.FindRelationsAsync(new RelationQuery { MinConfidence = 0.9 }, all, s_none),
            Doubtful = await store.FindRelationsForAsync(entityKeys, RelationGrouping.ByEndpoint, new RelationQuery { MaxConfidence = 0.8 }, new PageRequest(First: 3, IncludeTotal: true), s_none),
            Articles = articles.Items.Select(i => i.Node with { IngestedAt = DateTimeOffset.UnixEpoch }),
            InArticles = await store.FindEntitiesInArticlesAsync(articleKeys, new EntityQuery(), new PageRequest(First: 5, IncludeTotal: true), s_none),
            ByEndpoint = await store.FindRelationsForAsync(entityKeys, RelationGrouping.ByEndpoint, new RelationQuery(), new PageRequest(First: 3, IncludeTotal: true), s_none),
            Stats = await store.GetStatsAsync(s_none),
            Timeline = await store.GetTimelineAsync(RelationType.Met, TimeInterval.Month, null, null, s_none),
            Top = await store.GetTopEntitiesAsync(null, EntityRanking.Degree, 20, null, null, DateBasis.Published, s_none),
            TopMentions = await store.GetTopEntitiesAsync(NodeKind.Person, EntityRanking.Mentions, 20, null, null, DateBasis.Published, s_none),
            Search = await store.SearchAsync("وزير الخارجية", null, 10, s_none),
            SearchState = await store.SearchAsync("روسيا", null, 10, s_none),
            Export = await store.ExportArticlesAsync(new PageRequest(First: 3), s_none),
        };
        return JsonSerializer.Serialize(reads, s_json);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
