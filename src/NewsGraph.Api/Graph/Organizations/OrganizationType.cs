using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Memberships;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Api.Graph.Statuses;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Organizations;

public sealed class OrganizationType : ObjectGraphType<EntityRecord>
{
    public OrganizationType()
    {
        Name = "Organization";
        Description = "An organization (intergovernmental body, ministry, armed group …), keyed by gazetteer id or normalized name.";
        this.AddEntityFields(NodeKind.Organization);
        Field<StringGraphType>("category").Description("Kind of organization, when known.").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipType>>>>("members")
            .Description("Member states as a plain list, by status (MEMBER, OBSERVER, DIALOGUE_PARTNER, APPLICANT) then state id; at most the max page size (100 unless configured), optionally of one status. For paging, filters and totalCount use the `memberships` connection.")
            .Argument<MembershipStatusType>("status", "Only this status.")
            .AsOfArgument()
            .Resolve(c =>
            {
                var query = new RelationQuery { Types = [RelationType.MemberOf], Status = c.GetArgument<MembershipStatus?>("status") };
                var page = new PageRequest(First: c.Graph().Options.MaxPageSize);
                return c.Graph().RelationPages(RelationGrouping.ByTarget, query, page, StatusFields.ReadAsOf(c)).Load(c.Source.Key)
                    .Then(p => (p ?? Page<RelationRecord>.Empty).Items
                        .Select(i => i.Node)
                        .OrderBy(r => r.Status)
                        .ThenBy(r => r.From, StringComparer.Ordinal)
                        .ToList());
            });
        Field<NonNullGraphType<ConnectionType<MembershipType, RelationRecord>>>("memberships")
            .Description("Member states as a connection (MEMBER_OF), with filters, order and paging.")
            .Argument<MembershipFilterInputType>("where")
            .AsOfArgument()
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.ByTarget, MembershipArgs.Read(c), PageArgs.Read(c), StatusFields.ReadAsOf(c)).Load(c.Source.Key));
        this.AddStatementsField("What the organization (as such) stated.");
        this.AddRolesField("People holding a role at this organization (HOLDS_ROLE).", RelationGrouping.ByTarget);
    }
}
