using System.Diagnostics;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Tests;

public sealed class IngestCommandTests
{
    private const string GoodArticle = "عمان-سانا\nاستقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الياباني يوشيماسا هاياشي.\nوأكد الصفدي أن العلاقات بين البلدين متينة.";
    private const string OtherArticle = "قال رئيس الوزراء الكندي مارك ديلون إن الاتفاق التجاري متوازن.";

    [Fact]
    public async Task Ingest_BadFilesInBatch_EachFailsWithReasonAndTheRestLands()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("good.txt"), GoodArticle);
        await File.WriteAllTextAsync(dir.File("other.txt"), OtherArticle);
        await File.WriteAllBytesAsync(dir.File("empty.txt"), []);
        await File.WriteAllBytesAsync(dir.File("binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02, 0x00, 0xFF, 0x10]);
        await File.WriteAllBytesAsync(dir.File("latin1.txt"), [0x63, 0x61, 0x66, 0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65]);
        await File.WriteAllTextAsync(dir.File("broken.jsonl"), "{\"text\": \"" + OtherArticle.Replace("كندي", "أسترالي", StringComparison.Ordinal) + "\"}\n{not json\n");
        string db = dir.File("graph.db");

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["ingest", "--db", db, dir.Path]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("3 new, 0 changed, 0 unchanged articles", result.Stdout);
        Assert.Contains("4 failed", result.Stdout);
        Assert.Matches(@"empty\.txt: empty", result.Stdout);
        Assert.Matches(@"binary\.txt: binary content", result.Stdout);
        Assert.Matches(@"latin1\.txt: not valid UTF-8", result.Stdout);
        Assert.Matches(@"broken\.jsonl:2: invalid JSON", result.Stdout);

        await using var store = new SqliteGraphStore(db);
        await store.InitializeAsync(CancellationToken.None);
        GraphStats stats = await store.GetStatsAsync(CancellationToken.None);
        Assert.Equal(3, stats.Articles);
    }

    [Fact]
    public async Task Ingest_SameArticlesTwice_ChangesNothingAndTheSecondRunSaysUnchanged()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("good.txt"), GoodArticle);
        await File.WriteAllTextAsync(dir.File("other.txt"), OtherArticle);
        string db = dir.File("graph.db");

        await NewsGraphProcess.RunAsync(["ingest", "--db", db, dir.File("good.txt"), dir.File("other.txt")]);
        GraphStats first = await StatsAsync(db);
        NewsGraphProcess.Result again = await NewsGraphProcess.RunAsync(["ingest", "--db", db, dir.File("good.txt"), dir.File("other.txt")]);
        GraphStats second = await StatsAsync(db);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 new, 0 changed, 2 unchanged articles", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing written: the store already holds all 2 articles as they are", again.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("2 new", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, first.Articles);
        Assert.Equal(first.Articles, second.Articles);
        Assert.Equal(first.Entities, second.Entities);
        Assert.Equal(first.Relations, second.Relations);
    }

    [Fact]
    public async Task Ingest_SameUrlWithNewText_CountsAsChangedAndTheOtherAsUnchanged()
    {
        using var dir = new TempDir();
        string feed = dir.File("feed.jsonl");
        string db = dir.File("graph.db");
        await File.WriteAllTextAsync(feed, Line("https://example.test/1", GoodArticle) + Line("https://example.test/2", OtherArticle));
        await NewsGraphProcess.RunAsync(["ingest", "--db", db, feed]);
        await File.WriteAllTextAsync(feed, Line("https://example.test/1", GoodArticle + "\nوأضاف أن الزيارة تستمر يومين.") + Line("https://example.test/2", OtherArticle));

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["ingest", "--db", db, feed]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 new, 1 changed, 1 unchanged articles", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing written", result.Stdout, StringComparison.Ordinal);

        static string Line(string url, string text) => System.Text.Json.JsonSerializer.Serialize(new { url, text }) + "\n";
    }

    [Fact]
    public async Task Ingest_Quiet_PrintsNothingOnSuccessAndTheSummaryWhenAnArticleFails()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("good.txt"), GoodArticle);
        string db = dir.File("graph.db");

        NewsGraphProcess.Result success = await NewsGraphProcess.RunAsync(["ingest", "--quiet", "--db", db, dir.File("good.txt")]);
        await File.WriteAllBytesAsync(dir.File("empty.txt"), []);
        NewsGraphProcess.Result failure = await NewsGraphProcess.RunAsync(["ingest", "-q", "--db", db, dir.File("good.txt"), dir.File("empty.txt")]);

        Assert.Equal(0, success.ExitCode);
        Assert.Equal(string.Empty, success.Stdout + success.Stderr);
        Assert.Equal(1, failure.ExitCode);
        Assert.Contains("0 new, 0 changed, 1 unchanged articles", failure.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"failed: .*empty\.txt: empty", failure.Stdout);
        Assert.Equal(string.Empty, failure.Stderr);
    }

    [Fact]
    public async Task Ingest_NoDbOption_CreatesTheDefaultFileOnFirstRun()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("good.txt"), GoodArticle);
        string db = Path.Combine(dir.Path, "data", "default.db");

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["ingest", dir.File("good.txt")], new Dictionary<string, string> { ["NEWSGRAPH_DB"] = db });

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(db), result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Ingest_MissingPath_IsReportedNotThrown()
    {
        using var dir = new TempDir();
        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["ingest", "--db", dir.File("g.db"), dir.File("nope")]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no such file or directory", result.Stdout);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Ingest_SameArticleUnderAnotherFileName_IsADuplicateOfTheFirstNotIngestedTwice()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("good.txt"), GoodArticle);
        await File.WriteAllTextAsync(dir.File("other.txt"), OtherArticle);
        await File.WriteAllTextAsync(dir.File("saved-again.txt"), GoodArticle);

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["ingest", "--db", dir.File("graph.db"), dir.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 new, 0 changed, 0 unchanged articles", result.Stdout);
        Assert.Contains("; 1 duplicate; 0 failed", result.Stdout);
        Assert.Contains($"duplicate: {dir.File("saved-again.txt")}: the same article as {dir.File("good.txt")}", result.Stdout);
    }

    [SkippableFact]
    public async Task Ingest_HostileDirectory_EndsAndStoresTheGoodArticle()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mkfifo and /dev/zero");
        using var dir = new TempDir();
        string corpus = Directory.CreateDirectory(dir.File("corpus")).FullName;
        await File.WriteAllTextAsync(Path.Combine(corpus, "good.txt"), GoodArticle);
        File.CreateSymbolicLink(Path.Combine(corpus, "self"), ".");
        File.CreateSymbolicLink(Path.Combine(corpus, "zero.txt"), "/dev/zero");
        using (Process mkfifo = Process.Start("mkfifo", [Path.Combine(corpus, "pipe.txt")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        string db = dir.File("graph.db");
        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["ingest", "--db", db, corpus], timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 new, 0 changed, 0 unchanged articles", result.Stdout);
        Assert.Contains("3 failed", result.Stdout);
        Assert.Matches(@"pipe\.txt: skipped: a named pipe", result.Stdout);
        Assert.Matches(@"zero\.txt: skipped: a character device", result.Stdout);
        Assert.Matches(@"self: skipped: a symbolic link to a directory", result.Stdout);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr);
        Assert.Equal(1, (await StatsAsync(db)).Articles);
    }

    [Fact]
    public void Summary_CopyInALaterChunk_IsADuplicateOfTheFirstNotCountedAgain()
    {
        // The pipeline marks copies within its run; reports from separate runs are deduped by the summary.
        var summary = new Commands.IngestSummary();

        summary.Add(new IngestReport([new ArticleOutcome("a.txt", "key-1", "أ", 3, 1, null)]));
        summary.Add(new IngestReport([new ArticleOutcome("z/copy.txt", "key-1", "أ", 3, 1, null), new ArticleOutcome("b.txt", "key-2", "ب", 2, 0, null)]));

        Assert.Equal(2, summary.Articles);
        Assert.Equal(5, summary.Entities);
        Assert.Equal(1, summary.Relations);
        Assert.Contains("duplicate: z/copy.txt: the same article as a.txt", summary.Describe("test"), StringComparison.Ordinal);
    }

    private static async Task<GraphStats> StatsAsync(string db)
    {
        await using var store = new SqliteGraphStore(db);
        await store.InitializeAsync(CancellationToken.None);
        return await store.GetStatsAsync(CancellationToken.None);
    }
}
