using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Api.Graph.Entities;

/// <summary>
/// Finds the entity a user means by a name: tolerant of Arabic spelling variants (the store
/// compares normalized text) and of partial names. Best match: an exact normalized name or alias
/// first, then names that contain the text; ties by mention count, then key. One store call.
/// </summary>
internal static class NameLookup
{
    /// <summary>How many candidates are ranked.</summary>
    internal const int Candidates = 100;

    public static async Task<EntityRecord?> FindBestAsync(IGraphReader reader, NodeKind kind, string name, CancellationToken cancellationToken)
    {
        string normalized = ArabicText.Normalize(name);
        if (normalized.Length == 0)
        {
            return null;
        }

        var query = new EntityQuery
        {
            Kinds = [kind],
            NameContains = normalized,
            OrderBy = EntityOrderField.Mentions,
            Direction = SortDirection.Descending,
        };
        Page<EntityRecord> candidates = await reader.FindEntitiesAsync(query, new PageRequest(First: Candidates), cancellationToken).ConfigureAwait(false);
        return candidates.Items
            .Select(i => i.Node)
            .OrderBy(e => IsExact(e, normalized) ? 0 : 1)
            .ThenByDescending(e => e.MentionCount)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static bool IsExact(EntityRecord entity, string normalized) =>
        ArabicText.Normalize(entity.Name) == normalized || entity.Aliases.Any(a => ArabicText.Normalize(a) == normalized);
}
