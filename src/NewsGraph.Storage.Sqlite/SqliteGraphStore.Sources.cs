using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite;

/// <summary>The followers' bookkeeping (<see cref="ISourceStateStore"/>): tables <c>followed_sources</c> and <c>followed_items</c>.</summary>
public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<SourceState>> GetSourceStatesAsync(CancellationToken cancellationToken)
    {
        return await ReadAsync<IReadOnlyList<SourceState>>(async session =>
        {
            var states = new List<SourceState>();
            await using SqliteDataReader reader = await session.Command(SqliteStatements.SelectSourceStates).ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                states.Add(new SourceState(reader.GetString(0), Enum.Parse<FollowedSourceKind>(reader.GetString(1)), reader.GetString(2))
                {
                    ETag = Text(reader, 3),
                    LastModified = Text(reader, 4),
                    LastSuccess = Time(reader, 5),
                    LastFailure = Time(reader, 6),
                    LastError = Text(reader, 7),
                    ConsecutiveFailures = reader.GetInt32(8),
                    NextAttempt = Time(reader, 9),
                    ItemsSeen = reader.GetInt64(10),
                });
            }

            return states;
        }, cancellationToken);
    }

    public async Task SaveSourceStateAsync(SourceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await WriteAsync(async (commands, cancellation) => await commands.ExecuteAsync(
            SqliteStatements.UpsertSourceState,
            cancellation,
            ("@id", state.Id),
            ("@kind", state.Kind.ToString()),
            ("@location", state.Location),
            ("@etag", state.ETag),
            ("@lastModified", state.LastModified),
            ("@lastSuccess", Time(state.LastSuccess)),
            ("@lastFailure", Time(state.LastFailure)),
            ("@lastError", state.LastError),
            ("@consecutiveFailures", state.ConsecutiveFailures),
            ("@nextAttempt", Time(state.NextAttempt))), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetSeenItemsAsync(string sourceId, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(itemKeys);
        if (itemKeys.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return await ReadAsync<IReadOnlyDictionary<string, string>>(async session =>
        {
            SqliteCommand command = session.Command(SqliteStatements.SelectSeenItems);
            command.Parameters.AddWithValue("@sourceId", sourceId);
            command.Parameters.AddWithValue("@itemKeys", SqliteJson.Serialize(itemKeys.Distinct(StringComparer.Ordinal)));
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                seen[reader.GetString(0)] = reader.GetString(1);
            }

            return seen;
        }, cancellationToken);
    }

    public async Task MarkItemsSeenAsync(string sourceId, IReadOnlyCollection<SeenItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        string seenAt = Time(timeProvider.GetUtcNow())!;
        await WriteAsync(async (commands, cancellation) =>
        {
            foreach (SeenItem item in items)
            {
                await commands.ExecuteAsync(
                    SqliteStatements.UpsertSeenItem, cancellation, ("@sourceId", sourceId), ("@itemKey", item.ItemKey), ("@contentHash", item.ContentHash), ("@seenAt", seenAt));
            }

            return items.Count;
        }, cancellationToken);
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);
}
