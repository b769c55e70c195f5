using GraphQL.Types;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Memberships;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Api.Graph.Statuses;
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
            .AsOfArgument()
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.BySource, MembershipArgs.Read(c), PageArgs.Read(c), StatusFields.ReadAsOf(c)).Load(c.Source.Key));
        this.AddStatementsField("What the state (as such) stated.");
        this.AddRolesField("People holding a role for this state (HOLDS_ROLE).", RelationGrouping.ByTarget);
    }
}
