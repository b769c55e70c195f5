using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>Writes: idempotency, replacement of an article's contribution, merging, and lookups by key.</summary>
public abstract class UpsertContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    /// <summary>Article 6 re-extracted: Shoigu and the meeting are gone, Lavrov phoned Bogdanov instead.</summary>
    private static ArticleGraph Article6Changed { get; } = Article6 with
    {
        Entities =
        [
            Person("سيرغي لافروف", 5, ["لافروف"], []),
            Person("ميخائيل بوغدانوف", 1, ["بوغدانوف"], []),
            Place("موسكو"),
            Claim(Lavrov, LavrovClaimText),
        ],
        Relations =
        [
            new(RelationType.Stated, Lavrov, LavrovClaim, "وأكد لافروف أن روسيا تدعم الحل السياسي في سورية.", 1, April10, Verb: "أكد"),
            new(RelationType.Phoned, Lavrov, Bogdanov, "وأجرى لافروف اتصالا هاتفيا مع بوغدانوف.", 2, April10),
        ],
    };

    private static string PhonedLavrovBogdanov => GraphKeys.Relation(RelationType.Phoned, Lavrov, Bogdanov, April10);

    [SkippableFact]
    public async Task Upsert_IntoEmptyStore_ReportsEveryArticleNodeAndRelationCreated()
    {
        IGraphStore store = await EmptyStoreAsync();

        UpsertResult result = await store.UpsertAsync(Articles, None);

        Assert.Equal(new UpsertResult(ArticlesWritten: 7, ArticlesUnchanged: 0, NodesCreated: 18, RelationsCreated: 13), result);
    }

    [SkippableFact]
    public async Task WriteSession_BatchesCommittedTogether_StoreWhatOneUpsertStores()
    {
        IGraphStore expected = await SeededStoreAsync();
        IGraphStore store = await EmptyStoreAsync();

        UpsertResult first;
        UpsertResult second;
        await using (IGraphWriteSession session = store.OpenWriteSession())
        {
            first = await session.WriteAsync([Article1, Article2, Article3], None);
            second = await session.WriteAsync([Article4, Article5, Article6, Article7, Article1], None);
            await session.CommitAsync(None);
        }

        Assert.Equal((3, 0), (first.ArticlesWritten, first.ArticlesUnchanged));
        Assert.Equal((4, 1), (second.ArticlesWritten, second.ArticlesUnchanged)); // the second batch sees the first, uncommitted
        Assert.Equal(await SnapshotAsync(expected, includeArticles: false), await SnapshotAsync(store, includeArticles: false));
        Assert.Equal(Sorted(ArticleKeys), Keys(await ArticlesAsync(store, new ArticleQuery())).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Upsert_EmptyBatch_ReportsNothing()
    {
        IGraphStore store = await EmptyStoreAsync();

        UpsertResult result = await store.UpsertAsync([], None);

        Assert.Equal(UpsertResult.Empty, result);
        Assert.Equal(0, (await store.GetStatsAsync(None)).Articles);
    }

    [SkippableFact]
    public async Task Upsert_SameArticlesTwice_ChangesNothing()
    {
        IGraphStore store = await SeededStoreAsync();
        string before = await SnapshotAsync(store);

        UpsertResult result = await store.UpsertAsync(Articles, None);

        Assert.Equal(new UpsertResult(0, 7, 0, 0), result);
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [SkippableFact]
    public async Task Upsert_OneArticleAgainAlone_ReportsItUnchanged()
    {
        IGraphStore store = await SeededStoreAsync();
        string before = await SnapshotAsync(store);

        UpsertResult result = await store.UpsertAsync([Article3], None);

        Assert.Equal(new UpsertResult(0, 1, 0, 0), result);
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [SkippableFact]
    public async Task Upsert_NewChangedAndUnchangedArticles_WritesSayWhichPerArticleKey()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([Article3, Article6], None);

        UpsertResult result = await store.UpsertAsync([Article3, Article6Changed, Article1], None);

        (string, ArticleWrite)[] expected = [(Article1.Article.Key, ArticleWrite.Created), (Article3.Article.Key, ArticleWrite.Unchanged), (Article6.Article.Key, ArticleWrite.Replaced)];
        Assert.Equal(
            expected.OrderBy(w => w.Item1, StringComparer.Ordinal),
            result.Writes.Select(w => (w.Key, w.Value)).OrderBy(w => w.Key, StringComparer.Ordinal));
        Assert.Equal((2, 1), (result.ArticlesWritten, result.ArticlesUnchanged));
    }

    [SkippableFact]
    public async Task Upsert_ChangedExtraction_ReplacesTheArticlesContribution()
    {
        IGraphStore store = await SeededStoreAsync();

        UpsertResult result = await store.UpsertAsync([Article6Changed], None);

        Assert.Equal(new UpsertResult(ArticlesWritten: 1, ArticlesUnchanged: 0, NodesCreated: 0, RelationsCreated: 1), result);

        // Shoigu was only in a6, and so was his meeting: both are gone.
        Assert.Empty(await store.GetEntitiesAsync([Shoigu], None));
        Assert.Empty(await store.GetRelationsAsync([MetShoiguLavrov], None));

        // Counts are recomputed: Lavrov 3 + 1 + 5; a6 no longer mentions Russia.
        EntityRecord lavrov = Assert.Single(await store.GetEntitiesAsync([Lavrov], None));
        Assert.Equal((9, 3), (lavrov.MentionCount, lavrov.ArticleCount));
        EntityRecord russia = Assert.Single(await store.GetEntitiesAsync([Russia], None));
        Assert.Equal((3, 3), (russia.MentionCount, russia.ArticleCount));
        EntityRecord bogdanov = Assert.Single(await store.GetEntitiesAsync([Bogdanov], None));
        Assert.Equal((3, 2), (bogdanov.MentionCount, bogdanov.ArticleCount));

        RelationRecord phoned = Assert.Single(await store.GetRelationsAsync([PhonedLavrovBogdanov], None));
        Assert.Equal((RelationType.Phoned, Lavrov, Bogdanov, (DateOnly?)April10), (phoned.Type, phoned.From, phoned.To, phoned.Date));
        Assert.Equal([new Provenance(A6, "وأجرى لافروف اتصالا هاتفيا مع بوغدانوف.", 2, null, April10)], phoned.Provenance);

        RelationRecord stated = Assert.Single(await store.GetRelationsAsync([StatedLavrov], None));
        Assert.Equal([A1, A6], stated.Provenance.Select(p => p.ArticleKey));

        GraphStats stats = await store.GetStatsAsync(None);
        Assert.Equal(5, stats.Entities.Single(k => k.Kind == NodeKind.Person).Count);
        Assert.Equal(1, stats.Relations.Single(t => t.Type == RelationType.Phoned).Count);
        Assert.Equal(3, stats.Relations.Single(t => t.Type == RelationType.Met).Count);
        Assert.Empty(await store.SearchAsync("شويغو", null, 10, None));
    }

    [SkippableFact]
    public async Task Upsert_ChangedExtractionThenOriginalAgain_RestoresTheGraph()
    {
        IGraphStore store = await SeededStoreAsync();
        string before = await SnapshotAsync(store, includeArticles: false);

        await store.UpsertAsync([Article6Changed], None);
        UpsertResult result = await store.UpsertAsync([Article6], None);

        Assert.Equal(new UpsertResult(ArticlesWritten: 1, ArticlesUnchanged: 0, NodesCreated: 1, RelationsCreated: 1), result);
        Assert.Equal(before, await SnapshotAsync(store, includeArticles: false));
    }

    [SkippableFact]
    public async Task Upsert_ArticleWithNothingLeft_RemovesWhatOnlyItSupported()
    {
        IGraphStore store = await SeededStoreAsync();

        await store.UpsertAsync([Article4 with { Entities = [], Relations = [] }], None);

        Assert.Empty(await store.GetEntitiesAsync([Sco, China, Mongolia], None));
        Assert.Empty(await store.GetRelationsAsync([RussiaInSco, ChinaInSco, MongoliaInSco, EgyptInSco], None));
        Assert.Single(await store.GetArticlesAsync([A4], None));
        EntityRecord egypt = Assert.Single(await store.GetEntitiesAsync([Egypt], None));
        Assert.Equal((1, 1), (egypt.MentionCount, egypt.ArticleCount));
    }

    [SkippableFact]
    public async Task Upsert_MetadataChangeOnly_UpdatesTheArticleAndNothingElse()
    {
        IGraphStore store = await SeededStoreAsync();
        string relationsBefore = Json(await RelationsAsync(store, new RelationQuery()));

        UpsertResult result = await store.UpsertAsync([Article3 with { Article = Article3.Article with { Title = "عنوان جديد" } }], None);

        Assert.Equal(new UpsertResult(1, 0, 0, 0), result);
        Assert.Equal("عنوان جديد", Assert.Single(await store.GetArticlesAsync([A3], None)).Title);
        Assert.Equal(relationsBefore, Json(await RelationsAsync(store, new RelationQuery())));
    }

    [SkippableFact]
    public async Task Upsert_SameMeetingFromTwoArticles_IsOneRelationWithBothProvenances()
    {
        IGraphStore store = await SeededStoreAsync();

        RelationRecord met = Assert.Single(await store.GetRelationsAsync([MetLavrovSafadi], None));

        Assert.Equal(RelationType.Met, met.Type);
        Assert.Equal(March4, met.Date);

        // First non-null value in article-key order: a1 gives the ends' order and the topic, a2 the place.
        Assert.Equal((Lavrov, Safadi), (met.From, met.To));
        Assert.Equal("الأزمة السورية", met.Topic);
        Assert.Equal(Moscow, met.PlaceKey);
        Assert.Equal(
            [
                new Provenance(A1, "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأردني أيمن الصفدي.", 0, 0.8, March4),
                new Provenance(A2, "وكان الصفدي قد بحث مع لافروف في موسكو العلاقات الثنائية.", 1, 0.5, March4),
            ],
            met.Provenance);
        Assert.Equal(4, (await RelationsAsync(store, new RelationQuery { Types = [RelationType.Met] })).Items.Count);
    }

    [SkippableFact]
    public async Task Upsert_ArticlesInReverseOrder_MergesToTheSameValues()
    {
        IGraphStore store = await EmptyStoreAsync();
        foreach (ArticleGraph article in Articles.Reverse())
        {
            await store.UpsertAsync([article], None);
        }

        EntityRecord safadi = Assert.Single(await store.GetEntitiesAsync([Safadi], None));
        RelationRecord met = Assert.Single(await store.GetRelationsAsync([MetLavrovSafadi], None));
        RelationRecord stated = Assert.Single(await store.GetRelationsAsync([StatedLavrov], None));

        Assert.Equal("أيمن الصفدي", safadi.Name);
        Assert.Equal((Lavrov, Safadi, "الأزمة السورية", Moscow), (met.From, met.To, met.Topic, met.PlaceKey));
        Assert.Equal(("قال", (DateOnly?)March4), (stated.Verb, stated.Date));
    }

    [SkippableFact]
    public async Task Upsert_EntityFromSeveralArticles_KeepsTheFirstNameAndUnitesAliasesAndTitles()
    {
        IGraphStore store = await SeededStoreAsync();

        EntityRecord safadi = Assert.Single(await store.GetEntitiesAsync([Safadi], None));

        // a5 spells the name without hamza; a1 (lowest article key) names the entity.
        Assert.Equal(new EntityRecord(Safadi, NodeKind.Person, "أيمن الصفدي", safadi.Aliases, safadi.Titles, null, null, 5, 3), safadi);
        Assert.Equal(["الصفدي"], safadi.Aliases);
        Assert.Equal(["وزير الخارجية", "وزير الخارجية الأردني"], safadi.Titles);
    }

    [SkippableFact]
    public async Task Upsert_RelationWhoseEndIsNotAmongTheEntities_ThrowsAndWritesNothing()
    {
        IGraphStore store = await EmptyStoreAsync();
        ArticleGraph bad = Article1 with { Entities = [.. Article1.Entities.Where(e => e.Key != Safadi)] };

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync([Article2, bad], None));

        Assert.Equal(0, (await store.GetStatsAsync(None)).Articles);
    }

    [SkippableFact]
    public async Task Upsert_ClaimsAreStoredAsEntitiesOfKindClaim()
    {
        IGraphStore store = await SeededStoreAsync();

        EntityRecord claim = Assert.Single(await store.GetEntitiesAsync([LavrovClaim], None));

        Assert.Equal((NodeKind.Claim, LavrovClaimText, 2, 2), (claim.Kind, claim.Name, claim.MentionCount, claim.ArticleCount));
    }

    [SkippableFact]
    public async Task InitializeAsync_OnAStoreWithData_KeepsTheData()
    {
        IGraphStore store = await SeededStoreAsync();
        string before = await SnapshotAsync(store);

        await store.InitializeAsync(None);

        Assert.Equal(before, await SnapshotAsync(store));
    }

    [SkippableFact]
    public async Task GetEntitiesAsync_KnownAndUnknownKeys_ReturnsOnlyTheKnown()
    {
        IGraphStore store = await SeededStoreAsync();

        IReadOnlyList<EntityRecord> entities = await store.GetEntitiesAsync([Russia, Sco, "person:nobody"], None);

        Assert.Equal(
            [
                new EntityRecord(Sco, NodeKind.Organization, "منظمة شنغهاي للتعاون", ["شنغهاي"], [], null, "intergovernmental", 2, 1),
                new EntityRecord(Russia, NodeKind.State, "روسيا", [], [], "RU", null, 4, 4),
            ],
            entities.OrderBy(e => e.Key, StringComparer.Ordinal),
            new JsonEquality<EntityRecord>());
        Assert.Empty(await store.GetEntitiesAsync([], None));
    }

    [SkippableFact]
    public async Task GetArticlesAsync_Key_ReturnsEveryField()
    {
        IGraphStore store = await SeededStoreAsync();

        ArticleRecord article = Assert.Single(await store.GetArticlesAsync([A1, "https://news.test/none"], None));

        ArticleInfo info = Article1.Article;
        Assert.Equal(
            new ArticleRecord(info.Key, info.Title, info.Url, "tass", "موسكو", March4, "ar", "a1.txt", info.Text, article.IngestedAt),
            article);
        Assert.InRange(article.IngestedAt, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [SkippableFact]
    public async Task GetRelationsAsync_Keys_ReturnsMergedRelationsWithTheirProperties()
    {
        IGraphStore store = await SeededStoreAsync();

        Dictionary<string, RelationRecord> relations = (await store.GetRelationsAsync([StatedLavrov, MongoliaInSco, BogdanovRole, "met:none"], None))
            .ToDictionary(r => r.Key);

        Assert.Equal(3, relations.Count);
        RelationRecord stated = relations[StatedLavrov];
        Assert.Equal((RelationType.Stated, Lavrov, LavrovClaim, (DateOnly?)March4, "قال"), (stated.Type, stated.From, stated.To, stated.Date, stated.Verb));
        Assert.Equal([(A1, 1), (A6, 1)], stated.Provenance.Select(p => (p.ArticleKey, p.SentenceIndex)));
        RelationRecord observer = relations[MongoliaInSco];
        Assert.Equal((RelationType.MemberOf, Mongolia, Sco, (MembershipStatus?)MembershipStatus.Observer, (DateOnly?)null), (observer.Type, observer.From, observer.To, observer.Status, observer.Date));
        RelationRecord role = relations[BogdanovRole];
        Assert.Equal((RelationType.HoldsRole, Bogdanov, Russia, "نائب وزير الخارجية"), (role.Type, role.From, role.To, role.Role));
        Assert.Empty(await store.GetRelationsAsync([], None));
    }
}
