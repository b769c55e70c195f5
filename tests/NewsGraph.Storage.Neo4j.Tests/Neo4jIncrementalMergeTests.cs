using System.Text;
using System.Text.Json;
using NewsGraph.Cli.Bench;
using NewsGraph.Core.Graph;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// The incremental merge (<see cref="Neo4jEntityTally"/> and the relations' kept values) on the test
/// server: a graph built by batches, changed extractions and removals — the lowest article keys
/// among them, so entities lose the article that named them — holds exactly the entities, MENTIONS
/// and relationships (every property, tallies included) that writing only the surviving articles in
/// one batch gives; and so does a graph written before tallies were kept, changed the same way.
/// </summary>
public sealed class Neo4jIncrementalMergeTests : IAsyncLifetime
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    /// <summary>Properties an older build did not write, taken off to make such a graph.</summary>
    private static readonly string[] s_tallyProperties = ["nameArticle", "isoArticle", "categoryArticle", "aliasRefs", "titleRefs"];

    private readonly Neo4jStoreFactory _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [SkippableFact]
    public async Task UpsertAndRemove_InBatchesWithChangesAndRemovals_LeaveTheGraphOfTheSurvivorsWrittenAtOnce()
    {
        Neo4jGraphStore store = await EmptyStoreAsync();
        IReadOnlyDictionary<string, ArticleGraph> survivors = await ChangeAsync(store, forgetTalliesAfterFirstIngest: false);
        string incremental = await DumpAsync(store, withTallies: true);

        await store.DeleteAllAsync(s_none);
        await store.UpsertAsync([.. survivors.Values.Reverse()], s_none);

        Assert.Equal(await DumpAsync(store, withTallies: true), incremental);
    }

    [SkippableFact]
    public async Task UpsertAndRemove_OnAGraphWrittenBeforeTallies_LeaveTheGraphOfTheSurvivorsWrittenAtOnce()
    {
        Neo4jGraphStore store = await EmptyStoreAsync();
        IReadOnlyDictionary<string, ArticleGraph> survivors = await ChangeAsync(store, forgetTalliesAfterFirstIngest: true);
        string incremental = await DumpAsync(store, withTallies: false);

        await store.DeleteAllAsync(s_none);
        await store.UpsertAsync([.. survivors.Values.Reverse()], s_none);

        Assert.Equal(await DumpAsync(store, withTallies: false), incremental);
    }

    /// <summary>
    /// 60 articles in batches of 15; then every 7th changed (another article's extraction under its key)
    /// and every 5th removed (article 0 among them: the lowest key, which names the hubs), then two of the
    /// removed back. Returns the articles left, by key.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, ArticleGraph>> ChangeAsync(Neo4jGraphStore store, bool forgetTalliesAfterFirstIngest)
    {
        IReadOnlyList<ArticleGraph> first = SyntheticArticles.Generate(60, seed: 5);
        IReadOnlyList<ArticleGraph> other = SyntheticArticles.Generate(60, seed: 6);
        var survivors = new SortedDictionary<string, ArticleGraph>(StringComparer.Ordinal);
        foreach (ArticleGraph[] batch in first.Chunk(15))
        {
            await store.UpsertAsync(batch, s_none);
            foreach (ArticleGraph graph in batch)
            {
                survivors[graph.Article.Key] = graph;
            }
        }

        if (forgetTalliesAfterFirstIngest)
        {
            string remove = string.Join(", ", s_tallyProperties.Select(p => "e." + p));
            await store.Transport.RunAsync([new CypherStatement($"MATCH (e) WHERE e.kind IS NOT NULL REMOVE {remove}")], Neo4jAccessMode.Write, s_none);
        }

        ArticleGraph[] changed = [.. Enumerable.Range(0, 60).Where(i => i % 7 == 3).Select(i => other[i] with { Article = other[i].Article with { Key = first[i].Article.Key } })];
        await store.UpsertAsync(changed, s_none);
        foreach (ArticleGraph graph in changed)
        {
            survivors[graph.Article.Key] = graph;
        }

        string[] removed = [.. Enumerable.Range(0, 60).Where(i => i % 5 == 0).Select(i => first[i].Article.Key)];
        await store.RemoveArticlesAsync(removed, s_none);
        foreach (string key in removed)
        {
            survivors.Remove(key);
        }

        ArticleGraph[] back = [first[10], first[25]];
        await store.UpsertAsync(back, s_none);
        foreach (ArticleGraph graph in back)
        {
            survivors[graph.Article.Key] = graph;
        }

        return survivors;
    }

    /// <summary>Every entity node, MENTIONS and relationship with all its properties (sorted), tallies left out when asked.</summary>
    private static async Task<string> DumpAsync(Neo4jGraphStore store, bool withTallies)
    {
        IReadOnlyList<CypherResult> results = await store.Transport.RunAsync(
            [
                new CypherStatement("MATCH (e) WHERE e.kind IS NOT NULL RETURN labels(e), e.key, properties(e) ORDER BY e.key"),
                new CypherStatement("MATCH (a:Article)-[m:MENTIONS]->(e) RETURN a.key, e.key, properties(m) ORDER BY a.key, e.key"),
                new CypherStatement("MATCH (f)-[r]->(t) WHERE type(r) <> 'MENTIONS' RETURN type(r), f.key, t.key, properties(r) ORDER BY r.key"),
            ],
            Neo4jAccessMode.Read,
            s_none);
        var dump = new StringBuilder();
        foreach (CypherResult result in results)
        {
            dump.AppendLine("--");
            foreach (JsonElement row in result.Rows)
            {
                for (int i = 0; i < row.GetArrayLength() - 1; i++)
                {
                    dump.Append(row[i].GetRawText()).Append(' ');
                }

                foreach (JsonProperty property in row[row.GetArrayLength() - 1].EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (withTallies || !s_tallyProperties.Contains(property.Name))
                    {
                        dump.Append(property.Name).Append('=').Append(property.Value.GetRawText()).Append(' ');
                    }
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }

    private async Task<Neo4jGraphStore> EmptyStoreAsync() => (Neo4jGraphStore)await _stores.CreateEmptyStoreAsync(s_none);
}
