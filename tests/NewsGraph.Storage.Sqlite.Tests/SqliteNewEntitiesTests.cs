using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>
/// Entities a batch brings into being are inserted with their merged values and label rows (<c>SqliteNewEntities</c>),
/// not as placeholders the merge rewrites. Both ways must store the very same rows, ids and full-text index content
/// included: the same batch is written once as is (new entities inserted whole) and once with its last article again,
/// changed, at its end, which makes the store write every row before the repeat early, entities as placeholders, and
/// merge them afterwards as it always did.
/// </summary>
public sealed class SqliteNewEntitiesTests : IAsyncLifetime
{
    /// <summary>What entities are and what they count in; the two vocabularies are what the full-text indexes hold.</summary>
    private static readonly string[] s_tables =
        ["entities", "entity_labels", "entity_mentions", "entity_kind_counts", "entity_search_terms", "entity_names_terms"];

    private static readonly string s_repeated = "https://news.test/repeated";

    private readonly string _wholePath = SqliteStoreFactory.NewDatabasePath();
    private readonly string _mergedPath = SqliteStoreFactory.NewDatabasePath();

    private static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteStoreFactory.DeleteDatabase(_wholePath);
        SqliteStoreFactory.DeleteDatabase(_mergedPath);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NewEntities_InsertedWhole_EqualPlaceholdersMergedRowForRow()
    {
        IReadOnlyList<ArticleGraph> articles = Articles();

        UpsertResult whole = await WriteAsync(_wholePath, [.. articles, Repeated("خبر آخر")]);
        UpsertResult merged = await WriteAsync(_mergedPath, [.. articles, Repeated("خبر آخر"), Repeated("خبر آخر معدل")]);

        Assert.Equal((whole.NodesCreated, whole.RelationsCreated), (merged.NodesCreated, merged.RelationsCreated));
        Assert.Equal(16, whole.NodesCreated);
        Assert.Equal(await DumpAsync(_mergedPath), await DumpAsync(_wholePath));
    }

    [Fact]
    public async Task NewEntities_ThenMentionedAgain_MergeAsStoredOnes()
    {
        IReadOnlyList<ArticleGraph> articles = Articles();

        // Inserted whole, then merged in a later batch that inserts others whole, against everything merged from placeholders.
        await WriteAsync(_wholePath, [.. articles.Take(30), Repeated("خبر")]);
        await WriteAsync(_wholePath, [.. articles.Skip(30), Repeated("خبر آخر")]);
        await WriteAsync(_mergedPath, [.. articles.Take(30), Repeated("خبر"), Repeated("خبر معدل")]);
        await WriteAsync(_mergedPath, [.. articles.Skip(30), Repeated("خبر آخر"), Repeated("خبر آخر معدل")]);

        Assert.Equal(await DumpAsync(_mergedPath), await DumpAsync(_wholePath));
    }

    [Fact]
    public async Task NewEntity_NameAndFirstValues_AreTheFirstArticleKeyInUtf8Order()
    {
        // U+FF21 sorts after a surrogate pair in UTF-16 code units but before it in UTF-8 bytes, as SQLite compares.
        ArticleGraph Mentioning(string key, string name, string iso) => new(
            new ArticleInfo(key, "نص " + key, Title: "خبر", Url: key, Source: "test", Published: new DateOnly(2024, 1, 2)),
            [new ExtractedEntity("person:x", NodeKind.Person, name, [], [], Iso: iso)],
            []);

        await WriteAsync(_wholePath, [Mentioning("https://news.test/\U0001F600", "أول", "SA"), Mentioning("https://news.test/\uFF21", "ثان", "EG")]);

        Assert.Equal("ثان EG", await new SqliteFile(_wholePath).ScalarAsync<string>("SELECT name || ' ' || iso FROM entities;"));
    }

    private static async Task<UpsertResult> WriteAsync(string path, IReadOnlyList<ArticleGraph> batch)
    {
        await using var store = new SqliteGraphStore(path);
        await store.InitializeAsync(None);
        return await store.UpsertAsync(batch, None);
    }

    /// <summary>Every table row by row, and each full-text index's content as (term, row, column, offset).</summary>
    private static async Task<string> DumpAsync(string path)
    {
        var file = new SqliteFile(path);
        await file.ExecuteAsync("""
            CREATE VIRTUAL TABLE IF NOT EXISTS entity_search_terms USING fts5vocab(entity_search, instance);
            CREATE VIRTUAL TABLE IF NOT EXISTS entity_names_terms USING fts5vocab(entity_names, instance);
            """);
        return await file.DumpAsync(s_tables, table => "SELECT * FROM " + table + ";");
    }

    /// <summary>
    /// 60 articles among 15 entities, whose keys are not in the order they come in (three entities first come in the
    /// second half): each entity's kind, name, aliases, titles, iso, category and mention count differ between the articles
    /// that mention it (some list an alias twice, some give none), and one article's text is another's, so it is stored
    /// as a reprint.
    /// </summary>
    private static IReadOnlyList<ArticleGraph> Articles()
    {
        var random = new Random(7);
        string reprinted = string.Join(' ', Enumerable.Range(0, 120).Select(w => $"كلمة{w}"));
        var articles = new List<ArticleGraph>();
        for (int i = 0; i < 60; i++)
        {
            string key = $"https://news.test/{(i * 37) % 60}/{i}";
            int[] entities = [.. new[] { i % 12, (i + 3) % 12, (i * 7 + 1) % 12, i < 30 ? i % 12 : 12 + (i % 3) }.Distinct()];
            string text = i is 10 or 40 ? reprinted : $"نص {i}";
            articles.Add(new ArticleGraph(
                new ArticleInfo(key, text, Title: $"خبر {i}", Url: key, Source: "test", Published: new DateOnly(2024, 1, 1).AddDays(i)),
                [.. entities.Select(e => Entity(random, e))],
                []));
        }

        return articles;
    }

    private static ExtractedEntity Entity(Random random, int entity)
    {
        string[] aliases = [.. Enumerable.Range(0, random.Next(4)).Select(_ => $"لقب {random.Next(5)}")];
        string[] titles = [.. Enumerable.Range(0, random.Next(3)).Select(_ => $"صفة {random.Next(3)}")];
        NodeKind kind = random.Next(4) == 0 ? NodeKind.Organization : NodeKind.Person;
        return new ExtractedEntity(
            $"entity:{entity}", kind, $"اسم {entity} {random.Next(3)}", aliases, titles,
            Iso: random.Next(3) == 0 ? $"S{random.Next(3)}" : null,
            Category: random.Next(4) == 0 ? $"فئة {random.Next(2)}" : null,
            Mentions: 1 + random.Next(4));
    }

    /// <summary>An article of another entity: again in a batch with another title, it makes the store write what came before it early.</summary>
    private static ArticleGraph Repeated(string title) => new(
        new ArticleInfo(s_repeated, "نص آخر", Title: title, Url: s_repeated, Source: "test", Published: new DateOnly(2024, 3, 1)),
        [new ExtractedEntity("entity:repeated", NodeKind.Person, "شخص آخر", ["آخر"], [], Mentions: 1)],
        []);
}
