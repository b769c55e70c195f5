using NewsGraph.Core.Graph;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// The <c>removeArticles</c> mutation over Neo4j: both stores hold the bundled samples, the same
/// articles are removed through each one's API, and the payloads and the reads after it are equal;
/// removing again finds nothing on either.
/// </summary>
public sealed class RemoveArticlesOverNeo4jTests : IAsyncLifetime
{
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), "newsgraph-remove-neo4j", Guid.NewGuid().ToString("N"), "graph.db");
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

    [SkippableFact]
    public async Task RemoveArticles_SameKeysOnBothStores_SamePayloadAndSameGraphAfter()
    {
        Neo4jGraphStore neo4jStore = await Neo4jTestServer.EmptyStoreAsync(CancellationToken.None);
        _disposables.Add(neo4jStore);
        var sqliteStore = new SqliteGraphStore(_sqlitePath);
        _disposables.Add(sqliteStore);
        await sqliteStore.InitializeAsync(CancellationToken.None);
        ArticleGraph[] graphs = [.. await BundledSamples.GraphsAsync()];
        await sqliteStore.UpsertAsync(graphs, CancellationToken.None);
        await neo4jStore.UpsertAsync(graphs, CancellationToken.None);
        ApiHostOverStore sqlite = await ApiHostOverStore.StartAsync(sqliteStore);
        _disposables.Add(sqlite);
        ApiHostOverStore neo4j = await ApiHostOverStore.StartAsync(neo4jStore);
        _disposables.Add(neo4j);

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
}
