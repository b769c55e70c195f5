using GraphQL.Types;
using NewsGraph.Api.Graph.Articles;
using NewsGraph.Api.Graph.Nodes;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Entities;

/// <summary>What people, states, organizations and places have in common.</summary>
public sealed class EntityInterface : InterfaceGraphType<EntityRecord>
{
    public EntityInterface()
    {
        Name = "Entity";
        Description = "A person, state, organization or place, merged over every article that mentions it.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<Common.NodeKindType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other spellings and short forms seen in the text.");
        Field<NonNullGraphType<IntGraphType>>("mentionCount");
        Field<NonNullGraphType<IntGraphType>>("articleCount").Description("Articles that mention it.");
        Field<NonNullGraphType<ConnectionType<ArticleType, ArticleRecord>>>("articles")
            .Description("Articles that mention it (or assert one of its relations).")
            .ArticleListArguments()
            .PageArguments();
        Interface<NodeInterface>();
        Interface<GraphNodeInterface>();
    }
}
