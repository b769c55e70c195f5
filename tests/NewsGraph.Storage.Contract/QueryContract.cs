using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Filtered, ordered, cursor-paged lists. Every order is total: ties are broken by key, in the
/// same direction as the sort (so a descending list is exactly the ascending one reversed).
/// Undated items sort first ascending. Relation date filters use the relation's date, else the
/// earliest asserting article's date; an entity's source and date filters hold for one article.
/// </summary>
public abstract class QueryContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    // ---- entity filters -------------------------------------------------------------------

    [SkippableFact]
    public async Task FindEntities_ByKinds_ReturnsOnlyThoseKinds()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(Sorted(StateKeys), Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Kinds = [NodeKind.State] }))));
        Assert.Equal(
            Sorted([.. PersonKeys, Moscow, Amman]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Kinds = [NodeKind.Person, NodeKind.Place] }))));
        Assert.Empty((await EntitiesAsync(store, new EntityQuery { Kinds = [] })).Items);
    }

    [SkippableFact]
    public async Task FindEntities_NoFilter_ReturnsEveryEntityAndClaim()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(Sorted(EntityKeys), Sorted(Keys(await EntitiesAsync(store, new EntityQuery()))));
    }

    [SkippableFact]
    public async Task FindEntities_ByKeys_ReturnsOnlyKnownKeys()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            Sorted([Lavrov, Safadi]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Keys = [Lavrov, Safadi, "person:nobody"] }))));
        Assert.Empty((await EntitiesAsync(store, new EntityQuery { Keys = [] })).Items);
    }

    [SkippableFact]
    public async Task FindEntities_NameContains_MatchesNormalizedNamesAliasesAndClaimTexts()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal([Lavrov], Keys(await EntitiesAsync(store, new EntityQuery { NameContains = "لافروف" })));

        // Alias only (the name is سورية).
        Assert.Equal([Syria], Keys(await EntitiesAsync(store, new EntityQuery { NameContains = "سوريا" })));

        // ى for ي, and ة matching a claim's text too.
        Assert.Equal([Safadi], Keys(await EntitiesAsync(store, new EntityQuery { NameContains = "الصفدى" })));
        Assert.Equal(Sorted([Syria, LavrovClaim]), Sorted(Keys(await EntitiesAsync(store, new EntityQuery { NameContains = "سوريه" }))));
    }

    [SkippableFact]
    public async Task FindEntities_ByIsoAndCategory_ReturnsMatches()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal([Russia], Keys(await EntitiesAsync(store, new EntityQuery { Iso = "RU" })));
        Assert.Equal([Russia], Keys(await EntitiesAsync(store, new EntityQuery { Iso = "ru" })));
        Assert.Equal(
            Sorted([Sco, ArabLeague]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Category = "intergovernmental" }))));
    }

    [SkippableFact]
    public async Task FindEntities_BySourceAndMentionDates_ReturnsEntitiesMentionedInMatchingArticles()
    {
        IGraphStore store = await SeededStoreAsync();
        EntityQuery persons = new() { Kinds = [NodeKind.Person] };

        Assert.Equal(Sorted([Lavrov, Safadi, Mustafa]), Sorted(Keys(await EntitiesAsync(store, persons with { Source = "petra" }))));
        Assert.Equal(
            Sorted([Safadi, Mustafa, Shoigu, Lavrov]),
            Sorted(Keys(await EntitiesAsync(store, persons with { MentionedFrom = new DateOnly(2024, 4, 1) }))));
        Assert.Equal(Sorted([Lavrov, Safadi]), Sorted(Keys(await EntitiesAsync(store, persons with { MentionedTo = March5 }))));
        Assert.Equal(
            Sorted([Russia, China, Mongolia, Egypt]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Kinds = [NodeKind.State], MentionedFrom = new DateOnly(2024, 3, 6), MentionedTo = new DateOnly(2024, 3, 31) }))));
    }

    [SkippableFact]
    public async Task FindEntities_SourceAndDates_MustHoldInTheSameArticle()
    {
        IGraphStore store = await SeededStoreAsync();

        // Egypt is in a petra article (a5, April) and in a March article (a4, tass) but in no
        // March petra article, so it is left out.
        Page<EntityRecord> page = await EntitiesAsync(store, new EntityQuery { Source = "petra", MentionedTo = new DateOnly(2024, 3, 31) });

        Assert.Equal(Sorted([Safadi, Lavrov, Jordan, Moscow, SafadiClaim]), Sorted(Keys(page)));
    }

    [SkippableFact]
    public async Task FindEntities_RelationExists_KeepsEntitiesWithSuchARelation()
    {
        IGraphStore store = await SeededStoreAsync();
        EntityQuery persons = new() { Kinds = [NodeKind.Person] };

        Assert.Equal(Sorted([Lavrov, Safadi]), Sorted(Keys(await EntitiesAsync(store, persons with { Relations = [new(RelationType.Stated)] }))));
        Assert.Equal(
            Sorted([Safadi, Shoigu]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Relations = [new(RelationType.Met, CounterpartKey: Lavrov)] }))));
        Assert.Equal(
            Sorted([Safadi, Mustafa]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Relations = [new(RelationType.Met, PlaceKey: Amman)] }))));
        Assert.Equal(
            Sorted([Mongolia, Sco]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Relations = [new(RelationType.MemberOf, Status: MembershipStatus.Observer)] }))));
        Assert.Equal(
            Sorted([Lavrov, LavrovClaim]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Relations = [new(RelationType.Stated, TextContains: "الحل السياسى")] }))));
        Assert.Equal(
            Sorted([Safadi, Mustafa]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Relations = [new(RelationType.Met, TextContains: "الاقتصادي")] }))));
    }

    [SkippableFact]
    public async Task FindEntities_RelationExistsFalse_KeepsEntitiesWithoutSuchARelation()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            Sorted([Bogdanov, Antonov, Shoigu, Mustafa]),
            Sorted(Keys(await EntitiesAsync(store, new EntityQuery { Kinds = [NodeKind.Person], Relations = [new(RelationType.Stated, Exists: false)] }))));

        // Members of something, but not a full member of anything.
        Assert.Equal(
            [Mongolia],
            Keys(await EntitiesAsync(store, new EntityQuery
            {
                Kinds = [NodeKind.State],
                Relations = [new(RelationType.MemberOf), new(RelationType.MemberOf, Exists: false, Status: MembershipStatus.Member)],
            })));
    }

    // ---- relation filters -----------------------------------------------------------------

    [SkippableFact]
    public async Task FindRelations_ByTypesAndKeys_ReturnsMatches()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            Sorted([RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco, JordanInArabLeague, EgyptInArabLeague]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { Types = [RelationType.MemberOf] }))));
        Assert.Equal(
            Sorted([MetLavrovSafadi, MetBogdanovAntonov, MetSafadiMustafa, MetShoiguLavrov, StatedLavrov, StatedSafadi]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { Types = [RelationType.Met, RelationType.Stated] }))));
        Assert.Equal([MetLavrovSafadi], Keys(await RelationsAsync(store, new RelationQuery { Keys = [MetLavrovSafadi, "met:none"] })));
        Assert.Equal(Sorted(RelationKeys), Sorted(Keys(await RelationsAsync(store, new RelationQuery()))));
    }

    [SkippableFact]
    public async Task FindRelations_ByEnds_ReturnsMatches()
    {
        IGraphStore store = await SeededStoreAsync();

        // The meeting's ends are in a1's order (lowest article key): Lavrov → Safadi.
        Assert.Equal(Sorted([MetLavrovSafadi, StatedLavrov]), Sorted(Keys(await RelationsAsync(store, new RelationQuery { FromKey = Lavrov }))));
        Assert.Equal(
            Sorted([RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { ToKey = Sco }))));
        Assert.Equal(
            Sorted([MetLavrovSafadi, StatedLavrov, MetShoiguLavrov]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { InvolvingKey = Lavrov }))));
    }

    [SkippableFact]
    public async Task FindRelations_ByPlaceStatusTextAndVerb_ReturnsMatches()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            Sorted([MetLavrovSafadi, MetBogdanovAntonov, MetShoiguLavrov]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { PlaceKey = Moscow }))));
        Assert.Equal(
            Sorted([RussiaInSco, ChinaInSco, JordanInArabLeague, EgyptInArabLeague]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { Status = MembershipStatus.Member }))));

        // A meeting's topic and a statement's claim text, both normalized.
        Assert.Equal(
            Sorted([MetLavrovSafadi, StatedLavrov]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { TextContains = "سوريه" }))));

        // Lavrov's statement takes its verb from a1 (قال), so only Safadi's is أكد.
        Assert.Equal([StatedSafadi], Keys(await RelationsAsync(store, new RelationQuery { Verb = "اكد" })));
    }

    [SkippableFact]
    public async Task FindRelations_ByDates_UsesTheRelationDateElseTheEarliestArticleDate()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(
            Sorted([MetSafadiMustafa, JordanInArabLeague, EgyptInArabLeague, MetShoiguLavrov]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { DateFrom = new DateOnly(2024, 4, 1) }))));
        Assert.Equal(
            Sorted([MetLavrovSafadi, StatedLavrov, StatedSafadi]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { DateTo = March5 }))));
        Assert.Equal(
            Sorted([RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { DateFrom = new DateOnly(2024, 3, 13), DateTo = new DateOnly(2024, 3, 31) }))));
    }

    [SkippableFact]
    public async Task FindRelations_ByArticleAndSource_ReturnsRelationsTheyAssert()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(Sorted([MetShoiguLavrov, StatedLavrov]), Sorted(Keys(await RelationsAsync(store, new RelationQuery { ArticleKey = A6 }))));
        Assert.Equal(
            Sorted([MetLavrovSafadi, StatedSafadi, MetSafadiMustafa, JordanInArabLeague, EgyptInArabLeague]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { Source = "petra" }))));
        Assert.Equal(
            [MetSafadiMustafa],
            Keys(await RelationsAsync(store, new RelationQuery { Types = [RelationType.Met], InvolvingKey = Safadi, DateFrom = new DateOnly(2024, 4, 1) })));
    }

    // ---- article filters ------------------------------------------------------------------

    [SkippableFact]
    public async Task FindArticles_ByEachFilter_ReturnsMatches()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal(Sorted([A1, A2]), Sorted(Keys(await ArticlesAsync(store, new ArticleQuery { Keys = [A1, A2, "https://news.test/none"] }))));
        Assert.Equal(Sorted([A1, A3, A4, A6]), Sorted(Keys(await ArticlesAsync(store, new ArticleQuery { Source = "tass" }))));
        Assert.Equal([A7], Keys(await ArticlesAsync(store, new ArticleQuery { TextContains = "واشنطن" })));
        Assert.Equal([A4], Keys(await ArticlesAsync(store, new ArticleQuery { TextContains = "شنغهاى" })));
        Assert.Equal(Sorted([A2, A5]), Sorted(Keys(await ArticlesAsync(store, new ArticleQuery { TextContains = "عمّان" }))));
        Assert.Equal(Sorted([A3, A4, A5, A6]), Sorted(Keys(await ArticlesAsync(store, new ArticleQuery { PublishedFrom = March12 }))));
        Assert.Equal(Sorted([A1, A2]), Sorted(Keys(await ArticlesAsync(store, new ArticleQuery { PublishedTo = March5 }))));
        Assert.Equal(Sorted([A3, A7]), Sorted(Keys(await ArticlesAsync(store, new ArticleQuery { MentionsKey = Antonov }))));
        Assert.Equal([A3], Keys(await ArticlesAsync(store, new ArticleQuery { MentionsKey = Antonov, Source = "tass" })));
    }

    // ---- orders ---------------------------------------------------------------------------

    [SkippableFact]
    public async Task FindEntities_OrderByName_SortsByNormalizedNameThenKey()
    {
        IGraphStore store = await SeededStoreAsync();
        IReadOnlyList<EntityRecord> all = await store.GetEntitiesAsync(EntityKeys, None);
        List<string> expected = [.. all
            .OrderBy(e => ArabicText.Normalize(e.Name), StringComparer.Ordinal)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key)];

        Assert.Equal(expected, Keys(await EntitiesAsync(store, new EntityQuery())));
        expected.Reverse();
        Assert.Equal(expected, Keys(await EntitiesAsync(store, new EntityQuery { Direction = SortDirection.Descending })));
    }

    [SkippableFact]
    public async Task FindEntities_OrderByCounts_BreaksTiesByKeyInTheSameDirection()
    {
        IGraphStore store = await SeededStoreAsync();

        Page<EntityRecord> byMentions = await EntitiesAsync(store, new EntityQuery { OrderBy = EntityOrderField.Mentions, Direction = SortDirection.Descending });
        Page<EntityRecord> byArticles = await EntitiesAsync(store, new EntityQuery { OrderBy = EntityOrderField.Articles, Direction = SortDirection.Descending });
        Page<EntityRecord> byMentionsUp = await EntitiesAsync(store, new EntityQuery { OrderBy = EntityOrderField.Mentions });

        // 6, 5, then Russia and Moscow with 4 each (state:RU > place:… descending).
        Assert.Equal([Lavrov, Safadi, Russia, Moscow], Keys(byMentions).Take(4));
        Assert.Equal([6, 5, 4, 4], byMentions.Items.Take(4).Select(i => i.Node.MentionCount));

        // 4, 4, then Jordan, Lavrov and Safadi with 3 each.
        Assert.Equal([Russia, Moscow, Jordan, Lavrov, Safadi], Keys(byArticles).Take(5));
        List<string> ascending = Keys(byMentionsUp);
        ascending.Reverse();
        Assert.Equal(Keys(byMentions), ascending);
    }

    [SkippableFact]
    public async Task FindArticles_Orders_SortByPublishedOrTitleWithUndatedFirstAscending()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Equal([A6, A5, A4, A3, A2, A1, A7], Keys(await ArticlesAsync(store, new ArticleQuery())));
        Assert.Equal(
            [A7, A1, A2, A3, A4, A5, A6],
            Keys(await ArticlesAsync(store, new ArticleQuery { Direction = SortDirection.Ascending })));
        List<string> byTitle = [.. Articles
            .OrderBy(a => ArabicText.Normalize(a.Article.Title), StringComparer.Ordinal)
            .ThenBy(a => a.Article.Key, StringComparer.Ordinal)
            .Select(a => a.Article.Key)];
        Assert.Equal(byTitle, Keys(await ArticlesAsync(store, new ArticleQuery { OrderBy = ArticleOrderField.Title, Direction = SortDirection.Ascending })));
    }

    [SkippableFact]
    public async Task FindRelations_Orders_SortByDateWithUndatedFirstOrByArticles()
    {
        IGraphStore store = await SeededStoreAsync();
        List<string> undated = Sorted([BogdanovRole, RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco, JordanInArabLeague, EgyptInArabLeague]);

        Assert.Equal(
            [.. undated, .. Sorted([MetLavrovSafadi, StatedLavrov]), StatedSafadi, MetBogdanovAntonov, MetSafadiMustafa, MetShoiguLavrov],
            Keys(await RelationsAsync(store, new RelationQuery())));

        Page<RelationRecord> byArticles = await RelationsAsync(store, new RelationQuery { OrderBy = RelationOrderField.Articles, Direction = SortDirection.Descending });
        List<string> twice = Sorted([MetLavrovSafadi, StatedLavrov]);
        twice.Reverse();
        Assert.Equal(twice, Keys(byArticles).Take(2));
        Assert.Equal(13, byArticles.Items.Count);
    }

    // ---- paging ---------------------------------------------------------------------------

    [SkippableFact]
    public async Task FindEntities_PagesOfTwoForward_AreDisjointCompleteAndFlagged()
    {
        IGraphStore store = await SeededStoreAsync();
        EntityQuery query = new();
        List<string> expected = Keys(await EntitiesAsync(store, query));

        await AssertForwardPagingAsync(p => store.FindEntitiesAsync(query, p, None), expected, e => e.Key);
    }

    [SkippableFact]
    public async Task FindEntities_PagesOfTwoBackward_AreDisjointCompleteAndFlagged()
    {
        IGraphStore store = await SeededStoreAsync();
        EntityQuery query = new();
        List<string> expected = Keys(await EntitiesAsync(store, query));

        await AssertBackwardPagingAsync(p => store.FindEntitiesAsync(query, p, None), expected, e => e.Key);
    }

    [SkippableFact]
    public async Task FindEntities_PagesByMentionsDescending_WalkBothWays()
    {
        IGraphStore store = await SeededStoreAsync();
        EntityQuery query = new() { OrderBy = EntityOrderField.Mentions, Direction = SortDirection.Descending };
        List<string> expected = Keys(await EntitiesAsync(store, query));

        await AssertForwardPagingAsync(p => store.FindEntitiesAsync(query, p, None), expected, e => e.Key);
        await AssertBackwardPagingAsync(p => store.FindEntitiesAsync(query, p, None), expected, e => e.Key);
    }

    [SkippableFact]
    public async Task FindArticles_PagesByPublished_WalkBothWaysPastTheUndatedArticle()
    {
        IGraphStore store = await SeededStoreAsync();
        ArticleQuery query = new();

        await AssertForwardPagingAsync(p => store.FindArticlesAsync(query, p, None), [A6, A5, A4, A3, A2, A1, A7], a => a.Key);
        await AssertBackwardPagingAsync(p => store.FindArticlesAsync(query, p, None), [A6, A5, A4, A3, A2, A1, A7], a => a.Key);
    }

    [SkippableFact]
    public async Task FindRelations_PagesByDate_WalkBothWaysThroughUndatedAndTiedRelations()
    {
        IGraphStore store = await SeededStoreAsync();
        RelationQuery query = new();
        List<string> expected = Keys(await RelationsAsync(store, query));

        await AssertForwardPagingAsync(p => store.FindRelationsAsync(query, p, None), expected, r => r.Key);
        await AssertBackwardPagingAsync(p => store.FindRelationsAsync(query, p, None), expected, r => r.Key);
    }

    [SkippableFact]
    public async Task FindEntities_SamePageTwice_IsTheSame()
    {
        IGraphStore store = await SeededStoreAsync();
        Page<EntityRecord> first = await store.FindEntitiesAsync(new EntityQuery(), new PageRequest(First: 2), None);

        string again = Json(await store.FindEntitiesAsync(new EntityQuery(), new PageRequest(First: 2, After: first.EndCursor), None));

        Assert.Equal(again, Json(await store.FindEntitiesAsync(new EntityQuery(), new PageRequest(First: 2, After: first.EndCursor), None)));
    }

    [SkippableFact]
    public async Task FindEntities_InsertBetweenPages_KeepsPagesDisjoint()
    {
        IGraphStore store = await SeededStoreAsync();
        EntityQuery persons = new() { Kinds = [NodeKind.Person] };
        Page<EntityRecord> first = await store.FindEntitiesAsync(persons, new PageRequest(First: 2), None);

        // A name sorting before everything (ا…) arrives between the two reads.
        ArticleGraph extra = new(new ArticleInfo("https://news.test/extra", "نص", Published: April10), [Person("ابراهيم ادم", 1, [], [])], []);
        await store.UpsertAsync([extra], None);
        Page<EntityRecord> second = await store.FindEntitiesAsync(persons, new PageRequest(First: 2, After: first.EndCursor), None);

        Assert.Empty(Keys(first).Intersect(Keys(second)));
        Assert.DoesNotContain(GraphKeys.Person("ابراهيم ادم"), Keys(second));
        Assert.True(second.HasPreviousPage);
    }

    [SkippableFact]
    public async Task FindEntities_IncludeTotal_CountsTheWholeFilteredListOnlyWhenAsked()
    {
        IGraphStore store = await SeededStoreAsync();
        EntityQuery persons = new() { Kinds = [NodeKind.Person] };

        Page<EntityRecord> counted = await store.FindEntitiesAsync(persons, new PageRequest(First: 2, IncludeTotal: true), None);
        Page<EntityRecord> uncounted = await store.FindEntitiesAsync(persons, new PageRequest(First: 2), None);
        Page<RelationRecord> relations = await store.FindRelationsAsync(new RelationQuery { Types = [RelationType.MemberOf] }, new PageRequest(Last: 1, IncludeTotal: true), None);
        Page<ArticleRecord> articles = await store.FindArticlesAsync(new ArticleQuery { Source = "tass" }, new PageRequest(First: 1, IncludeTotal: true), None);

        Assert.Equal((2, 6L), (counted.Items.Count, counted.TotalCount));
        Assert.Null(uncounted.TotalCount);
        Assert.Equal(6L, relations.TotalCount);
        Assert.Equal(4L, articles.TotalCount);
    }

    [SkippableFact]
    public async Task FindEntities_EmptyResult_IsAnEmptyPageWithoutNeighbours()
    {
        IGraphStore store = await SeededStoreAsync();

        Page<EntityRecord> page = await store.FindEntitiesAsync(new EntityQuery { NameContains = "لا أحد" }, new PageRequest(First: 2, IncludeTotal: true), None);

        Assert.Equal((0, false, false, 0L), (page.Items.Count, page.HasNextPage, page.HasPreviousPage, page.TotalCount));
    }

    [SkippableFact]
    public async Task FindLists_InvalidCursor_ThrowInvalidCursorException()
    {
        IGraphStore store = await SeededStoreAsync();
        string textCursor = Cursor.Encode("abc", Lavrov);

        await Assert.ThrowsAsync<InvalidCursorException>(() => store.FindEntitiesAsync(new EntityQuery(), new PageRequest(First: 2, After: "not a cursor!"), None));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.FindArticlesAsync(new ArticleQuery(), new PageRequest(Last: 2, Before: "%%%"), None));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.FindRelationsAsync(new RelationQuery(), new PageRequest(First: 2, After: Cursor.Encode("x", "y")[..5]), None));

        // A cursor of a text order given to a count order.
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.FindEntitiesAsync(
            new EntityQuery { OrderBy = EntityOrderField.Mentions }, new PageRequest(First: 2, After: textCursor), None));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.FindRelationsForAsync(
            [Lavrov], RelationGrouping.ByEndpoint, new RelationQuery { OrderBy = RelationOrderField.Articles }, new PageRequest(First: 2, After: textCursor), None));
    }

    /// <summary>Walks a list forward in pages of two and checks every page's flags.</summary>
    protected static async Task AssertForwardPagingAsync<T>(Func<PageRequest, Task<Page<T>>> read, IReadOnlyList<string> expected, Func<T, string> key)
    {
        var seen = new List<string>();
        string? after = null;
        for (int guard = 0; guard <= expected.Count; guard++)
        {
            Page<T> page = await read(new PageRequest(First: 2, After: after));
            Assert.Equal(after is not null, page.HasPreviousPage);
            seen.AddRange(page.Items.Select(i => key(i.Node)));
            Assert.Equal(seen.Count < expected.Count, page.HasNextPage);
            Assert.True(page.Items.Count == 2 || !page.HasNextPage);
            if (!page.HasNextPage)
            {
                break;
            }

            after = page.EndCursor;
        }

        Assert.Equal(expected, seen);
    }

    /// <summary>Walks a list backward from its end in pages of two and checks every page's flags.</summary>
    protected static async Task AssertBackwardPagingAsync<T>(Func<PageRequest, Task<Page<T>>> read, IReadOnlyList<string> expected, Func<T, string> key)
    {
        var seen = new List<string>();
        string? before = null;
        for (int guard = 0; guard <= expected.Count; guard++)
        {
            Page<T> page = await read(new PageRequest(Last: 2, Before: before));
            Assert.Equal(before is not null, page.HasNextPage);
            seen.InsertRange(0, page.Items.Select(i => key(i.Node)));
            Assert.Equal(seen.Count < expected.Count, page.HasPreviousPage);
            if (!page.HasPreviousPage)
            {
                break;
            }

            before = page.StartCursor;
        }

        Assert.Equal(expected, seen);
    }
}
