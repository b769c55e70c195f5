using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Statuses;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Traversal;

/// <summary><c>neighborhood</c> and <c>shortestPath</c>.</summary>
internal static class TraversalQueries
{
    public static void Register(ObjectGraphType query)
    {
        query.Field<NeighborhoodType>("neighborhood")
            .Description("Nodes within `depth` relations of a node (either direction) and the relations among them. Costs at most `depth` + 1 store calls (one more per level with `asOf`). Null when the node is unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("depth", "1 to the configured maximum (3 unless configured).", a => a.DefaultValue = 1)
            .Argument<ListGraphType<NonNullGraphType<RelationTypeType>>>("relationTypes", "Only these relation types (default: all).")
            .Argument<IntGraphType>("first", "Most nodes returned (default 20, at most the max page size).")
            .Argument<ListGraphType<NonNullGraphType<MembershipStatusType>>>("statuses", StatusFields.StatusesDescription)
            .AsOfArgument(StatusFields.TraversalAsOfDescription)
            .ResolveAsync(async c =>
            {
                string key = GlobalId.KeyOf(c.GetArgument<string>("id"), "id", TypeNames.GraphNodes);
                int depth = c.GetArgument<int>("depth");
                int maxDepth = c.Graph().Options.MaxNeighborhoodDepth;
                if (depth < 1 || depth > maxDepth)
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidArgument, $"`depth` must be between 1 and {maxDepth}.");
                }

                List<RelationType>? types = c.GetArgument<List<RelationType>?>("relationTypes");
                return await NeighborhoodAsync(
                    c.Graph().Reader, key, depth, types is { Count: > 0 } ? types : null, StatusFields.ReadFilter(c), PageArgs.Size(c), SelectsEdgeRelations(c), c.CancellationToken)
                    .ConfigureAwait(false);
            });
        query.Field<PathType>("shortestPath")
            .Description("A shortest path of at most `maxHops` relations between two nodes (either direction), or null.")
            .Argument<NonNullGraphType<IdGraphType>>("from")
            .Argument<NonNullGraphType<IdGraphType>>("to")
            .Argument<IntGraphType>("maxHops", "1 to the configured maximum (6 unless configured).", a => a.DefaultValue = 4)
            .Argument<ListGraphType<NonNullGraphType<RelationTypeType>>>("relationTypes", "Only these relation types (default: all).")
            .Argument<ListGraphType<NonNullGraphType<MembershipStatusType>>>("statuses", StatusFields.StatusesDescription)
            .AsOfArgument(StatusFields.TraversalAsOfDescription)
            .ResolveAsync(async c =>
            {
                string from = GlobalId.KeyOf(c.GetArgument<string>("from"), "from", TypeNames.GraphNodes);
                string to = GlobalId.KeyOf(c.GetArgument<string>("to"), "to", TypeNames.GraphNodes);
                int maxHops = c.GetArgument<int>("maxHops");
                int limit = c.Graph().Options.MaxPathHops;
                if (maxHops < 1 || maxHops > limit)
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidArgument, $"`maxHops` must be between 1 and {limit}.");
                }

                List<RelationType>? types = c.GetArgument<List<RelationType>?>("relationTypes");
                GraphContext graph = c.Graph();
                GraphPath? path = await graph.Reader.ShortestPathAsync(from, to, maxHops, types is { Count: > 0 } ? types : null, StatusFields.ReadFilter(c), c.CancellationToken).ConfigureAwait(false);
                if (path is null)
                {
                    return null;
                }

                IReadOnlyList<EntityRecord> nodes = await graph.Entities.LoadMany(path.NodeKeys).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
                return new Subgraph(nodes, path.Relations, Truncated: false);
            });
    }

    /// <summary>
    /// Whether the neighbourhood's edges may be asked for their <c>relation</c> (evidence, articles,
    /// provenance …), which needs the relations' provenance. Only a selection of plain edge fields
    /// (id, type, from, to) is sure not to; a fragment on an edge might, so it counts as asking.
    /// </summary>
    private static bool SelectsEdgeRelations(IResolveFieldContext context) =>
        context.SubFields?.Values.Any(f => f.Field.Name.Value == "edges" && !PlainEdgeFields(f.Field.SelectionSet)) ?? true;

    private static bool PlainEdgeFields(GraphQLParser.AST.GraphQLSelectionSet? selection) =>
        selection?.Selections.All(s => s is GraphQLParser.AST.GraphQLField field && field.Name.Value != "relation") ?? true;

    /// <summary>
    /// Breadth-first, one grouped store call per level (<see cref="RelationGrouping.ByEndpoint"/>),
    /// then one call for the nodes. Stops adding nodes at <paramref name="first"/>; edges are kept
    /// only between nodes returned. A <paramref name="statusFilter"/> costs one more call per level
    /// that reaches status edges: their pairs' whole histories, which decide what is held. The
    /// relations' provenance is read only when <paramref name="withProvenance"/> or a status filter
    /// (which decides on the assertions' dates) needs it.
    /// </summary>
    internal static async Task<Subgraph?> NeighborhoodAsync(
        IGraphReader reader, string start, int depth, IReadOnlyCollection<RelationType>? types, StatusFilter? statusFilter, int first, bool withProvenance,
        CancellationToken cancellationToken)
    {
        var seen = new List<string> { start };
        var seenSet = new HashSet<string>(StringComparer.Ordinal) { start };
        var edges = new Dictionary<string, RelationRecord>(StringComparer.Ordinal);
        bool truncated = false;
        IReadOnlyCollection<string> frontier = [start];
        var query = new RelationQuery { Types = types?.ToList(), WithoutProvenance = !withProvenance && statusFilter is null };
        for (int level = 0; level < depth && frontier.Count > 0 && !truncated; level++)
        {
            IReadOnlyDictionary<string, Page<RelationRecord>> pages = await reader
                .FindRelationsForAsync(frontier, RelationGrouping.ByEndpoint, query, new PageRequest(First: Math.Max(first, 1)), cancellationToken)
                .ConfigureAwait(false);
            IReadOnlySet<string>? passing = statusFilter is null ? null : await KeptAsync(reader, pages.Values, statusFilter, cancellationToken).ConfigureAwait(false);
            var next = new List<string>();
            foreach (string key in frontier)
            {
                if (!pages.TryGetValue(key, out Page<RelationRecord>? page))
                {
                    continue;
                }

                truncated |= page.HasNextPage;
                foreach (RelationRecord relation in page.Items.Select(i => i.Node).Where(r => passing?.Contains(r.Key) ?? true))
                {
                    string other = relation.From == key ? relation.To : relation.From;
                    if (!seenSet.Contains(other))
                    {
                        if (seen.Count >= first)
                        {
                            truncated = true;
                            continue;
                        }

                        seenSet.Add(other);
                        seen.Add(other);
                        next.Add(other);
                    }

                    edges.TryAdd(relation.Key, relation);
                }
            }

            frontier = next;
        }

        IReadOnlyList<EntityRecord> found = await reader.GetEntitiesAsync(seen, cancellationToken).ConfigureAwait(false);
        var byKey = found.ToDictionary(e => e.Key, StringComparer.Ordinal);
        if (!byKey.ContainsKey(start))
        {
            return null;
        }

        List<EntityRecord> nodes = seen.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
        List<RelationRecord> kept = edges.Values
            .Where(r => byKey.ContainsKey(r.From) && byKey.ContainsKey(r.To))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new Subgraph(nodes, kept, truncated);
    }

    /// <summary>The keys of the relations of <paramref name="pages"/> that pass the filter, deciding on the whole history of each status pair.</summary>
    private static async Task<IReadOnlySet<string>> KeptAsync(
        IGraphReader reader, IEnumerable<Page<RelationRecord>> pages, StatusFilter statusFilter, CancellationToken cancellationToken)
    {
        List<RelationRecord> relations = [.. pages.SelectMany(p => p.Items).Select(i => i.Node)];
        List<string> sources = [.. relations.Where(r => StatusHistory.IsStatus(r.Type)).Select(r => r.From).Distinct(StringComparer.Ordinal)];
        IReadOnlyList<RelationRecord> pairs = sources.Count == 0 || statusFilter.AsOf is null
            ? []
            : await StatusReads.AllForAsync(reader, sources, RelationGrouping.BySource, StatusHistory.Types, cancellationToken).ConfigureAwait(false);
        return statusFilter.Keep(relations, StatusHistory.Of(pairs)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
    }
}
