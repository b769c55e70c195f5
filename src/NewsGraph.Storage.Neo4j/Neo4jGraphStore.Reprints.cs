using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Neo4j;

/// <summary>Reprint links (<see cref="ReprintLinks"/>): <c>Article.reprintOf</c>, written by the upserts and removals.</summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyList<ReprintLink>> GetReprintLinksAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleKeys);
        if (articleKeys.Count == 0)
        {
            return [];
        }

        IReadOnlyList<JsonElement> rows = await ReadAsync(
            CypherStatements.SelectReprintLinks, new Dictionary<string, object?> { ["keys"] = articleKeys.Distinct(StringComparer.Ordinal).ToArray() }, cancellationToken);
        return ReprintLinks.InReadOrder(rows.Select(r =>
            (r[0].GetString()!, r[1].GetString()!, DateTimeOffset.Parse(r[2].GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))));
    }
}
