using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>
/// A bulk load (<see cref="SqliteGraphStore.BeginBulkLoadAsync"/>) puts the read indexes and the entity full-text
/// triggers aside while an empty store is filled and makes them again at the end: the store must then hold what
/// writing the same batches without it gives — every table row for row, the same indexes and triggers, the full-text
/// indexes term for term — also when the load never ended and the next start finishes it.
/// </summary>
public sealed class SqliteBulkLoadTests : IAsyncLifetime
{
    /// <summary>Every table of the graph (articles without their ingestion time stamp) and what the full-text indexes hold.</summary>
    private static readonly string[] s_dumped =
    [
        "articles", "article_text_ids", "article_bands", "article_counts", "entities", "entity_mentions", "entity_labels", "entity_kind_counts",
        "relations", "relation_provenance", "relation_type_counts", "entity_search_terms", "entity_names_terms",
        "article_text_data", "article_text_idx", "article_text_docsize", "schema_objects",
    ];

    private readonly string _bulkPath = SqliteStoreFactory.NewDatabasePath();
    private readonly string _plainPath = SqliteStoreFactory.NewDatabasePath();

    private static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteStoreFactory.DeleteDatabase(_bulkPath);
        SqliteStoreFactory.DeleteDatabase(_plainPath);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BulkLoad_ThenEnded_EqualsTheSameBatchesWrittenPlainly()
    {
        await WritePlainlyAsync(_plainPath);
        await using (var store = new SqliteGraphStore(_bulkPath))
        {
            await store.InitializeAsync(None);
            Assert.True(await store.BeginBulkLoadAsync(None));
            Assert.Equal(6, await IndexCountAsync(_bulkPath));
            await WriteBatchesAsync(store);
            await store.EndBulkLoadAsync(None);

            // Found again by name and alias through both full-text indexes.
            Assert.NotEmpty(await store.SearchAsync("لقب 3", null, 10, None));
        }

        Assert.Equal(await DumpAsync(_plainPath), await DumpAsync(_bulkPath));
    }

    [Fact]
    public async Task BulkLoad_NeverEnded_IsEndedByTheNextStart()
    {
        await WritePlainlyAsync(_plainPath);
        await using (var store = new SqliteGraphStore(_bulkPath))
        {
            await store.InitializeAsync(None);
            Assert.True(await store.BeginBulkLoadAsync(None));
            await WriteBatchesAsync(store);
        }

        Assert.Equal(1L, await new SqliteFile(_bulkPath).ScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'bulk_load_deferred';"));
        await using (var store = new SqliteGraphStore(_bulkPath))
        {
            await store.InitializeAsync(None);
        }

        Assert.Equal(await DumpAsync(_plainPath), await DumpAsync(_bulkPath));
    }

    [Fact]
    public async Task BulkLoad_OfAStoreThatHoldsArticles_IsNotBegun()
    {
        await using var store = new SqliteGraphStore(_bulkPath);
        await store.InitializeAsync(None);
        await store.UpsertAsync([.. Batches().First().Take(1)], None);
        int indexes = await IndexCountAsync(_bulkPath);

        Assert.False(await store.BeginBulkLoadAsync(None));
        await store.EndBulkLoadAsync(None);

        Assert.Equal(indexes, await IndexCountAsync(_bulkPath));
        Assert.True(indexes > 20, $"{indexes} indexes");
    }

    private static async Task WritePlainlyAsync(string path)
    {
        await using var store = new SqliteGraphStore(path);
        await store.InitializeAsync(None);
        await WriteBatchesAsync(store);
    }

    /// <summary>Three batches; the third rewrites an article of the first (its old contribution taken out) and brings a reprint.</summary>
    private static async Task WriteBatchesAsync(SqliteGraphStore store)
    {
        foreach (IReadOnlyList<ArticleGraph> batch in Batches())
        {
            await store.UpsertAsync(batch, None);
        }
    }

    private static Task<int> IndexCountAsync(string path) =>
        new SqliteFile(path).ScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL;").ContinueWith(t => (int)t.Result, TaskScheduler.Default);

    /// <summary>The tables row by row; the entity full-text indexes by content (fts5vocab: term, row, column, offset), their segments being laid out otherwise after a rebuild.</summary>
    private static async Task<string> DumpAsync(string path)
    {
        var file = new SqliteFile(path);
        await file.ExecuteAsync("""
            CREATE VIRTUAL TABLE IF NOT EXISTS entity_search_terms USING fts5vocab(entity_search, instance);
            CREATE VIRTUAL TABLE IF NOT EXISTS entity_names_terms USING fts5vocab(entity_names, instance);
            """);
        return await file.DumpAsync(s_dumped, table => table switch
        {
            "articles" => "SELECT key, title, url, source, text, published, content_hash, title_norm, text_norm, fingerprint, reprint_of FROM articles;",
            "schema_objects" => "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'table');",
            _ => "SELECT * FROM " + table + ";",
        });
    }

    private static IEnumerable<IReadOnlyList<ArticleGraph>> Batches()
    {
        var random = new Random(11);
        string shared = string.Join(' ', Enumerable.Range(0, 150).Select(w => $"كلمة{w}"));
        List<ArticleGraph> Batch(int from, int count, string prefix) => [.. Enumerable.Range(from, count).Select(i => Article(random, i, prefix, i == 5 || i == 45 ? shared : null))];
        yield return Batch(0, 30, "أ");
        yield return Batch(30, 20, "ب");
        yield return [.. Batch(0, 3, "ج"), .. Batch(50, 10, "ج")];
    }

    private static ArticleGraph Article(Random random, int i, string version, string? text)
    {
        string key = $"https://news.test/{(i * 37) % 60}/{i}";
        int[] people = [.. new[] { i % 9, (i + 4) % 9, (i * 5 + 2) % 9 }.Distinct()];
        ExtractedEntity[] entities = [.. people.Select(p => new ExtractedEntity(
            GraphKeys.Person($"شخص {p}"), NodeKind.Person, $"شخص {p}", [$"لقب {random.Next(5)}"], random.Next(2) == 0 ? [] : ["وزير"], Mentions: 1 + random.Next(3)))];
        ExtractedRelation[] relations = [.. people.Skip(1).Select((p, n) => new ExtractedRelation(
            RelationType.Met, GraphKeys.Person($"شخص {people[0]}"), GraphKeys.Person($"شخص {p}"), "التقيا.", n,
            Date: new DateOnly(2024, 1, 1 + random.Next(20)), Confidence: random.NextDouble()))];
        return new ArticleGraph(
            new ArticleInfo(key, text ?? $"نص {version} {i}", Title: $"خبر {i}", Url: key, Source: "test", Published: new DateOnly(2024, 2, 1).AddDays(i)),
            entities, relations);
    }
}
