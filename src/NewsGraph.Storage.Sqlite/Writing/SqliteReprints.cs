using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// Reprint links inside one write transaction, as <see cref="ReprintLinks"/> decides them: the states it
/// needs are read through <c>article_bands</c> and <c>ix_articles_reprint_of</c>, its decisions written back.
/// <paramref name="inserted"/>: the articles this batch stored for the first time, with the fingerprint their
/// row was inserted with (<c>SqliteStatements.UpsertArticles</c>). Linking sees them as it would have before
/// the batch, with no fingerprint, and leaves their rows as they are when it decides what they already hold.
/// </summary>
internal sealed class SqliteReprints(SqliteBatchCommands commands, IReadOnlyDictionary<string, string?>? inserted = null) : IReprintStateReader
{
    private readonly IReadOnlyDictionary<string, string?> _inserted = inserted ?? new Dictionary<string, string?>();

    /// <summary>Links the articles just written (in batch order, their rows already stored).</summary>
    public async Task LinkAsync(IReadOnlyList<(string Key, string Text)> written, CancellationToken cancellationToken)
    {
        ReprintPlan plan = await ReprintLinks.PlanArrivalsAsync(written, this, cancellationToken);
        await RepointAsync(plan.Repointed, cancellationToken);
        foreach ((string key, TextFingerprint? fingerprint, string? reprintOf) in plan.Relinked)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? encoded = fingerprint?.Encode();
            if (reprintOf is not null || !_inserted.TryGetValue(key, out string? held) || held != encoded)
            {
                await commands.ExecuteAsync(SqliteStatements.UpdateFingerprint, cancellationToken, ("@key", key), ("@fingerprint", encoded), ("@reprintOf", reprintOf));
            }
        }

        if (plan.Relinked.Count > 0)
        {
            await DeleteBandsAsync(plan.Relinked.Select(r => r.Key), cancellationToken);
            string[][] bands =
            [
                .. plan.Relinked
                    .Where(r => r.Fingerprint is not null)
                    .SelectMany(r => r.Fingerprint!.BandKeys().Select(band => new[] { band, r.Key }))
                    .OrderBy(row => row[0], StringComparer.Ordinal)
                    .ThenBy(row => row[1], StringComparer.Ordinal),
            ];
            if (bands.Length > 0)
            {
                await commands.ExecuteAsync(SqliteStatements.InsertArticlesBands, cancellationToken, ("@rows", SqliteJson.Serialize(bands)));
            }
        }
    }

    /// <summary>Before <paramref name="removed"/> are deleted: each removed original's reprints are handed to the earliest remaining one.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        HashSet<string> departing = [.. removed];
        await RepointAsync(ReprintLinks.Release(await ReprintsOfAsync(departing, cancellationToken), departing), cancellationToken);
        await DeleteBandsAsync(removed, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredReprintState>> StatesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        [.. (await ReadStatesAsync(SqliteStatements.SelectReprintStates, articleKeys, cancellationToken))
            .Select(state => _inserted.ContainsKey(state.Key) ? state with { Fingerprint = null } : state)];

    public Task<IReadOnlyList<StoredReprintState>> ReprintsOfAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(SqliteStatements.SelectReprintsOf, articleKeys, cancellationToken);

    public Task<IReadOnlyList<StoredReprintState>> SharingBandsAsync(IReadOnlyCollection<string> bandKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(SqliteStatements.SelectBandCandidates, bandKeys, cancellationToken);

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
