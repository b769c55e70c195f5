using System.Text.RegularExpressions;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>Every Cypher block of RUN-WITH-NEO4J.md runs on the test server over the bundled samples and finds something.</summary>
public sealed partial class BrowserQueryTests : IAsyncLifetime
{
    private Neo4jGraphStore? _store;

    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < CypherBlocks().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Blocks))]
    public async Task ReadyQuery_OnTheBundledSamples_RunsAndFindsRows(int block)
    {
        string query = CypherBlocks()[block];
        _store = await Neo4jTestServer.EmptyStoreAsync(CancellationToken.None);
        Skip.If(query.Contains("db.index.fulltext", StringComparison.Ordinal) && !_store.Server.HasFullText, "This server has no full-text indexes (Neo4j 4.4+).");
        await _store.UpsertAsync(await BundledSamples.GraphsAsync(), CancellationToken.None);

        IReadOnlyList<CypherResult> results = await _store.Transport.RunAsync([new CypherStatement(query)], Neo4jAccessMode.Read, CancellationToken.None);

        Assert.NotEmpty(results[0].Rows);
    }

    private static List<string> CypherBlocks() =>
        [.. CypherBlock().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "RUN-WITH-NEO4J.md"))).Select(m => m.Groups[1].Value.Trim())];

    [GeneratedRegex("```cypher\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CypherBlock();
}
