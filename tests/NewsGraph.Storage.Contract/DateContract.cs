using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Relation dates: each assertion's date with its precision and source is kept; the merged relation
/// takes all three from its first dated assertion (article key, then sentence); removing that article
/// moves them to the next; export gives them back; timelines count the undated in their own bucket.
/// </summary>
public abstract class DateContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    private const string KeyA = "https://dates.test/a";
    private const string KeyB = "https://dates.test/b";
    private const string KeyC = "https://dates.test/c";
    private const string Claim = "أن التعاون بين البلدين يتقدم";

    private static readonly DateOnly May15 = new(2024, 5, 15);
    private static readonly DateOnly May14 = new(2024, 5, 14);
    private static readonly DateOnly June1 = new(2024, 6, 1);

    private static string ClaimKey => GraphKeys.Claim(Lavrov, Claim);

    /// <summary>Lavrov's statement, dated by its article (a: 15 May).</summary>
    private static ArticleGraph StatedByArticleDate { get; } = new(
        new ArticleInfo(KeyA, "نص أ", Url: KeyA, Published: May15),
        [Person("سيرغي لافروف", 1, [], []), SampleGraph.Claim(Lavrov, Claim), State("CN", "الصين"), Organization("منظمة شنغهاي للتعاون")],
        [
            new(RelationType.Stated, Lavrov, ClaimKey, "وقال لافروف " + Claim + ".", 0, May15, Verb: "قال", DatePrecision: DatePrecision.Day, DateSource: DateSource.Article),
            new(RelationType.MemberOf, China, Sco, "والصين عضو في المنظمة منذ حزيران 2024.", 1, June1, Status: MembershipStatus.Member,
                DatePrecision: DatePrecision.Month, DateSource: DateSource.Sentence),
        ]);

    /// <summary>The same statement, dated by its sentence (b: أمس, 14 May).</summary>
    private static ArticleGraph StatedYesterday { get; } = new(
        new ArticleInfo(KeyB, "نص ب", Url: KeyB, Published: May15),
        [Person("سيرغي لافروف", 1, [], []), SampleGraph.Claim(Lavrov, Claim)],
        [new(RelationType.Stated, Lavrov, ClaimKey, "وقال لافروف أمس " + Claim + ".", 0, May14, Verb: "قال", DatePrecision: DatePrecision.Day, DateSource: DateSource.Sentence)]);

    /// <summary>An undated article asserting an undated membership.</summary>
    private static ArticleGraph Undated { get; } = new(
        new ArticleInfo(KeyC, "نص ج", Url: KeyC),
        [State("MN", "منغوليا"), Organization("منظمة شنغهاي للتعاون")],
        [new(RelationType.MemberOf, Mongolia, Sco, "ومنغوليا عضو مراقب.", 0, Status: MembershipStatus.Observer)]);

    private static string StatedKey => GraphKeys.Relation(RelationType.Stated, Lavrov, ClaimKey);

    private static string ChinaMemberKey => GraphKeys.Relation(RelationType.MemberOf, China, Sco, status: MembershipStatus.Member);

    private static ExtractedEntity Organization(string name) => new(Sco, NodeKind.Organization, name, [], []);

    [SkippableFact]
    public async Task Upsert_KeepsPrecisionAndSourceWithTheDate()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([StatedByArticleDate], None);

        IReadOnlyList<RelationRecord> relations = await store.GetRelationsAsync([StatedKey, ChinaMemberKey], None);

        RelationRecord stated = Assert.Single(relations, r => r.Key == StatedKey);
        Assert.Equal(((DateOnly?)May15, (DatePrecision?)DatePrecision.Day, (DateSource?)DateSource.Article), (stated.Date, stated.DatePrecision, stated.DateSource));
        RelationRecord member = Assert.Single(relations, r => r.Key == ChinaMemberKey);
        Assert.Equal(((DateOnly?)June1, (DatePrecision?)DatePrecision.Month, (DateSource?)DateSource.Sentence), (member.Date, member.DatePrecision, member.DateSource));
    }

    [SkippableFact]
    public async Task Merge_TakesDatePrecisionAndSourceFromTheFirstDatedAssertion_AndMovesOnWhenItGoes()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([StatedYesterday], None);
        await store.UpsertAsync([StatedByArticleDate], None);

        RelationRecord merged = Assert.Single(await store.GetRelationsAsync([StatedKey], None));
        Assert.Equal(((DateOnly?)May15, (DatePrecision?)DatePrecision.Day, (DateSource?)DateSource.Article), (merged.Date, merged.DatePrecision, merged.DateSource));

        await store.RemoveArticlesAsync([KeyA], None);

        RelationRecord left = Assert.Single(await store.GetRelationsAsync([StatedKey], None));
        Assert.Equal(((DateOnly?)May14, (DatePrecision?)DatePrecision.Day, (DateSource?)DateSource.Sentence), (left.Date, left.DatePrecision, left.DateSource));
    }

    [SkippableFact]
    public async Task Export_GivesBackEachAssertionsPrecisionAndSource()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([StatedByArticleDate, StatedYesterday], None);

        Page<ArticleGraph> page = await store.ExportArticlesAsync(new PageRequest(First: 10), None);

        ArticleGraph a = Assert.Single(page.Items, i => i.Node.Article.Key == KeyA).Node;
        Assert.Equal(
            [(RelationType.Stated, (DatePrecision?)DatePrecision.Day, (DateSource?)DateSource.Article), (RelationType.MemberOf, DatePrecision.Month, DateSource.Sentence)],
            a.Relations.Select(r => (r.Type, r.DatePrecision, r.DateSource)).ToList());
        ArticleGraph b = Assert.Single(page.Items, i => i.Node.Article.Key == KeyB).Node;
        Assert.Equal((DateSource?)DateSource.Sentence, Assert.Single(b.Relations).DateSource);
    }

    [SkippableFact]
    public async Task Timeline_Unbounded_CountsTheUndatedInALastBucket()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([StatedByArticleDate, Undated], None);

        Assert.Equal(
            [new(new DateOnly(2024, 6, 1), 1), new(null, 1)],
            await store.GetTimelineAsync(RelationType.MemberOf, TimeInterval.Month, null, null, None));
        Assert.Equal(
            [new(new DateOnly(2024, 5, 15), 1), new(null, 1)],
            await store.GetTimelineAsync(null, TimeInterval.Day, null, null, None));
        Assert.True((await store.GetTimelineAsync(null, TimeInterval.Day, null, null, None))[^1].Undated);
    }

    [SkippableFact]
    public async Task Timeline_BoundedByDates_LeavesTheUndatedOut()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([StatedByArticleDate, Undated], None);

        Assert.Equal([new(new DateOnly(2024, 6, 1), 1)], await store.GetTimelineAsync(RelationType.MemberOf, TimeInterval.Month, May14, null, None));
        Assert.Equal([new(new DateOnly(2024, 5, 15), 1)], await store.GetTimelineAsync(null, TimeInterval.Day, null, June1, None));
        Assert.Empty(await store.GetTimelineAsync(RelationType.Met, TimeInterval.Day, null, null, None));
    }
}
