using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Tests;

/// <summary>
/// The embedded store under the two things that happen to a real deployment: an ingest killed with
/// SIGKILL half-way (the rerun must give exactly the graph a clean run gives), and a server reading
/// one file while another process ingests into it (no error on either side).
/// </summary>
public sealed class CrashAndConcurrencyTests
{
    [Fact]
    public async Task Ingest_KilledHalfWayThenRunAgain_GivesExactlyTheGraphOfACleanRun()
    {
        using var dir = new TempDir();
        string corpus = WriteCorpus(dir, 800);
        string clean = dir.File("clean.db");
        string crashed = dir.File("crashed.db");
        Assert.Equal(0, (await NewsGraphProcess.RunAsync(["ingest", "--db", clean, corpus], timeout: TimeSpan.FromMinutes(6))).ExitCode);

        // Killed soon after its first write (the write-ahead log appears), well before the end: SIGKILL, no clean-up.
        using (Process ingest = NewsGraphProcess.Start(["ingest", "--db", crashed, corpus]))
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(crashed + "-wal"))
            {
                Assert.False(ingest.HasExited, "the ingest ended before it could be killed: give it more articles");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the ingest wrote nothing for two minutes");
                await Task.Delay(20);
            }

            await Task.Delay(400);
            ingest.Kill(entireProcessTree: true);
            await ingest.WaitForExitAsync();
        }

        Assert.True((await StatsAsync(crashed)).Articles < 800, "the kill came after the ingest had finished");
        Assert.Equal(0, (await NewsGraphProcess.RunAsync(["ingest", "--db", crashed, corpus], timeout: TimeSpan.FromMinutes(6))).ExitCode);

        Assert.Equal(await DumpAsync(clean), await DumpAsync(crashed));
    }

    [Fact]
    public async Task Serve_WhileAnotherProcessIngestsIntoTheSameFile_AnswersEveryQueryAndSeesTheNewArticles()
    {
        using var dir = new TempDir();
        string corpus = WriteCorpus(dir, 120);
        string db = dir.File("shared.db");
        int port = FreePort();
        using Process server = NewsGraphProcess.Start(["serve", "--db", db, "--urls", $"http://127.0.0.1:{port}"]);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitForServerAsync(http, server);
            Task<NewsGraphProcess.Result> ingest = NewsGraphProcess.RunAsync(["ingest", "--db", db, corpus], timeout: TimeSpan.FromMinutes(4));
            int answered = 0;
            while (!ingest.IsCompleted)
            {
                JsonNode body = await QueryAsync(http, "{ stats { articles relations { type count } } people(first: 5) { totalCount nodes { name } } }");
                Assert.Null(body["errors"]);
                answered++;
            }

            Assert.Equal(0, (await ingest).ExitCode);
            Assert.True(answered > 0);
            JsonNode after = await QueryAsync(http, "{ stats { articles } }");
            Assert.Equal(120, after["data"]!["stats"]!["articles"]!.GetValue<int>());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Articles written for this test: a few sentences with a meeting, a statement and a membership,
    /// each made distinct by its number so that every one is a new article with its own entities.
    /// </summary>
    private static string WriteCorpus(TempDir dir, int count)
    {
        string corpus = Directory.CreateDirectory(dir.File("corpus")).FullName;
        string[] ministers = ["أيمن الصفدي", "سامح شكري", "فيصل المقداد", "عبدالله بوحبيب", "ناصر بوريطة", "رمطان لعمامرة"];
        var lines = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            string host = ministers[i % ministers.Length];
            string guest = $"كريم السالم{i}";
            lines.Append("{\"url\": \"https://news.test/").Append(i).Append("\", \"title\": \"لقاء رقم ").Append(i).Append("\", \"text\": \"")
                .Append($"عمان-سانا\\nاستقبل وزير الخارجية {host} في عمان اليوم السفير {guest} وبحث معه العلاقات الثنائية في الدورة {i}.\\n")
                .Append($"وقال {host} إن التعاون في الملف رقم {i} يتقدم بثبات بين البلدين.\\n")
                .Append("وتضم منظمة التعاون الإسلامي في عضويتها الأردن ومصر وسورية.")
                .Append("\"}\n");
        }

        File.WriteAllText(Path.Combine(corpus, "articles.jsonl"), lines.ToString());
        return corpus;
    }

    private static async Task<string> DumpAsync(string db)
    {
        await using var store = new SqliteGraphStore(db);
        await store.InitializeAsync(CancellationToken.None);
        GraphStats stats = await store.GetStatsAsync(CancellationToken.None);
        Page<EntityRecord> entities = await store.FindEntitiesAsync(new EntityQuery(), new PageRequest(First: 100_000), CancellationToken.None);
        Page<RelationRecord> relations = await store.FindRelationsAsync(new RelationQuery(), new PageRequest(First: 100_000), CancellationToken.None);
        return System.Text.Json.JsonSerializer.Serialize(stats) + "\n"
            + string.Join("\n", entities.Items.Select(i => $"{i.Node.Key} {i.Node.Name} {i.Node.MentionCount} {i.Node.ArticleCount}")) + "\n"
            + string.Join("\n", relations.Items.Select(i => $"{i.Node.Key} {i.Node.Provenance.Count}"));
    }

    private static async Task<GraphStats> StatsAsync(string db)
    {
        await using var store = new SqliteGraphStore(db);
        await store.InitializeAsync(CancellationToken.None);
        return await store.GetStatsAsync(CancellationToken.None);
    }

    private static async Task<JsonNode> QueryAsync(HttpClient http, string query)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync("/graphql", new { query });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task WaitForServerAsync(HttpClient http, Process server)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(server.HasExited, "the server exited before it answered");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the server did not answer within a minute");
            try
            {
                using HttpResponseMessage response = await http.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
