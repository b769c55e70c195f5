using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Reprints in the dashboard aggregates (<see cref="ReprintCounting"/>): a story counts once, through
/// its original, however many copies are stored, and the counts follow the links as they change; the
/// relations keep every copy as provenance. The story is <see cref="ReprintStory"/>'s: the agency's
/// original (1 March) and a paper's copy (2 March). Both report the minister meeting the ambassador on
/// 1 March and his statement; the copy names the minister more often, names an engineer the original
/// does not, and reports the meeting a second time dated by its own day (a relation of its own key).
/// </summary>
public abstract class ReprintCountContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    private const string Original = "https://example.test/spa/energy-program";

    private const string Copy = "https://example.test/hayat/energy-program";

    private const string ClaimText = "البرنامج يهدف إلى رفع حصة الطاقة الشمسية";

    private static readonly DateOnly March1 = new(2026, 3, 1);

    private static readonly DateOnly March2 = new(2026, 3, 2);

    private static readonly string Minister = GraphKeys.Person("وزير الطاقة");

    private static readonly string Ambassador = GraphKeys.Person("سفير ألمانيا");

    private static readonly string Engineer = GraphKeys.Person("مهندس المشروع");

    private static readonly string Saudi = GraphKeys.State("SA");

    private static readonly string Claim = GraphKeys.Claim(Minister, ClaimText);

    /// <summary>The meeting as both copies date it (1 March): one relation, asserted by both.</summary>
    private static readonly string SharedMeeting = GraphKeys.Relation(RelationType.Met, Minister, Ambassador, March1);

    /// <summary>The same meeting as only the copy dates it (its own day): a relation only a reprint asserts.</summary>
    private static readonly string CopyOnlyMeeting = GraphKeys.Relation(RelationType.Met, Minister, Ambassador, March2);

    private static ArticleGraph OriginalArticle => new(
        new ArticleInfo(Original, ReprintStory.OriginalText, Title: "وزارة الطاقة تطلق برنامجا وطنيا للطاقة المتجددة", Url: Original, Source: "spa", Published: March1),
        [Person("وزير الطاقة", 2), Person("سفير ألمانيا", 1), State(), ClaimEntity()],
        [Meeting(March1, 1), Statement(2)]);

    private static ArticleGraph CopyArticle => new(
        new ArticleInfo(Copy, ReprintStory.FirstCopyText, Title: "ثلاث محطات كبرى للطاقة الشمسية والرياح", Url: Copy, Source: "hayat", Published: March2),
        [Person("وزير الطاقة", 3), Person("سفير ألمانيا", 1), Person("مهندس المشروع", 1), State(), ClaimEntity()],
        [Meeting(March1, 1), Statement(2), Meeting(March2, 4)]);

    [SkippableFact]
    public async Task Aggregates_OriginalAndReprint_CountTheStoryOnceAndKeepBothAsProvenance()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);

        await store.UpsertAsync([CopyArticle], None);

        Assert.Equal([new ReprintLink(Copy, Original)], await store.GetReprintLinksAsync([Original], None));
        GraphStats stats = await store.GetStatsAsync(None);
        Assert.Equal((2, 1), (stats.Articles, stats.Reprints));

        // Stats count what is stored: both meetings are relations of the graph.
        Assert.Equal(2, stats.Relations.Single(t => t.Type == RelationType.Met).Count);

        // Mentions: the original's alone (2, not 2 + 3); the engineer only the copy names counts nothing.
        Assert.Equal(
            new Dictionary<string, long> { [Minister] = 2, [Ambassador] = 1, [Saudi] = 1, [Claim] = 1 },
            await RankedAsync(store, EntityRanking.Mentions));
        Assert.Equal(
            new Dictionary<string, long> { [Minister] = 2, [Ambassador] = 1, [Saudi] = 1, [Claim] = 1 },
            await RankedAsync(store, EntityRanking.Mentions, March1, March2));
        Assert.Empty(await RankedAsync(store, EntityRanking.Mentions, March2, March2));

        // Relations: the meeting both assert counts once; the one only the copy asserts does not.
        Assert.Equal(new Dictionary<string, long> { [Minister] = 1, [Ambassador] = 1 }, await RankedAsync(store, EntityRanking.Meetings));
        Assert.Equal(new Dictionary<string, long> { [Minister] = 1 }, await RankedAsync(store, EntityRanking.Statements));
        Assert.Equal(new Dictionary<string, long> { [Minister] = 2, [Ambassador] = 1, [Claim] = 1 }, await RankedAsync(store, EntityRanking.Degree));
        Assert.Empty(await RankedAsync(store, EntityRanking.Meetings, March2, March2));
        Assert.Empty(await RankedAsync(store, EntityRanking.Meetings, March2, March2, DateBasis.Event));
        Assert.Equal(new Dictionary<string, long> { [Minister] = 1, [Ambassador] = 1 }, await RankedAsync(store, EntityRanking.Meetings, March1, March1, DateBasis.Event));
        Assert.Equal([(new DateOnly(2026, 3, 1), 1L)], Counts(await store.GetTimelineAsync(RelationType.Met, TimeInterval.Month, null, null, None)));
        Assert.Equal([(March1, 1L)], Counts(await store.GetTimelineAsync(RelationType.Met, TimeInterval.Day, null, null, None)));

        // The article timeline counts articles, and says which are reprints.
        Assert.Equal(
            [(March1, 1L, 0L), (March2, 1L, 1L)],
            (await store.GetTimelineAsync(null, TimeInterval.Day, null, null, None)).Select(b => (b.Start!.Value, b.Count, b.Reprints)));
        Assert.Equal(
            new Dictionary<string, long> { [Ambassador] = 1, [Saudi] = 1, [Claim] = 1 },
            (await store.GetCoMentionedAsync(Minister, null, 10, None)).ToDictionary(r => r.Key, r => r.Value));

        // Provenance keeps both copies.
        Page<RelationRecord> meetings = await RelationsAsync(store, new RelationQuery { Types = [RelationType.Met] });
        Assert.Equal(Sorted([CopyOnlyMeeting, SharedMeeting]), Sorted(Keys(meetings)));
        Assert.Equal([Copy, Original], Sorted(meetings.Items.Single(i => i.Node.Key == SharedMeeting).Node.Provenance.Select(p => p.ArticleKey).Distinct()));
    }

    [SkippableFact]
    public async Task Aggregates_OriginalRemovedThenIngestedAgain_CountTheCopyInstead()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([CopyArticle], None);

        await store.RemoveArticlesAsync([Original], None);
        string removed = await AggregatesAsync(store, includeArticleCounts: false);
        GraphStats afterRemoval = await store.GetStatsAsync(None);

        // The copy is the story now, once: its mentions (the engineer's too) and both its meetings.
        Assert.Equal((1, 0), (afterRemoval.Articles, afterRemoval.Reprints));
        Assert.Equal(
            new Dictionary<string, long> { [Minister] = 3, [Ambassador] = 1, [Engineer] = 1, [Saudi] = 1, [Claim] = 1 },
            await RankedAsync(store, EntityRanking.Mentions));
        Assert.Equal(new Dictionary<string, long> { [Minister] = 2, [Ambassador] = 2 }, await RankedAsync(store, EntityRanking.Meetings));
        Assert.Equal(new Dictionary<string, long> { [Minister] = 1, [Ambassador] = 1 }, await RankedAsync(store, EntityRanking.Meetings, March2, March2, DateBasis.Event));
        Assert.Equal([(new DateOnly(2026, 3, 1), 2L)], Counts(await store.GetTimelineAsync(RelationType.Met, TimeInterval.Month, null, null, None)));

        // Back: the original arrives after its copy, so it is the reprint now, and counts nothing.
        await store.UpsertAsync([OriginalArticle], None);

        Assert.Equal([new ReprintLink(Original, Copy)], await store.GetReprintLinksAsync([Copy], None));
        GraphStats back = await store.GetStatsAsync(None);
        Assert.Equal((2, 1), (back.Articles, back.Reprints));
        Assert.Equal(removed, await AggregatesAsync(store, includeArticleCounts: false));

        // As if they had come in that order (read first: a server-backed store may share one database).
        string aggregates = await AggregatesAsync(store);
        IGraphStore copyFirst = await EmptyStoreAsync();
        await copyFirst.UpsertAsync([CopyArticle], None);
        await copyFirst.UpsertAsync([OriginalArticle], None);
        Assert.Equal(aggregates, await AggregatesAsync(copyFirst));
    }

    [SkippableFact]
    public async Task Aggregates_OriginalRewrittenAsAnotherStory_CountTheCopyAndTheNewStory()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([CopyArticle], None);

        // The original's key now carries another story naming only the minister (once), with no relation.
        await store.UpsertAsync([new ArticleGraph(OriginalArticle.Article with { Text = ReprintStory.OtherStoryText }, [Person("وزير الطاقة", 1)], [])], None);

        Assert.Empty(await store.GetReprintLinksAsync([Original, Copy], None));
        Assert.Equal(0, (await store.GetStatsAsync(None)).Reprints);
        Assert.Equal(
            new Dictionary<string, long> { [Minister] = 4, [Ambassador] = 1, [Engineer] = 1, [Saudi] = 1, [Claim] = 1 },
            await RankedAsync(store, EntityRanking.Mentions));
        Assert.Equal(new Dictionary<string, long> { [Minister] = 2, [Ambassador] = 2 }, await RankedAsync(store, EntityRanking.Meetings));
        Assert.Equal(new Dictionary<string, long> { [Minister] = 2, [Ambassador] = 2 }, await RankedAsync(store, EntityRanking.Meetings, March2, March2));
    }

    [SkippableFact]
    public async Task Aggregates_SameArticlesAgainOrInOneBatch_CountTheSame()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([CopyArticle], None);
        string before = await AggregatesAsync(store);

        await store.UpsertAsync([CopyArticle, OriginalArticle], None);
        string again = await AggregatesAsync(store);

        // Each rewritten with another extraction and back (same texts, so the same links): taken out and put in again.
        await store.UpsertAsync([OriginalArticle with { Relations = [] }, CopyArticle with { Relations = [] }], None);
        string withoutRelations = await AggregatesAsync(store);
        await store.UpsertAsync([CopyArticle, OriginalArticle], None);
        string rewritten = await AggregatesAsync(store);

        IGraphStore oneBatch = await EmptyStoreAsync();
        await oneBatch.UpsertAsync([OriginalArticle, CopyArticle], None);

        Assert.Equal(before, again);
        Assert.NotEqual(before, withoutRelations);
        Assert.Equal(before, rewritten);
        Assert.Equal(before, await AggregatesAsync(oneBatch));
        Assert.Equal(new Dictionary<string, long> { [Minister] = 2, [Ambassador] = 1, [Saudi] = 1, [Claim] = 1 }, await RankedAsync(oneBatch, EntityRanking.Mentions));
    }

    /// <summary>Every aggregate of this story as text (the stats' article counts and the article timeline left out when asked).</summary>
    private static async Task<string> AggregatesAsync(IGraphStore store, bool includeArticleCounts = true)
    {
        GraphStats stats = await store.GetStatsAsync(None);
        var timelines = new List<IReadOnlyList<TimelineBucket>>();
        foreach (RelationType type in Enum.GetValues<RelationType>())
        {
            timelines.Add(await store.GetTimelineAsync(type, TimeInterval.Day, null, null, None));
        }

        var rankings = new List<Dictionary<string, long>>();
        foreach (EntityRanking by in Enum.GetValues<EntityRanking>())
        {
            rankings.Add(await RankedAsync(store, by));
            rankings.Add(await RankedAsync(store, by, March2, March2));
            rankings.Add(by == EntityRanking.Mentions ? [] : await RankedAsync(store, by, March2, March2, DateBasis.Event));
        }

        var aggregates = new
        {
            Articles = includeArticleCounts ? new[] { stats.Articles, stats.Reprints } : null,
            stats.Entities,
            stats.Relations,
            Timelines = timelines,
            Published = includeArticleCounts ? await store.GetTimelineAsync(null, TimeInterval.Day, null, null, None) : null,
            Rankings = rankings,
            CoMentioned = await store.GetCoMentionedAsync(Minister, null, 10, None),
        };
        return Json(aggregates);
    }

    private static async Task<Dictionary<string, long>> RankedAsync(
        IGraphStore store, EntityRanking by, DateOnly? from = null, DateOnly? to = null, DateBasis basis = DateBasis.Published) =>
        (await store.GetTopEntitiesAsync(null, by, 20, from, to, basis, None)).ToDictionary(r => r.Key, r => r.Value);

    private static List<(DateOnly, long)> Counts(IReadOnlyList<TimelineBucket> buckets) => [.. buckets.Select(b => (b.Start!.Value, b.Count))];

    private static ExtractedEntity Person(string name, int mentions) => new(GraphKeys.Person(name), NodeKind.Person, name, [], [], Mentions: mentions);

    private static ExtractedEntity State() => new(GraphKeys.State("SA"), NodeKind.State, "السعودية", [], [], Iso: "SA");

    private static ExtractedEntity ClaimEntity() => new(Claim, NodeKind.Claim, ClaimText, [], []);

    private static ExtractedRelation Meeting(DateOnly date, int sentence) =>
        new(RelationType.Met, Minister, Ambassador, "والتقى وزير الطاقة سفير ألمانيا.", sentence, date);

    private static ExtractedRelation Statement(int sentence) =>
        new(RelationType.Stated, Minister, Claim, "وقال وزير الطاقة إن البرنامج يهدف إلى رفع حصة الطاقة الشمسية.", sentence, March1, Verb: "قال");
}
