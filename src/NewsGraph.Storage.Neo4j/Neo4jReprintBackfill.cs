using System.Text.Json;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// Brings a graph written by an older NewsGraph up to reprint linking and counting, run by
/// <see cref="Neo4jGraphStore.InitializeAsync"/> after the schema; idempotent (a second run finds nothing to do).
/// <list type="number">
/// <item>Articles without a <c>fingerprint</c> (stored before reprint linking existed) are fingerprinted
/// and linked (<see cref="ReprintLinks"/>) as if they arrived now, earliest stored first (ingestion time,
/// then key), a batch at a time, as the embedded store's version 8 migration links a file's articles.
/// An article already linked keeps its links: an older copy of its story that arrives this way is linked
/// to it. Articles whose text is too short to fingerprint stay without one; a run reads them again and
/// writes nothing for them.</item>
/// <item>Reprints stored before the <c>Reprint</c> label existed get it (and an article that lost its
/// <c>reprintOf</c> loses it), a batch at a time, so reprints are counted from the count store.</item>
/// <item>Relations without <c>originalCount</c> (stored before reprints were counted once,
/// <see cref="ReprintCounting"/>) get it and <c>originalDates</c> from the articles they list, a batch at a time.</item>
/// </list>
/// Each batch is one transaction, so a run stopped halfway resumes where it stopped. A run over a graph
/// that needs nothing costs one scan of the articles' fingerprint property, one of their <c>reprintOf</c>
/// and label, and one of the relationships' <c>originalCount</c>.
/// </summary>
internal sealed class Neo4jReprintBackfill(INeo4jTransport transport, int batchSize)
{
    /// <summary>Runs both steps; gives back how many articles were linked and how many relations recounted.</summary>
    public async Task<(int ArticlesLinked, int RelationsRecounted)> RunAsync(CancellationToken cancellationToken)
    {
        int linked = await LinkArticlesWithoutFingerprintAsync(cancellationToken);
        await RunInBatchesAsync(CypherStatements.LabelReprintsWhereMissing, cancellationToken);
        int recounted = await RunInBatchesAsync(CypherStatements.RecountOriginalsWhereMissing, cancellationToken);
        return (linked, recounted);
    }

    /// <summary>Runs a statement that changes at most $limit items and returns how many, until it changes none; the total.</summary>
    private async Task<int> RunInBatchesAsync(string statement, CancellationToken cancellationToken)
    {
        int total = 0;
        while (true)
        {
            IReadOnlyList<CypherResult> results = await transport.RunAsync(
                [new CypherStatement(statement, new Dictionary<string, object?> { ["limit"] = Math.Max(1, batchSize) })],
                Neo4jAccessMode.Write, cancellationToken);
            long batch = results[0].Rows.Count == 0 ? 0 : results[0].Rows[0][0].GetInt64();
            if (batch == 0)
            {
                return total;
            }

            total += (int)batch;
        }
    }

    private async Task<int> LinkArticlesWithoutFingerprintAsync(CancellationToken cancellationToken)
    {
        string[] keys = [.. (await ReadAsync(CypherStatements.SelectArticlesWithoutFingerprint, null, cancellationToken)).Select(r => r[0].GetString()!)];
        int linked = 0;
        var reprints = new Neo4jReprints(transport, batchSize);
        foreach (string[] chunk in keys.Chunk(Math.Max(1, batchSize)))
        {
            Dictionary<string, string> texts = (await ReadAsync(CypherStatements.SelectArticleTexts, chunk, cancellationToken))
                .ToDictionary(r => r[0].GetString()!, r => r[1].GetString() ?? string.Empty, StringComparer.Ordinal);
            ReprintWrites writes = await reprints.LinkAsync([.. chunk.Where(texts.ContainsKey).Select(k => (k, texts[k]))], cancellationToken);
            if (writes.Statements.Count == 0)
            {
                continue;
            }

            // Every article given a side is recounted in the relations it asserts (those left with none are recounted in step 2).
            string[] sided = [.. writes.ReprintOf.Keys.Order(StringComparer.Ordinal)];
            List<CypherStatement> statements =
            [
                .. writes.Statements,
                .. sided.Chunk(Math.Max(1, batchSize)).Select(c => new CypherStatement(CypherStatements.RecountOriginalsOfArticles, new Dictionary<string, object?> { ["keys"] = c })),
            ];
            await transport.RunAsync(statements, Neo4jAccessMode.Write, cancellationToken);
            linked += writes.ReprintOf.Count(p => texts.ContainsKey(p.Key));
        }

        return linked;
    }

    private async Task<IReadOnlyList<JsonElement>> ReadAsync(string statement, string[]? keys, CancellationToken cancellationToken)
    {
        Dictionary<string, object?> parameters = keys is null ? [] : new() { ["keys"] = keys };
        IReadOnlyList<CypherResult> results = await transport.RunAsync([new CypherStatement(statement, parameters)], Neo4jAccessMode.Read, cancellationToken);
        return results[0].Rows;
    }
}
