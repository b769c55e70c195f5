using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// Reprint links inside one write transaction, as <see cref="ReprintLinks"/> decides them: the states it
/// needs are read through <c>article_bands</c> and <c>ix_articles_reprint_of</c>, its decisions written back.
/// </summary>
internal sealed class SqliteReprints(SqliteBatchCommands commands) : IReprintStateReader
{
    /// <summary>Links the articles just written (in batch order, their rows already stored).</summary>
    public async Task LinkAsync(IReadOnlyList<(string Key, string Text)> written, CancellationToken cancellationToken)
    {
        ReprintPlan plan = await ReprintLinks.PlanArrivalsAsync(written, this, cancellationToken);
        await RepointAsync(plan.Repointed, cancellationToken);
        foreach ((string key, TextFingerprint? fingerprint, string? reprintOf) in plan.Relinked)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await commands.ExecuteAsync(SqliteStatements.UpdateFingerprint, cancellationToken, ("@key", key), ("@fingerprint", fingerprint?.Encode()), ("@reprintOf", reprintOf));
            await commands.ExecuteAsync(SqliteStatements.DeleteArticleBands, cancellationToken, ("@key", key));
            if (fingerprint is not null)
            {
                await commands.ExecuteAsync(SqliteStatements.InsertArticleBands, cancellationToken, ("@key", key), ("@bands", SqliteJson.Serialize(fingerprint.BandKeys())));
            }
        }
    }

    /// <summary>Before <paramref name="removed"/> are deleted: each removed original's reprints are handed to the earliest remaining one.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        HashSet<string> departing = [.. removed];
        await RepointAsync(ReprintLinks.Release(await ReprintsOfAsync(departing, cancellationToken), departing), cancellationToken);
        foreach (string key in removed)
        {
            await commands.ExecuteAsync(SqliteStatements.DeleteArticleBands, cancellationToken, ("@key", key));
        }
    }

    public Task<IReadOnlyList<StoredReprintState>> StatesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(SqliteStatements.SelectReprintStates, articleKeys, cancellationToken);

    public Task<IReadOnlyList<StoredReprintState>> ReprintsOfAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(SqliteStatements.SelectReprintsOf, articleKeys, cancellationToken);

    public Task<IReadOnlyList<StoredReprintState>> SharingBandsAsync(IReadOnlyCollection<string> bandKeys, CancellationToken cancellationToken) =>
        ReadStatesAsync(SqliteStatements.SelectBandCandidates, bandKeys, cancellationToken);

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
