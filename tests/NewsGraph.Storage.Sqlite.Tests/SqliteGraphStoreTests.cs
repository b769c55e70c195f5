using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using NewsGraph.Storage.Contract;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>What the contract cannot say: the file, its pragmas and schema, concurrency, FTS syntax.</summary>
public sealed class SqliteGraphStoreTests : IAsyncLifetime
{
    private static readonly string[] s_tables = ["articles", "entities", "entity_mentions", "entity_search", "relation_provenance", "relations", "schema_version"];

    /// <summary>
    /// The columns version 1 gave its tables, parents first. Columns versions 2 and 3 added are kept by their
    /// triggers; version 4 added the confidences.
    /// </summary>
    private static readonly (string Table, string Columns)[] s_versionOneColumns =
    [
        ("articles", "key, title, url, source, dateline, published, language, file, text, ingested_at, content_hash, title_norm, text_norm"),
        ("entities", "id, key, kind, name, name_norm, aliases, aliases_norm, titles, iso, category, mention_count, article_count"),
        ("entity_mentions", "article_key, entity_key, kind, name, aliases, titles, iso, category, mention_count"),
        ("relations", "key, type, from_key, to_key, date, effective_date, place_key, topic, topic_norm, verb, verb_norm, status, role, article_count"),
        ("relation_provenance", "relation_key, article_key, sentence_index, evidence, from_key, to_key, date, place_key, topic, verb, status, role"),
    ];

    private readonly string _path = SqliteStoreFactory.NewDatabasePath();
    private readonly List<SqliteGraphStore> _stores = [];

    private static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (SqliteGraphStore store in _stores)
        {
            await store.DisposeAsync();
        }

        SqliteStoreFactory.DeleteDatabase(_path);
    }

    [Fact]
    public async Task InitializeAsync_NewPath_CreatesTheFileInWalMode()
    {
        Assert.False(File.Exists(_path));

        await StoreAsync();

        Assert.True(File.Exists(_path));
        Assert.Equal("wal", await ScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal(s_tables, await ColumnAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('articles', 'entities', 'entity_mentions', 'entity_search', 'relation_provenance', 'relations', 'schema_version') ORDER BY name;"));
        Assert.Equal((long)SqliteStatements.SchemaVersion, await ScalarAsync<long>("SELECT max(version) FROM schema_version;"));
    }

    [Fact]
    public async Task InitializeAsync_Again_IsIdempotent()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        string schema = string.Join("\n", await ColumnAsync("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name;"));

        await store.InitializeAsync(None);
        await using var reopened = new SqliteGraphStore(_path);
        await reopened.InitializeAsync(None);

        Assert.Equal(schema, string.Join("\n", await ColumnAsync("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name;")));
        // One row per migration step, each applied once.
        Assert.Equal((long)SqliteStatements.Migrations.Count, await ScalarAsync<long>("SELECT count(*) FROM schema_version;"));
        Assert.Equal(7, (await reopened.GetStatsAsync(None)).Articles);
    }

    [Fact]
    public async Task InitializeAsync_FileFromANewerBuild_Throws()
    {
        await StoreAsync();
        await ExecuteAsync("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later');");

        await using var store = new SqliteGraphStore(_path);

        await Assert.ThrowsAsync<NotSupportedException>(() => store.InitializeAsync(None));
    }

    [Fact]
    public async Task Upsert_SameArticlesTwice_KeepsEveryTableRowForRow()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        string before = await DumpAsync();

        await store.UpsertAsync(SampleGraph.Articles, None);

        Assert.Equal(before, await DumpAsync());
        Assert.Equal(15L, await ScalarAsync<long>("SELECT count(*) FROM relation_provenance;"));
        await ExecuteAsync("INSERT INTO entity_search (entity_search) VALUES ('integrity-check');");
    }

    [Fact]
    public async Task Upsert_ChangedArticle_KeepsTheSearchIndexInStepWithEntities()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);

        await store.UpsertAsync([SampleGraph.Article6 with { Entities = [SampleGraph.Article6.Entities[1]], Relations = [] }], None);

        // FTS5 checks its index against the content table and fails on any difference.
        await ExecuteAsync("INSERT INTO entity_search (entity_search) VALUES ('integrity-check');");
        Assert.Empty(await store.SearchAsync("شويغو", null, 10, None));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM entity_mentions WHERE article_key = 'https://news.test/a6' AND entity_key <> '" + SampleGraph.Lavrov + "';"));
    }

    [Fact]
    public async Task InitializeAsync_VersionOneFile_MigratesToTheAnswersOfANewFile()
    {
        // Version 1 kept no confidences: the new file is given none either.
        await CreateFileOfVersionAsync(1, SampleGraph.Articles);

        SqliteGraphStore migrated = await StoreAsync();
        await WithNewFileAsync(WithoutConfidences(SampleGraph.Articles), async fresh =>
        {
            Assert.Equal((long)SqliteStatements.SchemaVersion, await ScalarAsync<long>("SELECT max(version) FROM schema_version;"));
            Assert.Equal(await AnswersAsync(fresh), await AnswersAsync(migrated));
            await AssertCountsMatchARecountAsync();
        });
    }

    [Fact]
    public async Task InitializeAsync_VersionThreeFile_AddsConfidencesAsNull_AndTheNextIngestFillsThemIn()
    {
        await CreateFileOfVersionAsync(3, SampleGraph.Articles);

        SqliteGraphStore migrated = await StoreAsync();

        Assert.Equal(SqliteStatements.Migrations.Select(m => (long)m.Version), await ColumnAsync<long>("SELECT version FROM schema_version ORDER BY version;"));
        Assert.Equal(15L, await ScalarAsync<long>("SELECT count(*) FROM relation_provenance WHERE confidence IS NULL;"));
        Assert.Equal(13L, await ScalarAsync<long>("SELECT count(*) FROM relations WHERE confidence IS NULL;"));
        IReadOnlyList<RelationRecord> before = await migrated.GetRelationsAsync(SampleGraph.RelationKeys, None);
        Assert.All(before, r => Assert.Null(r.Confidence));
        Assert.All(before.SelectMany(r => r.Provenance), p => Assert.Null(p.Confidence));

        await WithNewFileAsync(WithoutConfidences(SampleGraph.Articles), async fresh =>
        {
            Assert.Equal(await AnswersAsync(fresh), await AnswersAsync(migrated));

            // The same extraction again: stored under the previous content hash, so every article is
            // rewritten (not skipped as unchanged) and its confidences land.
            UpsertResult result = await migrated.UpsertAsync(SampleGraph.Articles, None);
            await fresh.UpsertAsync(SampleGraph.Articles, None);

            Assert.Equal(new UpsertResult(7, 0, 0, 0), result);
            Assert.Equal(0.9, Assert.Single(await migrated.GetRelationsAsync([SampleGraph.MetLavrovSafadi], None)).Confidence!.Value, 12);
            Assert.Equal(await AnswersAsync(fresh), await AnswersAsync(migrated));
            await AssertCountsMatchARecountAsync();
        });
    }

    [Fact]
    public async Task InitializeAsync_VersionSixFile_AddsTheFollowersTablesAndLeavesTheGraphAsItWas()
    {
        await CreateFileOfVersionAsync(6, SampleGraph.Articles);
        long articles = await ScalarAsync<long>("SELECT count(*) FROM articles;");

        SqliteGraphStore migrated = await StoreAsync();
        await migrated.SaveSourceStateAsync(new SourceState("folder:/in", FollowedSourceKind.Folder, "/in"), None);
        await migrated.MarkItemsSeenAsync("folder:/in", [new SeenItem("/in/a.txt", "h")], None);

        Assert.Equal((long)SqliteStatements.SchemaVersion, await ScalarAsync<long>("SELECT max(version) FROM schema_version;"));
        Assert.Equal(articles, await ScalarAsync<long>("SELECT count(*) FROM articles;"));
        Assert.Equal(1L, Assert.Single(await migrated.GetSourceStatesAsync(None)).ItemsSeen);
    }

    /// <summary>Written for these tests: a story long enough to fingerprint.</summary>
    private const string EnergyStory =
        "أعلنت وزارة الطاقة اليوم عن إطلاق برنامج وطني جديد لتطوير مصادر الطاقة المتجددة في مختلف مناطق المملكة خلال السنوات الخمس المقبلة " +
        "وقال وزير الطاقة في مؤتمر صحفي إن البرنامج يهدف إلى رفع حصة الطاقة الشمسية وطاقة الرياح في مزيج الكهرباء الوطني.";

    /// <summary>The story from an agency, a paper's copy of it under its own dateline, and an unrelated brief.</summary>
    private static ArticleGraph[] EnergyStoryCopies() =>
    [
        new(new ArticleInfo("a-original", "الرياض - واس: " + EnergyStory), [], []),
        new(new ArticleInfo("b-copy", "جدة - الحياة: " + EnergyStory), [], []),
        new(new ArticleInfo("c-brief", "وصل وزير الطاقة إلى جدة."), [], []),
    ];

    [Fact]
    public async Task InitializeAsync_VersionSevenFile_FingerprintsAndLinksTheStoredArticles()
    {
        ArticleGraph[] stored = EnergyStoryCopies();
        await CreateFileOfVersionAsync(7, stored);

        SqliteGraphStore migrated = await StoreAsync();

        Assert.Equal([new ReprintLink("b-copy", "a-original")], await migrated.GetReprintLinksAsync(["a-original", "b-copy", "c-brief"], None));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM articles WHERE fingerprint IS NOT NULL;"));

        // Only the original's bands are indexed: only originals are linked to.
        Assert.Equal(
            [$"a-original {TextFingerprint.Bands}"],
            await ColumnAsync("SELECT i.article_key || ' ' || count(*) FROM article_bands b JOIN article_text_ids i ON i.id = b.article_id GROUP BY i.article_key ORDER BY 1;"));

        // Written again (the file keeps the content hashes of before version 4, so every article is
        // rewritten): the texts, and so the fingerprints, are the same, so no link moves.
        Assert.Equal(new UpsertResult(3, 0, 0, 0), await migrated.UpsertAsync(stored, None));
        Assert.Equal([new ReprintLink("b-copy", "a-original")], await migrated.GetReprintLinksAsync(["a-original"], None));
    }

    [Fact]
    public async Task InitializeAsync_VersionThirteenFile_CountsItsArticlesAndReprints_AndTheCountsFollowWrites()
    {
        ArticleGraph[] stored = EnergyStoryCopies();
        await CreateFileOfVersionAsync(13, stored);
        await using (SqliteConnection connection = Open())
        {
            await using SqliteCommand link = connection.CreateCommand();
            link.CommandText = "UPDATE articles SET reprint_of = 'a-original' WHERE key = 'b-copy';";
            await link.ExecuteNonQueryAsync();
        }

        SqliteGraphStore migrated = await StoreAsync();

        GraphStats stats = await migrated.GetStatsAsync(None);
        Assert.Equal((3L, 1L), (stats.Articles, stats.Reprints));
        await AssertCountsMatchARecountAsync();

        // An article arriving, the original removed (its copy handed on to be an original), then the rest.
        await migrated.UpsertAsync([new(new ArticleInfo("d-other", "وصل وزير الخارجية إلى الرياض."), [], [])], None);
        stats = await migrated.GetStatsAsync(None);
        Assert.Equal((4L, 1L), (stats.Articles, stats.Reprints));
        await migrated.RemoveArticlesAsync(["a-original"], None);
        stats = await migrated.GetStatsAsync(None);
        Assert.Equal((3L, 0L), (stats.Articles, stats.Reprints));
        await AssertCountsMatchARecountAsync();
        await migrated.RemoveArticlesAsync(["b-copy", "c-brief", "d-other"], None);
        stats = await migrated.GetStatsAsync(None);
        Assert.Equal((0L, 0L), (stats.Articles, stats.Reprints));
    }

    [Fact]
    public async Task InitializeAsync_VersionEightFile_CountsAReprintOnceAsANewFileDoes()
    {
        ArticleGraph[] stored = [ReprintedStory("a-original", ReprintStory.OriginalText, 2), ReprintedStory("b-copy", ReprintStory.FirstCopyText, 3)];
        await CreateFileOfVersionAsync(8, stored);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM articles WHERE reprint_of = 'a-original';"));

        SqliteGraphStore migrated = await StoreAsync();
        await WithNewFileAsync(stored, async fresh =>
        {
            Assert.Equal((long)SqliteStatements.SchemaVersion, await ScalarAsync<long>("SELECT max(version) FROM schema_version;"));
            Assert.Equal(1L, (await migrated.GetStatsAsync(None)).Reprints);
            Assert.Equal(
                [new RankedEntity(GraphKeys.Person("وزير الطاقة"), 2), new RankedEntity(GraphKeys.Person("سفير ألمانيا"), 1)],
                await migrated.GetTopEntitiesAsync(null, EntityRanking.Mentions, 10, null, null, DateBasis.Published, None));
            Assert.Equal(
                [new RankedEntity(GraphKeys.Person("سفير ألمانيا"), 1), new RankedEntity(GraphKeys.Person("وزير الطاقة"), 1)],
                await migrated.GetTopEntitiesAsync(null, EntityRanking.Meetings, 10, null, null, DateBasis.Published, None));
            Assert.Equal(await AnswersAsync(fresh), await AnswersAsync(migrated));
            await AssertCountsMatchARecountAsync();

            // The triggers are in place: the original removed, the copy counts (both its meetings), once.
            await migrated.RemoveArticlesAsync(["a-original"], None);
            Assert.Equal(
                [new RankedEntity(GraphKeys.Person("وزير الطاقة"), 3), new RankedEntity(GraphKeys.Person("سفير ألمانيا"), 1)],
                await migrated.GetTopEntitiesAsync(null, EntityRanking.Mentions, 10, null, null, DateBasis.Published, None));
            Assert.Equal(2L, Assert.Single(await migrated.GetTimelineAsync(RelationType.Met, TimeInterval.Month, null, null, None)).Count);
            await AssertCountsMatchARecountAsync();
        });
    }

    [Fact]
    public async Task InitializeAsync_VersionEightFile_KeepsTheBandsUnderArticleIds_AndReprintsStillFindTheirOriginal()
    {
        ArticleGraph[] stored = EnergyStoryCopies();
        await CreateFileOfVersionAsync(8, stored);

        // What version 8 kept: fingerprints, the link, and the band keys under the article's key.
        await using (SqliteConnection connection = Open())
        {
            foreach (ArticleGraph article in stored.Take(2))
            {
                TextFingerprint fingerprint = TextFingerprint.Of(article.Article.Text)!;
                await using SqliteCommand update = connection.CreateCommand();
                update.CommandText = "UPDATE articles SET fingerprint = @fingerprint, reprint_of = @reprintOf WHERE key = @key;";
                update.Parameters.AddWithValue("@fingerprint", fingerprint.Encode());
                update.Parameters.AddWithValue("@reprintOf", article.Article.Key == "b-copy" ? "a-original" : DBNull.Value);
                update.Parameters.AddWithValue("@key", article.Article.Key);
                await update.ExecuteNonQueryAsync();
                foreach (string band in fingerprint.BandKeys())
                {
                    await using SqliteCommand insert = connection.CreateCommand();
                    insert.CommandText = "INSERT OR IGNORE INTO article_bands (band_key, article_key) VALUES (@band, @key);";
                    insert.Parameters.AddWithValue("@band", band);
                    insert.Parameters.AddWithValue("@key", article.Article.Key);
                    await insert.ExecuteNonQueryAsync();
                }
            }
        }

        SqliteGraphStore migrated = await StoreAsync();

        // Version 10 moved the bands under article ids, version 13 kept the original's alone.
        Assert.Equal((long)SqliteStatements.SchemaVersion, await ScalarAsync<long>("SELECT max(version) FROM schema_version;"));
        Assert.Equal(
            [$"a-original {TextFingerprint.Bands}"],
            await ColumnAsync("SELECT i.article_key || ' ' || count(*) FROM article_bands b JOIN article_text_ids i ON i.id = b.article_id GROUP BY i.article_key ORDER BY 1;"));
        Assert.Equal([new ReprintLink("b-copy", "a-original")], await migrated.GetReprintLinksAsync(["a-original", "b-copy", "c-brief"], None));

        // A third copy finds its original through the migrated bands; removing the original hands its
        // reprints to the earliest remaining one, whose bands are indexed then, and its own go with it.
        await migrated.UpsertAsync([new(new ArticleInfo("d-copy", "مكة - عكاظ: " + EnergyStory), [], [])], None);
        Assert.Equal(
            [new ReprintLink("b-copy", "a-original"), new ReprintLink("d-copy", "a-original")],
            await migrated.GetReprintLinksAsync(["a-original"], None));
        await migrated.RemoveArticlesAsync(["a-original"], None);
        Assert.Equal([new ReprintLink("d-copy", "b-copy")], await migrated.GetReprintLinksAsync(["b-copy", "d-copy"], None));
        Assert.Equal(
            [$"b-copy {TextFingerprint.Bands}"],
            await ColumnAsync("SELECT i.article_key || ' ' || count(*) FROM article_bands b JOIN article_text_ids i ON i.id = b.article_id GROUP BY i.article_key ORDER BY 1;"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM article_bands WHERE article_id NOT IN (SELECT id FROM article_text_ids);"));
    }

    [Fact]
    public async Task Upserts_ChangingAndRestoringArticles_KeepCountsAndNameIndexInStep()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        await AssertCountsMatchARecountAsync();

        // An article losing entities and relations, bulk additions, then the original back.
        await store.UpsertAsync([SampleGraph.Article6 with { Entities = [SampleGraph.Article6.Entities[1]], Relations = [] }], None);
        await AssertCountsMatchARecountAsync();
        await store.UpsertAsync([.. Enumerable.Range(0, 30).Select(Generated)], None);
        await AssertCountsMatchARecountAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        await AssertCountsMatchARecountAsync();
    }

    [Theory]
    [InlineData("ل")]
    [InlineData("لا")]
    [InlineData("لاف")]
    [InlineData("روف")]
    [InlineData("سيرغي لا")]
    [InlineData("سيرغي")]
    [InlineData("لافروف")]
    [InlineData("بوغدانوف")]
    [InlineData("ميخائيل بوغدانوف")]
    [InlineData("الحل السياسي")]
    [InlineData("سوريه")]
    [InlineData("غير موجود")]
    public async Task FindEntities_NameContainsAnyLength_MatchesExactlyTheSubstringScan(string text)
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        string needle = NewsGraph.Core.Text.ArabicText.Normalize(text);
        List<string> everything = [.. (await store.FindEntitiesAsync(new EntityQuery(), new PageRequest(First: 1000), None)).Items.Select(i => i.Node.Key)];
        IReadOnlyList<EntityRecord> all = await store.GetEntitiesAsync(everything, None);
        string[] expected = [.. all
            .Where(e => NewsGraph.Core.Text.ArabicText.Normalize(e.Name).Contains(needle, StringComparison.Ordinal)
                || e.Aliases.Any(a => NewsGraph.Core.Text.ArabicText.Normalize(a).Contains(needle, StringComparison.Ordinal)))
            .Select(e => e.Key)
            .Order(StringComparer.Ordinal)];

        Page<EntityRecord> found = await store.FindEntitiesAsync(new EntityQuery { NameContains = text }, new PageRequest(First: 1000, IncludeTotal: true), None);

        Assert.Equal(expected, found.Items.Select(i => i.Node.Key).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, found.TotalCount);
    }

    [Theory]
    [InlineData("بوغدانوف")]
    [InlineData("ميخائيل بوغدانوف")]
    [InlineData("لافروف")]
    public async Task NameMatch_IsTheTextsTwoRarestTrigrams(string text)
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        string normalized = NewsGraph.Core.Text.ArabicText.Normalize(text);
        var frequencies = new TrigramFrequencies();

        string match = await NameMatchAsync(store, frequencies, normalized);

        string[] chosen = [.. match.Split(" AND ").Select(t => t.Trim('"'))];
        Assert.Equal(TrigramFrequencies.Terms, chosen.Length);
        Dictionary<string, long> counts = [];
        foreach (string trigram in FtsQuery.Trigrams(normalized))
        {
            counts[trigram] = await ScalarAsync<long>($"SELECT count(*) FROM entity_names WHERE entity_names MATCH '\"{trigram}\"';");
        }

        Assert.All(chosen, t => Assert.Contains(t, counts.Keys));
        Assert.True(chosen.Max(t => counts[t]) <= counts.Where(c => !chosen.Contains(c.Key)).Min(c => c.Value), match);
        // Asked again, the counts are known: the same terms.
        Assert.Equal(match, await NameMatchAsync(store, frequencies, normalized));
    }

    [Fact]
    public async Task NameMatch_OfATextWithMoreTrigramsThanARankedName_IsItsCoveringSet_AndCountsNone()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        const string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        string text = Letters + new string([.. Letters.Reverse()]);
        Assert.True(FtsQuery.Trigrams(text).Count() > TrigramFrequencies.MaxRanked);
        var frequencies = new TrigramFrequencies();

        string match = await NameMatchAsync(store, frequencies, text);

        Assert.Equal(FtsQuery.CoveringTrigrams(text), match);
        Assert.Equal(0, frequencies.Known);
    }

    [Fact]
    public async Task NameMatch_WithTheCountTableFull_IsTheCoveringSet_AndStillFindsTheName()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        var frequencies = new TrigramFrequencies(maxEntries: 2);
        string normalized = NewsGraph.Core.Text.ArabicText.Normalize("بوغدانوف");

        string match = await NameMatchAsync(store, frequencies, normalized);

        Assert.Equal(FtsQuery.CoveringTrigrams(normalized), match);
        Assert.Equal(2, frequencies.Known);
        Assert.NotEqual(0L, await ScalarAsync<long>($"SELECT count(*) FROM entity_names WHERE entity_names MATCH '{match.Replace("'", "''")}';"));
    }

    private static Task<string> NameMatchAsync(SqliteGraphStore store, TrigramFrequencies frequencies, string text) =>
        store.ReadAsync(session => Task.FromResult(frequencies.NameMatch(session, text)), None);

    /// <summary>Text filters served by the trigram indexes (three characters or more) or by a scan (fewer) find the same rows.</summary>
    [Theory]
    [InlineData("ا")]
    [InlineData("لي")]
    [InlineData("الحل")]
    [InlineData("الحل السياسي")]
    [InlineData("العلاقات")]
    [InlineData("التعاون الاقتصادي")]
    [InlineData("سورية")]
    [InlineData("غير موجود")]
    public async Task TextFilters_AnyLength_FindExactlyWhatASubstringScanFinds(string text)
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        string needle = NewsGraph.Core.Text.ArabicText.Normalize(text);
        bool Has(string? value) => value is not null && NewsGraph.Core.Text.ArabicText.Normalize(value).Contains(needle, StringComparison.Ordinal);
        Dictionary<string, string> claims = SampleGraph.Articles.SelectMany(a => a.Entities).Where(e => e.Kind == NodeKind.Claim)
            .DistinctBy(e => e.Key).ToDictionary(e => e.Key, e => e.Name);
        IReadOnlyList<PageItem<RelationRecord>> relations = (await store.FindRelationsAsync(new RelationQuery(), new PageRequest(First: 1000), None)).Items;
        bool RelationMatches(RelationRecord r) => Has(r.Topic) || (r.Type == RelationType.Stated && Has(claims.GetValueOrDefault(r.To)));

        string[] expectedRelations = [.. relations.Select(i => i.Node).Where(RelationMatches).Select(r => r.Key).Order(StringComparer.Ordinal)];
        Page<RelationRecord> foundRelations = await store.FindRelationsAsync(new RelationQuery { TextContains = text }, new PageRequest(First: 1000, IncludeTotal: true), None);
        Assert.Equal(expectedRelations, foundRelations.Items.Select(i => i.Node.Key).Order(StringComparer.Ordinal));
        Assert.Equal(expectedRelations.Length, foundRelations.TotalCount);

        string[] expectedArticles = [.. SampleGraph.Articles.Where(a => Has(a.Article.Text) || Has(a.Article.Title)).Select(a => a.Article.Key).Order(StringComparer.Ordinal)];
        Page<ArticleRecord> foundArticles = await store.FindArticlesAsync(new ArticleQuery { TextContains = text }, new PageRequest(First: 1000, IncludeTotal: true), None);
        Assert.Equal(expectedArticles, foundArticles.Items.Select(i => i.Node.Key).Order(StringComparer.Ordinal));

        // Entities at either end of a matching statement (speakers and their claims), served by two index probes.
        string[] expectedSpeakers = [.. relations.Select(i => i.Node).Where(r => r.Type == RelationType.Stated && RelationMatches(r))
            .SelectMany(r => new[] { r.From, r.To }).Distinct().Order(StringComparer.Ordinal)];
        Page<EntityRecord> speakers = await store.FindEntitiesAsync(
            new EntityQuery { Relations = [new RelationExists(RelationType.Stated, TextContains: text)] }, new PageRequest(First: 1000, IncludeTotal: true), None);
        Assert.Equal(expectedSpeakers, speakers.Items.Select(i => i.Node.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RelationFilter_None_CountsEntitiesWithoutSuchARelationAtEitherEnd()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        HashSet<string> met = [.. SampleGraph.Articles.SelectMany(a => a.Relations).Where(r => r.Type == RelationType.Met).SelectMany(r => new[] { r.From, r.To })];
        string[] people = [.. SampleGraph.Articles.SelectMany(a => a.Entities).Where(e => e.Kind == NodeKind.Person).Select(e => e.Key).Distinct()];

        Page<EntityRecord> neverMet = await store.FindEntitiesAsync(
            new EntityQuery { Kinds = [NodeKind.Person], Relations = [new RelationExists(RelationType.Met, Exists: false)] }, new PageRequest(First: 1000, IncludeTotal: true), None);

        Assert.Equal(people.Where(p => !met.Contains(p)).Order(StringComparer.Ordinal), neverMet.Items.Select(i => i.Node.Key).Order(StringComparer.Ordinal));
        Assert.Equal(people.Count(p => !met.Contains(p)), neverMet.TotalCount);
    }

    [Fact]
    public async Task Read_CancelledWhileSqliteRuns_IsInterruptedAndThrowsOperationCanceled()
    {
        SqliteGraphStore store = await StoreAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // A statement that runs for tens of seconds on its own (a regression fails the time bound, it does not hang).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReadAsync(async session =>
        {
            SqliteCommand command = session.Command("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 400000000) SELECT count(*) FROM c;");
            return await command.ExecuteScalarAsync(cancel.Token);
        }, cancel.Token));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        // The session went back to the pool usable: the next read on it runs normally.
        Assert.Equal(0, (await store.GetStatsAsync(None)).Articles);
    }

    [Fact]
    public async Task TotalCount_OfKindsAndTypesOnly_EqualsTheRowCountAfterChanges()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        await AssertTotalsAsync();

        await store.UpsertAsync([SampleGraph.Article6 with { Entities = [SampleGraph.Article6.Entities[1]], Relations = [] }], None);
        await store.UpsertAsync([.. Enumerable.Range(0, 12).Select(Generated)], None);
        await AssertTotalsAsync();

        async Task AssertTotalsAsync()
        {
            var request = new PageRequest(First: 1, IncludeTotal: true);
            Assert.Equal(await ScalarAsync<long>("SELECT count(*) FROM entities;"), (await store.FindEntitiesAsync(new EntityQuery(), request, None)).TotalCount);
            Assert.Equal(await ScalarAsync<long>("SELECT count(*) FROM relations;"), (await store.FindRelationsAsync(new RelationQuery(), request, None)).TotalCount);
            foreach (NodeKind kind in Enum.GetValues<NodeKind>())
            {
                long rows = await ScalarAsync<long>($"SELECT count(*) FROM entities WHERE kind = '{GraphNames.Label(kind)}';");
                Assert.Equal(rows, (await store.FindEntitiesAsync(new EntityQuery { Kinds = [kind] }, request, None)).TotalCount);
            }

            Assert.Equal(
                await ScalarAsync<long>("SELECT count(*) FROM entities WHERE kind IN ('Person', 'State');"),
                (await store.FindEntitiesAsync(new EntityQuery { Kinds = [NodeKind.Person, NodeKind.State], OrderBy = EntityOrderField.Mentions }, request, None)).TotalCount);
            foreach (RelationType type in Enum.GetValues<RelationType>())
            {
                long rows = await ScalarAsync<long>($"SELECT count(*) FROM relations WHERE type = '{GraphNames.TypeName(type)}';");
                Page<RelationRecord> page = await store.FindRelationsAsync(new RelationQuery { Types = [type], Direction = SortDirection.Descending }, request, None);
                Assert.Equal(rows, page.TotalCount);
                Assert.Equal(rows > 0, page.Items.Count == 1);
            }
        }
    }

    [Fact]
    public void Statements_NoLimitIsABareParameter()
    {
        // LIMIT @x over a virtual table (json_each, FTS5) recompiles the statement on every bind.
        string[] bare = [.. typeof(SqliteStatements).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch((string)f.GetRawConstantValue()!, @"LIMIT\s+@"))
            .Select(f => f.Name)];

        Assert.Empty(bare);
    }

    [Fact]
    public async Task SearchStatement_BoundAgain_StaysPrepared()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        await using SqliteConnection connection = Open();
        SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle, SqliteStatements.SearchEntities, out SQLitePCL.sqlite3_stmt statement);
        using (statement)
        {
            foreach ((string text, long first) in new[] { ("لافروف", 5L), ("سوريه", 3L), ("الأردن", 10L) })
            {
                SQLitePCL.raw.sqlite3_bind_text(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@exact"), text);
                SQLitePCL.raw.sqlite3_bind_text(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@match"), "\"" + text + "\"*");
                SQLitePCL.raw.sqlite3_bind_null(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@kinds"));
                SQLitePCL.raw.sqlite3_bind_int64(statement, SQLitePCL.raw.sqlite3_bind_parameter_index(statement, "@first"), first);
                while (SQLitePCL.raw.sqlite3_step(statement) == SQLitePCL.raw.SQLITE_ROW)
                {
                }

                SQLitePCL.raw.sqlite3_reset(statement);
            }

            const int StatusReprepare = 5;
            Assert.Equal(0, SQLitePCL.raw.sqlite3_stmt_status(statement, StatusReprepare, 0));
        }
    }

    [Fact]
    public async Task Upsert_FailureInsideTheBatch_RollsEverythingBack()
    {
        SqliteGraphStore store = await StoreAsync();
        ArticleGraph broken = SampleGraph.Article2 with
        {
            Entities = [.. SampleGraph.Article2.Entities, new ExtractedEntity("x:broken", (NodeKind)42, "؟", [], [])],
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.UpsertAsync([SampleGraph.Article1, broken], None));

        Assert.Equal(0L, await ScalarAsync<long>("SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM entities) + (SELECT count(*) FROM relations);"));
    }

    [Fact]
    public async Task Reads_DuringALongWrite_SeeOnlyCommittedStates()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        ArticleGraph[] bulk = [.. Enumerable.Range(0, 400).Select(Generated)];

        // Task.Run: the provider's async methods complete synchronously, so the write needs its own thread.
        Task<UpsertResult> write = Task.Run(() => store.UpsertAsync(bulk, None));
        var seen = new HashSet<long>();
        int reads = 0;
        while (!write.IsCompleted || reads < 5)
        {
            Task<GraphStats> stats = store.GetStatsAsync(None);
            Task<Page<EntityRecord>> page = store.FindEntitiesAsync(new EntityQuery { Kinds = [NodeKind.Person] }, new PageRequest(First: 3, IncludeTotal: true), None);
            seen.Add((await stats).Articles);
            Assert.Equal(3, (await page).Items.Count);
            reads++;
        }

        Assert.Equal(400, (await write).ArticlesWritten);
        Assert.Subset(new HashSet<long> { 7, 407 }, seen);

        // The write takes long enough that reads overlap it; they keep seeing the last commit.
        Assert.Contains(7L, seen);
        Assert.Equal(407, (await store.GetStatsAsync(None)).Articles);
    }

    [Fact]
    public async Task Upserts_FromManyCallers_AreSerializedAndAllLand()
    {
        SqliteGraphStore store = await StoreAsync();

        UpsertResult[] results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => store.UpsertAsync([Generated(i)], None))));

        Assert.All(results, r => Assert.Equal(1, r.ArticlesWritten));
        Assert.Equal(12, (await store.GetStatsAsync(None)).Articles);

        // Every generated article mentions the same person: one node, twelve mentions.
        EntityRecord shared = Assert.Single(await store.GetEntitiesAsync([GraphKeys.Person("شخص مشترك")], None));
        Assert.Equal((12, 12), (shared.MentionCount, shared.ArticleCount));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(لافروف شويغو, 2)")]
    [InlineData("OR")]
    [InlineData("لافروف OR")]
    [InlineData("AND NOT (")]
    [InlineData("name_norm: لافروف")]
    [InlineData("{name_norm aliases_norm}: x")]
    [InlineData("لافروف\"*")]
    [InlineData("'); DROP TABLE entities; --")]
    [InlineData("\0")]
    public async Task Search_FtsSyntaxInTheText_NeitherThrowsNorInjects(string text)
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);

        IReadOnlyList<SearchHit> hits = await store.SearchAsync(text, null, 10, None);

        Assert.Equal(18L, await ScalarAsync<long>("SELECT count(*) FROM entities;"));
        if (text.Contains("لافروف", StringComparison.Ordinal))
        {
            Assert.Contains(SampleGraph.Lavrov, hits.Select(h => h.Key));
        }
    }

    [Fact]
    public async Task DisposeAsync_ClosesTheFile()
    {
        SqliteGraphStore store = await StoreAsync();
        await store.UpsertAsync(SampleGraph.Articles, None);
        await store.GetStatsAsync(None);

        await store.DisposeAsync();

        // The last connection to close checkpoints and removes the write-ahead log.
        Assert.False(File.Exists(_path + "-wal"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetStatsAsync(None));
    }

    private static ArticleGraph Generated(int i)
    {
        string key = $"https://news.test/generated/{i}";
        return new ArticleGraph(
            new ArticleInfo(key, $"نص رقم {i}", Title: $"خبر {i}", Url: key, Source: "gen", Published: new DateOnly(2024, 5, 1).AddDays(i % 20)),
            [
                SampleGraph.Person("شخص مشترك", 1, [], []),
                SampleGraph.Person($"شخص {i}", 1, [], []),
            ],
            [new(RelationType.Met, GraphKeys.Person("شخص مشترك"), GraphKeys.Person($"شخص {i}"), "التقيا.", 0, new DateOnly(2024, 5, 1))]);
    }

    [Fact]
    public async Task InitializeAsync_VersionTenFile_AddsTheRelationWalkIndexes_AndPagesRelationsAsANewFileDoes()
    {
        const string WalkIndexes = "SELECT name FROM sqlite_master WHERE name IN ('ix_relations_from_date', 'ix_relations_to_date') ORDER BY name;";
        await CreateFileOfVersionAsync(10, SampleGraph.Articles);
        Assert.Empty(await ColumnAsync(WalkIndexes));

        SqliteGraphStore migrated = await StoreAsync();
        await WithNewFileAsync(WithoutConfidences(SampleGraph.Articles), async fresh =>
        {
            Assert.Equal((long)SqliteStatements.SchemaVersion, await ScalarAsync<long>("SELECT max(version) FROM schema_version;"));
            Assert.Equal(["ix_relations_from_date", "ix_relations_to_date"], await ColumnAsync(WalkIndexes));
            Assert.Equal(await GroupedRelationPagesAsync(fresh), await GroupedRelationPagesAsync(migrated));
            Assert.Equal(await AnswersAsync(fresh), await AnswersAsync(migrated));
        });
    }

    [Fact]
    public async Task InitializeAsync_VersionElevenFile_DropsTheOriginalCountInsertTriggers_AndCountsArrivalsAsANewFileDoes()
    {
        const string InsertTriggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ('mentions_original_insert', 'provenance_original_insert') ORDER BY name;";
        ArticleGraph original = ReprintedStory("a-original", ReprintStory.OriginalText, 2);
        await CreateFileOfVersionAsync(11, [original]);
        Assert.Equal(["mentions_original_insert", "provenance_original_insert"], await ColumnAsync(InsertTriggers));

        SqliteGraphStore migrated = await StoreAsync();
        await migrated.InitializeAsync(None);
        Assert.Equal((long)SqliteStatements.SchemaVersion, await ScalarAsync<long>("SELECT max(version) FROM schema_version;"));
        Assert.Equal((long)SqliteStatements.Migrations.Count, await ScalarAsync<long>("SELECT count(*) FROM schema_version;"));
        Assert.Empty(await ColumnAsync(InsertTriggers));

        // Arrivals after the upgrade count in the original counts with their merged rows: a reprint (counted
        // in as new, then out as it is linked) and originals, one of them changed and written again.
        ArticleGraph[] arrivals = [ReprintedStory("b-copy", ReprintStory.FirstCopyText, 3), Generated(0), Generated(1)];
        await migrated.UpsertAsync(arrivals, None);
        await migrated.UpsertAsync([Generated(1) with { Relations = [] }, Generated(1)], None);
        await WithNewFileAsync([original, .. arrivals], async fresh =>
        {
            Assert.Equal([new ReprintLink("b-copy", "a-original")], await migrated.GetReprintLinksAsync(["a-original"], None));
            Assert.Equal(await AnswersAsync(fresh), await AnswersAsync(migrated));
            await AssertCountsMatchARecountAsync();
        });
    }

    /// <summary>Every entity's grouped relation pages (each grouping and order, both ways, and the page after), as text.</summary>
    private static async Task<string> GroupedRelationPagesAsync(SqliteGraphStore store)
    {
        var lines = new List<string>();
        foreach (RelationGrouping grouping in new[] { RelationGrouping.ByEndpoint, RelationGrouping.BySource, RelationGrouping.ByTarget })
        {
            foreach (RelationOrderField order in Enum.GetValues<RelationOrderField>())
            {
                foreach (SortDirection direction in Enum.GetValues<SortDirection>())
                {
                    var query = new RelationQuery { OrderBy = order, Direction = direction };
                    IReadOnlyDictionary<string, Page<RelationRecord>> pages = await store.FindRelationsForAsync(
                        SampleGraph.EntityKeys, grouping, query, new PageRequest(First: 2, IncludeTotal: true), None);
                    foreach ((string key, Page<RelationRecord> page) in pages.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        Page<RelationRecord> next = (await store.FindRelationsForAsync([key], grouping, query, new PageRequest(First: 2, After: page.EndCursor), None))[key];
                        lines.Add($"{grouping} {order} {direction} {key}: {PageText(page)} | {PageText(next)}");
                    }
                }
            }
        }

        return string.Join("\n", lines);

        static string PageText(Page<RelationRecord> page) =>
            $"{string.Join(", ", page.Items.Select(i => i.Node.Key))} next {page.HasNextPage} previous {page.HasPreviousPage} total {page.TotalCount}";
    }

    /// <summary>
    /// A file as an older build left it: the schema steps up to <paramref name="version"/> and their
    /// <c>schema_version</c> rows, holding <paramref name="articles"/> in the columns that version had.
    /// The rows are those a new store makes (the merge rules have not changed since), copied without
    /// the columns later versions added, and the content hashes are those that build computed.
    /// </summary>
    private async Task CreateFileOfVersionAsync(int version, IReadOnlyList<ArticleGraph> articles)
    {
        string sourcePath = SqliteStoreFactory.NewDatabasePath();
        try
        {
            await using (var source = new SqliteGraphStore(sourcePath))
            {
                await source.InitializeAsync(None);
                await source.UpsertAsync(articles, None);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, ForeignKeys = true, Pooling = false }.ToString());
            await using SqliteCommand command = connection.CreateCommand();
            await connection.OpenAsync();
            foreach (string sql in new[] { SqliteStatements.EnableWriteAheadLog, SqliteStatements.CreateSchemaVersionTable })
            {
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }

            command.CommandText = "ATTACH DATABASE @source AS source;";
            command.Parameters.AddWithValue("@source", sourcePath);
            await command.ExecuteNonQueryAsync();
            command.Parameters.Clear();

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            command.Transaction = transaction;
            foreach ((int step, string[] statements) in SqliteStatements.Migrations.Where(m => m.Version <= version))
            {
                foreach (string sql in statements)
                {
                    command.CommandText = sql;
                    await command.ExecuteNonQueryAsync();
                }

                command.CommandText = $"INSERT INTO schema_version (version, applied_at) VALUES ({step}, 'then');";
                await command.ExecuteNonQueryAsync();
            }

            // Parents first; triggers of the versions applied fill their own tables and counts.
            foreach ((string table, string columns) in s_versionOneColumns)
            {
                command.CommandText = $"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM source.{table};";
                await command.ExecuteNonQueryAsync();
            }

            // Version 8's reprint links as the newer store made them (the merge rules have not changed since;
            // since version 10 the newer store keeps the bands under article ids).
            if (version >= 8)
            {
                command.CommandText = """
                    UPDATE main.articles SET fingerprint = s.fingerprint, reprint_of = s.reprint_of FROM source.articles s WHERE s.key = main.articles.key;
                    """ + (version >= 10
                    ? """
                      INSERT INTO main.article_bands (band_key, article_id)
                      SELECT b.band_key, m.id FROM source.article_bands b JOIN source.article_text_ids i ON i.id = b.article_id JOIN main.article_text_ids m ON m.article_key = i.article_key;
                      """
                    : """
                      INSERT INTO main.article_bands (band_key, article_key) SELECT b.band_key, i.article_key FROM source.article_bands b JOIN source.article_text_ids i ON i.id = b.article_id;
                      """);
                await command.ExecuteNonQueryAsync();
            }

            command.CommandText = "UPDATE main.articles SET content_hash = @hash WHERE key = @key;";
            foreach (ArticleGraph article in articles)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("@key", article.Article.Key);
                command.Parameters.AddWithValue("@hash", ContentHashBeforeVersionFour(article));
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        finally
        {
            SqliteStoreFactory.DeleteDatabase(sourcePath);
        }
    }

    /// <summary>
    /// One copy of <see cref="ReprintStory"/>'s story: the minister (named <paramref name="ministerMentions"/>
    /// times) meeting the ambassador, dated 1 March in both copies and, in the copy, also by its own day.
    /// </summary>
    private static ArticleGraph ReprintedStory(string key, string text, int ministerMentions)
    {
        string minister = GraphKeys.Person("وزير الطاقة");
        string ambassador = GraphKeys.Person("سفير ألمانيا");
        bool copy = key != "a-original";
        DateOnly published = new(2026, 3, copy ? 2 : 1);
        List<ExtractedRelation> meetings = [new(RelationType.Met, minister, ambassador, "والتقى وزير الطاقة سفير ألمانيا.", 1, new DateOnly(2026, 3, 1))];
        if (copy)
        {
            meetings.Add(new(RelationType.Met, minister, ambassador, "والتقى وزير الطاقة سفير ألمانيا.", 4, published));
        }

        return new ArticleGraph(
            new ArticleInfo(key, text, Published: published),
            [new(minister, NodeKind.Person, "وزير الطاقة", [], [], Mentions: ministerMentions), new(ambassador, NodeKind.Person, "سفير ألمانيا", [], [])],
            meetings);
    }

    /// <summary>The content hash as builds before schema version 4 computed it (its salt said v1).</summary>
    private static string ContentHashBeforeVersionFour(ArticleGraph graph) =>
        GraphKeys.Hash("newsgraph-extraction-v1\n" + System.Text.Json.JsonSerializer.Serialize(
            graph, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    /// <summary>Runs <paramref name="check"/> on a new file holding <paramref name="articles"/> — what a migrated file must answer like — and deletes the file after.</summary>
    private static async Task WithNewFileAsync(IReadOnlyList<ArticleGraph> articles, Func<SqliteGraphStore, Task> check)
    {
        string path = SqliteStoreFactory.NewDatabasePath();
        try
        {
            await using var fresh = new SqliteGraphStore(path);
            await fresh.InitializeAsync(None);
            await fresh.UpsertAsync(articles, None);
            await check(fresh);
        }
        finally
        {
            SqliteStoreFactory.DeleteDatabase(path);
        }
    }

    private static ArticleGraph[] WithoutConfidences(IEnumerable<ArticleGraph> articles) =>
        [.. articles.Select(a => a with { Relations = [.. a.Relations.Select(r => r with { Confidence = null })] })];

    /// <summary>What the kept counts and the name index serve, and every relation as read, as text to compare stores by.</summary>
    private static async Task<string> AnswersAsync(SqliteGraphStore store)
    {
        var lines = new List<string> { System.Text.Json.JsonSerializer.Serialize(await store.GetStatsAsync(None)) };
        lines.Add(System.Text.Json.JsonSerializer.Serialize(await store.FindRelationsAsync(new RelationQuery(), new PageRequest(First: 100), None)));
        foreach (EntityRanking by in Enum.GetValues<EntityRanking>())
        {
            foreach (NodeKind? kind in new NodeKind?[] { null, NodeKind.Person, NodeKind.State, NodeKind.Organization, NodeKind.Place, NodeKind.Claim })
            {
                lines.Add($"{by} {kind}: " + string.Join(", ", await store.GetTopEntitiesAsync(kind, by, 50, null, null, DateBasis.Published, None)));
            }
        }

        foreach (string name in new[] { "لافروف", "سيرغي", "الأردن", "سوريه", "ل" })
        {
            Page<EntityRecord> page = await store.FindEntitiesAsync(new EntityQuery { NameContains = name }, new PageRequest(First: 100, IncludeTotal: true), None);
            lines.Add($"{name}: {page.TotalCount} " + string.Join(", ", page.Items.Select(i => i.Node.Key)));
            Page<RelationRecord> relations = await store.FindRelationsAsync(new RelationQuery { TextContains = name }, new PageRequest(First: 100, IncludeTotal: true), None);
            lines.Add($"relations {name}: {relations.TotalCount} " + string.Join(", ", relations.Items.Select(i => i.Node.Key)));
            Page<ArticleRecord> articles = await store.FindArticlesAsync(new ArticleQuery { TextContains = name }, new PageRequest(First: 100, IncludeTotal: true), None);
            lines.Add($"articles {name}: {articles.TotalCount} " + string.Join(", ", articles.Items.Select(i => i.Node.Key)));
        }

        return string.Join("\n", lines);
    }

    /// <summary>The trigger-kept counts equal a recount from the rows, and the trigram index its content table.</summary>
    private async Task AssertCountsMatchARecountAsync()
    {
        Assert.Equal(
            await ColumnAsync("SELECT kind || ' ' || count(*) FROM entities GROUP BY kind ORDER BY kind;"),
            await ColumnAsync("SELECT kind || ' ' || count FROM entity_kind_counts WHERE count <> 0 ORDER BY kind;"));
        Assert.Equal(
            await ColumnAsync("SELECT type || ' ' || count(*) FROM relations GROUP BY type ORDER BY type;"),
            await ColumnAsync("SELECT type || ' ' || count FROM relation_type_counts WHERE count <> 0 ORDER BY type;"));
        // Relations count for their entities while an original asserts them (version 9); mentions in originals apart.
        Assert.Equal(0L, await ScalarAsync<long>("""
            SELECT count(*) FROM relations r
            WHERE r.original_assertions <> (SELECT count(*) FROM relation_provenance p JOIN articles a ON a.key = p.article_key
                                            WHERE p.relation_key = r.key AND a.reprint_of IS NULL);
            """));
        Assert.Equal(0L, await ScalarAsync<long>("""
            SELECT count(*) FROM entities e
            WHERE e.meeting_count <> (SELECT count(*) FROM relations r WHERE r.type = 'MET' AND r.original_assertions > 0 AND (r.from_key = e.key OR r.to_key = e.key))
               OR e.statement_count <> (SELECT count(*) FROM relations r WHERE r.type = 'STATED' AND r.original_assertions > 0 AND r.from_key = e.key)
               OR e.degree <> (SELECT count(*) FROM relations r WHERE r.original_assertions > 0 AND (r.from_key = e.key OR r.to_key = e.key))
               OR e.mention_count <> (SELECT coalesce(sum(m.mention_count), 0) FROM entity_mentions m WHERE m.entity_key = e.key)
               OR e.original_mention_count <> (SELECT coalesce(sum(m.mention_count), 0) FROM entity_mentions m JOIN articles a ON a.key = m.article_key
                                               WHERE m.entity_key = e.key AND a.reprint_of IS NULL);
            """));
        // Version 14: the trigger-kept article totals equal a count.
        Assert.Equal(
            await ColumnAsync("SELECT count(*) || ' ' || count(reprint_of) FROM articles;"),
            await ColumnAsync("SELECT articles || ' ' || reprints FROM article_counts;"));
        await ExecuteAsync("INSERT INTO entity_names (entity_names) VALUES ('integrity-check');");
        // The text indexes hold one row per article and per relation with a topic.
        Assert.Equal(await ScalarAsync<long>("SELECT count(*) FROM articles;"), await ScalarAsync<long>("SELECT count(*) FROM article_text_ids;"));
        Assert.Equal(await ScalarAsync<long>("SELECT count(*) FROM articles;"), await ScalarAsync<long>("SELECT count(*) FROM article_text;"));
        Assert.Equal(
            await ColumnAsync("SELECT key || ' ' || topic_norm FROM relations WHERE topic_norm <> '' ORDER BY key;"),
            await ColumnAsync("SELECT relation_key || ' ' || topic_norm FROM relation_topics ORDER BY relation_key;"));
    }

    private async Task<SqliteGraphStore> StoreAsync()
    {
        var store = new SqliteGraphStore(_path);
        _stores.Add(store);
        await store.InitializeAsync(None);
        return store;
    }

    /// <summary>Every row of every table the store owns, as text.</summary>
    private Task<string> DumpAsync() => new SqliteFile(_path).DumpAsync(s_tables.Where(t => t != "entity_search"), table => "SELECT * FROM " + table + ";");

    private SqliteConnection Open() => new SqliteFile(_path).Open();

    private Task ExecuteAsync(string sql) => new SqliteFile(_path).ExecuteAsync(sql);

    private Task<T> ScalarAsync<T>(string sql) => new SqliteFile(_path).ScalarAsync<T>(sql);

    private Task<List<string>> ColumnAsync(string sql) => ColumnAsync<string>(sql);

    private Task<List<T>> ColumnAsync<T>(string sql) => new SqliteFile(_path).ColumnAsync<T>(sql);
}
