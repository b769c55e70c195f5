using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>One relation as the shortest-path walk sees it: its key, its two ends and its type.</summary>
public readonly record struct PathEdge(string Key, string From, string To, RelationType Type);

/// <summary>
/// The shortest-path walk every store uses, so that among equally short paths all stores return
/// the same one: breadth first, one batched read per level, the frontier visited in key order and
/// each node's relations in key order, the first discovery of a node kept. A store supplies the two
/// reads; the walk ignores relation direction. A <see cref="StatusFilter"/> drops status edges per
/// level: the frontier read brings every status edge of a pair touching the frontier (they share
/// both ends), so their records, read in one more call, decide which are held.
/// </summary>
public static class BreadthFirstPath
{
    /// <param name="fromKey">Start node; the caller has checked that both ends exist.</param>
    /// <param name="readFrontier">The relations (of the wanted types) touching any node of a frontier.</param>
    /// <param name="readRelations">Relation records by key: those on the path found, and with a filter the status edges of each level.</param>
    /// <param name="statusFilter">Conditions on status edges; null keeps every edge.</param>
    /// <returns>The path, or null when none is at most <paramref name="maxHops"/> long.</returns>
    public static async Task<GraphPath?> FindAsync(
        string fromKey,
        string toKey,
        int maxHops,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<PathEdge>>> readFrontier,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<RelationRecord>>> readRelations,
        StatusFilter? statusFilter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readFrontier);
        ArgumentNullException.ThrowIfNull(readRelations);
        if (fromKey == toKey)
        {
            return new GraphPath([fromKey], []);
        }

        var parents = new Dictionary<string, (string Node, string Relation)>(StringComparer.Ordinal) { [fromKey] = (string.Empty, string.Empty) };
        List<string> frontier = [fromKey];
        for (int hop = 1; hop <= maxHops && frontier.Count > 0; hop++)
        {
            var byNode = new Dictionary<string, List<(string Relation, string Other)>>(StringComparer.Ordinal);
            IReadOnlyList<PathEdge> read = await readFrontier(frontier, cancellationToken);
            if (statusFilter is { KeepsAll: false })
            {
                read = await KeepAsync(read, statusFilter, readRelations, cancellationToken);
            }

            foreach (PathEdge edge in read.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                EdgesOf(byNode, edge.From).Add((edge.Key, edge.To));
                EdgesOf(byNode, edge.To).Add((edge.Key, edge.From));
            }

            var next = new List<string>();
            foreach (string node in frontier.Order(StringComparer.Ordinal))
            {
                foreach ((string relation, string other) in byNode.GetValueOrDefault(node) ?? [])
                {
                    if (parents.TryAdd(other, (node, relation)))
                    {
                        next.Add(other);
                        if (other == toKey)
                        {
                            return await BuildAsync(parents, toKey, readRelations, cancellationToken);
                        }
                    }
                }
            }

            frontier = next;
        }

        return null;
    }

    private static async Task<IReadOnlyList<PathEdge>> KeepAsync(
        IReadOnlyList<PathEdge> edges,
        StatusFilter statusFilter,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<RelationRecord>>> readRelations,
        CancellationToken cancellationToken)
    {
        List<string> statusKeys = [.. edges.Where(e => StatusHistory.IsStatus(e.Type)).Select(e => e.Key).Distinct(StringComparer.Ordinal)];
        if (statusKeys.Count == 0)
        {
            return edges;
        }

        IReadOnlyList<RelationRecord> records = await readRelations(statusKeys, cancellationToken);
        var kept = statusFilter.Keep(records, StatusHistory.Of(records)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return [.. edges.Where(e => !StatusHistory.IsStatus(e.Type) || kept.Contains(e.Key))];
    }

    private static List<(string, string)> EdgesOf(Dictionary<string, List<(string Relation, string Other)>> byNode, string node)
    {
        if (!byNode.TryGetValue(node, out List<(string Relation, string Other)>? edges))
        {
            byNode[node] = edges = [];
        }

        return edges;
    }

    private static async Task<GraphPath> BuildAsync(
        Dictionary<string, (string Node, string Relation)> parents,
        string toKey,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<RelationRecord>>> readRelations,
        CancellationToken cancellationToken)
    {
        var nodes = new List<string> { toKey };
        var relationKeys = new List<string>();
        for (string node = toKey; parents[node].Relation.Length > 0; node = parents[node].Node)
        {
            relationKeys.Add(parents[node].Relation);
            nodes.Add(parents[node].Node);
        }

        nodes.Reverse();
        relationKeys.Reverse();
        Dictionary<string, RelationRecord> byKey = (await readRelations(relationKeys, cancellationToken)).ToDictionary(r => r.Key, StringComparer.Ordinal);
        return new GraphPath(nodes, [.. relationKeys.Select(k => byKey[k])]);
    }
}
