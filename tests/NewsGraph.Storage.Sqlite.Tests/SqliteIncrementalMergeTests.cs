using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Contract;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>
/// The incremental merge below the port: every kept aggregate (counts, label reference counts,
/// confidence tallies, earliest dates) equals a recount from the contribution rows after any mix
/// of upserts, re-extractions and removals; an article added and removed leaves every table row
/// for row as it was; and the write path's statements reach contributions by index, never by scan.
/// </summary>
public sealed class SqliteIncrementalMergeTests : IAsyncLifetime
{
    /// <summary>Every table the merge writes, text indexes' id table included (FTS5 shadow tables are checked by integrity-check).</summary>
    private static readonly string[] s_tables =
        ["articles", "article_text_ids", "entities", "entity_labels", "entity_kind_counts", "entity_mentions", "relation_provenance", "relation_topics", "relation_type_counts", "relations"];

    private readonly string _path = SqliteStoreFactory.NewDatabasePath();
    private SqliteGraphStore? _store;

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        _store = new SqliteGraphStore(_path);
        await _store.InitializeAsync(None);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        SqliteStoreFactory.DeleteDatabase(_path);
    }

    public static TheoryData<string> EveryArticle => [.. SampleGraph.ArticleKeys];

    [Theory]
    [MemberData(nameof(EveryArticle))]
    public async Task Remove_ArticleAddedLast_LeavesEveryTableRowForRowAsBefore(string articleKey)
    {
        await _store!.UpsertAsync([.. SampleGraph.Articles.Where(a => a.Article.Key != articleKey)], None);
        string before = await DumpAsync();

        await _store.UpsertAsync([.. SampleGraph.Articles.Where(a => a.Article.Key == articleKey)], None);
        await _store.RemoveArticlesAsync([articleKey], None);

        Assert.Equal(before, await DumpAsync());
        await ExecuteAsync("INSERT INTO entity_search (entity_search) VALUES ('integrity-check');");
        await ExecuteAsync("INSERT INTO entity_names (entity_names) VALUES ('integrity-check');");
    }

    [Fact]
    public async Task UpsertsReextractionsAndRemovals_KeptAggregatesEqualARecount()
    {
        await _store!.UpsertAsync(SampleGraph.Articles, None);
        await AssertAggregatesMatchARecountAsync();

        // A hub every generated article mentions, with a label that comes and goes.
        await _store.UpsertAsync([.. Enumerable.Range(0, 40).Select(i => Generated(i, variant: 0))], None);
        await AssertAggregatesMatchARecountAsync();
        await _store.UpsertAsync([.. Enumerable.Range(0, 40).Where(i => i % 3 == 0).Select(i => Generated(i, variant: 1))], None);
        await AssertAggregatesMatchARecountAsync();
        await _store.RemoveArticlesAsync([.. Enumerable.Range(0, 40).Where(i => i % 2 == 0).Select(i => $"https://news.test/generated/{i}")], None);
        await AssertAggregatesMatchARecountAsync();
        await _store.RemoveArticlesAsync([SampleGraph.A1, SampleGraph.A4], None);
        await _store.UpsertAsync([SampleGraph.Article4, Generated(2, variant: 1)], None);
        await AssertAggregatesMatchARecountAsync();
    }

    [Fact]
    public async Task WriteStatements_ReachContributionsByIndex_NeverByScan()
    {
        // EXPLAIN QUERY PLAN names a full pass over a table as "SCAN <table>"; an index seek as "SEARCH".
        (string Name, string Sql, (string, object)[] Parameters)[] statements =
        [
            (nameof(SqliteStatements.SelectEntityMergeState), SqliteStatements.SelectEntityMergeState, [("@entities", "[[\"k\",1,1]]")]),
            (nameof(SqliteStatements.SelectRelationMergeState), SqliteStatements.SelectRelationMergeState, [("@relations", "[[\"k\",1,1,1,1,1,1,\"2024-01-01\"]]")]),
            (nameof(SqliteStatements.SelectArticleMentions), SqliteStatements.SelectArticleMentions, [("@articleKey", "a")]),
            (nameof(SqliteStatements.SelectArticleAssertions), SqliteStatements.SelectArticleAssertions, [("@articleKey", "a")]),
            (nameof(SqliteStatements.SelectEntityLabels), SqliteStatements.SelectEntityLabels, [("@keys", "[\"k\"]")]),
        ];
        await using SqliteConnection connection = Open();
        foreach ((string name, string sql, (string, object)[] parameters) in statements)
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach ((string parameter, object value) in parameters)
            {
                command.Parameters.AddWithValue(parameter, value);
            }

            var plan = new List<string>();
            await using SqliteDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            Assert.True(plan.Count > 0, name);
            Assert.True(!plan.Any(step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("VIRTUAL TABLE", StringComparison.Ordinal)), name + ": " + string.Join("; ", plan));
        }
    }

    /// <summary>Generated article <paramref name="i"/>: a hub person, a person of its own and their meeting; variant 1 re-extracted differently.</summary>
    private static ArticleGraph Generated(int i, int variant)
    {
        string key = $"https://news.test/generated/{i}";
        string hub = GraphKeys.Person("شخص مشترك");
        string own = GraphKeys.Person($"شخص {i}");
        return new ArticleGraph(
            new ArticleInfo(key, $"نص رقم {i}", Title: $"خبر {i}", Url: key, Source: "gen", Published: new DateOnly(2024, 5, 1).AddDays((i % 20) - (variant * 7))),
            [
                SampleGraph.Person("شخص مشترك", 1 + variant, variant == 0 ? ["المشترك"] : [], i % 5 == 0 ? ["رئيس"] : []),
                SampleGraph.Person($"شخص {i}", 1, [], []) with { Iso = variant == 1 ? "SA" : null },
            ],
            [
                new(RelationType.Met, hub, own, "التقيا.", 0, new DateOnly(2024, 5, 1), Topic: variant == 1 ? "موضوع" : null, Confidence: 0.1 + (i % 9 * 0.1)),
                new(RelationType.HoldsRole, hub, own, "رئيس.", 1, Role: "رئيس", Confidence: i % 4 == 0 ? 1.0 : null),
            ]);
    }

    /// <summary>Every aggregate the merge keeps, against the same thing counted from the contribution rows.</summary>
    private async Task AssertAggregatesMatchARecountAsync()
    {
        Assert.Equal(0L, await ScalarAsync("""
            SELECT count(*) FROM entities e
            WHERE e.mention_count <> (SELECT coalesce(sum(m.mention_count), 0) FROM entity_mentions m WHERE m.entity_key = e.key)
               OR e.article_count <> (SELECT count(*) FROM entity_mentions m WHERE m.entity_key = e.key)
               OR e.article_count = 0
               OR e.name IS NOT (SELECT m.name FROM entity_mentions m WHERE m.entity_key = e.key ORDER BY m.article_key LIMIT 1)
               OR e.iso IS NOT (SELECT m.iso FROM entity_mentions m WHERE m.entity_key = e.key AND m.iso IS NOT NULL ORDER BY m.article_key LIMIT 1);
            """));
        Assert.Equal(
            await ColumnAsync("""
                SELECT entity_key || ' ' || list || ' ' || value || ' ' || count(*) FROM (
                    SELECT DISTINCT m.article_key, m.entity_key, 0 AS list, j.value AS value FROM entity_mentions m, json_each(m.aliases) j
                    UNION ALL
                    SELECT DISTINCT m.article_key, m.entity_key, 1, j.value FROM entity_mentions m, json_each(m.titles) j)
                GROUP BY entity_key, list, value ORDER BY 1;
                """),
            await ColumnAsync("SELECT entity_key || ' ' || list || ' ' || value || ' ' || refs FROM entity_labels ORDER BY 1;"));
        Assert.Equal(0L, await ScalarAsync("""
            SELECT count(*) FROM relations r
            WHERE r.article_count <> (SELECT count(DISTINCT p.article_key) FROM relation_provenance p WHERE p.relation_key = r.key)
               OR r.article_count = 0
               OR r.conf_scored <> (SELECT count(p.confidence) FROM relation_provenance p WHERE p.relation_key = r.key)
               OR r.conf_certain <> (SELECT count(*) FROM relation_provenance p WHERE p.relation_key = r.key AND p.confidence = 1)
               OR r.first_published IS NOT (SELECT min(a.published) FROM relation_provenance p JOIN articles a ON a.key = p.article_key WHERE p.relation_key = r.key)
               OR r.effective_date IS NOT coalesce(r.date, r.first_published);
            """));

        // The tally from all assertions, as a fresh store would sum it.
        var assertions = new Dictionary<string, List<double?>>(StringComparer.Ordinal);
        await using SqliteConnection connection = Open();
        await using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT relation_key, confidence FROM relation_provenance;";
            await using SqliteDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                string key = reader.GetString(0);
                (assertions.TryGetValue(key, out List<double?>? list) ? list : assertions[key] = []).Add(reader.IsDBNull(1) ? null : reader.GetDouble(1));
            }
        }

        await using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, conf_log, confidence FROM relations;";
            await using SqliteDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ConfidenceTally tally = ConfidenceTally.Of(assertions[reader.GetString(0)]);
                Assert.Equal((tally.LogSum, tally.Value), (reader.GetInt64(1), reader.IsDBNull(2) ? (double?)null : reader.GetDouble(2)));
            }
        }
    }

    private Task<string> DumpAsync() =>
        // A kind or type whose last row went keeps its count row at 0, which reads as absent.
        new SqliteFile(_path).DumpAsync(s_tables, table => "SELECT * FROM " + table + (table.EndsWith("_counts", StringComparison.Ordinal) ? " WHERE count <> 0;" : ";"));

    private SqliteConnection Open() => new SqliteFile(_path).Open();

    private Task ExecuteAsync(string sql) => new SqliteFile(_path).ExecuteAsync(sql);

    private Task<long> ScalarAsync(string sql) => new SqliteFile(_path).ScalarAsync<long>(sql);

    private Task<List<string>> ColumnAsync(string sql) => new SqliteFile(_path).ColumnAsync<string>(sql);
}
