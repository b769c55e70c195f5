using System.Runtime.CompilerServices;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Tests;

/// <summary>
/// Group commit (<see cref="CommitGroup"/>): several batches share one store transaction; a refused
/// batch stays alone; outcomes and announcements wait for the commit; a failed commit or a lost session
/// writes the batches again without losing or misreporting an article; cancellation and an idle input commit.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Ingest_GroupCommit_ReportsAndAnnouncesEachArticleOnlyAfterItsCommit()
    {
        var store = new GroupingStore();
        var events = new IngestionEvents();
        var announced = new List<string>();
        var early = new List<string>();
        using var subscribed = new CancellationTokenSource();
        Task listening = await ListenAsync(events, announced, early, store, subscribed.Token);
        var reported = new List<ArticleOutcome>();

        string? unavailable = await Ingestor(store, events, commitSize: 9).IngestAsync(Stream(Articles(30)), o =>
        {
            Assert.True(store.IsCommitted(o.ArticleKey!)); // committed before it is reported
            reported.Add(o);
        }, CancellationToken.None);
        await WaitForAsync(() => announced.Count == 30);
        await subscribed.CancelAsync();
        await listening;

        Assert.Null(unavailable);
        Assert.Empty(early);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"a{i}"), reported.Select(o => o.Origin));
        Assert.All(reported, o => Assert.Equal(ArticleWrite.Created, o.Write));
        Assert.Empty(store.WrittenAlone);
        Assert.Contains(store.CommitSizes, size => size > 3); // a commit spanned several batches of 3
        Assert.Equal(30, store.CommitSizes.Sum());
    }

    [Fact]
    public async Task Ingest_StoreRefusesABatchInTheGroup_OnlyItsRefusedArticleFailsAndTheGroupCommits()
    {
        var store = new GroupingStore { Refused = ["a4"] };

        IngestReport report = await Ingestor(store, new IngestionEvents(), commitSize: 100).IngestAsync(Articles(12), null, CancellationToken.None);

        ArticleOutcome failed = Assert.Single(report.Outcomes, o => !o.Succeeded);
        Assert.Equal("a4", failed.Origin);
        Assert.StartsWith("store refused the article: ", failed.Error, StringComparison.Ordinal);
        Assert.Equal(11, report.Ingested);
        Assert.Equal(Keys(report, except: "a4"), store.Committed.Order(StringComparer.Ordinal));
        Assert.Empty(store.WrittenAlone); // the refused batch was found out inside the session
        Assert.Equal([11], store.CommitSizes); // the refusal undid only its own batch's write
    }

    [Fact]
    public async Task Ingest_RefusalTakesTheGroupWithIt_WritesTheGroupAgainAndOnlyTheRefusedArticleFails()
    {
        var store = new GroupingStore { Refused = ["a4"], RefusalLosesSession = true };

        IngestReport report = await Ingestor(store, new IngestionEvents(), commitSize: 100).IngestAsync(Articles(12), null, CancellationToken.None);

        ArticleOutcome failed = Assert.Single(report.Outcomes, o => !o.Succeeded);
        Assert.Equal("a4", failed.Origin);
        Assert.All(report.Outcomes.Where(o => o.Succeeded), o => Assert.Equal(ArticleWrite.Created, o.Write));
        Assert.Equal(["a0 a1 a2", "a3", "a5"], store.WrittenAlone); // written again; the refused batch one article per transaction
        Assert.Equal([6], store.CommitSizes);
        Assert.Equal(Keys(report, except: "a4"), store.Committed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ingest_CommitFails_WritesTheGroupAgainBatchByBatchAndLosesNothing()
    {
        var store = new GroupingStore { FailingCommits = 1 };
        var events = new IngestionEvents();
        var announced = new List<string>();
        var early = new List<string>();
        using var subscribed = new CancellationTokenSource();
        Task listening = await ListenAsync(events, announced, early, store, subscribed.Token);

        IngestReport report = await Ingestor(store, events, commitSize: 6).IngestAsync(Articles(12), null, CancellationToken.None);
        await WaitForAsync(() => announced.Count >= 12);
        await subscribed.CancelAsync();
        await listening;

        Assert.All(report.Outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.All(report.Outcomes, o => Assert.Equal(ArticleWrite.Created, o.Write));
        Assert.Equal(["a0 a1 a2", "a3 a4 a5"], store.WrittenAlone); // the first group, written again
        Assert.Equal([6], store.CommitSizes); // the second group committed as one
        Assert.Equal(Keys(report), store.Committed.Order(StringComparer.Ordinal)); // each once
        Assert.Equal(Keys(report), announced.Order(StringComparer.Ordinal)); // each announced once, after it landed
        Assert.Empty(early);
    }

    [Fact]
    public async Task Ingest_SessionLostMidGroup_WritesTheHeldBatchesAgainAndGoesOnGrouping()
    {
        var store = new GroupingStore { LosesSessionOn = "a7" };

        IngestReport report = await Ingestor(store, new IngestionEvents(), commitSize: 100).IngestAsync(Articles(12), null, CancellationToken.None);

        Assert.All(report.Outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.All(report.Outcomes, o => Assert.Equal(ArticleWrite.Created, o.Write));
        Assert.Equal(["a0 a1 a2", "a3 a4 a5", "a6 a7 a8"], store.WrittenAlone);
        Assert.Equal([3], store.CommitSizes); // a new session took the last batch
        Assert.Equal(Keys(report), store.Committed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ingest_StoreGivenUpMidGroup_CommitsTheBatchesBeforeAndReportsTheRestNotStored()
    {
        var store = new GroupingStore { UnavailableOn = "a7" };

        IngestReport report = await Ingestor(store, new IngestionEvents(), commitSize: 100).IngestAsync(Articles(12), null, CancellationToken.None);

        Assert.All(report.Outcomes.Take(6), o => Assert.True(o.Succeeded, o.Error));
        Assert.All(report.Outcomes.Skip(6), o => Assert.StartsWith("not stored: ", o.Error, StringComparison.Ordinal));
        Assert.NotNull(report.StoreUnavailable);
        Assert.Equal([6], store.CommitSizes);
    }

    [Fact]
    public async Task Ingest_CancelledMidGroup_CommitsAndReportsWhatWasWrittenThenThrows()
    {
        using var cancel = new CancellationTokenSource();
        var store = new GroupingStore();
        store.OnWrite = batch =>
        {
            if (batch.Contains("a5"))
            {
                cancel.Cancel();
            }
        };
        var reported = new List<ArticleOutcome>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Ingestor(store, new IngestionEvents(), commitSize: 100).IngestAsync(Stream(Articles(30)), reported.Add, cancel.Token));

        Assert.Equal(["a0", "a1", "a2", "a3", "a4", "a5"], reported.Take(6).Select(o => o.Origin));
        Assert.All(reported.Take(6), o => Assert.True(o.Succeeded, o.Error));
        Assert.Equal([6], store.CommitSizes);

        // The batch whose write the cancellation interrupted, if the writer got that far, is reported not stored.
        Assert.All(reported.Skip(6), o => Assert.StartsWith("not stored: the ingest was cancelled", o.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_InputGoesIdle_CommitsAndReportsWithoutWaitingForMoreInput()
    {
        var store = new GroupingStore();
        var firstReported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async IAsyncEnumerable<ArticleInput> Paused([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            List<ArticleInput> inputs = Articles(6);
            foreach (ArticleInput input in inputs.Take(3))
            {
                yield return input;
            }

            // A followed source with nothing new: the first batch's outcomes must not wait for the next article.
            await firstReported.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            foreach (ArticleInput input in inputs.Skip(3))
            {
                yield return input;
            }
        }

        var ingestor = new ArticleIngestor(new NumberedExtractor(), store, new IngestionEvents(),
            new IngestionOptions { BatchSize = 3, ExtractionParallelism = 2, CommitSize = 100, CommitInterval = TimeSpan.FromHours(1) });
        await ingestor.IngestAsync(Paused(), _ => firstReported.TrySetResult(), CancellationToken.None);

        Assert.Equal([3, 3], store.CommitSizes);
    }

    [Fact]
    public async Task Ingest_CommitIntervalPassed_CommitsEveryBatch()
    {
        var store = new GroupingStore();
        var ingestor = new ArticleIngestor(new NumberedExtractor(), store, new IngestionEvents(),
            new IngestionOptions { BatchSize = 3, ExtractionParallelism = 2, CommitSize = 100, CommitInterval = TimeSpan.Zero });

        await ingestor.IngestAsync(Articles(12), null, CancellationToken.None);

        Assert.Equal([3, 3, 3, 3], store.CommitSizes);
    }

    private static ArticleIngestor Ingestor(GroupingStore store, IngestionEvents events, int commitSize) =>
        new(new NumberedExtractor(), store, events, new IngestionOptions { BatchSize = 3, ExtractionParallelism = 2, CommitSize = commitSize, CommitInterval = TimeSpan.FromHours(1) });

    private static List<ArticleInput> Articles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ArticleInput($"a{i}", $"قال المتحدث في المقال رقم {i} .", Url: $"https://news.test/a{i}"))];

    private static IOrderedEnumerable<string> Keys(IngestReport report, string? except = null) =>
        report.Outcomes.Where(o => o.Origin != except).Select(o => o.ArticleKey!).Order(StringComparer.Ordinal);

    private static async IAsyncEnumerable<ArticleInput> Stream(IEnumerable<ArticleInput> inputs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (ArticleInput input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return input;
        }
    }

    /// <summary>
    /// Records each announcement (and, in <c>early</c>, any made before its article was committed);
    /// returns once subscribed, with the listening task.
    /// </summary>
    private static async Task<Task> ListenAsync(IngestionEvents events, List<string> announced, List<string> early, GroupingStore store, CancellationToken cancellationToken)
    {
        Task listening = Task.Run(async () =>
        {
            try
            {
                await foreach (ArticleIngested article in events.SubscribeAsync(cancellationToken))
                {
                    lock (announced)
                    {
                        announced.Add(article.ArticleKey);
                        if (!store.IsCommitted(article.ArticleKey))
                        {
                            early.Add(article.ArticleKey);
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        await WaitForAsync(() => events.SubscriberCount > 0);
        return listening;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    /// <summary>The article's name ("a7") from its text.</summary>
    private static string Name(ArticleGraph graph) => "a" + graph.Article.Text.Split(' ')[5];

    private sealed class NumberedExtractor : IArticleExtractor
    {
        public ArticleGraph Extract(ArticleInfo article) =>
            new(article, [new ExtractedEntity("state:JO", NodeKind.State, "الأردن", [], [], "JO")], []);
    }

    /// <summary>
    /// A store that groups commits: a session's writes are pending until its commit. It refuses the
    /// articles in <see cref="Refused"/> (that batch alone), loses the session's pending writes on
    /// <see cref="LosesSessionOn"/>, is unavailable for <see cref="UnavailableOn"/>, and fails the first
    /// <see cref="FailingCommits"/> commits. Batches written outside a session are committed at once.
    /// </summary>
    private sealed class GroupingStore : IGraphWriter
    {
        private readonly Lock _gate = new();

        public HashSet<string> Refused { get; init; } = [];

        public string? LosesSessionOn { get; init; }

        /// <summary>A refusal rolls back the session's pending batches too (as SQLite, which keeps no savepoint per batch).</summary>
        public bool RefusalLosesSession { get; init; }

        public string? UnavailableOn { get; init; }

        public int FailingCommits { get; set; }

        public Action<List<string>>? OnWrite { get; set; }

        /// <summary>Article keys committed, in commit order.</summary>
        public List<string> Committed { get; } = [];

        public List<int> CommitSizes { get; } = [];

        /// <summary>Batches written in a transaction of their own (<see cref="UpsertAsync"/>), by article name.</summary>
        public List<string> WrittenAlone { get; } = [];

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public IGraphWriteSession OpenWriteSession() => new Session(this);

        public bool IsCommitted(string key)
        {
            lock (_gate)
            {
                return Committed.Contains(key);
            }
        }

        public Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
        {
            UpsertResult result = Accept(batch, cancellationToken);
            lock (_gate)
            {
                WrittenAlone.Add(string.Join(' ', batch.Select(Name)));
                Committed.AddRange(batch.Select(g => g.Article.Key));
            }

            return Task.FromResult(result);
        }

        private UpsertResult Accept(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (batch.FirstOrDefault(g => Refused.Contains(Name(g))) is { } refused)
            {
                throw new InvalidOperationException($"{Name(refused)} breaks a constraint");
            }

            OnWrite?.Invoke([.. batch.Select(Name)]);
            return new UpsertResult(batch.Count, 0, 0, 0) { Writes = batch.ToDictionary(g => g.Article.Key, _ => ArticleWrite.Created) };
        }

        private sealed class Session(GroupingStore store) : IGraphWriteSession
        {
            private readonly List<string> _pending = [];
            private bool _lost;

            public Task<UpsertResult> WriteAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
            {
                if (_lost)
                {
                    throw new WriteSessionLostException("this session takes no more writes");
                }

                if (batch.Any(g => Name(g) == store.LosesSessionOn))
                {
                    _lost = true;
                    _pending.Clear();
                    throw new WriteSessionLostException("the connection dropped");
                }

                if (batch.Any(g => Name(g) == store.UnavailableOn))
                {
                    throw new StoreUnavailableException("Test store", "connection refused");
                }

                UpsertResult result;
                try
                {
                    result = store.Accept(batch, cancellationToken);
                }
                catch (InvalidOperationException refused) when (store.RefusalLosesSession && _pending.Count > 0)
                {
                    _lost = true;
                    _pending.Clear();
                    throw new WriteSessionLostException("a refused batch rolled back the transaction", refused);
                }

                _pending.AddRange(batch.Select(g => g.Article.Key));
                return Task.FromResult(result);
            }

            public Task CommitAsync(CancellationToken cancellationToken)
            {
                if (_lost)
                {
                    throw new WriteSessionLostException("this session takes no more writes");
                }

                if (store.FailingCommits > 0)
                {
                    store.FailingCommits--;
                    _lost = true;
                    _pending.Clear();
                    throw new IOException("disk I/O error");
                }

                lock (store._gate)
                {
                    store.Committed.AddRange(_pending);
                    store.CommitSizes.Add(_pending.Count);
                }

                _pending.Clear();
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync()
            {
                _pending.Clear();
                return ValueTask.CompletedTask;
            }
        }
    }
}
