using GraphQL.Types;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Memberships;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Api.Graph.Roles;
using NewsGraph.Api.Graph.Statements;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.States;

public sealed class StateType : ObjectGraphType<EntityRecord>
{
    public StateType()
    {
        Name = "State";
        Description = "A state, keyed by ISO 3166-1 alpha-2; names, variants and demonyms resolve here.";
        this.AddEntityFields(NodeKind.State);
        Field<StringGraphType>("iso").Description("ISO 3166-1 alpha-2 code.").Resolve(c => c.Source.Iso);
        Field<NonNullGraphType<ConnectionType<MembershipType, RelationRecord>>>("memberships")
            .Description("Organizations this state belongs to (MEMBER_OF).")
            .Argument<MembershipFilterInputType>("where")
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.BySource, MembershipArgs.Read(c), PageArgs.Read(c)).Load(c.Source.Key));
        Field<NonNullGraphType<ConnectionType<StatementType, RelationRecord>>>("statements")
            .Description("What the state (as such) stated.")
            .Argument<StatementFilterInputType>("where")
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.BySource, StatementArgs.Read(c), PageArgs.Read(c)).Load(c.Source.Key));
        Field<NonNullGraphType<ConnectionType<RoleType, RelationRecord>>>("roles")
            .Description("People holding a role for this state (HOLDS_ROLE).")
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.ByTarget, RelationArgs.Ordered(c, new RelationQuery { Types = [RelationType.HoldsRole] }), PageArgs.Read(c)).Load(c.Source.Key));
    }
}
