using System.Diagnostics;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Tests;

/// <summary><c>newsgraph follow</c>: the writer alone, run as a user would.</summary>
public sealed class FollowCommandTests
{
    [Theory]
    [InlineData(new string[0], "nothing to follow: give --watch DIR or --feed URL")]
    [InlineData(new[] { "--feed", "ftp://example.org/rss" }, "--feed: 'ftp://example.org/rss' is not an http(s) URL")]
    [InlineData(new[] { "--watch", "/tmp", "--poll-interval", "soon" }, "--poll-interval: 'soon' is not a duration")]
    public async Task Follow_WithoutAUsableSource_ExitsWithUsageAndSaysWhy(string[] args, string reason)
    {
        using var dir = new TempDir();

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["follow", "--db", dir.File("graph.db"), .. args]);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("newsgraph follow: " + reason, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_AWatchedFolder_IngestsAFileDroppedThereAndKeepsTheSourceState()
    {
        using var dir = new TempDir();
        string drop = Directory.CreateDirectory(dir.File("drop")).FullName;
        string db = dir.File("graph.db");
        using Process follower = NewsGraphProcess.Start(["follow", "--db", db, "--watch", drop]);
        try
        {
            await File.WriteAllTextAsync(
                Path.Combine(drop, "news.txt"),
                "---\ntitle: خبر من مجلد الإسقاط\ndate: 2026-12-06\nurl: https://example.org/drop/1\n---\nعمان-وكالات\nالتقى وزير الخارجية الأردني ناصر جودة في عمان اليوم نظيره المصري سامح شكري.\n");

            (ArticleRecord article, SourceState source) = await WaitForAsync(async () =>
            {
                if (!File.Exists(db))
                {
                    return default;
                }

                await using var store = new SqliteGraphStore(db);
                IReadOnlyList<ArticleRecord> articles = await store.GetArticlesAsync(["https://example.org/drop/1"], CancellationToken.None);
                IReadOnlyList<SourceState> sources = await store.GetSourceStatesAsync(CancellationToken.None);
                return articles.Count == 1 && sources.Count == 1 && sources[0].ItemsSeen == 1 ? (articles[0], sources[0]) : default;
            }, follower);

            Assert.Equal("خبر من مجلد الإسقاط", article.Title);
            Assert.Equal(("folder:" + drop, FollowedSourceKind.Folder, null), (source.Id, source.Kind, source.LastError));
        }
        finally
        {
            follower.Kill(entireProcessTree: true);
            await follower.WaitForExitAsync();
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Process follower)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(follower.HasExited, "newsgraph follow exited");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the dropped file was not ingested within two minutes");
            try
            {
                if (await probe() is { } found && !EqualityComparer<T>.Default.Equals(found, default))
                {
                    return found;
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The follower is still creating the schema.
            }

            await Task.Delay(100);
        }
    }
}
