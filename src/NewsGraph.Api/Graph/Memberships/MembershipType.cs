using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Organizations;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Api.Graph.States;
using NewsGraph.Api.Graph.Statuses;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Memberships;

/// <summary>MEMBER_OF: a state belongs to an organization with a status.</summary>
public sealed class MembershipType : ObjectGraphType<RelationRecord>
{
    public MembershipType()
    {
        Description = "A state belongs to an organization (MEMBER_OF) as member, observer, dialogue partner or applicant.";
        this.AddRelationFields(RelationType.MemberOf);
        Field<NonNullGraphType<StateType>>("state").Resolve(c => c.Graph().Entities.Load(c.Source.From));
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(c => c.Graph().Entities.Load(c.Source.To));
        Field<NonNullGraphType<MembershipStatusType>>("status").Resolve(c => c.Source.Status ?? MembershipStatus.Member);
        this.AddStatusFields<MembershipType, MembershipAssertionType>("membership");
    }
}
