using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite;

/// <summary>Reprint links (<see cref="ReprintLinks"/>): <c>articles.reprint_of</c>, written by the upserts and removals.</summary>
public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<ReprintLink>> GetReprintLinksAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleKeys);
        if (articleKeys.Count == 0)
        {
            return [];
        }

        return await ReadAsync(async session =>
        {
            SqliteCommand command = session.Command(SqliteStatements.SelectReprintLinks);
            command.Parameters.AddWithValue("@keys", SqliteJson.Serialize(articleKeys.Distinct(StringComparer.Ordinal)));
            var links = new List<(string, string, DateTimeOffset)>();
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                links.Add((reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
            }

            return ReprintLinks.InReadOrder(links);
        }, cancellationToken);
    }
}
