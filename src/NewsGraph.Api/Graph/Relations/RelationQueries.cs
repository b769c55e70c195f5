using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Meetings;
using NewsGraph.Api.Graph.Memberships;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Statements;
using NewsGraph.Api.Graph.Statuses;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Relations;

/// <summary>Root lists of relations: <c>meetings</c>, <c>phoneCalls</c>, <c>statements</c>, <c>memberships</c>, <c>relations</c>.</summary>
internal static class RelationQueries
{
    private const string ConnectionNote = " A connection: filters in `where`, `order` with ties broken by id, cursor paging, `totalCount` computed only when selected.";

    public static void Register(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<MeetingType, RelationRecord>>>("meetings")
            .Description("Meetings (MET)." + ConnectionNote)
            .Argument<MeetingFilterInputType>("where")
            .OrderArgument()
            .PageArguments()
            .ResolveAsync(async c => await Find(c, MeetingArgs.Read(c, RelationType.Met)).ConfigureAwait(false));
        query.Field<NonNullGraphType<ConnectionType<PhoneCallType, RelationRecord>>>("phoneCalls")
            .Description("Phone calls (PHONED)." + ConnectionNote)
            .Argument<MeetingFilterInputType>("where")
            .OrderArgument()
            .PageArguments()
            .ResolveAsync(async c => await Find(c, MeetingArgs.Read(c, RelationType.Phoned)).ConfigureAwait(false));
        query.Field<NonNullGraphType<ConnectionType<StatementType, RelationRecord>>>("statements")
            .Description("Statements (STATED)." + ConnectionNote)
            .Argument<StatementFilterInputType>("where")
            .OrderArgument()
            .PageArguments()
            .ResolveAsync(async c => await Find(c, StatementArgs.Read(c)).ConfigureAwait(false));
        query.Field<NonNullGraphType<ConnectionType<MembershipType, RelationRecord>>>("memberships")
            .Description("Memberships (MEMBER_OF)." + ConnectionNote)
            .Argument<MembershipFilterInputType>("where")
            .AsOfArgument()
            .OrderArgument()
            .PageArguments()
            .ResolveAsync(async c => await FindHeld(c, MembershipArgs.Read(c)).ConfigureAwait(false));
        query.Field<NonNullGraphType<ConnectionType<RelationInterface, RelationRecord>>>("relations")
            .Description("Relations of any type." + ConnectionNote)
            .RelationListArguments()
            .PageArguments()
            .ResolveAsync(async c => await Find(c, RelationArgs.Read(c)).ConfigureAwait(false));
    }

    private static Task<Page<RelationRecord>> Find(IResolveFieldContext c, RelationQuery query) =>
        c.Graph().Reader.FindRelationsAsync(query, PageArgs.Read(c), c.CancellationToken);

    /// <summary>With <c>asOf</c>, the list restricted to the memberships held on that date (one more store call).</summary>
    private static async Task<Page<RelationRecord>> FindHeld(IResolveFieldContext c, RelationQuery query)
    {
        if (StatusFields.ReadAsOf(c) is { } asOf)
        {
            query = await StatusReads.HeldAsOfAsync(c.Graph().Reader, query, asOf, c.CancellationToken).ConfigureAwait(false);
        }

        return await Find(c, query).ConfigureAwait(false);
    }
}
