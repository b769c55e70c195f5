using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// One write batch inside one transaction: an upsert of article graphs or a removal of articles.
/// A changed article's stored contribution is taken out and its new one put in; a removed article's
/// is taken out with it. Every merged entity and relation the batch touched is then moved by the
/// sum of those changes (<see cref="SqliteMergedRows"/>), and deleted when no article supports it.
/// The merged rows therefore always equal what recomputing them from all contributions gives: the
/// order articles come in, how often, or whether one came and went, cannot change them.
/// </summary>
internal sealed class SqliteUpsert(SqliteBatchCommands commands, DateTimeOffset now)
{
    private readonly MergeDeltas _deltas = new();

    public async Task<UpsertResult> RunAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
    {
        Dictionary<string, (string Hash, string? Published, bool IsOriginal)> stored = await ReadStoredAsync(batch.Select(g => g.Article.Key), cancellationToken);
        string[] hashes = [.. batch.Select(ArticleDigests.ContentHash)];

        // Links are planned before anything is written: a new reprint's row is then inserted linked, and its
        // mentions and assertions never count as an original's only to be moved out again.
        bool[] changed = Changed(batch, hashes, stored);
        var reprints = new SqliteReprints(commands);
        ReprintPlan plan = await reprints.PlanAsync([.. batch.Where((_, i) => changed[i]).Select(g => (g.Article.Key, g.Article.Text))], cancellationToken);
        Dictionary<string, string?> links = plan.Relinked.ToDictionary(r => r.Key, r => r.ReprintOf, StringComparer.Ordinal);

        var contributions = new SqliteContributions(commands, _deltas);
        var writes = new Dictionary<string, ArticleWrite>(StringComparer.Ordinal);
        var inserted = new Dictionary<string, (string? Fingerprint, string? ReprintOf)>(StringComparer.Ordinal);
        int written = 0;
        int unchanged = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArticleGraph graph = batch[i];
            string key = graph.Article.Key;
            string hash = hashes[i];
            if (!changed[i])
            {
                unchanged++;
                writes.TryAdd(key, ArticleWrite.Unchanged);
                continue;
            }

            if (stored.TryGetValue(key, out (string Hash, string? Published, bool IsOriginal) before))
            {
                if (contributions.Holds(key))
                {
                    // Its first copy's rows must be stored to be taken out.
                    await contributions.WriteEarlyAsync(cancellationToken);
                }

                await contributions.TakeOutAsync(key, before.Published, cancellationToken);
            }

            // A key twice in one batch: what the batch did to the store is what its first copy found.
            writes.TryAdd(key, stored.ContainsKey(key) ? ArticleWrite.Replaced : ArticleWrite.Created);

            // A stored article keeps its reprint_of until the plan is applied, after its rows are written; a new
            // one is inserted with its planned link (a later copy in the batch updates the row, not the link).
            bool isNew = !stored.ContainsKey(key);
            string? reprintOf = isNew ? links[key] : null;
            bool isOriginal = isNew ? reprintOf is null : before.IsOriginal;
            string? fingerprint = ArticleDigests.Fingerprint(graph.Article.Text)?.Encode();
            if (isNew)
            {
                inserted[key] = (fingerprint, reprintOf);
            }

            contributions.PutIn(graph, hash, fingerprint, reprintOf, now, isOriginal);
            stored[key] = (hash, SqliteValues.Date(graph.Article.Published), isOriginal);
            written++;
        }

        await contributions.WriteLastAsync(cancellationToken);
        await reprints.ApplyAsync(plan, inserted, cancellationToken);

        MergeOutcome outcome = await new SqliteMergedRows(commands).ApplyAsync(_deltas, cancellationToken);

        // Created: asked for in this batch, unsupported before it and supported after.
        return new UpsertResult(written, unchanged, outcome.NodesCreated.Count, outcome.RelationsCreated.Count) { Writes = writes };
    }

    /// <summary>
    /// Which of the batch's articles are written: new, or with a content hash other than the one before them
    /// (stored, or an earlier copy in the batch). Decided once, for the link plan and for the writes.
    /// </summary>
    private static bool[] Changed(
        IReadOnlyList<ArticleGraph> batch, string[] hashes, IReadOnlyDictionary<string, (string Hash, string? Published, bool IsOriginal)> stored)
    {
        var hashBefore = stored.ToDictionary(p => p.Key, p => p.Value.Hash, StringComparer.Ordinal);
        bool[] changed = new bool[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            string key = batch[i].Article.Key;
            changed[i] = !hashBefore.TryGetValue(key, out string? hash) || hash != hashes[i];
            hashBefore[key] = hashes[i];
        }

        return changed;
    }

    /// <summary>Takes the stored articles among <paramref name="articleKeys"/> out, with their contributions.</summary>
    public async Task<RemoveResult> RemoveAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken)
    {
        Dictionary<string, (string Hash, string? Published, bool IsOriginal)> stored = await ReadStoredAsync(articleKeys, cancellationToken);
        var contributions = new SqliteContributions(commands, _deltas);
        await new SqliteReprints(commands).ReleaseAsync([.. stored.Keys.Order(StringComparer.Ordinal)], cancellationToken);
        foreach ((string key, (string _, string? published, bool _)) in stored.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await contributions.TakeOutAsync(key, published, cancellationToken);
            await commands.ExecuteAsync(SqliteStatements.DeleteArticle, cancellationToken, ("@key", key));
        }

        MergeOutcome outcome = await new SqliteMergedRows(commands).ApplyAsync(_deltas, cancellationToken);
        return new RemoveResult(stored.Count, articleKeys.Count - stored.Count, outcome.NodesDeleted, outcome.RelationsDeleted);
    }

    private async Task<Dictionary<string, (string Hash, string? Published, bool IsOriginal)>> ReadStoredAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var rows = await commands.ReadAsync(SqliteStatements.SelectStoredArticles, r => (Key: r.GetString(0), Hash: r.GetString(1), Published: SqliteBatchCommands.Text(r, 2), IsOriginal: r.GetBoolean(3)),
            cancellationToken, ("@keys", SqliteJson.Serialize(keys.Distinct(StringComparer.Ordinal))));
        return rows.ToDictionary(r => r.Key, r => (r.Hash, r.Published, r.IsOriginal), StringComparer.Ordinal);
    }
}
