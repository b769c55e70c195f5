using System.Diagnostics;
using NewsGraph.Core.Storage;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>A followed folder writing into Neo4j: the state kept there lets a second run skip what the first ingested.</summary>
public sealed class FollowIntoNeo4jTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "newsgraph-neo4j-follow", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public async Task FollowAFolder_RestartedWithOneMoreFile_IngestsOnlyThatFile()
    {
        await using Neo4jGraphStore store = await Neo4jTestServer.EmptyStoreAsync(CancellationToken.None);
        var events = new IngestionEvents();
        var ingestor = new ArticleIngestor(ArabicArticleExtractor.Default, store, events, new IngestionOptions());
        var options = new FollowOptions { Folders = [_folder], FileSettleTime = TimeSpan.Zero, RescanInterval = TimeSpan.FromMilliseconds(200) };
        await WriteAsync("one", "عمان-وكالات\nالتقى وزير الخارجية الأردني ناصر جودة في عمان اليوم نظيره المصري سامح شكري.");
        await WriteAsync("two", "موسكو-وكالات\nاستقبل الرئيس الروسي فلاديمير بوتين في موسكو اليوم الرئيس الإيراني حسن روحاني.");
        await FollowUntilAsync(options, ingestor, store, s => s.ItemsSeen == 2);

        await WriteAsync("three", "الرياض-وكالات\nقال وزير الخارجية السعودي عادل الجبير في الرياض اليوم إن المملكة تدعم الحل السياسي.");
        using var listening = new CancellationTokenSource();
        Task<List<string>> heard = KeysAsync(events, listening.Token);
        while (events.SubscriberCount == 0)
        {
            await Task.Delay(10);
        }

        // Past the pass that found the third file, two more rescans: nothing else may come.
        DateTimeOffset? found = null;
        await FollowUntilAsync(options, ingestor, store, s =>
        {
            found ??= s.ItemsSeen == 3 ? s.LastSuccess : null;
            return found is not null && s.LastSuccess > found + (2 * options.RescanInterval);
        });
        await listening.CancelAsync();

        Assert.Equal(["https://example.org/three"], await heard);
        Assert.Equal(3, (await store.GetStatsAsync(CancellationToken.None)).Articles);
    }

    private Task WriteAsync(string name, string text) =>
        File.WriteAllTextAsync(Path.Combine(_folder, name + ".txt"), $"---\ntitle: {name}\nurl: https://example.org/{name}\n---\n{text}\n");

    /// <summary>Runs the followers until the folder's saved state satisfies <paramref name="done"/>, then stops them (a restart's first half).</summary>
    private static async Task FollowUntilAsync(FollowOptions options, IArticleIngestor ingestor, ISourceStateStore store, Func<SourceState, bool> done)
    {
        using var stop = new CancellationTokenSource();
        using SourceFollowers followers = SourceFollowers.Create(options, ingestor, store, TimeProvider.System, _ => { });
        Task run = followers.RunAsync(stop.Token);
        var clock = Stopwatch.StartNew();
        while (!(await store.GetSourceStatesAsync(CancellationToken.None)).Any(done))
        {
            Assert.False(run.IsCompleted, "the followers stopped");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the folder's state never got there");
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await run;
    }

    private static async Task<List<string>> KeysAsync(IIngestionEvents events, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        try
        {
            await foreach (ArticleIngested article in events.SubscribeAsync(cancellationToken))
            {
                keys.Add(article.ArticleKey);
            }
        }
        catch (OperationCanceledException)
        {
            // Done listening.
        }

        return keys;
    }
}
