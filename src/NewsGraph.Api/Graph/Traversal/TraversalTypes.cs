using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Nodes;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Traversal;

/// <summary>A subgraph: nodes and the relations between them (neighborhood, path).</summary>
public sealed record Subgraph(IReadOnlyList<EntityRecord> Nodes, IReadOnlyList<RelationRecord> Edges, bool Truncated);

public sealed class GraphEdgeType : ObjectGraphType<RelationRecord>
{
    public GraphEdgeType()
    {
        Name = "GraphEdge";
        Description = "A relation as an edge between two node ids; `relation` has its details.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Of(c.Source));
        Field<NonNullGraphType<RelationTypeType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("from").Description("Id of the source node.").Resolve(c => GlobalId.OfEntityKey(c.Source.From));
        Field<NonNullGraphType<IdGraphType>>("to").Description("Id of the target node.").Resolve(c => GlobalId.OfEntityKey(c.Source.To));
        Field<NonNullGraphType<RelationInterface>>("relation").Resolve(c => c.Source);
    }
}

public sealed class NeighborhoodType : ObjectGraphType<Subgraph>
{
    public NeighborhoodType()
    {
        Name = "Neighborhood";
        Description = "The nodes within `depth` relations of a node (the node itself first) and the relations among them.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphNodeInterface>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when `first` cut the neighborhood short.").Resolve(c => c.Source.Truncated);
    }
}

public sealed class PathType : ObjectGraphType<Subgraph>
{
    public PathType()
    {
        Name = "Path";
        Description = "A path: its nodes in order and the relations joining consecutive nodes.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphNodeInterface>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<IntGraphType>>("length").Description("Number of relations.").Resolve(c => c.Source.Edges.Count);
    }
}
