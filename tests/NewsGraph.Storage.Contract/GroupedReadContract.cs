using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Reads for many keys at once (what batch loaders call): every key asked for is in the answer,
/// each with its own page of the first N in the list's order, its own flags and total.
/// </summary>
public abstract class GroupedReadContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    [SkippableFact]
    public async Task FindRelationsFor_ByEndpoint_GivesEveryKeyItsFirstN()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyDictionary<string, Page<RelationRecord>> pages = await store.FindRelationsForAsync(
            [Lavrov, Safadi, Shoigu, "person:nobody"], RelationGrouping.ByEndpoint, new RelationQuery(), new PageRequest(First: 2, IncludeTotal: true), None);

        Assert.Equal(Sorted([Lavrov, Safadi, Shoigu, "person:nobody"]), Sorted(pages.Keys));
        Assert.Equal(Sorted([MetLavrovSafadi, StatedLavrov]), Keys(pages[Lavrov]));
        Assert.Equal((true, false, 3L), (pages[Lavrov].HasNextPage, pages[Lavrov].HasPreviousPage, pages[Lavrov].TotalCount));
        Assert.Equal([MetLavrovSafadi, StatedSafadi], Keys(pages[Safadi]));
        Assert.Equal((true, 3L), (pages[Safadi].HasNextPage, pages[Safadi].TotalCount));
        Assert.Equal([MetShoiguLavrov], Keys(pages[Shoigu]));
        Assert.Equal((false, 1L), (pages[Shoigu].HasNextPage, pages[Shoigu].TotalCount));
        Assert.Empty(pages["person:nobody"].Items);
        Assert.Equal((false, false, 0L), (pages["person:nobody"].HasNextPage, pages["person:nobody"].HasPreviousPage, pages["person:nobody"].TotalCount));
    }

    [SkippableFact]
    public async Task FindRelationsFor_SecondPage_ContinuesEachKeyAfterTheCursor()
    {
        IGraphStore store = await SeededStoreAsync();
        RelationQuery query = new();
        Page<RelationRecord> first = (await store.FindRelationsForAsync([Lavrov], RelationGrouping.ByEndpoint, query, new PageRequest(First: 2), None))[Lavrov];

        Page<RelationRecord> second = (await store.FindRelationsForAsync(
            [Lavrov], RelationGrouping.ByEndpoint, query, new PageRequest(First: 2, After: first.EndCursor), None))[Lavrov];
        Page<RelationRecord> last = (await store.FindRelationsForAsync(
            [Lavrov], RelationGrouping.ByEndpoint, query, new PageRequest(Last: 2), None))[Lavrov];

        Assert.Null(first.TotalCount);
        Assert.Equal([MetShoiguLavrov], Keys(second));
        Assert.Equal((false, true), (second.HasNextPage, second.HasPreviousPage));
        Assert.Equal([Sorted([MetLavrovSafadi, StatedLavrov])[1], MetShoiguLavrov], Keys(last));
        Assert.Equal((false, true), (last.HasNextPage, last.HasPreviousPage));
    }

    [SkippableFact]
    public async Task FindRelationsFor_BySourceTargetAndArticle_AttachRelationsAccordingly()
    {
        IGraphStore store = await SeededStoreAsync();
        RelationQuery query = new();
        PageRequest page = new(First: 10);

        IReadOnlyDictionary<string, Page<RelationRecord>> bySource = await store.FindRelationsForAsync([Lavrov, Sco], RelationGrouping.BySource, query, page, None);
        IReadOnlyDictionary<string, Page<RelationRecord>> byTarget = await store.FindRelationsForAsync([Lavrov, Sco], RelationGrouping.ByTarget, query, page, None);
        IReadOnlyDictionary<string, Page<RelationRecord>> byArticle = await store.FindRelationsForAsync([A1, A4, A7], RelationGrouping.ByArticle, query, page, None);

        Assert.Equal(Sorted([MetLavrovSafadi, StatedLavrov]), Keys(bySource[Lavrov]));
        Assert.Empty(bySource[Sco].Items);
        Assert.Equal([MetShoiguLavrov], Keys(byTarget[Lavrov]));
        Assert.Equal(Sorted([RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco]), Keys(byTarget[Sco]));
        Assert.Equal(Sorted([MetLavrovSafadi, StatedLavrov]), Keys(byArticle[A1]));
        Assert.Equal(Sorted([RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco]), Keys(byArticle[A4]));
        Assert.Empty(byArticle[A7].Items);
    }

    [SkippableFact]
    public async Task FindRelationsFor_WithFilterAndOrder_AppliesThemPerKey()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyDictionary<string, Page<RelationRecord>> pages = await store.FindRelationsForAsync(
            [Lavrov, Safadi],
            RelationGrouping.ByEndpoint,
            new RelationQuery { Types = [RelationType.Met], Direction = SortDirection.Descending },
            new PageRequest(First: 1, IncludeTotal: true),
            None);

        Assert.Equal([MetShoiguLavrov], Keys(pages[Lavrov]));
        Assert.Equal([MetSafadiMustafa], Keys(pages[Safadi]));
        Assert.Equal((true, 2L), (pages[Lavrov].HasNextPage, pages[Lavrov].TotalCount));

        // The relations carry their provenance like any other read.
        Assert.Equal([A6], pages[Lavrov].Items[0].Node.Provenance.Select(p => p.ArticleKey));
    }

    [SkippableFact]
    public async Task FindRelationsFor_ByAnEnd_PagesAsTheListFilteredByThatEndDoes()
    {
        IGraphStore store = await SeededStoreAsync();
        var groupings = new (RelationGrouping Grouping, Func<RelationQuery, string, RelationQuery> Filter)[]
        {
            (RelationGrouping.ByEndpoint, (q, key) => q with { InvolvingKey = key }),
            (RelationGrouping.BySource, (q, key) => q with { FromKey = key }),
            (RelationGrouping.ByTarget, (q, key) => q with { ToKey = key }),
        };
        RelationQuery[] queries =
        [
            new(),
            new() { Direction = SortDirection.Descending },
            new() { OrderBy = RelationOrderField.Articles },
            new() { Types = [RelationType.Met, RelationType.MemberOf], Direction = SortDirection.Descending },
        ];

        // Pages of one merge the sides of an endpoint (two from Lavrov, one to him) and cut them.
        foreach ((RelationGrouping grouping, Func<RelationQuery, string, RelationQuery> filter) in groupings)
        {
            foreach ((RelationQuery query, int size) in queries.SelectMany(q => new[] { (q, 1), (q, 2) }))
            {
                // Forward from the start, then on from each key's first page; backward from the end.
                IReadOnlyDictionary<string, Page<RelationRecord>> firstPages = await store.FindRelationsForAsync(
                    EntityKeys, grouping, query, new PageRequest(First: size, IncludeTotal: true), None);
                foreach (string key in EntityKeys)
                {
                    Page<RelationRecord> first = firstPages[key];
                    AssertSamePage(await store.FindRelationsAsync(filter(query, key), new PageRequest(First: size, IncludeTotal: true), None), first);
                    PageRequest[] requests = first.EndCursor is { } cursor
                        ? [new(First: size, After: cursor), new(Last: size), new(Last: size, Before: cursor)]
                        : [new(Last: size)];
                    foreach (PageRequest request in requests)
                    {
                        AssertSamePage(
                            await store.FindRelationsAsync(filter(query, key), request, None),
                            (await store.FindRelationsForAsync([key], grouping, query, request, None))[key]);
                    }
                }
            }
        }

        static void AssertSamePage(Page<RelationRecord> expected, Page<RelationRecord> actual)
        {
            Assert.Equal(Keys(expected), Keys(actual));
            Assert.Equal(expected.Items.Select(i => i.Cursor), actual.Items.Select(i => i.Cursor));
            Assert.Equal((expected.HasNextPage, expected.HasPreviousPage, expected.TotalCount), (actual.HasNextPage, actual.HasPreviousPage, actual.TotalCount));
        }
    }

    [SkippableFact]
    public async Task FindRelationsFor_WithoutProvenance_GivesTheSameRelations_ProvenanceAtMostLeftOut()
    {
        IGraphStore store = await SeededStoreAsync();
        PageRequest page = new(First: 10, IncludeTotal: true);

        IReadOnlyDictionary<string, Page<RelationRecord>> full = await store.FindRelationsForAsync(EntityKeys, RelationGrouping.ByEndpoint, new RelationQuery(), page, None);
        IReadOnlyDictionary<string, Page<RelationRecord>> bare = await store.FindRelationsForAsync(
            EntityKeys, RelationGrouping.ByEndpoint, new RelationQuery { WithoutProvenance = true }, page, None);

        Assert.Contains(full.Values, p => p.Items.Any(i => i.Node.Provenance.Count > 0));
        foreach (string key in EntityKeys)
        {
            IReadOnlyList<Provenance> none = [];
            Assert.Equal((full[key].HasNextPage, full[key].TotalCount), (bare[key].HasNextPage, bare[key].TotalCount));
            Assert.Equal(full[key].Items.Select(i => (i.Cursor, i.Node with { Provenance = none })), bare[key].Items.Select(i => (i.Cursor, i.Node with { Provenance = none })));
            Assert.All(
                full[key].Items.Zip(bare[key].Items),
                pair => Assert.True(pair.Second.Node.Provenance.Count == 0 || pair.Second.Node.Provenance.SequenceEqual(pair.First.Node.Provenance)));
        }
    }

    [SkippableFact]
    public async Task FindEntitiesInArticles_GivesEachArticleItsEntities()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyDictionary<string, Page<EntityRecord>> pages = await store.FindEntitiesInArticlesAsync(
            [A1, A7, "https://news.test/none"], new EntityQuery { Kinds = [NodeKind.Person] }, new PageRequest(First: 5), None);

        // By normalized name: ايمن الصفدي before سيرغي لافروف.
        Assert.Equal([Safadi, Lavrov], Keys(pages[A1]));
        Assert.Equal([Antonov], Keys(pages[A7]));
        Assert.Empty(pages["https://news.test/none"].Items);
    }

    [SkippableFact]
    public async Task FindEntitiesInArticles_FirstN_FlagsTheRest()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyDictionary<string, Page<EntityRecord>> pages = await store.FindEntitiesInArticlesAsync(
            [A1, A4], new EntityQuery { OrderBy = EntityOrderField.Mentions, Direction = SortDirection.Descending }, new PageRequest(First: 2, IncludeTotal: true), None);

        Assert.Equal([Lavrov, Safadi], Keys(pages[A1]));
        Assert.Equal((true, 7L), (pages[A1].HasNextPage, pages[A1].TotalCount));

        // The order is the entity's own (global) mention count: Russia (4), then Egypt and the
        // SCO (2 each), tied and so by key descending (state:EG > org:sco).
        Assert.Equal([Russia, Egypt], Keys(pages[A4]));
        Assert.Equal(5L, pages[A4].TotalCount);
    }

    [SkippableFact]
    public async Task FindArticlesMentioning_GivesEachEntityItsArticles()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyDictionary<string, Page<ArticleRecord>> pages = await store.FindArticlesMentioningAsync(
            [Lavrov, Antonov, Syria, "person:nobody"], new ArticleQuery(), new PageRequest(First: 2, IncludeTotal: true), None);

        Assert.Equal([A6, A2], Keys(pages[Lavrov]));
        Assert.Equal((true, false, 3L), (pages[Lavrov].HasNextPage, pages[Lavrov].HasPreviousPage, pages[Lavrov].TotalCount));
        Assert.Equal([A3, A7], Keys(pages[Antonov]));
        Assert.False(pages[Antonov].HasNextPage);
        Assert.Equal([A1], Keys(pages[Syria]));
        Assert.Empty(pages["person:nobody"].Items);
    }

    [SkippableFact]
    public async Task FindArticlesMentioning_WithFilter_AppliesItPerKey()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyDictionary<string, Page<ArticleRecord>> pages = await store.FindArticlesMentioningAsync(
            [Lavrov, Safadi], new ArticleQuery { Source = "petra", Direction = SortDirection.Ascending }, new PageRequest(First: 5), None);

        Assert.Equal([A2], Keys(pages[Lavrov]));
        Assert.Equal([A2, A5], Keys(pages[Safadi]));
    }

    [SkippableFact]
    public async Task GroupedReads_NoKeys_ReturnEmptyDictionaries()
    {
        IGraphStore store = await SeededStoreAsync();

        Assert.Empty(await store.FindRelationsForAsync([], RelationGrouping.ByEndpoint, new RelationQuery(), new PageRequest(First: 2), None));
        Assert.Empty(await store.FindEntitiesInArticlesAsync([], new EntityQuery(), new PageRequest(First: 2), None));
        Assert.Empty(await store.FindArticlesMentioningAsync([], new ArticleQuery(), new PageRequest(First: 2), None));
    }
}
