using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Articles;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Nodes;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Api.Graph.Roles;
using NewsGraph.Api.Graph.Statements;
using NewsGraph.Api.Graph.Statuses;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Entities;

/// <summary>The fields every entity type (and Claim) shares, declared once.</summary>
internal static class EntityFields
{
    public static void AddGraphNodeFields(this ObjectGraphType<EntityRecord> type, NodeKind kind)
    {
        type.IsTypeOf = o => o is EntityRecord e && e.Kind == kind;
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id.").Resolve(c => GlobalId.Of(c.Source));
        type.Field<NonNullGraphType<NodeKindType>>("kind").Resolve(c => c.Source.Kind);
        type.Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        type.Field<NonNullGraphType<IntGraphType>>("mentionCount").Resolve(c => c.Source.MentionCount);
        type.Interface<NodeInterface>();
        type.Interface<GraphNodeInterface>();
    }

    public static void AddEntityFields(this ObjectGraphType<EntityRecord> type, NodeKind kind)
    {
        type.AddGraphNodeFields(kind);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Aliases);
        type.Field<NonNullGraphType<IntGraphType>>("articleCount").Resolve(c => c.Source.ArticleCount);
        type.AddArticlesField("Articles that mention it (or assert one of its relations).");
        type.Interface<EntityInterface>();
    }

    public static void AddArticlesField(this ObjectGraphType<EntityRecord> type, string description) =>
        type.Field<NonNullGraphType<ConnectionType<ArticleType, ArticleRecord>>>("articles")
            .Description(description)
            .ArticleListArguments()
            .PageArguments()
            .Resolve(c => c.Graph().ArticlePages(ArticleArgs.Read(c), PageArgs.Read(c)).Load(c.Source.Key));

    /// <summary>What the entity itself stated (STATED, the entity as speaker).</summary>
    public static void AddStatementsField(this ObjectGraphType<EntityRecord> type, string description) =>
        type.Field<NonNullGraphType<ConnectionType<StatementType, RelationRecord>>>("statements")
            .Description(description)
            .Argument<StatementFilterInputType>("where")
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.BySource, StatementArgs.Read(c), PageArgs.Read(c)).Load(c.Source.Key));

    /// <summary>HOLDS_ROLE relations: a person's own roles (<see cref="RelationGrouping.BySource"/>) or the people holding a role at a state or organization (<see cref="RelationGrouping.ByTarget"/>).</summary>
    public static void AddRolesField(this ObjectGraphType<EntityRecord> type, string description, RelationGrouping grouping) =>
        type.Field<NonNullGraphType<ConnectionType<RoleType, RelationRecord>>>("roles")
            .Description(description)
            .AsOfArgument()
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(grouping, RelationArgs.Ordered(c, new RelationQuery { Types = [RelationType.HoldsRole] }), PageArgs.Read(c), StatusFields.ReadAsOf(c)).Load(c.Source.Key));
}
