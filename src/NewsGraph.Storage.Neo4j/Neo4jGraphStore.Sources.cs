using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// The followers' bookkeeping (<see cref="ISourceStateStore"/>): <c>FollowedSource</c> and
/// <c>FollowedItem</c> nodes, linked to nothing, so no graph read ever meets them.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyList<SourceState>> GetSourceStatesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonElement> rows = await ReadAsync(CypherStatements.SelectSourceStates, [], cancellationToken);
        return [.. rows.Select(r => new SourceState(r[0].GetString()!, Enum.Parse<FollowedSourceKind>(r[1].GetString()!), r[2].GetString()!)
        {
            ETag = Text(r[3]),
            LastModified = Text(r[4]),
            LastSuccess = Time(r[5]),
            LastFailure = Time(r[6]),
            LastError = Text(r[7]),
            ConsecutiveFailures = r[8].ValueKind == JsonValueKind.Number ? r[8].GetInt32() : 0,
            NextAttempt = Time(r[9]),
            ItemsSeen = r[10].GetInt64(),
        })];
    }

    public async Task SaveSourceStateAsync(SourceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var properties = new Dictionary<string, object?>
        {
            ["kind"] = state.Kind.ToString(),
            ["location"] = state.Location,
            ["etag"] = state.ETag,
            ["lastModified"] = state.LastModified,
            ["lastSuccess"] = Time(state.LastSuccess),
            ["lastFailure"] = Time(state.LastFailure),
            ["lastError"] = state.LastError,
            ["consecutiveFailures"] = state.ConsecutiveFailures,
            ["nextAttempt"] = Time(state.NextAttempt),
        };
        await WriteAsync(new CypherStatement(CypherStatements.UpsertSourceState, new Dictionary<string, object?> { ["id"] = state.Id, ["state"] = properties }), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetSeenItemsAsync(string sourceId, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(itemKeys);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        if (itemKeys.Count == 0)
        {
            return seen;
        }

        List<string> ids = [.. itemKeys.Distinct(StringComparer.Ordinal).Select(k => ItemId(sourceId, k))];
        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectSeenItems, new() { ["ids"] = ids }, cancellationToken))
        {
            seen[row[0].GetString()!] = row[1].GetString()!;
        }

        return seen;
    }

    public async Task MarkItemsSeenAsync(string sourceId, IReadOnlyCollection<SeenItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        List<Dictionary<string, object?>> rows = [.. items.Select(i => new Dictionary<string, object?>
        {
            ["id"] = ItemId(sourceId, i.ItemKey),
            ["itemKey"] = i.ItemKey,
            ["contentHash"] = i.ContentHash,
        })];
        await WriteAsync(
            new CypherStatement(CypherStatements.UpsertSeenItems, new Dictionary<string, object?>
            {
                ["sourceId"] = sourceId,
                ["items"] = rows,
                ["seenAt"] = Time(_timeProvider.GetUtcNow()),
            }),
            cancellationToken);
    }

    /// <summary>A line feed cannot occur in a source id (a URL or a path the follower was given), so the pair stays unambiguous.</summary>
    private static string ItemId(string sourceId, string itemKey) => sourceId + "\n" + itemKey;

    private async Task WriteAsync(CypherStatement statement, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _transport.RunAsync([statement], Neo4jAccessMode.Write, cancellationToken);
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;

    private static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);
}
