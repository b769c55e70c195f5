using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// The GraphQL API over Neo4j answers the acceptance queries exactly as over the embedded store:
/// both stores hold the same bundled samples, one API host each, and the JSON answers must be equal.
/// A1–A3 are the query files of tests/NewsGraph.Api.Tests/Queries (over the sample SANA article,
/// as the acceptance tests use them); the others, and the removeArticles mutation, run over all samples.
/// </summary>
public sealed class ApiOverNeo4jTests : IAsyncLifetime
{
    private const string SampleArticle = "000_e4a81a792a077d70.txt";
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), "newsgraph-api-neo4j", Guid.NewGuid().ToString("N"), "graph.db");
    private readonly List<IAsyncDisposable> _disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (IAsyncDisposable disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }

        if (Path.GetDirectoryName(_sqlitePath) is { } directory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableTheory]
    [InlineData("a1-person-meetings.graphql")]
    [InlineData("a2-person-statements.graphql")]
    [InlineData("a3-organization-members.graphql")]
    public async Task AcceptanceQuery_OverTheSampleArticle_AnswersLikeTheEmbeddedStore(string file)
    {
        string query = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "tests", "NewsGraph.Api.Tests", "Queries", file));
        (ApiHostOverStore sqlite, ApiHostOverStore neo4j) = await StartBothAsync(g => g.Article.File?.EndsWith(SampleArticle, StringComparison.Ordinal) == true);

        string expected = await sqlite.QueryAsync(query);

        Assert.Equal(expected, await neo4j.QueryAsync(query));
        Assert.DoesNotContain("\"person\":null", expected, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DashboardSearchAndPaging_OverAllSamples_AnswerLikeTheEmbeddedStore()
    {
        (ApiHostOverStore sqlite, ApiHostOverStore neo4j) = await StartBothAsync(_ => true);
        string[] queries =
        [
            """{ search(text: "سيرومولوتوف", first: 5) { __typename ... on Person { name titles } } }""",
            "{ stats { articles entities { kind count } relations { type count } } topEntities(kind: PERSON, by: STATEMENTS, first: 3) { entity { name } value } }",
            "{ people(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }",
            """{ state(iso: "RU") { name } organization(name: "منظمة شنغهاي للتعاون") { name members { status state { iso } } } }""",
        ];

        foreach (string query in queries)
        {
            Assert.Equal(await sqlite.QueryAsync(query), await neo4j.QueryAsync(query));
        }
    }

    [SkippableFact]
    public async Task ConfidenceFieldsAndFilters_OverAllSamples_AnswerLikeTheEmbeddedStore()
    {
        (ApiHostOverStore sqlite, ApiHostOverStore neo4j) = await StartBothAsync(_ => true);
        string[] queries =
        [
            "{ meetings(first: 20, where: { confidence: { gte: 0.6 } }) { totalCount nodes { confidence provenance { confidence sentenceIndex } } } }",
            "{ relations(first: 30, where: { confidence: { lte: 0.9 } }) { totalCount nodes { __typename confidence provenance { confidence } } } }",
            """{ person(name: "أنطونوف") { statements(first: 10, where: { confidence: { gte: 0.95 } }) { totalCount nodes { confidence text } } } }""",
            """{ organization(name: "منظمة شنغهاي للتعاون") { memberships(first: 20, where: { confidence: { gte: 0.5, lte: 0.95 } }) { totalCount nodes { confidence state { iso } } } } }""",
        ];

        foreach (string query in queries)
        {
            string expected = await sqlite.QueryAsync(query);
            Assert.Equal(expected, await neo4j.QueryAsync(query));
            Assert.Contains("\"confidence\":0.", expected, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task StatusesOverTime_OverAllSamples_AnswerLikeTheEmbeddedStore()
    {
        (ApiHostOverStore sqlite, ApiHostOverStore neo4j) = await StartBothAsync(_ => true);
        string[] queries =
        [
            """{ organization(name: "منظمة شنغهاي للتعاون") { members(asOf: "2025-01-01") { status current state { iso } conflictsWith { status } history { status date datePrecision dateSource conflict article { key } } } } }""",
            """{ state(iso: "BY") { memberships(asOf: "2025-01-01", first: 20) { totalCount nodes { status organization { name } } } all: memberships(first: 20) { nodes { status current provenance { date dateSource } } } } }""",
            """{ memberships(asOf: "2024-01-01", first: 50) { totalCount nodes { status state { iso } organization { name } } } }""",
            """{ people(first: 20) { nodes { name roles(asOf: "2025-01-01") { nodes { role current history { role date } } } } } }""",
            """{ shortestPath(from: "U3RhdGU6c3RhdGU6UlU", to: "U3RhdGU6c3RhdGU6Q04", statuses: [MEMBER], asOf: "2025-01-01") { nodes { name } edges { type } } }""",
            """{ neighborhood(id: "U3RhdGU6c3RhdGU6Qlk", depth: 2, statuses: [MEMBER, OBSERVER], asOf: "2025-01-01", first: 50) { nodes { name } edges { type } } }""",
        ];

        foreach (string query in queries)
        {
            string expected = await sqlite.QueryAsync(query);
            Assert.DoesNotContain("\"errors\"", expected, StringComparison.Ordinal);
            Assert.Equal(expected, await neo4j.QueryAsync(query));
        }
    }

    /// <summary>
    /// The <c>removeArticles</c> mutation: the same articles removed through each store's API give
    /// equal payloads and equal reads after it; removing again finds nothing on either.
    /// </summary>
    [SkippableFact]
    public async Task RemoveArticles_SameKeysOnBothStores_SamePayloadAndSameGraphAfter()
    {
        (ApiHostOverStore sqlite, ApiHostOverStore neo4j) = await StartBothAsync(_ => true);
        ArticleGraph[] graphs = [.. await BundledSamples.GraphsAsync()];

        // Half the samples (every other key), and one key never ingested.
        string[] keys = [.. graphs.Select(g => g.Article.Key).Order(StringComparer.Ordinal).Where((_, i) => i % 2 == 0), "https://news.test/never"];
        string remove = "mutation { removeArticles(keys: [" + string.Join(", ", keys.Select(k => System.Text.Json.JsonSerializer.Serialize(k))) + "]) { removed notFound entitiesDeleted relationsDeleted } }";
        string expected = await sqlite.QueryAsync(remove, ApiHostOverStore.ApiKey);

        Assert.Equal(expected, await neo4j.QueryAsync(remove, ApiHostOverStore.ApiKey));
        Assert.Contains($"\"removed\":{keys.Length - 1},\"notFound\":1", expected, StringComparison.Ordinal);
        string[] reads =
        [
            "{ stats { articles entities { kind count } relations { type count } } topEntities(kind: PERSON, by: STATEMENTS, first: 5) { entity { name } value } }",
            "{ people(first: 50) { totalCount nodes { id name titles } } }",
            "{ relations(first: 100) { totalCount nodes { __typename confidence provenance { confidence sentenceIndex } } } }",
            """{ search(text: "لافروف", first: 5) { __typename ... on Person { name } } }""",
        ];
        foreach (string read in reads)
        {
            Assert.Equal(await sqlite.QueryAsync(read), await neo4j.QueryAsync(read));
        }

        string again = await neo4j.QueryAsync(remove, ApiHostOverStore.ApiKey);
        Assert.Equal("""{"removeArticles":{"removed":0,"notFound":""" + keys.Length + ""","entitiesDeleted":0,"relationsDeleted":0}}""", again);
    }

    private async Task<(ApiHostOverStore Sqlite, ApiHostOverStore Neo4j)> StartBothAsync(Func<ArticleGraph, bool> which)
    {
        Neo4jGraphStore neo4jStore = await Neo4jTestServer.EmptyStoreAsync(CancellationToken.None);
        _disposables.Add(neo4jStore);
        var sqliteStore = new SqliteGraphStore(_sqlitePath);
        _disposables.Add(sqliteStore);
        await sqliteStore.InitializeAsync(CancellationToken.None);

        ArticleGraph[] graphs = [.. (await BundledSamples.GraphsAsync()).Where(which)];
        Assert.NotEmpty(graphs);
        await sqliteStore.UpsertAsync(graphs, CancellationToken.None);
        await neo4jStore.UpsertAsync(graphs, CancellationToken.None);

        ApiHostOverStore sqlite = await ApiHostOverStore.StartAsync(sqliteStore);
        _disposables.Add(sqlite);
        ApiHostOverStore neo4j = await ApiHostOverStore.StartAsync(neo4jStore);
        _disposables.Add(neo4j);
        return (sqlite, neo4j);
    }
}
