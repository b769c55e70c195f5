using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Dashboards;

/// <summary>Aggregates for dashboards: <c>stats</c>, <c>timeline</c>, <c>topEntities</c>, <c>coMentioned</c>.</summary>
internal static class DashboardQueries
{
    public static void Register(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<StatsType>>("stats")
            .Description("What the graph holds: articles (with how many are reprints), nodes per kind, relations per type — every copy of a story included. The rankings and timelines count each story once.")
            .ResolveAsync(async c => await c.Graph().Reader.GetStatsAsync(c.CancellationToken).ConfigureAwait(false));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineBucketType>>>>("timeline")
            .Description("Counts per interval: relations of `type` that an original (not a reprint) asserts, each once (by relation date, else the first asserting article's date), or articles by publication date when no type (`reprints` says how many of them are reprints). Empty buckets are left out. Without from/to, the undated items come last in their own bucket (undated: true, no start).")
            .Argument<RelationTypeType>("type")
            .Argument<TimeIntervalType>("interval", a => a.DefaultValue = TimeInterval.Month)
            .Argument<CalendarDateGraphType>("from")
            .Argument<CalendarDateGraphType>("to")
            .ResolveAsync(async c => await c.Graph().Reader.GetTimelineAsync(
                c.GetArgument<RelationType?>("type"),
                c.GetArgument<TimeInterval>("interval"),
                c.GetArgument<DateOnly?>("from"),
                c.GetArgument<DateOnly?>("to"),
                c.CancellationToken).ConfigureAwait(false));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankedEntityType>>>>("topEntities")
            .Description("Entities ranked by mentions, meetings, statements or degree; ties by id. Each story counts once, through its original: mentions in originals, relations an original asserts (reprints are provenance, not more news). Dates restrict the articles counted, or with dateBasis: EVENT the relations by their own date.")
            .Argument<NodeKindType>("kind")
            .Argument<EntityRankingType>("by", a => a.DefaultValue = EntityRanking.Mentions)
            .Argument<IntGraphType>("first", "How many (default 20, at most the max page size).")
            .Argument<CalendarDateGraphType>("from")
            .Argument<CalendarDateGraphType>("to")
            .Argument<DateBasisType>("dateBasis", "What `from`/`to` apply to (default PUBLISHED).", a => a.DefaultValue = DateBasis.Published)
            .ResolveAsync(async c =>
            {
                EntityRanking by = c.GetArgument<EntityRanking>("by");
                DateBasis dateBasis = c.GetArgument<DateBasis>("dateBasis");
                if (by == EntityRanking.Mentions && dateBasis == DateBasis.Event)
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidArgument, "Mentions have no event date: rank MENTIONS with dateBasis PUBLISHED.");
                }

                return await c.Graph().Reader.GetTopEntitiesAsync(
                    c.GetArgument<NodeKind?>("kind"),
                    by,
                    PageArgs.Size(c),
                    c.GetArgument<DateOnly?>("from"),
                    c.GetArgument<DateOnly?>("to"),
                    dateBasis,
                    c.CancellationToken).ConfigureAwait(false);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankedEntityType>>>>("coMentioned")
            .Description("Who is mentioned with a node, and in how many shared articles (`value`, originals only: a reprint adds nothing); most first.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NodeKindType>("kind", "Only co-mentioned nodes of this kind.")
            .Argument<IntGraphType>("first", "How many (default 20, at most the max page size).")
            .ResolveAsync(async c =>
            {
                string key = GlobalId.KeyOf(c.GetArgument<string>("id"), "id", TypeNames.GraphNodes);
                GraphContext graph = c.Graph();
                return await graph.Reader.GetCoMentionedAsync(key, c.GetArgument<NodeKind?>("kind"), PageArgs.Size(c), c.CancellationToken).ConfigureAwait(false);
            });
    }
}
