using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// Reprint links inside one write transaction, as <see cref="ReprintLinks"/> decides them: the states it
/// needs are read through <c>article_bands</c> and <c>ix_articles_reprint_of</c>, its decisions written back.
/// An upsert plans the links before it writes the batch's articles (<see cref="PlanAsync"/>), so that a new
/// article's row is inserted with its fingerprint and link and its rows count on the right side from the
/// start, then applies the rest of the plan after them (<see cref="ApplyAsync"/>).
/// </summary>
internal sealed class SqliteReprints(SqliteBatchCommands commands) : IReprintStateReader
{
    /// <summary>Links articles already stored, in the order given (the version 8 migration).</summary>
    public async Task LinkAsync(IReadOnlyList<(string Key, string Text)> written, CancellationToken cancellationToken) =>
        await ApplyAsync(await PlanAsync(written, cancellationToken), new Dictionary<string, (string?, string?)>(), cancellationToken);

    /// <summary>The links of the articles about to be written (in batch order), read as the store is before they are.</summary>
    public Task<ReprintPlan> PlanAsync(IReadOnlyList<(string Key, string Text)> arriving, CancellationToken cancellationToken) =>
        ReprintLinks.PlanArrivalsAsync(arriving, this, cancellationToken);

    /// <summary>
    /// Writes <paramref name="plan"/> once the articles are: reprints handed on, fingerprints and links of
    /// rows that do not hold them already (<paramref name="inserted"/>: the rows this batch inserted, with
    /// the encoded fingerprint and link they were inserted with), and the bands of originals.
    /// </summary>
    public async Task ApplyAsync(ReprintPlan plan, IReadOnlyDictionary<string, (string? Fingerprint, string? ReprintOf)> inserted, CancellationToken cancellationToken)
    {
        await RepointAsync(plan.Repointed, cancellationToken);
        foreach ((string key, TextFingerprint? fingerprint, string? reprintOf) in plan.Relinked)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? encoded = fingerprint?.Encode();
            if (!inserted.TryGetValue(key, out (string? Fingerprint, string? ReprintOf) held) || held != (encoded, reprintOf))
            {
                await commands.ExecuteAsync(SqliteStatements.UpdateFingerprint, cancellationToken, ("@key", key), ("@fingerprint", encoded), ("@reprintOf", reprintOf));
            }
        }

        if (plan.Relinked.Count > 0)
        {
            await DeleteBandsAsync(plan.Relinked.Select(r => r.Key), cancellationToken);
        }

        await InsertBandsAsync(plan.Banded, cancellationToken);
    }

    /// <summary>Before <paramref name="removed"/> are deleted: each removed original's reprints are handed to the earliest remaining one.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        ReprintPlan plan = await ReprintLinks.PlanRemovalAsync(removed, this, cancellationToken);
        await RepointAsync(plan.Repointed, cancellationToken);
        await DeleteBandsAsync(removed, cancellationToken);
        await InsertBandsAsync(plan.Banded, cancellationToken);
    }

    public Task<IReadOnlyList<StoredReprintState>> StatesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(SqliteStatements.SelectReprintStates, articleKeys, cancellationToken);

    public Task<IReadOnlyList<StoredReprintState>> ReprintsOfAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(SqliteStatements.SelectReprintsOf, articleKeys, cancellationToken);

    public Task<IReadOnlyList<StoredReprintState>> SharingBandsAsync(IReadOnlyCollection<string> bandKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(SqliteStatements.SelectBandCandidates, bandKeys, cancellationToken);

    /// <summary>
    /// The band keys of these originals (<see cref="ReprintPlan.Banded"/>), one statement, under the articles' integer ids
    /// (read once per article; an article without one, not stored, gets no band rows, as the join on its key gave none),
    /// sorted by band key and id so the inserts walk the primary key in order.
    /// </summary>
    private async Task InsertBandsAsync(IReadOnlyCollection<(string Key, TextFingerprint Fingerprint)> originals, CancellationToken cancellationToken)
    {
        if (originals.Count == 0)
        {
            return;
        }

        Dictionary<string, long> ids = (await commands.ReadAsync(SqliteStatements.SelectArticleTextIds, r => (Key: r.GetString(0), Id: r.GetInt64(1)),
            cancellationToken, ("@keys", SqliteJson.Serialize(originals.Select(o => o.Key).Distinct(StringComparer.Ordinal)))))
            .ToDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal);
        object[][] bands =
        [
            .. originals
                .Where(o => ids.ContainsKey(o.Key))
                .SelectMany(o => o.Fingerprint.BandKeys().Select(band => (Band: band, Id: ids[o.Key])))
                .OrderBy(row => row.Band, StringComparer.Ordinal)
                .ThenBy(row => row.Id)
                .Select(row => new object[] { row.Band, row.Id }),
        ];
        if (bands.Length > 0)
        {
            await commands.ExecuteAsync(SqliteStatements.InsertArticlesBands, cancellationToken, ("@rows", SqliteJson.SerializeToUtf8(bands)));
        }
    }

    private async Task DeleteBandsAsync(IEnumerable<string> articleKeys, CancellationToken cancellationToken) =>
        await commands.ExecuteAsync(SqliteStatements.DeleteArticlesBands, cancellationToken, ("@keys", SqliteJson.Serialize(articleKeys)));

    private async Task RepointAsync(IReadOnlyDictionary<string, string?> repointed, CancellationToken cancellationToken)
    {
        foreach ((string key, string? original) in repointed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await commands.ExecuteAsync(SqliteStatements.UpdateReprintOf, cancellationToken, ("@key", key), ("@reprintOf", original));
        }
    }

    private async Task<IReadOnlyList<StoredReprintState>> ReadStatesAsync(string sql, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        await commands.ReadAsync(sql, State, cancellationToken, ("@keys", SqliteJson.Serialize(keys.Distinct(StringComparer.Ordinal))));

    private static StoredReprintState State(SqliteDataReader reader) => new(
        reader.GetString(0),
        SqliteBatchCommands.Text(reader, 1),
        DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        SqliteBatchCommands.Text(reader, 3) is { } encoded ? TextFingerprint.Decode(encoded) : null);
}
