using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Cli.Bench;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;
using NewsGraph.Storage.Neo4j.Transport;
using Xunit.Abstractions;

namespace NewsGraph.Storage.Neo4j.Tests.Availability;

/// <summary>
/// A real Neo4j 3.1.1 of these tests' own, stopped and started again under load: an ingest keeps
/// its place and loses nothing, the API answers <c>STORE_UNAVAILABLE</c> within a second and recovers
/// by itself, and a cancelled read makes the server stop working on it. Skipped with the reason when
/// no Neo4j test server is configured.
/// </summary>
public sealed class Neo4jOutageTests(PrivateNeo4jServer server, ITestOutputHelper output) : IClassFixture<PrivateNeo4jServer>
{
    private const int ArticleCount = 200;
    private const string PeopleQuery = "{ people(first: 3) { totalCount nodes { name } } }";

    [SkippableFact]
    public async Task Ingest_Neo4jStoppedMidwayAndStartedAgain_StoresEveryArticleAndCountsMatchACleanRun()
    {
        Neo4jConnectionOptions options = Fast(await server.RequireAsync());
        await using Neo4jGraphStore store = await Neo4jGraphStore.ConnectAsync(options, CancellationToken.None);
        await store.DeleteAllAsync(CancellationToken.None);
        IReadOnlyList<ArticleGraph> articles = SyntheticArticles.Generate(ArticleCount, seed: 11);
        var listener = new RecordingListener();
        Task? resumed = null;
        var writer = new OutageOnBatch(store, batch: 3, async () =>
        {
            // Down before batch 3 of 8 is sent; started again at once (a JVM takes seconds to come
            // back), while the ingest keeps retrying that batch.
            await server.HaltAsync();
            resumed = Task.Run(server.ResumeAsync);
        });
        var clock = Stopwatch.StartNew();

        IngestReport report = await IngestAsync(writer, articles, listener);
        TimeSpan took = clock.Elapsed;
        await resumed!;
        string afterOutage = await CountsAsync(store);
        await store.DeleteAllAsync(CancellationToken.None);
        clock.Restart();
        IngestReport clean = await IngestAsync(store, articles, new RecordingListener());
        TimeSpan cleanTook = clock.Elapsed;
        string afterCleanRun = await CountsAsync(store);

        output.WriteLine($"clean run: {cleanTook.TotalSeconds:N1} s; ingest through the outage: {took.TotalSeconds:N1} s; waits: {string.Join(", ", listener.Waits.Select(w => $"{w.Delay.TotalSeconds:N1} s before attempt {w.NextAttempt}"))}; back after {listener.Recoveries.Single().Outage.TotalSeconds:N1} s");
        Assert.All(report.Outcomes, o => Assert.True(o.Succeeded, $"{o.Origin}: {o.Error}"));
        Assert.Equal(ArticleCount, report.Ingested);
        Assert.Equal(ArticleCount, clean.Ingested);
        Assert.NotEmpty(listener.Waits);
        Assert.Single(listener.Recoveries);
        Assert.Equal(afterCleanRun, afterOutage);
        Assert.Contains($"\"Article\",{ArticleCount}", afterOutage, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Api_Neo4jStoppedWhileServing_AnswersStoreUnavailableWithinASecondAndRecoversAfterRestart()
    {
        Neo4jConnectionOptions options = await server.RequireAsync();
        await using Neo4jGraphStore store = await Neo4jGraphStore.ConnectAsync(options, CancellationToken.None);
        await store.DeleteAllAsync(CancellationToken.None);
        await store.UpsertAsync(await BundledSamples.GraphsAsync(), CancellationToken.None);
        await using ApiHostOverStore api = await ApiHostOverStore.StartAsync(store);
        string before = await api.QueryAsync(PeopleQuery);

        await server.HaltAsync();
        var answers = new List<(TimeSpan Took, string? Code)>();
        for (int i = 0; i < 6; i++)
        {
            var clock = Stopwatch.StartNew();
            (HttpStatusCode status, JsonNode? body) = await api.PostAsync(PeopleQuery);
            answers.Add((clock.Elapsed, body?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>()));
            Assert.Equal(HttpStatusCode.OK, status);
        }

        await server.ResumeAsync();
        var recovery = Stopwatch.StartNew();
        string? after = null;
        while (after is null && recovery.Elapsed < TimeSpan.FromSeconds(30))
        {
            (_, JsonNode? body) = await api.PostAsync(PeopleQuery);
            after = body?["errors"] is null ? body?["data"]?.ToJsonString() : null;
            await Task.Delay(after is null ? 200 : 0);
        }

        output.WriteLine($"while down: {string.Join(", ", answers.Select(a => $"{a.Code} in {a.Took.TotalMilliseconds:N0} ms"))}; answering again {recovery.Elapsed.TotalSeconds:N1} s after the restart; circuit {store.Availability}");
        Assert.All(answers, a => Assert.Equal("STORE_UNAVAILABLE", a.Code));
        Assert.All(answers, a => Assert.True(a.Took < TimeSpan.FromSeconds(1), $"took {a.Took}"));
        Assert.Equal(before, after);
        Assert.Equal(CircuitState.Closed, store.Availability);
    }

    [SkippableFact]
    public async Task Health_Neo4jHaltedAndResumed_ReadinessReportsTheOutageAndTheReturnWhileLivenessStaysUp()
    {
        Neo4jConnectionOptions options = await server.RequireAsync();
        await using Neo4jGraphStore store = await Neo4jGraphStore.ConnectAsync(options, CancellationToken.None);
        await using ApiHostOverStore api = await ApiHostOverStore.StartAsync(store);
        (HttpStatusCode readyBefore, string _) = await api.GetAsync("/health/ready");

        await server.HaltAsync();
        (HttpStatusCode readyWhileDown, string downBody) = await api.GetAsync("/health/ready");
        (HttpStatusCode liveWhileDown, string _) = await api.GetAsync("/health/live");
        await server.ResumeAsync();
        // Back once the circuit lets a probe through again (its cool-down); a bound, not a measurement.
        var recovery = Stopwatch.StartNew();
        HttpStatusCode readyAfter;
        do
        {
            (readyAfter, _) = await api.GetAsync("/health/ready");
            await Task.Delay(readyAfter == HttpStatusCode.OK ? 0 : 200);
        }
        while (readyAfter != HttpStatusCode.OK && recovery.Elapsed < TimeSpan.FromSeconds(60));

        output.WriteLine($"while down: {downBody}; ready again {recovery.Elapsed.TotalSeconds:N1} s after the restart");
        Assert.Equal(HttpStatusCode.OK, readyBefore);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileDown);
        Assert.Equal("Unhealthy", JsonNode.Parse(downBody)?["checks"]?["store"]?["status"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, liveWhileDown);
        Assert.Equal(HttpStatusCode.OK, readyAfter);
    }

    [SkippableFact]
    public async Task Read_CancelledWhileNeo4jWorksOnIt_StopsWaitingAndTheServerStopsTheWork()
    {
        Neo4jConnectionOptions options = await server.RequireAsync();
        await using Neo4jGraphStore store = await Neo4jGraphStore.ConnectAsync(options, CancellationToken.None);
        await store.DeleteAllAsync(CancellationToken.None);
        INeo4jTransport transport = store.Transport;
        await transport.RunAsync([new CypherStatement("UNWIND range(1, 400) AS i CREATE (:SlowProbe {v: i})")], Neo4jAccessMode.Write, CancellationToken.None);
        // 400³ rows with property reads: about 45 s of one core on this machine, unless stopped.
        var slow = new CypherStatement("MATCH (a:SlowProbe), (b:SlowProbe), (c:SlowProbe) WHERE a.v + b.v + c.v = -1 RETURN count(*) AS n");
        int pid = server.Pid();
        using var cancellation = new CancellationTokenSource();

        // Warm-up: a fresh JVM's compiler keeps working for a while after the first heavy read; measure the second.
        using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.RunAsync([slow], Neo4jAccessMode.Read, warmUp.Token));
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        Task read = transport.RunAsync([slow], Neo4jAccessMode.Read, cancellation.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        TimeSpan cpuWhileRunning = await CpuOverAsync(pid, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        TimeSpan stoppedWaiting = clock.Elapsed;
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        TimeSpan cpuAfterCancel = await CpuOverAsync(pid, TimeSpan.FromSeconds(1.5));

        output.WriteLine($"stopped waiting {stoppedWaiting.TotalMilliseconds:N0} ms after the cancel; server CPU {cpuWhileRunning.TotalSeconds:N2} s in 1 s while the read ran, {cpuAfterCancel.TotalSeconds:N2} s in 1.5 s after");
        // Rates, not absolute times: the machine is shared (measured: 0.9 core-seconds per second while the
        // read runs, under 0.1 after; on the old code, which only closed the connection, 0.8 after).
        double busy = cpuWhileRunning.TotalSeconds / 1.0;
        double after = cpuAfterCancel.TotalSeconds / 1.5;
        Assert.True(stoppedWaiting < TimeSpan.FromMilliseconds(500), $"took {stoppedWaiting}");
        Assert.True(busy > 0.3, $"the read did not keep the server busy ({busy:N2} core-seconds per second)");
        Assert.True(after < busy / 3, $"the server kept working after the cancel ({after:N2} core-seconds per second, {busy:N2} before)");
    }

    /// <summary>Quick retries and a short cool-down, so the test spends its time on the outage, not on waiting.</summary>
    private static Neo4jConnectionOptions Fast(Neo4jConnectionOptions options) => new()
    {
        Uri = options.Uri,
        User = options.User,
        Password = options.Password,
        BreakerCoolDown = TimeSpan.FromSeconds(1),
    };

    private static Task<IngestReport> IngestAsync(IGraphWriter store, IReadOnlyList<ArticleGraph> articles, IStoreOutageListener listener)
    {
        var options = new IngestionOptions
        {
            BatchSize = 25,
            StoreRetry = new RetryPolicy { FirstDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(2), Deadline = TimeSpan.FromSeconds(45) },
            OutageListener = listener,
        };
        var ingestor = new ArticleIngestor(new PrecomputedExtractor(articles), store, new IngestionEvents(), options);
        List<ArticleInput> inputs = [.. articles.Select((a, i) => new ArticleInput($"synthetic-{i:D3}", a.Article.Text, a.Article.Title, a.Article.Url, a.Article.Published, a.Article.Source))];
        return ingestor.IngestAsync(inputs, null, CancellationToken.None);
    }

    /// <summary>Nodes and relationships by label and type, straight from the graph.</summary>
    private static async Task<string> CountsAsync(Neo4jGraphStore store)
    {
        IReadOnlyList<CypherResult> results = await store.Transport.RunAsync(
            [
                new CypherStatement("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label"),
                new CypherStatement("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type"),
            ],
            Neo4jAccessMode.Read,
            CancellationToken.None);
        return string.Join("\n", results.Select(r => string.Join(";", r.Rows.Select(row => row.GetRawText()))));
    }

    /// <summary>CPU time (user + system) the process spent over <paramref name="span"/>, from /proc.</summary>
    private static async Task<TimeSpan> CpuOverAsync(int pid, TimeSpan span)
    {
        double before = CpuSeconds(pid);
        await Task.Delay(span);
        return TimeSpan.FromSeconds(CpuSeconds(pid) - before);

        static double CpuSeconds(int pid)
        {
            // Fields after the command name: state is 3rd, utime 14th, stime 15th (in clock ticks, 100 per second on Linux).
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        }
    }

    /// <summary>The synthetic graphs, handed back for the article the pipeline built from each one's text.</summary>
    private sealed class PrecomputedExtractor(IReadOnlyList<ArticleGraph> articles) : IArticleExtractor
    {
        private readonly Dictionary<string, ArticleGraph> _byUrl = articles.ToDictionary(a => a.Article.Url!, StringComparer.Ordinal);

        public ArticleGraph Extract(ArticleInfo article) => _byUrl[article.Url!] with { Article = article };
    }

    /// <summary>Runs <paramref name="outage"/> just before batch number <paramref name="batch"/> is written.</summary>
    private sealed class OutageOnBatch(IGraphWriter inner, int batch, Func<Task> outage) : IGraphWriter
    {
        private int _calls;

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public async Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> articles, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == batch)
            {
                await outage();
            }

            return await inner.UpsertAsync(articles, cancellationToken);
        }
    }

    private sealed class RecordingListener : IStoreOutageListener
    {
        public List<RetryNotice> Waits { get; } = [];

        public List<(TimeSpan Outage, int Attempts)> Recoveries { get; } = [];

        public void Retrying(RetryNotice notice) => Waits.Add(notice);

        public void Recovered(TimeSpan outage, int attempts) => Recoveries.Add((outage, attempts));
    }
}
