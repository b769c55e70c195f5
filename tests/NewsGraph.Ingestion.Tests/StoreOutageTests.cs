using Microsoft.Extensions.Time.Testing;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Tests;

/// <summary>
/// The pipeline while the store is away: the batch that failed waits and is sent again (nothing
/// after it goes first, nothing is lost), the listener hears of each wait and of the return, and
/// past the deadline every article not stored is reported with the reason. Fake clock, fake store.
/// </summary>
public sealed class StoreOutageTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Ingest_StoreUnavailableThenBack_SendsTheSameBatchAgainAndStoresEveryArticle()
    {
        var store = new FlakyStore { FailingCalls = [2, 3] };
        var listener = new RecordingListener();
        ArticleIngestor ingestor = Ingestor(store, Policy(TimeSpan.FromMinutes(5)), listener);

        Task<IngestReport> run = ingestor.IngestAsync(Articles(6), null, CancellationToken.None);
        IngestReport report = await DriveAsync(run);

        Assert.All(report.Outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.Equal(["a0 a1", "a2 a3", "a2 a3", "a2 a3", "a4 a5"], store.Calls);
        Assert.Equal(6, store.Written.Count);
        Assert.Equal([(2, 1.0), (3, 2.0)], listener.Waits.Select(n => (n.NextAttempt, n.Delay.TotalSeconds)));
        Assert.Equal([(TimeSpan.FromSeconds(3), 3)], listener.Recoveries);
        Assert.Null(report.StoreUnavailable);
    }

    [Fact]
    public async Task Ingest_StoreUnavailablePastTheDeadline_ReportsEveryArticleNotStoredWithTheReason()
    {
        var store = new FlakyStore { FailingCalls = [.. Enumerable.Range(2, 100)] };
        ArticleIngestor ingestor = Ingestor(store, Policy(TimeSpan.FromSeconds(10)), new RecordingListener());

        Task<IngestReport> run = ingestor.IngestAsync(Articles(7), null, CancellationToken.None);
        IngestReport report = await DriveAsync(run);

        Assert.True(report.Outcomes[0].Succeeded && report.Outcomes[1].Succeeded);
        Assert.All(report.Outcomes.Skip(2), o => Assert.StartsWith("not stored: Neo4j at http://neo4j.test:7474 is unavailable: connection refused", o.Error, StringComparison.Ordinal));
        Assert.Equal(["a2", "a3", "a4", "a5", "a6"], report.Outcomes.Where(o => !o.Succeeded).Select(o => o.Origin));
        Assert.NotNull(report.StoreUnavailable);
        Assert.DoesNotContain(store.Calls, c => c.Contains("a4", StringComparison.Ordinal));
        Assert.Equal(2, store.Written.Count);
    }

    [Fact]
    public async Task Ingest_StoreUnavailableWithNoWaiting_FailsTheBatchWholeWithoutTryingArticlesOneByOne()
    {
        var store = new FlakyStore { FailingCalls = [1] };
        ArticleIngestor ingestor = Ingestor(store, RetryPolicy.None, null);

        IngestReport report = await ingestor.IngestAsync(Articles(2), null, CancellationToken.None);

        Assert.Equal(["a0 a1"], store.Calls);
        Assert.All(report.Outcomes, o => Assert.StartsWith("not stored:", o.Error, StringComparison.Ordinal));
        Assert.NotNull(report.StoreUnavailable);
    }

    private static ArticleIngestor Ingestor(IGraphWriter store, RetryPolicy policy, IStoreOutageListener? listener) =>
        new(new OneEntityExtractor(), store, new IngestionEvents(), new IngestionOptions { BatchSize = 2, ExtractionParallelism = 1, StoreRetry = policy, OutageListener = listener });

    private RetryPolicy Policy(TimeSpan deadline) =>
        new() { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), Deadline = deadline, Jitter = 0, Time = _time };

    private static List<ArticleInput> Articles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ArticleInput($"a{i}", $"خبر رقم {i} عن الأردن"))];

    /// <summary>Moves the fake clock on in 100 ms steps until the ingest ends.</summary>
    private async Task<T> DriveAsync<T>(Task<T> run)
    {
        for (int step = 0; step < 100_000 && !run.IsCompleted; step++)
        {
            await Task.Delay(1);
            if (!run.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        return await run;
    }

    private sealed class OneEntityExtractor : IArticleExtractor
    {
        public ArticleGraph Extract(ArticleInfo article) =>
            new(article, [new ExtractedEntity("state:JO", NodeKind.State, "الأردن", [], [], "JO")], []);
    }

    /// <summary>Throws <see cref="StoreUnavailableException"/> on the listed calls (1-based); records every call by its articles' origins.</summary>
    private sealed class FlakyStore : IGraphWriter
    {
        private int _calls;

        public required HashSet<int> FailingCalls { get; init; }

        public List<string> Calls { get; } = [];

        public List<ArticleGraph> Written { get; } = [];

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
        {
            Calls.Add(string.Join(' ', batch.Select(g => "a" + g.Article.Text.Split(' ')[2])));
            if (FailingCalls.Contains(++_calls))
            {
                throw new StoreUnavailableException("Neo4j at http://neo4j.test:7474", "connection refused (neo4j.test:7474)");
            }

            Written.AddRange(batch);
            return Task.FromResult(new UpsertResult(batch.Count, 0, 0, 0));
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
