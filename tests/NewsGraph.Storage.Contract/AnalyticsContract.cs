using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>Shortest paths, stats, timelines, top entities and co-mentions.</summary>
public abstract class AnalyticsContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    // ---- shortest path --------------------------------------------------------------------

    [SkippableFact]
    public async Task ShortestPath_ConnectedNodes_FollowsRelationsInEitherDirection()
    {
        IGraphStore store = await SeededStoreAsync();

        GraphPath? path = await store.ShortestPathAsync(Shoigu, Mustafa, 5, null, null, None);
        GraphPath? back = await store.ShortestPathAsync(Mustafa, Shoigu, 5, null, null, None);

        Assert.NotNull(path);
        Assert.Equal([Shoigu, Lavrov, Safadi, Mustafa], path.NodeKeys);
        Assert.Equal([MetShoiguLavrov, MetLavrovSafadi, MetSafadiMustafa], path.Relations.Select(r => r.Key));
        Assert.Equal([A1, A2], path.Relations[1].Provenance.Select(p => p.ArticleKey));
        Assert.NotNull(back);
        Assert.Equal([Mustafa, Safadi, Lavrov, Shoigu], back.NodeKeys);
    }

    [SkippableFact]
    public async Task ShortestPath_LongerThanMaxHops_IsNull()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Null(await store.ShortestPathAsync(Shoigu, Mustafa, 2, null, null, None));
        Assert.NotNull(await store.ShortestPathAsync(Shoigu, Mustafa, 3, null, null, None));
        Assert.Equal(7, (await store.ShortestPathAsync(Antonov, Jordan, 6, null, null, None))?.NodeKeys.Count);
        Assert.Null(await store.ShortestPathAsync(Antonov, Jordan, 5, null, null, None));
    }

    [SkippableFact]
    public async Task ShortestPath_UnconnectedOrUnknownNodes_IsNull()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Null(await store.ShortestPathAsync(Antonov, Lavrov, 10, null, null, None));
        Assert.Null(await store.ShortestPathAsync(Antonov, "person:nobody", 10, null, null, None));
    }

    [SkippableFact]
    public async Task ShortestPath_TypeFilter_UsesOnlyThoseTypes()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Null(await store.ShortestPathAsync(Antonov, Sco, 5, [RelationType.Met, RelationType.MemberOf], null, None));
        GraphPath? path = await store.ShortestPathAsync(Antonov, Sco, 5, [RelationType.Met, RelationType.HoldsRole, RelationType.MemberOf], null, None);
        Assert.NotNull(path);
        Assert.Equal([Antonov, Bogdanov, Russia, Sco], path.NodeKeys);
        Assert.Equal([RelationType.Met, RelationType.HoldsRole, RelationType.MemberOf], path.Relations.Select(r => r.Type));
    }

    [SkippableFact]
    public async Task ShortestPath_SameNode_IsThatNodeAlone()
    {
        IGraphStore store = await SeededStoreAsync();

        GraphPath? path = await store.ShortestPathAsync(Lavrov, Lavrov, 3, null, null, None);

        Assert.NotNull(path);
        Assert.Equal([Lavrov], path.NodeKeys);
        Assert.Empty(path.Relations);
    }

    [SkippableFact]
    public async Task ShortestPath_AskedTwice_GivesTheSamePath()
    {
        IGraphStore store = await SeededStoreAsync();

        string first = Json(await store.ShortestPathAsync(Antonov, Jordan, 10, null, null, None));

        Assert.Equal(first, Json(await store.ShortestPathAsync(Antonov, Jordan, 10, null, null, None)));
    }

    // ---- stats and timelines ----------------------------------------------------------------

    [SkippableFact]
    public async Task GetStats_CountsArticlesEntitiesByKindAndRelationsByType()
    {
        IGraphStore store = await SeededStoreAsync();

        GraphStats stats = await store.GetStatsAsync(None);

        Assert.Equal(7, stats.Articles);
        Assert.Equal(
            [new(NodeKind.Person, 6), new(NodeKind.State, 6), new(NodeKind.Organization, 2), new(NodeKind.Place, 2), new(NodeKind.Claim, 2)],
            stats.Entities);
        Assert.Equal(
            [new(RelationType.Met, 4), new(RelationType.Stated, 2), new(RelationType.MemberOf, 6), new(RelationType.HoldsRole, 1), new(RelationType.Phoned, 0)],
            stats.Relations);
    }

    [SkippableFact]
    public async Task GetStats_EmptyStore_IsAllZeros()
    {
        IGraphStore store = await EmptyStoreAsync();

        GraphStats stats = await store.GetStatsAsync(None);

        Assert.Equal(0, stats.Articles);
        Assert.All(stats.Entities, k => Assert.Equal(0, k.Count));
        Assert.All(stats.Relations, t => Assert.Equal(0, t.Count));
    }

    [SkippableFact]
    public async Task GetTimeline_Meetings_BucketsByDayIsoWeekAndMonth()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            [new(March4, 1), new(March12, 1), new(April2, 1), new(April10, 1)],
            await store.GetTimelineAsync(RelationType.Met, TimeInterval.Day, null, null, None));
        Assert.Equal(
            [new(new(2024, 3, 4), 1), new(new(2024, 3, 11), 1), new(new(2024, 4, 1), 1), new(new(2024, 4, 8), 1)],
            await store.GetTimelineAsync(RelationType.Met, TimeInterval.Week, null, null, None));
        Assert.Equal(
            [new(new(2024, 3, 1), 2), new(new(2024, 4, 1), 2)],
            await store.GetTimelineAsync(RelationType.Met, TimeInterval.Month, null, null, None));
    }

    [SkippableFact]
    public async Task GetTimeline_NoType_CountsArticlesByPublicationDate()
    {
        IGraphStore store = await SeededStoreAsync();

        // a4 was published on Sunday 17 March: ISO weeks start on Monday, so it is in the week of the 11th.
        // a7 is undated: without bounds it is counted in the last bucket, which has no start.
        Assert.Equal(
            [new(new(2024, 3, 4), 2), new(new(2024, 3, 11), 2), new(new(2024, 4, 1), 1), new(new(2024, 4, 8), 1), new(null, 1)],
            await store.GetTimelineAsync(null, TimeInterval.Week, null, null, None));
        Assert.Equal(
            [new(new(2024, 3, 1), 4), new(new(2024, 4, 1), 2), new(null, 1)],
            await store.GetTimelineAsync(null, TimeInterval.Month, null, null, None));
        Assert.Equal(
            [new(March5, 1), new(March12, 1), new(March17, 1)],
            await store.GetTimelineAsync(null, TimeInterval.Day, March5, March17, None));
    }

    [SkippableFact]
    public async Task GetTimeline_UndatedRelations_UseTheEarliestArticleDate()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            [new(new(2024, 3, 1), 4), new(new(2024, 4, 1), 2)],
            await store.GetTimelineAsync(RelationType.MemberOf, TimeInterval.Month, null, null, None));
        Assert.Equal([new(March12, 1)], await store.GetTimelineAsync(RelationType.HoldsRole, TimeInterval.Day, null, null, None));
        Assert.Empty(await store.GetTimelineAsync(RelationType.Phoned, TimeInterval.Day, null, null, None));
    }

    [SkippableFact]
    public async Task GetTimeline_DateRange_KeepsOnlyDatesInRange()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            [new(March12, 1), new(April2, 1)],
            await store.GetTimelineAsync(RelationType.Met, TimeInterval.Day, March5, new DateOnly(2024, 4, 5), None));
    }

    // ---- top entities and co-mentions ------------------------------------------------------

    [SkippableFact]
    public async Task GetTopEntities_ByMentions_SumsMentionsWithTiesByKey()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            [new(Lavrov, 6), new(Safadi, 5), new(Moscow, 4), new(Russia, 4)],
            await store.GetTopEntitiesAsync(null, EntityRanking.Mentions, 4, null, null, DateBasis.Published, None));
    }

    [SkippableFact]
    public async Task GetTopEntities_DateRange_CountsOnlyArticlesInRange()
    {
        IGraphStore store = await SeededStoreAsync();

        // April: a5 (Safadi 1, Mustafa 2) and a6 (Shoigu 2, Lavrov 2).
        IReadOnlyList<RankedEntity> april = await store.GetTopEntitiesAsync(NodeKind.Person, EntityRanking.Mentions, 10, new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30), DateBasis.Published, None);

        Assert.Equal([.. Ranked(2, Lavrov, Shoigu, Mustafa), new(Safadi, 1)], april);
    }

    [SkippableFact]
    public async Task GetTopEntities_ByMeetings_CountsMetRelations()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            [.. Ranked(2, Safadi, Lavrov), .. Ranked(1, Antonov, Bogdanov, Mustafa, Shoigu)],
            await store.GetTopEntitiesAsync(null, EntityRanking.Meetings, 10, null, null, DateBasis.Published, None));
        Assert.Equal(
            Ranked(1, Safadi, Lavrov, Antonov, Bogdanov),
            await store.GetTopEntitiesAsync(null, EntityRanking.Meetings, 10, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), DateBasis.Published, None));
    }

    [SkippableFact]
    public async Task GetTopEntities_ByStatements_CountsStatedAsSpeaker()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(Ranked(1, Safadi, Lavrov), await store.GetTopEntitiesAsync(NodeKind.Person, EntityRanking.Statements, 10, null, null, DateBasis.Published, None));
        Assert.Empty(await store.GetTopEntitiesAsync(NodeKind.Organization, EntityRanking.Statements, 10, null, null, DateBasis.Published, None));

        // Lavrov's statement is also asserted by a6 (April); Safadi's only by a2 (March).
        Assert.Equal(Ranked(1, Lavrov), await store.GetTopEntitiesAsync(null, EntityRanking.Statements, 10, new DateOnly(2024, 4, 1), null, DateBasis.Published, None));
    }

    [SkippableFact]
    public async Task GetTopEntities_EventDates_CountRelationsByTheirOwnDate()
    {
        IGraphStore store = await SeededStoreAsync();

        // Lavrov's statement, made on 4 March, is repeated by a6 (published 10 April): by publication
        // date it counts in April, by its own date only in March.
        Assert.Empty(await store.GetTopEntitiesAsync(null, EntityRanking.Statements, 10, new DateOnly(2024, 4, 1), null, DateBasis.Event, None));
        Assert.Equal(Ranked(1, Safadi, Lavrov), await store.GetTopEntitiesAsync(null, EntityRanking.Statements, 10, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), DateBasis.Event, None));

        // Meetings on 2 and 10 April; a day range picks one.
        Assert.Equal(
            Ranked(1, [.. new[] { Safadi, Mustafa, Shoigu, Lavrov }.Order(StringComparer.Ordinal)]),
            await store.GetTopEntitiesAsync(NodeKind.Person, EntityRanking.Meetings, 10, new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30), DateBasis.Event, None));
        Assert.Equal(
            Ranked(1, [.. new[] { Safadi, Mustafa }.Order(StringComparer.Ordinal)]),
            await store.GetTopEntitiesAsync(NodeKind.Person, EntityRanking.Meetings, 10, April2, April2, DateBasis.Event, None));
    }

    [SkippableFact]
    public async Task GetTopEntities_MentionsByEventDate_IsRejected()
    {
        IGraphStore store = await SeededStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.GetTopEntitiesAsync(null, EntityRanking.Mentions, 10, March4, null, DateBasis.Event, None));
    }

    [SkippableFact]
    public async Task GetTopEntities_ByDegree_CountsRelationsOfAnyType()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            [new(Sco, 4), .. Ranked(3, Safadi, Lavrov), .. Ranked(2, ArabLeague, Bogdanov, Egypt, Russia)],
            await store.GetTopEntitiesAsync(null, EntityRanking.Degree, 7, null, null, DateBasis.Published, None));
        Assert.Equal(
            [.. Ranked(2, Egypt, Russia), .. Ranked(1, China, Jordan, Mongolia)],
            await store.GetTopEntitiesAsync(NodeKind.State, EntityRanking.Degree, 10, null, null, DateBasis.Published, None));
        Assert.Empty(await store.GetTopEntitiesAsync(null, EntityRanking.Degree, 0, null, null, DateBasis.Published, None));
    }

    [SkippableFact]
    public async Task GetCoMentioned_CountsSharedArticles()
    {
        IGraphStore store = await SeededStoreAsync();

        // Lavrov is in a1, a2 and a6.
        Assert.Equal(
            [new(Moscow, 3), .. Ranked(2, LavrovClaim, Safadi, Jordan, Russia), .. Ranked(1, SafadiClaim, Shoigu, Syria)],
            await store.GetCoMentionedAsync(Lavrov, null, 10, None));
        Assert.Equal([new(Safadi, 2), new(Shoigu, 1)], await store.GetCoMentionedAsync(Lavrov, NodeKind.Person, 10, None));
        Assert.Equal([new(Moscow, 3)], await store.GetCoMentionedAsync(Lavrov, null, 1, None));
        Assert.Empty(await store.GetCoMentionedAsync("person:nobody", null, 10, None));
    }

    /// <summary>Entities sharing one value, in the tie order: key ascending.</summary>
    private static List<RankedEntity> Ranked(long value, params string[] keys) =>
        [.. keys.Order(StringComparer.Ordinal).Select(k => new RankedEntity(k, value))];
}
