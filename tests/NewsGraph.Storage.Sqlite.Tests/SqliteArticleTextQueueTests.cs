using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using NewsGraph.Storage.Contract;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>
/// The article text index written a few batches at a time (schema version 13): text filters find what a
/// substring scan finds whether an article's text is indexed yet or waits, and changing or removing an
/// article leaves neither the index nor the queue holding text the article no longer has.
/// </summary>
public sealed class SqliteArticleTextQueueTests : IAsyncLifetime
{
    private static readonly string[] s_needles = ["لافروف", "موسكو", "الحل السياسي", "سورية", "التعاون الاقتصادي", "نص بديل", "غير موجود"];

    private readonly string _path = SqliteStoreFactory.NewDatabasePath();
    private SqliteGraphStore? _store;

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        // Three articles wait at most: with seven sample articles written one by one, some filters read the
        // index, some the queue, most both.
        _store = new SqliteGraphStore(_path) { ArticleTextIndexBatch = 3 };
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

    [Fact]
    public async Task TextFilters_WhileTheTextWaitsAndAfterItIsIndexed_FindExactlyWhatAScanFinds()
    {
        SqliteGraphStore store = _store!;
        var pendingSeen = new HashSet<long>();
        foreach (ArticleGraph article in SampleGraph.Articles)
        {
            await store.UpsertAsync([article], None);
            pendingSeen.Add(await ScalarAsync<long>("SELECT count(*) FROM article_text_pending;"));
            await AssertFiltersMatchAScanAsync(store);
        }

        // The queue filled and emptied: 1, 2, then indexed at 3, and again.
        Assert.Contains(0L, pendingSeen);
        Assert.Contains(2L, pendingSeen);
        Assert.True(await ScalarAsync<long>("SELECT count(*) FROM article_text;") >= 3);

        // An indexed article's text changes: its old text is no longer found, the new one is (while it waits
        // and after); then articles are removed, indexed or waiting.
        string changedKey = SampleGraph.Article1.Article.Key;
        Assert.Equal(0L, await ScalarAsync<long>($"SELECT count(*) FROM article_text_pending p JOIN article_text_ids i ON i.id = p.id WHERE i.article_key = '{changedKey}';"));
        ArticleGraph changed = SampleGraph.Article1 with { Article = SampleGraph.Article1.Article with { Text = "نص بديل لا يذكر أحدا.", Title = "عنوان بديل" } };
        await store.UpsertAsync([changed], None);
        await AssertFiltersMatchAScanAsync(store);
        await store.UpsertAsync([SampleGraph.Article2 with { Article = SampleGraph.Article2.Article with { Text = "نص بديل ثان." } }], None);
        await AssertFiltersMatchAScanAsync(store);

        await store.RemoveArticlesAsync([changedKey, SampleGraph.Article7.Article.Key], None);
        await AssertFiltersMatchAScanAsync(store);
        Assert.Equal(
            await ScalarAsync<long>("SELECT count(*) FROM articles;"),
            await ScalarAsync<long>("SELECT (SELECT count(*) FROM article_text) + (SELECT count(*) FROM article_text_pending);"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM article_text_pending WHERE id NOT IN (SELECT id FROM article_text_ids);"));
    }

    [Fact]
    public async Task Remove_AnArticleWhoseTextWaits_LeavesTheFileAsBeforeItCame()
    {
        SqliteGraphStore store = _store!;
        await store.UpsertAsync(SampleGraph.Articles.Take(2).ToList(), None);
        string before = await DumpAsync();

        await store.UpsertAsync([SampleGraph.Article3], None);
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM article_text;"));
        await store.RemoveArticlesAsync([SampleGraph.Article3.Article.Key], None);

        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM article_text;"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM article_text_pending;"));
        await AssertFiltersMatchAScanAsync(store);

        // Waiting, then removed before it is indexed.
        await store.UpsertAsync([SampleGraph.Article4], None);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM article_text_pending;"));
        await store.RemoveArticlesAsync([SampleGraph.Article4.Article.Key], None);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM article_text_pending;"));
        await AssertFiltersMatchAScanAsync(store);
        Assert.Equal(before, await DumpAsync());
    }

    /// <summary>Every needle's article text filter against a substring scan of the stored normalized title and text.</summary>
    private async Task AssertFiltersMatchAScanAsync(SqliteGraphStore store)
    {
        foreach (string text in s_needles)
        {
            string needle = ArabicText.Normalize(text);
            List<string> expected = await new SqliteFile(_path).ColumnAsync<string>(
                $"SELECT key FROM articles WHERE instr(title_norm, '{needle}') > 0 OR instr(text_norm, '{needle}') > 0 ORDER BY key;");
            Page<ArticleRecord> found = await store.FindArticlesAsync(new ArticleQuery { TextContains = text }, new PageRequest(First: 100, IncludeTotal: true), None);
            Assert.Equal(expected, found.Items.Select(i => i.Node.Key).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Count, found.TotalCount);
        }
    }

    private Task<T> ScalarAsync<T>(string sql) => new SqliteFile(_path).ScalarAsync<T>(sql);

    private Task<string> DumpAsync() =>
        new SqliteFile(_path).DumpAsync(["articles", "entities", "entity_mentions", "relations", "relation_provenance"], table => "SELECT * FROM " + table + ";");
}
