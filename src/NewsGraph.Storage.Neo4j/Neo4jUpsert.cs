using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// One write batch, with the embedded store's semantics in graph form: an upsert replaces the
/// contribution of every article whose content changed, a removal takes the contribution of every
/// stored article asked for out and deletes the article. Either way
/// <see cref="Neo4jContributionMerge"/> recomputes only the entities and relations those articles
/// touch, deletes those left with no contribution, and writes everything in one transaction.
/// </summary>
internal sealed class Neo4jUpsert(INeo4jTransport transport, DateTimeOffset now, int batchSize)
{
    /// <summary>
    /// How the reads a write batch is computed from are sent (here, by <see cref="Neo4jReprints"/> and by
    /// <see cref="Neo4jContributionMerge"/>): as writes. They decide what the write transaction writes, so
    /// they go where writes go (on a cluster the leader, never a follower that may not have the previous
    /// batch yet), and on the transactional endpoint in one round trip instead of two: a read opens its
    /// transaction first so that a long API read can be stopped on the server when its caller gives up,
    /// and these are key lookups bounded by the batch. Measured with <c>bench ingest --neo4j</c>: HTTP
    /// requests per batch of new articles 19 → 5 with the reads also combined (see the README).
    /// </summary>
    internal const Neo4jAccessMode ReadsOfTheWrite = Neo4jAccessMode.Write;

    public async Task<UpsertResult> RunAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
    {
        // Which articles changed (a batch may hold one key twice: the later one wins, as in order).
        string[] articleKeys = [.. batch.Select(g => g.Article.Key).Distinct(StringComparer.Ordinal)];
        (Dictionary<string, string?> hashes, Dictionary<string, StoredReprintState?> reprintStates) = await SelectStoredAsync(articleKeys, cancellationToken);
        var storedBefore = new HashSet<string>(hashes.Keys, StringComparer.Ordinal);
        var changed = new Dictionary<string, (ArticleGraph Graph, string Hash)>(StringComparer.Ordinal);
        var writes = new Dictionary<string, ArticleWrite>(StringComparer.Ordinal);
        int written = 0;
        int unchanged = 0;
        foreach (ArticleGraph graph in batch)
        {
            string hash = ArticleDigests.ContentHash(graph);
            bool wasStored = hashes.TryGetValue(graph.Article.Key, out string? stored);
            if (wasStored && stored == hash)
            {
                unchanged++;
                writes.TryAdd(graph.Article.Key, ArticleWrite.Unchanged);
                continue;
            }

            // A key twice in one batch: what the batch did to the store is what its first copy found.
            writes.TryAdd(graph.Article.Key, wasStored ? ArticleWrite.Replaced : ArticleWrite.Created);
            hashes[graph.Article.Key] = hash;
            changed[graph.Article.Key] = (graph, hash);
            written++;
        }

        if (changed.Count == 0)
        {
            return new UpsertResult(0, unchanged, 0, 0) { Writes = writes };
        }

        // Linked in batch order, each key's last copy counting (as it is the one written).
        var reprints = new Neo4jReprints(transport, batchSize, reprintStates);
        ReprintWrites reprintWrites = await reprints.LinkAsync(
            [.. batch.Where(g => changed.ContainsKey(g.Article.Key)).Select(g => (g.Article.Key, g.Article.Text))], cancellationToken);
        var merge = new Neo4jContributionMerge(transport, batchSize, changed.Keys, storedBefore, reprintWrites.ReprintOf);
        foreach ((ArticleGraph graph, string _) in changed.Values)
        {
            merge.Contribute(graph);
        }

        List<CypherStatement> articleWrites =
        [
            .. merge.Chunked(CypherStatements.UpsertArticles, "rows", [.. changed.Values.Where(c => storedBefore.Contains(c.Graph.Article.Key)).Select(Row)]),
            .. merge.Chunked(CypherStatements.CreateArticles, "rows", [.. changed.Values.Where(c => !storedBefore.Contains(c.Graph.Article.Key)).Select(Row)]),
            .. merge.Chunked(CypherStatements.DeleteArticleMentions, "keys", [.. changed.Keys.Order(StringComparer.Ordinal)]),
            .. reprintWrites.Statements,
        ];
        Neo4jContributionMerge.MergeOutcome outcome = await merge.ApplyAsync(
            articleWrites, [.. reprints.RecountPromoted(reprintWrites.ReprintOf, changed.Keys.ToHashSet(StringComparer.Ordinal))], cancellationToken);
        return new UpsertResult(written, unchanged, outcome.NodesCreated, outcome.RelationsCreated) { Writes = writes };
    }

    /// <summary>
    /// Takes the stored articles among <paramref name="articleKeys"/> (distinct, none blank) out: their
    /// contributions, then the articles themselves with their MENTIONS. Keys not stored change nothing.
    /// </summary>
    public async Task<RemoveResult> RemoveAsync(IReadOnlyList<string> articleKeys, CancellationToken cancellationToken)
    {
        string[] stored = [.. (await SelectContentHashesAsync([.. articleKeys], cancellationToken)).Keys.Order(StringComparer.Ordinal)];
        if (stored.Length == 0)
        {
            return new RemoveResult(0, articleKeys.Count, 0, 0);
        }

        var reprints = new Neo4jReprints(transport, batchSize);
        ReprintWrites reprintWrites = await reprints.ReleaseAsync(stored, cancellationToken);
        var merge = new Neo4jContributionMerge(transport, batchSize, stored, stored, reprintWrites.ReprintOf);
        Neo4jContributionMerge.MergeOutcome outcome = await merge.ApplyAsync(
            [.. reprintWrites.Statements, .. merge.Chunked(CypherStatements.DeleteArticles, "keys", stored)],
            [.. reprints.RecountPromoted(reprintWrites.ReprintOf, stored.ToHashSet(StringComparer.Ordinal))],
            cancellationToken);
        return new RemoveResult(stored.Length, articleKeys.Count - stored.Length, outcome.NodesDeleted, outcome.RelationsDeleted);
    }

    private Dictionary<string, object?> Row((ArticleGraph Graph, string Hash) changed) => new()
    {
        ["key"] = changed.Graph.Article.Key,
        ["props"] = ArticleProps(changed.Graph.Article, changed.Hash),
    };

    /// <summary>
    /// The stored content hashes of the batch's articles and their reprint states (what
    /// <see cref="Neo4jReprints"/> would ask next), in one request: by key, null for an article not stored.
    /// </summary>
    private async Task<(Dictionary<string, string?> Hashes, Dictionary<string, StoredReprintState?> ReprintStates)> SelectStoredAsync(string[] articleKeys, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, object?> { ["keys"] = articleKeys };
        IReadOnlyList<CypherResult> results = await transport.RunAsync(
            [new CypherStatement(CypherStatements.SelectContentHashes, keys), new CypherStatement(CypherStatements.SelectReprintStates, keys)], Neo4jUpsert.ReadsOfTheWrite, cancellationToken);
        Dictionary<string, StoredReprintState?> states = articleKeys.ToDictionary(k => k, _ => (StoredReprintState?)null, StringComparer.Ordinal);
        foreach (JsonElement row in results[1].Rows)
        {
            StoredReprintState state = Neo4jReprints.State(row);
            states[state.Key] = state;
        }

        return (ContentHashes(results[0]), states);
    }

    private async Task<Dictionary<string, string?>> SelectContentHashesAsync(string[] articleKeys, CancellationToken cancellationToken)
    {
        IReadOnlyList<CypherResult> results = await transport.RunAsync(
            [new CypherStatement(CypherStatements.SelectContentHashes, new Dictionary<string, object?> { ["keys"] = articleKeys })], Neo4jUpsert.ReadsOfTheWrite, cancellationToken);
        return ContentHashes(results[0]);
    }

    /// <summary>The rows of <see cref="CypherStatements.SelectContentHashes"/> (key, content hash), by key: the articles stored.</summary>
    private static Dictionary<string, string?> ContentHashes(CypherResult result) =>
        result.Rows.ToDictionary(r => r[0].GetString()!, r => r[1].String(), StringComparer.Ordinal);

    private Dictionary<string, object?> ArticleProps(ArticleInfo article, string hash) => new()
    {
        // Neo4j Browser captions read "name"; an article's is its title.
        ["name"] = article.Title ?? article.Url ?? article.Key,
        ["title"] = article.Title,
        ["url"] = article.Url,
        ["source"] = article.Source,
        ["dateline"] = article.Dateline,
        ["published"] = Neo4jValues.Date(article.Published),
        ["language"] = article.Language,
        ["file"] = article.File,
        ["text"] = article.Text,
        ["ingestedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
        ["contentHash"] = hash,
        ["titleNorm"] = ArticleDigests.Normalized(article.Title),
        ["textNorm"] = ArticleDigests.Normalized(article.Text),
    };
}
