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
        var contributions = new SqliteContributions(commands, _deltas);
        var writes = new Dictionary<string, ArticleWrite>(StringComparer.Ordinal);
        var linking = new List<(string Key, string Text)>();
        var inserted = new Dictionary<string, string?>(StringComparer.Ordinal);
        int written = 0;
        int unchanged = 0;
        foreach (ArticleGraph graph in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string key = graph.Article.Key;
            string hash = ArticleDigests.ContentHash(graph);
            if (stored.TryGetValue(key, out (string Hash, string? Published, bool IsOriginal) before))
            {
                if (before.Hash == hash)
                {
                    unchanged++;
                    writes.TryAdd(key, ArticleWrite.Unchanged);
                    continue;
                }

                if (contributions.Holds(key))
                {
                    // Its first copy's rows must be stored to be taken out.
                    await contributions.WriteAsync(cancellationToken);
                }

                await contributions.TakeOutAsync(key, before.Published, cancellationToken);
            }

            // A key twice in one batch: what the batch did to the store is what its first copy found.
            writes.TryAdd(key, stored.ContainsKey(key) ? ArticleWrite.Replaced : ArticleWrite.Created);

            // A stored article keeps its reprint_of until linking, after its rows are written; a new one has none.
            bool isOriginal = !stored.ContainsKey(key) || before.IsOriginal;
            string? fingerprint = ArticleDigests.Fingerprint(graph.Article.Text)?.Encode();
            if (!stored.ContainsKey(key))
            {
                // New: its row is inserted now, with this fingerprint (a later copy in the batch updates the row, not the fingerprint).
                inserted[key] = fingerprint;
            }

            contributions.PutIn(graph, hash, fingerprint, now, isOriginal);
            stored[key] = (hash, SqliteValues.Date(graph.Article.Published), isOriginal);
            linking.Add((key, graph.Article.Text));
            written++;
        }

        await contributions.WriteAsync(cancellationToken);
        await new SqliteReprints(commands, inserted).LinkAsync(linking, cancellationToken);

        MergeOutcome outcome = await new SqliteMergedRows(commands).ApplyAsync(_deltas, cancellationToken);

        // Created: asked for in this batch, unsupported before it and supported after.
        return new UpsertResult(written, unchanged, outcome.NodesCreated.Count, outcome.RelationsCreated.Count) { Writes = writes };
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
