using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Nodes;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Search;

internal static class SearchQueries
{
    public static void Register(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphNodeInterface>>>>("search")
            .Description("Ranked full-text search over names, aliases and claim texts, tolerant of Arabic spelling variants and partial names. Best first. A plain list of the abstract GraphNode type: select fields with `... on Person { … }`.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Only these kinds (default: all).")
            .Argument<IntGraphType>("first", "How many results (default 20, at most the max page size).")
            .ResolveAsync(async c =>
            {
                string text = c.GetArgument<string>("text");
                int first = PageArgs.Size(c);
                if (TextArgs.Normalized(text) is null || first == 0)
                {
                    return Array.Empty<EntityRecord>();
                }

                List<NodeKind>? kinds = c.GetArgument<List<NodeKind>?>("kinds");
                GraphContext graph = c.Graph();
                IReadOnlyList<SearchHit> hits = await graph.Reader.SearchAsync(text, kinds is { Count: > 0 } ? kinds : null, first, c.CancellationToken).ConfigureAwait(false);
                IReadOnlyList<EntityRecord> found = await graph.Entities.LoadMany(hits.Select(h => h.Key)).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
                return found;
            });
    }
}
