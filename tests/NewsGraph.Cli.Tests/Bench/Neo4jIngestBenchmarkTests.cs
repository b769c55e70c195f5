using NewsGraph.Cli.Bench;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j;
using NewsGraph.Storage.Neo4j.Tests;

namespace NewsGraph.Cli.Tests.Bench;

/// <summary><c>bench ingest --neo4j</c>: its workload is deterministic and valid; on the test server it prints both rates and cleans up; it never touches a database holding data.</summary>
public sealed class Neo4jIngestBenchmarkTests
{
    [Fact]
    public void SyntheticArticles_SameSeed_AreTheSameValidBatch()
    {
        IReadOnlyList<ArticleGraph> first = SyntheticArticles.Generate(50);
        IReadOnlyList<ArticleGraph> again = SyntheticArticles.Generate(50);

        Assert.Equal(first.Select(g => ArticleGraphUpsert.ContentHash(g)), again.Select(g => ArticleGraphUpsert.ContentHash(g)));
        ArticleGraphUpsert.Validate(first);
        Assert.All(first, g => Assert.NotEmpty(g.Relations));
        Assert.Contains(first.SelectMany(g => g.Relations), r => r.Type == RelationType.Met);
    }

    [SkippableFact]
    public async Task RunAsync_OnTheTestServer_PrintsBothRatesAndLeavesTheDatabaseEmpty()
    {
        Neo4jGraphStore store = await Neo4jTestServer.EmptyStoreAsync(CancellationToken.None);
        await using (store)
        {
            var output = new StringWriter();

            int exit = await Neo4jIngestBenchmark.RunAsync((await Neo4jTestServer.RequireAsync()).Uri, output, articles: 40, articlesPerBatch: 10, serverProcess: null, CancellationToken.None);

            Assert.Equal(0, exit);
            Assert.Contains("rows/s", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("ratio", output.ToString(), StringComparison.Ordinal);

            // The same-data baseline recreated every element ours wrote (the count ours reports is the same).
            string oursRows = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"recompute\): +(\d+) rows").Groups[1].Value;
            Assert.Matches($@"same data: .*: +{oursRows} rows in", output.ToString());
            // A batch of new articles: its reads in four requests (stored state, band candidates, tallies, relations) and the write in one; they were 19.
            Assert.Matches(@"HTTP requests per batch ours [1-6]\.\d,", output.ToString());
            Assert.Equal(0, (await store.GetStatsAsync(CancellationToken.None)).Articles);
        }
    }

    [SkippableFact]
    public async Task RunAsync_DatabaseNotEmpty_RefusesAndKeepsTheData()
    {
        Neo4jGraphStore store = await Neo4jTestServer.EmptyStoreAsync(CancellationToken.None);
        await using (store)
        {
            await store.UpsertAsync(SyntheticArticles.Generate(1), CancellationToken.None);
            var output = new StringWriter();

            int exit = await Neo4jIngestBenchmark.RunAsync((await Neo4jTestServer.RequireAsync()).Uri, output, CancellationToken.None);

            Assert.Equal(2, exit);
            Assert.Equal(1, (await store.GetStatsAsync(CancellationToken.None)).Articles);
        }
    }
}
