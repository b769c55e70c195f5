using GraphQL.Types;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Nodes;

/// <summary>Relay's Node: anything with a global id that <c>node(id:)</c> can fetch again.</summary>
public sealed class NodeInterface : InterfaceGraphType<object>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with an opaque global id; `node(id:)` fetches it again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id.");
    }
}

/// <summary>An entity or a claim: the nodes search and traversal return.</summary>
public sealed class GraphNodeInterface : InterfaceGraphType<EntityRecord>
{
    public GraphNodeInterface()
    {
        Name = "GraphNode";
        Description = "A node of the knowledge graph — an entity (Person, State, Organization, Place) or a Claim. `search`, `neighborhood`, `shortestPath` and `topEntities` return these.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<Common.NodeKindType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Display name (for a claim, its text), as first written.");
        Field<NonNullGraphType<IntGraphType>>("mentionCount").Description("Mentions across all articles.");
        Interface<NodeInterface>();
    }
}
