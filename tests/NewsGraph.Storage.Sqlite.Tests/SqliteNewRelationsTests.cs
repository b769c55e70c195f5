using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>
/// Relations a batch brings into being are inserted with their merged values (<c>SqliteNewRelations</c>), not as
/// placeholders the merge rewrites. Both ways must store the very same rows: the same batch is written once as is
/// (new relations inserted whole) and once with its last article again, changed, at its end, which makes the store
/// write every row before the repeat early, relations as placeholders, and merge them afterwards as it always did.
/// </summary>
public sealed class SqliteNewRelationsTests : IAsyncLifetime
{
    /// <summary>What relations are and what they count in (the degree, meeting and statement counts are on entities).</summary>
    private static readonly string[] s_tables = ["relations", "relation_provenance", "relation_type_counts", "relation_topics", "entities"];

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
    public async Task NewRelations_InsertedWhole_EqualPlaceholdersMergedRowForRow()
    {
        IReadOnlyList<ArticleGraph> articles = Articles();
        ArticleGraph repeated = Repeated("خبر آخر");

        UpsertResult whole = await WriteAsync(_wholePath, [.. articles, repeated]);
        UpsertResult merged = await WriteAsync(_mergedPath, [.. articles, repeated, Repeated("خبر آخر معدل")]);

        Assert.Equal((whole.NodesCreated, whole.RelationsCreated), (merged.NodesCreated, merged.RelationsCreated));
        Assert.True(whole.RelationsCreated > 100, $"{whole.RelationsCreated} relations created");
        Assert.Equal(await DumpAsync(_mergedPath), await DumpAsync(_wholePath));
    }

    [Fact]
    public async Task NewRelation_FirstAssertion_IsTheFirstArticleKeyInUtf8Order()
    {
        // U+FF21 sorts after a surrogate pair in UTF-16 code units but before it in UTF-8 bytes, as SQLite compares.
        string hub = GraphKeys.Person("أحمد");
        string other = GraphKeys.Person("سعيد");
        ArticleGraph Asserting(string key, DateOnly date) => new(
            new ArticleInfo(key, "عين أحمد سعيد " + key, Title: "تعيين", Url: key, Source: "test", Published: date),
            [Person("أحمد"), Person("سعيد")],
            [new ExtractedRelation(RelationType.HoldsRole, hub, other, "عين أحمد سعيد.", 0, date, Role: "مستشار")]);

        await WriteAsync(_wholePath, [Asserting("https://news.test/\U0001F600", new DateOnly(2024, 1, 2)), Asserting("https://news.test/\uFF21", new DateOnly(2024, 1, 3))]);

        Assert.Equal("2024-01-03", await new SqliteFile(_wholePath).ScalarAsync<string>("SELECT date FROM relations;"));
    }

    private static async Task<UpsertResult> WriteAsync(string path, IReadOnlyList<ArticleGraph> batch)
    {
        await using var store = new SqliteGraphStore(path);
        await store.InitializeAsync(None);
        return await store.UpsertAsync(batch, None);
    }

    private static Task<string> DumpAsync(string path) =>
        new SqliteFile(path).DumpAsync(s_tables, table => "SELECT * FROM " + table + ";");

    /// <summary>
    /// 80 articles among 12 people: each asserts meetings and roles of its people in up to four sentences, some twice
    /// in one sentence, with ends, dates (of every precision and source), topics, verbs and confidences (unscored,
    /// certain, and hundreds of others) that differ between the articles, whose keys are not in the order they come in.
    /// </summary>
    private static IReadOnlyList<ArticleGraph> Articles()
    {
        var random = new Random(13);
        var articles = new List<ArticleGraph>();
        for (int i = 0; i < 80; i++)
        {
            string key = $"https://news.test/{(i * 37) % 80}/{i}";
            int[] people = [i % 12, (i + 3) % 12, (i + 5) % 12, (i * 7 + 1) % 12];
            people = [.. people.Distinct()];
            var relations = new List<ExtractedRelation>();
            for (int a = 0; a < people.Length; a++)
            {
                for (int b = a + 1; b < people.Length; b++)
                {
                    int sentence = random.Next(3);
                    relations.Add(Met(random, people[a], people[b], sentence));
                    if (random.Next(4) == 0)
                    {
                        relations.Add(Met(random, people[a], people[b], sentence)); // the same sentence: not a second assertion
                    }

                    if (random.Next(3) == 0)
                    {
                        relations.Add(HoldsRole(random, people[a], people[b], sentence + 1));
                    }
                }
            }

            articles.Add(new ArticleGraph(
                new ArticleInfo(key, $"نص {i}", Title: $"خبر {i}", Url: key, Source: "test",
                    Published: i % 9 == 0 ? null : new DateOnly(2024, 1, 1).AddDays(random.Next(60))),
                [.. people.Select(p => Person(Name(p)))],
                relations));
        }

        return articles;
    }

    /// <summary>A meeting on one of two days or undated (the date is part of its key), either way round, with a topic and verb or not.</summary>
    private static ExtractedRelation Met(Random random, int from, int to, int sentence)
    {
        int day = random.Next(3);
        (int a, int b) = random.Next(2) == 0 ? (from, to) : (to, from);
        return new ExtractedRelation(
            RelationType.Met, Key(a), Key(b), "التقيا.", sentence,
            Date: day == 0 ? null : new DateOnly(2024, 1, day),
            Topic: random.Next(3) == 0 ? $"موضوع {random.Next(4)}" : null,
            Verb: random.Next(2) == 0 ? "التقى" : null,
            Confidence: Confidence(random),
            DatePrecision: day > 0 && random.Next(4) > 0 ? (DatePrecision)random.Next(3) : null,
            DateSource: day > 0 && random.Next(4) > 0 ? (DateSource)random.Next(2) : null);
    }

    /// <summary>A role (its key: the ends and the role), dated differently by each article or not at all.</summary>
    private static ExtractedRelation HoldsRole(Random random, int from, int to, int sentence)
    {
        bool dated = random.Next(3) > 0;
        return new ExtractedRelation(
            RelationType.HoldsRole, Key(from), Key(to), "عين.", sentence,
            Date: dated ? new DateOnly(2024, 1, 1).AddDays(random.Next(60)) : null,
            Role: random.Next(2) == 0 ? "رئيس" : null,
            Confidence: Confidence(random),
            DatePrecision: dated && random.Next(4) > 0 ? (DatePrecision)random.Next(3) : null,
            DateSource: dated && random.Next(4) > 0 ? (DateSource)random.Next(2) : null);
    }

    private static double? Confidence(Random random) => random.Next(10) switch
    {
        0 => null,
        1 => 1.0,
        _ => random.NextDouble(),
    };

    /// <summary>An article of another person, no relations: again in a batch with another title, it makes the store write what came before it early.</summary>
    private static ArticleGraph Repeated(string title) => new(
        new ArticleInfo(s_repeated, "نص آخر", Title: title, Url: s_repeated, Source: "test", Published: new DateOnly(2024, 3, 1)),
        [Person("شخص آخر")],
        []);

    private static string Name(int person) => $"شخص {person}";

    private static string Key(int person) => GraphKeys.Person(Name(person));

    private static ExtractedEntity Person(string name) => new(GraphKeys.Person(name), NodeKind.Person, name, [], [], Mentions: 1);
}
