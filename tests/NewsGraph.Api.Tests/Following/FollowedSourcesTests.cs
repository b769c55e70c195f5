using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Ingestion;
using NewsGraph.Storage.Sqlite;
using Xunit.Abstractions;
using static NewsGraph.Api.Tests.Infrastructure.GraphQLWsClient;

namespace NewsGraph.Api.Tests.Following;

/// <summary>
/// Followed feeds and folders end to end: a local news site (<see cref="FeedServer"/>) and a watched
/// folder feed the API's own pipeline, and what they bring is read back over GraphQL. Every wait is
/// for a condition (bounded by a generous deadline), never a sleep; the lag is printed, not timed.
/// </summary>
public sealed class FollowedSourcesTests(ITestOutputHelper output)
{
    private const string ArticleQuery = "query($key: String!) { article(key: $key) { title text source published } }";
    private const string SourcesQuery = "{ sources { id kind location lastSuccess lastFailure lastError consecutiveFailures nextAttempt itemsSeen } }";
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    private static readonly (string Title, string Text)[] s_stories =
    [
        ("جودة يلتقي شكري في عمان", "عمان-وكالات\nالتقى وزير الخارجية الأردني ناصر جودة في عمان اليوم نظيره المصري سامح شكري وبحثا سبل دعم التعاون بين البلدين."),
        ("بوتين يستقبل روحاني", "موسكو-وكالات\nاستقبل الرئيس الروسي فلاديمير بوتين في موسكو اليوم الرئيس الإيراني حسن روحاني وبحث معه الأوضاع في المنطقة."),
        ("الجبير: ندعم الحل السياسي", "الرياض-وكالات\nقال وزير الخارجية السعودي عادل الجبير في الرياض اليوم إن المملكة تدعم الحل السياسي في اليمن."),
        ("العبادي يبحث مع كارتر", "بغداد-وكالات\nبحث رئيس الوزراء العراقي حيدر العبادي في بغداد اليوم مع وزير الدفاع الأمريكي آشتون كارتر الحرب على الإرهاب."),
        ("الملك يهاتف هولاند", "عمان-وكالات\nهاتف الملك عبد الله الثاني اليوم الرئيس الفرنسي فرانسوا هولاند وبحثا تطورات الأزمة السورية."),
        ("جاويش أوغلو في الدوحة", "الدوحة-وكالات\nوصل وزير الخارجية التركي مولود جاويش أوغلو إلى الدوحة اليوم في زيارة رسمية يلتقي خلالها كبار المسؤولين."),
    ];

    [Fact]
    public async Task Follow_RssAtomAndJsonFeeds_ItemsBecomeQueryableFromTheirPagesOrTheFeed()
    {
        await using FeedServer site = await FeedServer.StartAsync();
        site.Publish(
            Story("rss", "r1", 0),
            Story("atom", "a1", 1) with { LegacyEncoding = true },
            Story("json", "j1", 2) with { PageMissing = true });
        await using ApiHost host = await ApiHost.StartAsync(follow: Following(site.Rss, site.Atom, site.JsonFeed));

        JsonNode rss = await ArticleAsync(host, site.PageUrl("r1"));
        JsonNode atom = await ArticleAsync(host, site.PageUrl("a1"));
        JsonNode json = await ArticleAsync(host, site.PageUrl("j1"));

        // From the page: the feed's title (not the page's "… | site"), the feed's name, the text without the page's script.
        Assert.Equal((s_stories[0].Title, "وكالة الأنباء التجريبية", "2026-12-06"), (Str(rss, "title"), Str(rss, "source"), Str(rss, "published")));
        Assert.Contains("ناصر جودة في عمان اليوم", Str(rss, "text"), StringComparison.Ordinal);
        Assert.DoesNotContain("لا يظهر في النص", Str(rss, "text"), StringComparison.Ordinal);

        // A windows-1256 page declared only in its meta tag reads as the same Arabic.
        Assert.Contains("فلاديمير بوتين في موسكو اليوم", Str(atom, "text"), StringComparison.Ordinal);

        // A page that answers 404: the JSON Feed's own content_text is the article.
        Assert.True(site.PageRequests.GetValueOrDefault("j1") >= 1);
        Assert.Contains("عادل الجبير في الرياض اليوم", Str(json, "text"), StringComparison.Ordinal);

        JsonNode sources = (await host.QueryAsync(SourcesQuery))["sources"]!;
        Assert.Equal(
            [("feed:" + site.Atom, "FEED", 1), ("feed:" + site.JsonFeed, "FEED", 1), ("feed:" + site.Rss, "FEED", 1)],
            sources.AsArray().Select(s => (Str(s!, "id"), Str(s!, "kind"), s!["itemsSeen"]!.GetValue<int>())).OrderBy(s => s.Item1, StringComparer.Ordinal));
        Assert.All(sources.AsArray(), s => Assert.Null(s!["lastError"]));

        // Lag from publication to queryable, at the 300 ms poll interval set here.
        var published = Stopwatch.StartNew();
        site.Publish(Story("rss", "r2", 3) with { Published = DateTimeOffset.UtcNow });
        await ArticleAsync(host, site.PageUrl("r2"));
        published.Stop();
        Report($"lag from publication to queryable (poll interval 300 ms): {published.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(published.Elapsed < TimeSpan.FromSeconds(30), $"took {published.Elapsed}");
    }

    [Fact]
    public async Task Follow_RestartedBetweenTwoPublications_IngestsNothingTwice()
    {
        await using FeedServer site = await FeedServer.StartAsync();
        string database = Path.Combine(Path.GetTempPath(), "newsgraph-api-tests", "follow-" + Guid.NewGuid().ToString("N"), "graph.db");
        try
        {
            site.Publish(Story("rss", "r1", 0), Story("rss", "r2", 1));
            await using (ApiHost first = await StartOverAsync(database, site.Rss))
            {
                await ArticleAsync(first, site.PageUrl("r1"));
                await ArticleAsync(first, site.PageUrl("r2"));
            }

            site.Publish(Story("rss", "r3", 2), Story("rss", "r4", 3));
            await using ApiHost second = await StartOverAsync(database, site.Rss);
            await ArticleAsync(second, site.PageUrl("r3"));
            await ArticleAsync(second, site.PageUrl("r4"));
            int notModified = site.Answers("rss", 304);
            await WaitForAsync(() => Task.FromResult(site.Answers("rss", 304) >= notModified + 2), "two more polls of the unchanged feed");

            // Each page was fetched once: the first two were not read (nor ingested) again after the restart.
            Assert.Equal([1, 1, 1, 1], new[] { "r1", "r2", "r3", "r4" }.Select(id => site.PageRequests.GetValueOrDefault(id)));
            JsonNode data = await second.QueryAsync("{ articles { totalCount } sources { itemsSeen } }");
            Assert.Equal((4, 4), (data["articles"]!["totalCount"]!.GetValue<int>(), data["sources"]![0]!["itemsSeen"]!.GetValue<int>()));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }
    }

    [Fact]
    public async Task Follow_FeedAnswering500_BacksOffWithTheReasonVisibleThenRecovers()
    {
        await using FeedServer site = await FeedServer.StartAsync();
        site.FailuresToServe = int.MaxValue;
        site.Publish(Story("rss", "r1", 0));
        await using ApiHost host = await ApiHost.StartAsync(follow: Following(site.Rss));

        JsonNode failing = await WaitForSourceAsync(host, s => s["consecutiveFailures"]!.GetValue<int>() >= 3);
        Assert.Equal("HTTP 500 (Internal Server Error)", Str(failing, "lastError"));
        Assert.True(DateTimeOffset.Parse(Str(failing, "nextAttempt")) > DateTimeOffset.Parse(Str(failing, "lastFailure")));
        site.FailuresToServe = 0;

        await ArticleAsync(host, site.PageUrl("r1"));
        JsonNode recovered = await WaitForSourceAsync(host, s => s["consecutiveFailures"]!.GetValue<int>() == 0);
        Assert.Null(recovered["lastError"]);
        Assert.NotNull(recovered["lastSuccess"]);

        // Each wait at least doubles the one before (200 ms, 400 ms, 800 ms …; 10 % for the clock's grain).
        List<DateTimeOffset> failures = [.. site.FeedAnswers["rss"].Where(a => a.Status == 500).Select(a => a.At)];
        for (int i = 1; i < Math.Min(failures.Count, 4); i++)
        {
            TimeSpan least = TimeSpan.FromMilliseconds(200 * Math.Pow(2, i - 1) * 0.9);
            Assert.True(failures[i] - failures[i - 1] >= least, $"wait {i}: {failures[i] - failures[i - 1]} < {least}");
        }
    }

    [Fact]
    public async Task Follow_UnchangedFeeds_AnswerNotModifiedAndCostNoIngest()
    {
        await using FeedServer site = await FeedServer.StartAsync();
        site.Publish(Story("rss", "r1", 0), Story("atom", "a1", 1));
        await using ApiHost host = await ApiHost.StartAsync(follow: Following(site.Rss, site.Atom));
        await ArticleAsync(host, site.PageUrl("r1"));
        await ArticleAsync(host, site.PageUrl("a1"));
        using var stop = new CancellationTokenSource();
        Task<List<ArticleIngested>> heard = CollectAsync(host.Events, stop.Token);
        await WaitUntilAsync(() => host.Events.SubscriberCount == 1);

        // ETag (RSS) and Last-Modified (Atom) both come back as 304s.
        (int rss, int atom) = (site.Answers("rss", 304), site.Answers("atom", 304));
        await WaitForAsync(() => Task.FromResult(site.Answers("rss", 304) >= rss + 3 && site.Answers("atom", 304) >= atom + 3), "three 304s from each feed");
        await stop.CancelAsync();

        Assert.Empty(await heard);
        Assert.Equal((1, 1), (site.PageRequests["r1"], site.PageRequests["a1"]));
        Assert.Equal((1, 1), (site.Answers("rss", 200), site.Answers("atom", 200)));
    }

    [Fact]
    public async Task Follow_TwoSitesCarryingOneStory_TheLaterIsLinkedAsAReprintAndCountedOnce()
    {
        // Written for this test: one agency story long enough to fingerprint, and a second site's copy
        // of it under its own credit line and headline.
        const string body =
            "التقى وزير الخارجية الأردني ناصر جودة في عمان اليوم نظيره المصري سامح شكري وبحث الجانبان سبل تعزيز التعاون الثنائي "
            + "في مجالات الطاقة والمياه والتجارة والاستثمار والنقل، إضافة إلى آخر التطورات في المنطقة والجهود المبذولة للتوصل إلى حلول "
            + "سياسية للأزمات القائمة. وأكد الوزيران أهمية مواصلة التنسيق والتشاور بين البلدين الشقيقين في مختلف القضايا ذات الاهتمام المشترك، "
            + "واتفقا على عقد اجتماع للجنة العليا المشتركة مطلع العام المقبل في القاهرة لمتابعة تنفيذ ما تم الاتفاق عليه.";
        await using FeedServer site = await FeedServer.StartAsync();
        site.Publish(new PublishedItem("rss", "first", "جودة يلتقي شكري", "عمان-بترا\n" + body, new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(3))));
        await using ApiHost host = await ApiHost.StartAsync(follow: Following(site.Rss, site.Atom));
        await ArticleAsync(host, site.PageUrl("first"));
        int articlesBefore = (await host.QueryAsync("{ stats { articles } }"))["stats"]!["articles"]!.GetValue<int>();
        site.Publish(new PublishedItem("atom", "copy", "وزير الخارجية يبحث مع نظيره المصري التعاون", "عمان-وكالات\n" + body, new DateTimeOffset(2026, 12, 6, 11, 0, 0, TimeSpan.FromHours(3))));
        await ArticleAsync(host, site.PageUrl("copy"));

        JsonNode copy = (await host.QueryAsync("query($key: String!) { article(key: $key) { reprintOf { key } } }", new { key = site.PageUrl("copy") }))["article"]!;
        Assert.Equal(site.PageUrl("first"), Str(copy["reprintOf"]!, "key"));

        JsonNode data = await host.QueryAsync(
            "{ stats { articles reprints } topEntities(kind: PERSON, by: MENTIONS) { entity { name mentionCount } value } }");
        Assert.Equal((articlesBefore + 1, 1), (data["stats"]!["articles"]!.GetValue<int>(), data["stats"]!["reprints"]!.GetValue<int>()));
        JsonNode judeh = data["topEntities"]!.AsArray().Single(e => Str(e!["entity"]!, "name") == "ناصر جودة")!;
        // Both copies are kept as provenance (mentionCount), the ranking counts the story once.
        Assert.True(judeh["entity"]!["mentionCount"]!.GetValue<int>() > judeh["value"]!.GetValue<int>(), judeh.ToJsonString());
    }

    [Fact]
    public async Task Follow_NewFeedItem_FiresTheArticleIngestedSubscription()
    {
        await using FeedServer site = await FeedServer.StartAsync();
        await using ApiHost host = await ApiHost.StartAsync(follow: Following(site.Rss));
        using ClientWebSocket socket = await ConnectAsync(host);
        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))["type"]!.GetValue<string>());
        await SendAsync(socket, """{"id":"s1","type":"subscribe","payload":{"query":"subscription { articleIngested { articleKey title article { source } } }"}}""");
        await WaitUntilAsync(() => host.Events.SubscriberCount == 1);

        site.Publish(Story("rss", "r1", 4));

        JsonNode next = await ReceiveAsync(socket);
        JsonNode evt = next["payload"]!["data"]!["articleIngested"]!;
        Assert.Equal(("next", site.PageUrl("r1"), s_stories[4].Title), (Str(next, "type"), Str(evt, "articleKey"), Str(evt, "title")));
        Assert.Equal("وكالة الأنباء التجريبية", Str(evt["article"]!, "source"));
    }

    [Fact]
    public async Task Watch_Folder_PicksUpANewFileAndAChangedFile()
    {
        string folder = Path.Combine(Path.GetTempPath(), "newsgraph-api-tests", "watch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // A rescan only every hour: after the start, only the watcher can bring the files in.
            await using ApiHost host = await ApiHost.StartAsync(follow: new Dictionary<string, string?>
            {
                ["Folders:0"] = folder,
                ["FileSettleTime"] = "00:00:00.200",
                ["RescanInterval"] = "01:00:00",
            });
            await WaitForSourceAsync(host, s => s["lastSuccess"] is not null);

            string file = Path.Combine(folder, "today.txt");
            await File.WriteAllTextAsync(file, FrontMatter("الخبر الأول", s_stories[0].Text));
            Assert.Equal("الخبر الأول", Str(await ArticleAsync(host, "https://example.org/today"), "title"));

            await File.WriteAllTextAsync(file, FrontMatter("الخبر بعد التعديل", s_stories[5].Text));
            JsonNode changed = await WaitForAsync(
                async () => (await host.QueryAsync(ArticleQuery, new { key = "https://example.org/today" }))["article"] is { } a && Str(a, "title") == "الخبر بعد التعديل" ? a : null,
                "the changed file");
            Assert.Contains("مولود جاويش أوغلو", Str(changed, "text"), StringComparison.Ordinal);

            Directory.CreateDirectory(Path.Combine(folder, "later"));
            await File.WriteAllTextAsync(
                Path.Combine(folder, "later", "more.json"),
                $$"""{"title": "خبر في مجلد فرعي", "url": "https://example.org/more", "published": "2026-12-06", "text": "{{s_stories[3].Text.Replace("\n", "\\n", StringComparison.Ordinal)}}"}""");
            Assert.Equal("خبر في مجلد فرعي", Str(await ArticleAsync(host, "https://example.org/more"), "title"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Watch_FolderMissingAtStart_FailsWithTheReasonThenFollowsItOnceMade()
    {
        string folder = Path.Combine(Path.GetTempPath(), "newsgraph-api-tests", "later-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using ApiHost host = await ApiHost.StartAsync(follow: new Dictionary<string, string?>
            {
                ["Folders:0"] = folder,
                ["FileSettleTime"] = "00:00:00.200",
                ["InitialBackoff"] = "00:00:00.200",
                ["MaxBackoff"] = "00:00:01",
            });
            JsonNode missing = await WaitForSourceAsync(host, s => s["consecutiveFailures"]!.GetValue<int>() >= 1);
            Assert.Equal(("FOLDER", "no such folder"), (Str(missing, "kind"), Str(missing, "lastError")));

            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "first.txt"), FrontMatter("وصل المجلد", s_stories[1].Text));

            Assert.Equal("وصل المجلد", Str(await ArticleAsync(host, "https://example.org/today"), "title"));
            Assert.Null((await WaitForSourceAsync(host, s => s["consecutiveFailures"]!.GetValue<int>() == 0))["lastError"]);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static PublishedItem Story(string feed, string id, int story) =>
        new(feed, id, s_stories[story].Title, s_stories[story].Text, new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.FromHours(3)));

    private static string FrontMatter(string title, string text) =>
        $"---\ntitle: {title}\ndate: 2026-12-06\nsource: مراسلنا\nurl: https://example.org/today\n---\n{text}\n";

    private static Dictionary<string, string?> Following(params Uri[] feeds)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PollInterval"] = "00:00:00.300",
            ["PerHostDelay"] = "00:00:00",
            ["InitialBackoff"] = "00:00:00.200",
            ["MaxBackoff"] = "00:00:05",
        };
        for (int i = 0; i < feeds.Length; i++)
        {
            settings[$"Feeds:{i}"] = feeds[i].AbsoluteUri;
        }

        return settings;
    }

    private static async Task<ApiHost> StartOverAsync(string database, Uri feed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var store = new SqliteGraphStore(database);
        await store.InitializeAsync(CancellationToken.None);
        return await ApiHost.StartAsync(store: store, follow: Following(feed));
    }

    private static Task<JsonNode> ArticleAsync(ApiHost host, string key) =>
        WaitForAsync(async () => (await host.QueryAsync(ArticleQuery, new { key }))["article"], "article " + key);

    private static Task<JsonNode> WaitForSourceAsync(ApiHost host, Func<JsonNode, bool> condition) =>
        WaitForAsync(async () => (await host.QueryAsync(SourcesQuery))["sources"]!.AsArray().FirstOrDefault(s => s is not null && condition(s)), "the source's state");

    private static async Task<JsonNode> WaitForAsync(Func<Task<JsonNode?>> probe, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{what}: not there after {s_deadline.TotalSeconds} s");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what) =>
        await WaitForAsync(async () => await condition() ? JsonValue.Create(true) : null, what);

    private static async Task<List<ArticleIngested>> CollectAsync(IIngestionEvents events, CancellationToken cancellationToken)
    {
        var heard = new List<ArticleIngested>();
        try
        {
            await foreach (ArticleIngested article in events.SubscribeAsync(cancellationToken))
            {
                heard.Add(article);
            }
        }
        catch (OperationCanceledException)
        {
            // Done listening.
        }

        return heard;
    }

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
