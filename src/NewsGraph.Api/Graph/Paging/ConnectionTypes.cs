using GraphQL.Types;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Paging;

/// <summary>Relay page info.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its list.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("Cursor of the first item; null on an empty page.").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("Cursor of the last item; pass it as `after` for the next page.").Resolve(c => c.Source.EndCursor);
    }
}

/// <summary>A Relay connection over a store <see cref="Page{T}"/>.</summary>
public sealed class ConnectionType<TNodeType, T> : ObjectGraphType<Page<T>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        string nodeName = NodeTypeName.Of<TNodeType>();
        Name = nodeName + "Connection";
        Description = $"A page of {nodeName} items in a total order (ties broken by id), so consecutive pages are disjoint and complete.";
        Field<IntGraphType>("totalCount")
            .Description("Size of the whole filtered list. Computed by the store only when selected.")
            .Resolve(c => c.Source.TotalCount is { } n ? (int)Math.Min(n, int.MaxValue) : null);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.HasPreviousPage, c.Source.StartCursor, c.Source.EndCursor));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of the page (the edges without cursors).")
            .Resolve(c => c.Source.Items.Select(i => i.Node));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, T>>>>>("edges")
            .Resolve(c => c.Source.Items);
    }
}

/// <summary>An item of a connection and its cursor.</summary>
public sealed class EdgeType<TNodeType, T> : ObjectGraphType<PageItem<T>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = NodeTypeName.Of<TNodeType>() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}

/// <summary>The GraphQL name of a node graph type from its class name (PersonType → Person, EntityInterface → Entity).</summary>
internal static class NodeTypeName
{
    public static string Of<TNodeType>()
    {
        string name = typeof(TNodeType).Name;
        foreach (string suffix in new[] { "Interface", "Type" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
