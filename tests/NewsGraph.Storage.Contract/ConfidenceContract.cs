using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Confidence: each assertion keeps the confidence its article gave (null when not scored), and a
/// relation's confidence is the noisy-or of its assertions' confidences, 1 − Π(1 − cᵢ), null when
/// none has one; it is recomputed whenever an asserting article changes, like every merged value.
/// Confidence bounds keep relations within them (both inclusive); a relation without a confidence
/// never passes a bound. Merged values are compared to 12 decimals: the stores compute them
/// identically, but the tests write them by hand.
/// </summary>
public abstract class ConfidenceContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    private const int Precision = 12;

    [SkippableFact]
    public async Task Upsert_SameRelationFromTwoArticles_MergesTheirConfidencesByNoisyOr()
    {
        IGraphStore store = await SeededStoreAsync();

        RelationRecord met = Assert.Single(await store.GetRelationsAsync([MetLavrovSafadi], None));

        // a1 says 0.8, a2 0.5: 1 − (1 − 0.8)(1 − 0.5).
        Assert.Equal([0.8, 0.5], met.Provenance.Select(p => p.Confidence));
        Assert.Equal(0.9, met.Confidence!.Value, Precision);
    }

    [SkippableFact]
    public async Task Upsert_UnscoredAssertions_AreLeftOutOfTheMerge_AndNoScoreAtAllIsNull()
    {
        IGraphStore store = await SeededStoreAsync();

        Dictionary<string, RelationRecord> relations = (await store.GetRelationsAsync([StatedLavrov, MetSafadiMustafa, BogdanovRole, RussiaInSco], None))
            .ToDictionary(r => r.Key);

        // a1 scored Lavrov's statement 0.9, a6 did not score its repetition.
        Assert.Equal([0.9, null], relations[StatedLavrov].Provenance.Select(p => p.Confidence));
        Assert.Equal(0.9, relations[StatedLavrov].Confidence);

        // One assertion: its confidence exactly, not 1 − (1 − 0.3).
        Assert.Equal(0.3, relations[MetSafadiMustafa].Confidence);

        // Roles are never scored; a4 was extracted with the rules alone.
        foreach (string unscored in new[] { BogdanovRole, RussiaInSco })
        {
            Assert.Null(relations[unscored].Confidence);
            Assert.Equal([null], relations[unscored].Provenance.Select(p => p.Confidence));
        }
    }

    [SkippableFact]
    public async Task Upsert_SameArticlesAgain_KeepsEveryConfidence()
    {
        IGraphStore store = await SeededStoreAsync();
        string before = Json(await store.GetRelationsAsync(RelationKeys, None));

        UpsertResult result = await store.UpsertAsync(Articles, None);

        Assert.Equal(new UpsertResult(0, 7, 0, 0), result);
        Assert.Equal(before, Json(await store.GetRelationsAsync(RelationKeys, None)));
    }

    [SkippableFact]
    public async Task Upsert_ArticleWithAnotherConfidence_ReplacesItsContributionAndMergesAgain()
    {
        IGraphStore store = await SeededStoreAsync();
        string before = Json(await store.GetRelationsAsync(RelationKeys, None));

        // a2 now 0.75 sure of the meeting: 1 − 0.2 × 0.25.
        await store.UpsertAsync([WithMeetingConfidence(Article2, 0.75)], None);
        RelationRecord surer = Assert.Single(await store.GetRelationsAsync([MetLavrovSafadi], None));
        Assert.Equal([0.8, 0.75], surer.Provenance.Select(p => p.Confidence));
        Assert.Equal(0.95, surer.Confidence!.Value, Precision);

        // a2 no longer scores it: a1's alone.
        await store.UpsertAsync([WithMeetingConfidence(Article2, null)], None);
        RelationRecord unscored = Assert.Single(await store.GetRelationsAsync([MetLavrovSafadi], None));
        Assert.Equal([0.8, null], unscored.Provenance.Select(p => p.Confidence));
        Assert.Equal(0.8, unscored.Confidence);

        // The original again: as it was.
        await store.UpsertAsync([Article2], None);
        Assert.Equal(before, Json(await store.GetRelationsAsync(RelationKeys, None)));
    }

    [SkippableFact]
    public async Task Upsert_ArticleNoLongerAsserting_RecomputesFromTheOthers()
    {
        IGraphStore store = await SeededStoreAsync();

        await store.UpsertAsync([Article1 with { Relations = [] }], None);

        Dictionary<string, RelationRecord> relations = (await store.GetRelationsAsync([MetLavrovSafadi, StatedLavrov], None)).ToDictionary(r => r.Key);
        Assert.Equal(0.5, relations[MetLavrovSafadi].Confidence);
        Assert.Equal([(A2, (double?)0.5)], relations[MetLavrovSafadi].Provenance.Select(p => (p.ArticleKey, p.Confidence)));

        // Only a6's unscored assertion is left.
        Assert.Null(relations[StatedLavrov].Confidence);
    }

    [SkippableTheory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task Upsert_ConfidenceThatIsNotAProbability_IsRefusedAndWritesNothing(double confidence)
    {
        IGraphStore store = await EmptyStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync([Article1, WithMeetingConfidence(Article2, confidence)], None));

        Assert.Equal(0, (await store.GetStatsAsync(None)).Articles);
    }

    [SkippableFact]
    public async Task FindRelations_ConfidenceBounds_KeepScoredRelationsWithinThem_Inclusive()
    {
        IGraphStore store = await SeededStoreAsync();

        // 0.9 (merged), 0.95, 0.9 and exactly 0.85.
        Assert.Equal(
            Sorted([MetLavrovSafadi, MetShoiguLavrov, StatedLavrov, JordanInArabLeague]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { MinConfidence = 0.85 }))));

        // Exactly 0.6, and 0.3; not 0.65.
        Assert.Equal(
            Sorted([MetBogdanovAntonov, MetSafadiMustafa]),
            Sorted(Keys(await RelationsAsync(store, new RelationQuery { MaxConfidence = 0.6 }))));

        Assert.Equal(
            [MetBogdanovAntonov],
            Keys(await RelationsAsync(store, new RelationQuery { Types = [RelationType.Met], MinConfidence = 0.5, MaxConfidence = 0.7 })));
        Assert.Empty((await RelationsAsync(store, new RelationQuery { MinConfidence = 0.7, MaxConfidence = 0.6 })).Items);
    }

    [SkippableFact]
    public async Task FindRelations_AnyConfidenceBound_NeverKeepsUnscoredRelations()
    {
        IGraphStore store = await SeededStoreAsync();
        string[] scored = [MetLavrovSafadi, MetBogdanovAntonov, MetSafadiMustafa, MetShoiguLavrov, StatedLavrov, StatedSafadi, JordanInArabLeague, EgyptInArabLeague];

        Assert.Equal(Sorted(scored), Sorted(Keys(await RelationsAsync(store, new RelationQuery { MinConfidence = 0 }))));
        Assert.Equal(Sorted(scored), Sorted(Keys(await RelationsAsync(store, new RelationQuery { MaxConfidence = 1 }))));

        // A type alone is counted from kept counts in some stores; with a bound, the total counts what passes.
        Page<RelationRecord> members = await store.FindRelationsAsync(new RelationQuery { Types = [RelationType.MemberOf], MinConfidence = 0 }, All(includeTotal: true), None);
        Assert.Equal(Sorted([JordanInArabLeague, EgyptInArabLeague]), Sorted(Keys(members)));
        Assert.Equal(2, members.TotalCount);
        Assert.Empty((await RelationsAsync(store, new RelationQuery { Types = [RelationType.HoldsRole], MaxConfidence = 1 })).Items);
    }

    [SkippableFact]
    public async Task FindRelations_ConfidenceBoundAcrossPages_PagesAreDisjointAndComplete()
    {
        IGraphStore store = await SeededStoreAsync();
        var query = new RelationQuery { MinConfidence = 0.5, OrderBy = RelationOrderField.Date, Direction = SortDirection.Descending };

        Page<RelationRecord> first = await store.FindRelationsAsync(query, new PageRequest(First: 3, IncludeTotal: true), None);
        Page<RelationRecord> rest = await store.FindRelationsAsync(query, new PageRequest(First: 10, After: first.EndCursor), None);

        // Every scored relation but the 0.3 meeting, newest first; ties (4 March, undated) by key, descending.
        Assert.Equal(7, first.TotalCount);
        Assert.Equal(
            [MetShoiguLavrov, MetBogdanovAntonov, StatedSafadi, StatedLavrov, MetLavrovSafadi, .. Sorted([JordanInArabLeague, EgyptInArabLeague]).AsEnumerable().Reverse()],
            [.. Keys(first), .. Keys(rest)]);
        Assert.Equal((true, false, false, true), (first.HasNextPage, first.HasPreviousPage, rest.HasNextPage, rest.HasPreviousPage));
    }

    [SkippableFact]
    public async Task FindRelationsFor_ConfidenceBound_FiltersEveryGroup()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyDictionary<string, Page<RelationRecord>> pages = await store.FindRelationsForAsync(
            [Lavrov, Safadi, Bogdanov], RelationGrouping.ByEndpoint, new RelationQuery { MinConfidence = 0.85 }, All(includeTotal: true), None);

        Assert.Equal(Sorted([MetLavrovSafadi, StatedLavrov, MetShoiguLavrov]), Sorted(Keys(pages[Lavrov])));
        Assert.Equal(3, pages[Lavrov].TotalCount);
        Assert.Equal([MetLavrovSafadi], Keys(pages[Safadi]));
        Assert.Equal((0, 0L), (pages[Bogdanov].Items.Count, pages[Bogdanov].TotalCount!.Value));

        // An article's relations are bounded by their merged confidence, as everywhere: a1's two are 0.9.
        IReadOnlyDictionary<string, Page<RelationRecord>> byArticle = await store.FindRelationsForAsync(
            [A1, A4, A5], RelationGrouping.ByArticle, new RelationQuery { MaxConfidence = 0.85 }, All(), None);
        Assert.Empty(byArticle[A1].Items);
        Assert.Empty(byArticle[A4].Items);
        Assert.Equal(Sorted([MetSafadiMustafa, JordanInArabLeague, EgyptInArabLeague]), Sorted(Keys(byArticle[A5])));
    }

    [SkippableFact]
    public async Task GetRelations_AfterReingestWithoutAnyScore_ConfidenceIsGoneEverywhere()
    {
        IGraphStore store = await SeededStoreAsync();

        await store.UpsertAsync([WithMeetingConfidence(Article1, null), WithMeetingConfidence(Article2, null)], None);

        RelationRecord met = Assert.Single(await store.GetRelationsAsync([MetLavrovSafadi], None));
        Assert.Null(met.Confidence);
        Assert.All(met.Provenance, p => Assert.Null(p.Confidence));
        Assert.DoesNotContain(MetLavrovSafadi, Keys(await RelationsAsync(store, new RelationQuery { MinConfidence = 0 })));
    }

    /// <summary>The article with its MET assertion scored <paramref name="confidence"/> (the rest as it was).</summary>
    private static ArticleGraph WithMeetingConfidence(ArticleGraph article, double? confidence) => article with
    {
        Relations = [.. article.Relations.Select(r => r.Type == RelationType.Met ? r with { Confidence = confidence } : r)],
    };
}
