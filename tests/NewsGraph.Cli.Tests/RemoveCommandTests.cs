using NewsGraph.Core.Storage;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Tests;

public sealed class RemoveCommandTests
{
    private const string GoodArticle = "عمان-سانا\nاستقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الياباني يوشيماسا هاياشي.\nوأكد الصفدي أن العلاقات بين البلدين متينة.";
    private const string OtherArticle = "قال رئيس الوزراء الكندي مارك ديلون إن الاتفاق التجاري متوازن.";

    [Fact]
    public async Task Remove_OneOfTwoArticles_LeavesTheGraphOfTheOtherAloneAndSaysWhatWent()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("good.txt"), GoodArticle);
        await File.WriteAllTextAsync(dir.File("other.txt"), OtherArticle);
        string both = dir.File("both.db");
        string alone = dir.File("alone.db");
        await NewsGraphProcess.RunAsync(["ingest", "--db", both, dir.File("good.txt"), dir.File("other.txt")]);
        await NewsGraphProcess.RunAsync(["ingest", "--db", alone, dir.File("other.txt")]);
        string goodKey = (await ArticleKeysAsync(both)).Except(await ArticleKeysAsync(alone)).Single();

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["remove", "--db", both, goodKey]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^removed 1 article from embedded store .*both\.db \([1-9]\d* entities and [1-9]\d* relations that only they supported went with them\)\s*$", result.Stdout);
        Assert.Equal(await GraphAsync(alone), await GraphAsync(both));
    }

    [Fact]
    public async Task Remove_SameKeyAgainAndAnUnknownOne_ChangesNothingAndSaysSo()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("other.txt"), OtherArticle);
        string db = dir.File("graph.db");
        await NewsGraphProcess.RunAsync(["ingest", "--db", db, dir.File("other.txt")]);
        string key = Assert.Single(await ArticleKeysAsync(db));
        await NewsGraphProcess.RunAsync(["remove", "--db", db, key]);

        NewsGraphProcess.Result again = await NewsGraphProcess.RunAsync(["remove", "--db", db, key, "https://example.test/never"]);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("removed 0 articles", again.Stdout);
        Assert.Contains("2 keys were not stored (nothing to remove)", again.Stdout);
        Assert.Equal(0, (await StatsAsync(db)).Articles);
    }

    [Fact]
    public async Task Remove_BlankKeyAmongGoodOnes_IsRefusedBeforeAnythingIsRemoved()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("other.txt"), OtherArticle);
        string db = dir.File("graph.db");
        await NewsGraphProcess.RunAsync(["ingest", "--db", db, dir.File("other.txt")]);
        string key = Assert.Single(await ArticleKeysAsync(db));

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["remove", "--db", db, key, " "]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("a key is empty", result.Stdout + result.Stderr);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr);
        Assert.Equal(1, (await StatsAsync(db)).Articles);
    }

    [Fact]
    public async Task Remove_DatabaseThatDoesNotExist_IsReportedAndNotCreated()
    {
        using var dir = new TempDir();
        string db = dir.File("typo.db");

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["remove", "--db", db, "https://example.test/a"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("typo.db: no such database", result.Stderr);
        Assert.False(File.Exists(db));
    }

    private static async Task<List<string>> ArticleKeysAsync(string db)
    {
        await using var store = new SqliteGraphStore(db);
        await store.InitializeAsync(CancellationToken.None);
        Page<ArticleRecord> page = await store.FindArticlesAsync(new ArticleQuery(), new PageRequest(First: 100), CancellationToken.None);
        return [.. page.Items.Select(i => i.Node.Key)];
    }

    private static async Task<GraphStats> StatsAsync(string db)
    {
        await using var store = new SqliteGraphStore(db);
        await store.InitializeAsync(CancellationToken.None);
        return await store.GetStatsAsync(CancellationToken.None);
    }

    /// <summary>Entities and relations as read, as text (the article rows differ in their ingest times).</summary>
    private static async Task<string> GraphAsync(string db)
    {
        await using var store = new SqliteGraphStore(db);
        await store.InitializeAsync(CancellationToken.None);
        var page = new PageRequest(First: 1000);
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            Stats = await store.GetStatsAsync(CancellationToken.None),
            Entities = await store.FindEntitiesAsync(new EntityQuery(), page, CancellationToken.None),
            Relations = await store.FindRelationsAsync(new RelationQuery(), page, CancellationToken.None),
        });
    }
}
