using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// Reprint links for one write batch, as <see cref="ReprintLinks"/> decides them: the states it needs
/// are read by index (<c>ArticleBand.band</c>, <c>Article.reprintOf</c>) before the write transaction,
/// and its decisions become statements of that transaction.
/// </summary>
/// <param name="batchStates">
/// When the caller already read the stored state of every article of its batch (an upsert reads them
/// with the content hashes, in the same request): by key, null for an article not stored. They are
/// used instead of asking again, and the reprints of an article not stored are known without asking:
/// none (<c>reprintOf</c> only ever names a stored article, since a removal hands the removed one's
/// reprints on in its own transaction).
/// </param>
internal sealed class Neo4jReprints(INeo4jTransport transport, int batchSize, IReadOnlyDictionary<string, StoredReprintState?>? batchStates = null) : IReprintStateReader
{
    /// <summary>
    /// The statements linking the articles about to be written (in batch order), to run after the article
    /// nodes are written, and the <c>reprintOf</c> they give each article they link or hand on.
    /// </summary>
    public async Task<ReprintWrites> LinkAsync(IReadOnlyList<(string Key, string Text)> written, CancellationToken cancellationToken)
    {
        ReprintPlan plan = await ReprintLinks.PlanArrivalsAsync(written, this, cancellationToken);
        if (plan.Relinked.Count == 0 && plan.Repointed.Count == 0)
        {
            return new ReprintWrites([], new Dictionary<string, string?>(StringComparer.Ordinal));
        }

        var reprintOf = new Dictionary<string, string?>(plan.Repointed, StringComparer.Ordinal);
        foreach ((string key, TextFingerprint? _, string? original) in plan.Relinked)
        {
            reprintOf[key] = original;
        }

        return new ReprintWrites(
        [
            .. Repoint(plan.Repointed),
            .. Chunked(CypherStatements.SetFingerprints, "rows", [.. plan.Relinked.Select(r => new Dictionary<string, object?>
            {
                ["key"] = r.Key,
                ["fingerprint"] = r.Fingerprint?.Encode(),
                ["reprintOf"] = r.ReprintOf,
            })]),
            .. Chunked(CypherStatements.DeleteArticleBands, "keys", [.. plan.Relinked.Select(r => r.Key), .. plan.Promoted.Select(p => p.Key)]),
            .. CreateBands(plan.Banded),
        ], reprintOf);
    }

    /// <summary>
    /// The statements handing each removed original's reprints to the earliest remaining one, to run
    /// before the articles are deleted, and the <c>reprintOf</c> they give those reprints.
    /// </summary>
    public async Task<ReprintWrites> ReleaseAsync(IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        ReprintPlan plan = await ReprintLinks.PlanRemovalAsync(removed, this, cancellationToken);

        // A promoted reprint's band nodes are deleted before they are made: a graph written before only
        // originals had bands holds some already, and CREATE would double them.
        return new ReprintWrites(
        [
            .. Repoint(plan.Repointed),
            .. Chunked(CypherStatements.DeleteArticleBands, "keys", [.. removed, .. plan.Promoted.Select(p => p.Key)]),
            .. CreateBands(plan.Banded),
        ], plan.Repointed);
    }

    private IEnumerable<CypherStatement> CreateBands(IReadOnlyList<(string Key, TextFingerprint Fingerprint)> originals) =>
        Chunked(CypherStatements.CreateArticleBands, "rows", [.. originals.DistinctBy(o => o.Key).Select(o => new Dictionary<string, object?>
        {
            ["key"] = o.Key,
            ["bands"] = o.Fingerprint.BandKeys().Distinct(StringComparer.Ordinal).ToArray(),
        })]);

    /// <summary>
    /// The statements recounting the originals (<see cref="ReprintCounting"/>) of the relations asserted by the
    /// articles in <paramref name="reprintOf"/> that became originals without being rewritten (handed-on reprints):
    /// to run last, when every link and relation of the write is in place. Rewritten articles' relations are
    /// recounted by the merge itself.
    /// </summary>
    public IEnumerable<CypherStatement> RecountPromoted(IReadOnlyDictionary<string, string?> reprintOf, IReadOnlySet<string> rewritten) =>
        Chunked(CypherStatements.RecountOriginalsOfArticles, "keys",
            [.. reprintOf.Where(p => p.Value is null && !rewritten.Contains(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<StoredReprintState>> StatesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        batchStates is not null && articleKeys.All(batchStates.ContainsKey)
            ? Task.FromResult<IReadOnlyList<StoredReprintState>>([.. articleKeys.Distinct(StringComparer.Ordinal).Select(k => batchStates[k]).OfType<StoredReprintState>()])
            : ReadStatesAsync(CypherStatements.SelectReprintStates, articleKeys, cancellationToken);

    public Task<IReadOnlyList<StoredReprintState>> ReprintsOfAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> stored = batchStates is not null && articleKeys.All(batchStates.ContainsKey)
            ? [.. articleKeys.Where(k => batchStates[k] is not null)]
            : articleKeys;
        return stored.Count == 0
            ? Task.FromResult<IReadOnlyList<StoredReprintState>>([])
            : ReadStatesAsync(CypherStatements.SelectReprintsOf, stored, cancellationToken);
    }

    public Task<IReadOnlyList<StoredReprintState>> SharingBandsAsync(IReadOnlyCollection<string> bandKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(CypherStatements.SelectBandCandidates, bandKeys, cancellationToken);

    private IEnumerable<CypherStatement> Repoint(IReadOnlyDictionary<string, string?> repointed) =>
        Chunked(CypherStatements.SetReprintOf, "rows", [.. repointed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new Dictionary<string, object?>
            {
                ["key"] = p.Key,
                ["reprintOf"] = p.Value,
            })]);

    /// <summary>One statement per chunk of at most the batch size of rows (none for no rows), as <see cref="Neo4jContributionMerge"/> writes.</summary>
    private IEnumerable<CypherStatement> Chunked<T>(string text, string parameter, IReadOnlyList<T> rows) =>
        rows.Chunk(batchSize).Select(chunk => new CypherStatement(text, new Dictionary<string, object?> { [parameter] = chunk }));

    private async Task<IReadOnlyList<StoredReprintState>> ReadStatesAsync(string statement, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<CypherResult> results = await transport.RunAsync(
            [new CypherStatement(statement, new Dictionary<string, object?> { ["keys"] = keys.Distinct(StringComparer.Ordinal).ToArray() })], Neo4jUpsert.ReadsOfTheWrite, cancellationToken);
        return [.. results[0].Rows.Select(State)];
    }

    /// <summary>A row of <see cref="CypherStatements.SelectReprintStates"/> (key, reprintOf, ingestedAt, fingerprint).</summary>
    public static StoredReprintState State(JsonElement row) => new(
        row[0].GetString()!,
        row[1].String(),
        DateTimeOffset.Parse(row[2].GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        row[3].String() is { } encoded ? TextFingerprint.Decode(encoded) : null);
}

/// <summary>A write's reprint statements and the <c>reprintOf</c> they give each article they touch (null: an original).</summary>
internal sealed record ReprintWrites(IReadOnlyList<CypherStatement> Statements, IReadOnlyDictionary<string, string?> ReprintOf);
