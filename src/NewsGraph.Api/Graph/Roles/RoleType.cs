using GraphQL.Types;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.People;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Api.Graph.Statuses;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Roles;

/// <summary>HOLDS_ROLE: a person holds a role at an organization or state.</summary>
public sealed class RoleType : ObjectGraphType<RelationRecord>
{
    public RoleType()
    {
        Description = "A person holds a role at an organization or state (HOLDS_ROLE).";
        this.AddRelationFields(RelationType.HoldsRole);
        Field<NonNullGraphType<PersonType>>("person").Resolve(c => c.Graph().Entities.Load(c.Source.From));
        Field<NonNullGraphType<StringGraphType>>("role").Description("The title as written.").Resolve(c => c.Source.Role ?? string.Empty);
        Field<EntityInterface>("at").Description("The organization or state.").Resolve(c => c.Graph().Entities.Load(c.Source.To));
        this.AddStatusFields<RoleType, RoleAssertionType>("role");
    }
}
