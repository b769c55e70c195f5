using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;

namespace NewsGraph.Api.Graph.Nodes;

/// <summary><c>node(id:)</c> and <c>nodes(ids:)</c>.</summary>
internal static class NodeQueries
{
    public static void Register(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any object with an id (entity, claim, article or relation); null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => Load(c, c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Several objects by id, in the order asked (null where unknown). At most the max page size.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Resolve(c =>
            {
                List<string> ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > c.Graph().Options.MaxPageSize)
                {
                    throw ErrorCodes.Error(ErrorCodes.PageSizeExceeded, $"At most {c.Graph().Options.MaxPageSize} ids at once.");
                }

                IDataLoaderResult<object?>[] results = ids.Select(id => Load(c, id)).ToArray();
                return new AllResults(results);
            });
    }

    /// <summary>Loads the object an id names (batched with every other load of the level).</summary>
    public static IDataLoaderResult<object?> Load(IResolveFieldContext context, string id)
    {
        if (!GlobalId.TryDecode(id, out string typeName, out string key))
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidId, "Not an id made by this server.");
        }

        GraphContext graph = context.Graph();
        return typeName switch
        {
            TypeNames.Article => graph.Articles.Load(key).Then(a => (object?)a),
            TypeNames.Meeting or TypeNames.Statement or TypeNames.Membership or TypeNames.Role or TypeNames.PhoneCall =>
                graph.Relations.Load(key).Then(r => r is not null && GlobalId.TypeName(r.Type) == typeName ? (object?)r : null),
            _ => graph.Entities.Load(key).Then(e => e is not null && GlobalId.TypeName(e.Kind) == typeName ? (object?)e : null),
        };
    }

    private sealed class AllResults(IDataLoaderResult<object?>[] results) : IDataLoaderResult<List<object?>>
    {
        public async Task<List<object?>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new List<object?>(results.Length);
            foreach (IDataLoaderResult<object?> result in results)
            {
                values.Add(await result.GetResultAsync(cancellationToken).ConfigureAwait(false));
            }

            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
