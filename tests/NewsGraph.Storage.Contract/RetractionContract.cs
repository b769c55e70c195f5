using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Retraction: removing an article takes out exactly its contribution. Every read — counts, merged
/// names and lists, relation properties and confidences, totals, timelines, rankings, search —
/// returns to what it was before the article came, entities and relations only it supported are
/// deleted, and removing again changes nothing. Merged values kept incrementally by a store must
/// equal a store that never saw the removed or replaced articles, whatever the order of events.
/// A server-backed factory may reuse one database, so a test that compares two stores reads the
/// reference store completely before it asks for the store under test.
/// </summary>
public abstract class RetractionContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    public static TheoryData<string> EveryArticle => [.. ArticleKeys];

    [SkippableTheory]
    [MemberData(nameof(EveryArticle))]
    public async Task Remove_ArticleAddedLast_ReturnsEveryReadToItsStateBefore(string articleKey)
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([.. Articles.Where(a => a.Article.Key != articleKey)], None);
        string before = await SnapshotAsync(store);

        await store.UpsertAsync([.. Articles.Where(a => a.Article.Key == articleKey)], None);
        RemoveResult result = await store.RemoveArticlesAsync([articleKey], None);

        Assert.Equal((1, 0), (result.ArticlesRemoved, result.NotFound));
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [SkippableTheory]
    [MemberData(nameof(EveryArticle))]
    public async Task Remove_AnyArticleOfTheSeededGraph_EqualsAStoreThatNeverHadIt(string articleKey)
    {
        IGraphStore never = await EmptyStoreAsync();
        await never.UpsertAsync([.. Articles.Where(a => a.Article.Key != articleKey)], None);
        string expected = await SnapshotAsync(never, includeArticles: false);
        List<string> expectedArticles = Keys(await ArticlesAsync(never, new ArticleQuery()));
        IGraphStore store = await SeededStoreAsync();

        RemoveResult result = await store.RemoveArticlesAsync([articleKey], None);

        Assert.Equal((1, 0), (result.ArticlesRemoved, result.NotFound));
        Assert.Equal(expected, await SnapshotAsync(store, includeArticles: false));
        Assert.Equal(expectedArticles, Keys(await ArticlesAsync(store, new ArticleQuery())));
    }

    [SkippableFact]
    public async Task Remove_ArticleThatAloneSupportedSome_DeletesThemAndCountsThem()
    {
        IGraphStore store = await SeededStoreAsync();

        RemoveResult result = await store.RemoveArticlesAsync([A4], None);

        // a4 alone names the SCO, China and Mongolia and asserts the four SCO memberships; Egypt and Russia stay.
        Assert.Equal(new RemoveResult(ArticlesRemoved: 1, NotFound: 0, NodesDeleted: 3, RelationsDeleted: 4), result);
        Assert.Empty(await store.GetArticlesAsync([A4], None));
        Assert.Empty(await store.GetEntitiesAsync([Sco, China, Mongolia], None));
        Assert.Empty(await store.GetRelationsAsync([RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco], None));
        EntityRecord egypt = Assert.Single(await store.GetEntitiesAsync([Egypt], None));
        Assert.Equal((1, 1), (egypt.MentionCount, egypt.ArticleCount));
        EntityRecord russia = Assert.Single(await store.GetEntitiesAsync([Russia], None));
        Assert.Equal((3, 3), (russia.MentionCount, russia.ArticleCount));
        GraphStats stats = await store.GetStatsAsync(None);
        Assert.Equal((6L, 2L), (stats.Articles, stats.Relations.Single(t => t.Type == RelationType.MemberOf).Count));
        Assert.Empty(await store.SearchAsync("شنغهاي", null, 10, None));
    }

    [SkippableFact]
    public async Task Remove_TheArticleThatNamedAnEntity_TheNextLowestArticleNamesIt()
    {
        IGraphStore store = await SeededStoreAsync();

        await store.RemoveArticlesAsync([A1, A2], None);

        // a5 spells Safadi without hamza and is now his only article; his titles came from a1 and a2.
        EntityRecord safadi = Assert.Single(await store.GetEntitiesAsync([Safadi], None));
        Assert.Equal(new EntityRecord(Safadi, NodeKind.Person, "ايمن الصفدي", ["الصفدي"], [], null, null, 1, 1), safadi, new JsonEquality<EntityRecord>());
        Assert.Single(await store.SearchAsync("ايمن", [NodeKind.Person], 10, None));
    }

    [SkippableFact]
    public async Task Remove_OneOfTwoAssertingArticles_LeavesTheOthersValuesAndConfidence()
    {
        IGraphStore store = await SeededStoreAsync();

        await store.RemoveArticlesAsync([A1], None);

        // a2 alone: its order of the ends, its place and topic, its 0.5 exactly; a6 alone asserts the statement, unscored.
        RelationRecord met = Assert.Single(await store.GetRelationsAsync([MetLavrovSafadi], None));
        Assert.Equal((Safadi, Lavrov, Moscow, "العلاقات الثنائية", (double?)0.5), (met.From, met.To, met.PlaceKey, met.Topic, met.Confidence));
        Assert.Equal([A2], met.Provenance.Select(p => p.ArticleKey));
        RelationRecord stated = Assert.Single(await store.GetRelationsAsync([StatedLavrov], None));
        Assert.Equal(("أكد", (DateOnly?)April10, (double?)null), (stated.Verb, stated.Date, stated.Confidence));
    }

    [SkippableFact]
    public async Task Remove_SameKeysAgain_ChangesNothingAndFindsNothing()
    {
        IGraphStore store = await SeededStoreAsync();
        await store.RemoveArticlesAsync([A3, A6], None);
        string before = await SnapshotAsync(store);

        RemoveResult again = await store.RemoveArticlesAsync([A6, A3, A6], None);

        Assert.Equal(new RemoveResult(0, 2, 0, 0), again);
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [SkippableFact]
    public async Task Remove_UnknownAndKnownKeys_RemovesTheKnownAndCountsTheRest()
    {
        IGraphStore store = await SeededStoreAsync();

        RemoveResult result = await store.RemoveArticlesAsync(["https://news.test/none", A7], None);

        Assert.Equal(new RemoveResult(1, 1, 0, 0), result);
        Assert.Equal(6, (await store.GetStatsAsync(None)).Articles);
        Assert.Equal(RemoveResult.Empty, await store.RemoveArticlesAsync([], None));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Remove_BlankKey_ThrowsAndRemovesNothing(string blank)
    {
        IGraphStore store = await SeededStoreAsync();
        string before = await SnapshotAsync(store);

        await Assert.ThrowsAsync<ArgumentException>(() => store.RemoveArticlesAsync([A1, blank], None));

        Assert.Equal(before, await SnapshotAsync(store));
    }

    [SkippableFact]
    public async Task Remove_EveryArticle_LeavesAnEmptyGraph()
    {
        string empty = await SnapshotAsync(await EmptyStoreAsync());
        IGraphStore store = await SeededStoreAsync();

        RemoveResult result = await store.RemoveArticlesAsync(ArticleKeys.Reverse().ToList(), None);

        Assert.Equal(new RemoveResult(7, 0, 18, 13), result);
        Assert.Equal(empty, await SnapshotAsync(store));
    }

    [SkippableFact]
    public async Task Remove_ThenTheSameArticleAgain_RestoresTheGraph()
    {
        IGraphStore store = await SeededStoreAsync();
        string before = await SnapshotAsync(store, includeArticles: false);

        await store.RemoveArticlesAsync([A2, A5], None);
        UpsertResult result = await store.UpsertAsync([Article5, Article2], None);

        // Back: the Arab League and Mustafa, the League memberships, Safadi's statement and his claim, the Amman meeting.
        Assert.Equal(new UpsertResult(2, 0, 4, 4), result);
        Assert.Equal(before, await SnapshotAsync(store, includeArticles: false));
    }

    /// <summary>
    /// Sixty seeded rounds of upserts of originals and re-extracted variants (other confidences,
    /// dates, lists, fewer relations) and removals, in batches of one to three articles; then the
    /// graph must equal a fresh store given only what is left.
    /// </summary>
    [SkippableFact]
    public async Task Churn_RandomUpsertsVariantsAndRemovals_EqualsAFreshStoreOfWhatIsLeft()
    {
        IGraphStore store = await EmptyStoreAsync();
        var random = new Random(20261213);
        var current = new SortedDictionary<string, ArticleGraph>(StringComparer.Ordinal);
        for (int round = 0; round < 60; round++)
        {
            List<ArticleGraph> picked = [.. Articles.OrderBy(_ => random.Next()).Take(random.Next(1, 4))];
            if (random.Next(4) == 0)
            {
                await store.RemoveArticlesAsync([.. picked.Select(a => a.Article.Key)], None);
                picked.ForEach(a => current.Remove(a.Article.Key));
                continue;
            }

            List<ArticleGraph> batch = [.. picked.Select(a => Variant(a, random.Next(5)))];
            await store.UpsertAsync(batch, None);
            batch.ForEach(a => current[a.Article.Key] = a);
        }

        string actual = await SnapshotAsync(store, includeArticles: false);
        List<string> actualArticles = Keys(await ArticlesAsync(store, new ArticleQuery()));
        IGraphStore fresh = await EmptyStoreAsync();
        await fresh.UpsertAsync([.. current.Values], None);

        Assert.Equal(await SnapshotAsync(fresh, includeArticles: false), actual);
        Assert.Equal(Keys(await ArticlesAsync(fresh, new ArticleQuery())), actualArticles);
    }

    /// <summary>The article as another extraction might give it (variant 0 is the original).</summary>
    private static ArticleGraph Variant(ArticleGraph article, int variant) => variant switch
    {
        1 => article with { Relations = [.. article.Relations.Select(r => r with { Confidence = r.Confidence is null ? 0.4 : null })] },
        2 => article with
        {
            Article = article.Article with { Published = (article.Article.Published ?? March4).AddDays(-3) },
            Relations = [.. article.Relations.Skip(1)],
        },
        3 => article with
        {
            Entities = [.. article.Entities.Reverse().Select((e, i) => i == 0 ? e with { Titles = [.. e.Titles, "مستشار"], Mentions = e.Mentions + 2 } : e)],
        },
        4 => article with
        {
            Entities = [.. article.Entities.Select(e => e with { Aliases = [.. e.Aliases, e.Name + " الثاني"], Iso = null })],
            Relations = [.. article.Relations.Select(r => r with { Confidence = r.Confidence is { } c ? Math.Min(1, c + 0.05) : 1.0, Topic = r.Topic ?? "موضوع" })],
        },
        _ => article,
    };
}
