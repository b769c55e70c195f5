using System.Runtime.CompilerServices;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Tests;

/// <summary>The pipeline's shape: parallel extraction, one writer, batches cut by input position, outcomes in input order.</summary>
public sealed class IngestionPipelineTests
{
    [Fact]
    public async Task Ingest_ManyThreadsAndUnevenExtraction_StoresTheSameBatchesAsOneThread()
    {
        List<ArticleInput> inputs = Articles(57, duplicateEvery: 9, badEvery: 7);
        var sequential = new RecordingStore();
        var parallel = new RecordingStore();

        IngestReport one = await new ArticleIngestor(new JitteryExtractor(), sequential, new IngestionEvents(), new IngestionOptions { BatchSize = 5, ExtractionParallelism = 1 })
            .IngestAsync(inputs, null, CancellationToken.None);
        IngestReport many = await new ArticleIngestor(new JitteryExtractor(), parallel, new IngestionEvents(), new IngestionOptions { BatchSize = 5, ExtractionParallelism = 6 })
            .IngestAsync(inputs, null, CancellationToken.None);

        Assert.Equal(sequential.Batches, parallel.Batches);
        Assert.Equal(one.Outcomes, many.Outcomes);
        Assert.Equal(inputs.Select(i => i.Origin), many.Outcomes.Select(o => o.Origin));
        Assert.Equal(8, many.Failed);
        Assert.Equal(5, many.Duplicates); // a35 repeats a34, which is blank: it is a first copy
    }

    [Fact]
    public async Task Ingest_Stream_ReportsEveryOutcomeInInputOrderAfterItsBatchIsStored()
    {
        var store = new RecordingStore();
        var reported = new List<ArticleOutcome>();
        var ingestor = new ArticleIngestor(new JitteryExtractor(), store, new IngestionEvents(), new IngestionOptions { BatchSize = 4, ExtractionParallelism = 3 });

        string? unavailable = await ingestor.IngestAsync(Stream(Articles(30, duplicateEvery: 0, badEvery: 0)), o =>
        {
            Assert.Contains(o.ArticleKey, store.Written); // committed before it is reported
            reported.Add(o);
        }, CancellationToken.None);

        Assert.Null(unavailable);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"a{i}"), reported.Select(o => o.Origin));
        Assert.Equal(8, store.Batches.Count);
    }

    [Fact]
    public async Task Ingest_ExtractorThrowsAnyException_OnlyThatArticleFails()
    {
        var ingestor = new ArticleIngestor(new JitteryExtractor { ThrowOn = "a3" }, new RecordingStore(), new IngestionEvents(), new IngestionOptions { BatchSize = 2, ExtractionParallelism = 2 });

        IngestReport report = await ingestor.IngestAsync(Articles(6, 0, 0), null, CancellationToken.None);

        ArticleOutcome failed = Assert.Single(report.Outcomes, o => !o.Succeeded);
        Assert.Equal("a3", failed.Origin);
        Assert.Contains("extraction failed", failed.Error, StringComparison.Ordinal);
        Assert.Equal(5, report.Ingested);
    }

    [Fact]
    public async Task Ingest_SlowStore_ReadsNoFurtherAheadThanTheWindow()
    {
        var options = new IngestionOptions { BatchSize = 3, ExtractionParallelism = 2 };
        int window = (2 * options.BatchSize) + (4 * options.ExtractionParallelism);
        int read = 0;
        var store = new RecordingStore();
        int maxAhead = 0;
        store.OnUpsert = () => maxAhead = Math.Max(maxAhead, Volatile.Read(ref read) - store.Written.Count);

        async IAsyncEnumerable<ArticleInput> Counted()
        {
            foreach (ArticleInput input in Articles(200, 0, 0))
            {
                Interlocked.Increment(ref read);
                yield return input;
                await Task.Yield();
            }
        }

        await new ArticleIngestor(new JitteryExtractor(), store, new IngestionEvents(), options).IngestAsync(Counted(), _ => { }, CancellationToken.None);

        Assert.Equal(200, store.Written.Count);
        // Read but not stored, at most: the queue (the window), the batch being written, and one article each in the reader's and the writer's hands.
        Assert.InRange(maxAhead, 1, window + options.BatchSize + 2);
    }

    [Fact]
    public async Task Ingest_Cancelled_StopsEveryStage()
    {
        using var cancel = new CancellationTokenSource();
        var store = new RecordingStore { OnUpsert = cancel.Cancel };
        var ingestor = new ArticleIngestor(new JitteryExtractor(), store, new IngestionEvents(), new IngestionOptions { BatchSize = 2, ExtractionParallelism = 2 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingestor.IngestAsync(Stream(Articles(1000, 0, 0)), _ => { }, cancel.Token));

        Assert.True(store.Written.Count <= 2);
    }

    [Fact]
    public async Task Ingest_SourceFails_TheRunFailsWithItsError()
    {
        static async IAsyncEnumerable<ArticleInput> Broken()
        {
            yield return new ArticleInput("a0", "نص المقال الأول.");
            await Task.Yield();
            throw new IOException("disk gone");
        }

        var ingestor = new ArticleIngestor(new JitteryExtractor(), new RecordingStore(), new IngestionEvents(), new IngestionOptions());

        IOException error = await Assert.ThrowsAsync<IOException>(() => ingestor.IngestAsync(Broken(), _ => { }, CancellationToken.None));
        Assert.Equal("disk gone", error.Message);
    }

    /// <summary>Numbered articles; every <paramref name="duplicateEvery"/>th repeats the one before, every <paramref name="badEvery"/>th is blank.</summary>
    private static List<ArticleInput> Articles(int count, int duplicateEvery, int badEvery) =>
        Enumerable.Range(0, count).Select(i =>
            badEvery > 0 && i % badEvery == 6 ? new ArticleInput($"a{i}", "  ")
            : duplicateEvery > 0 && i % duplicateEvery == 8 ? new ArticleInput($"a{i}", $"قال المتحدث في المقال رقم {i - 1}.")
            : new ArticleInput($"a{i}", $"قال المتحدث في المقال رقم {i}.")).ToList();

    private static async IAsyncEnumerable<ArticleInput> Stream(IEnumerable<ArticleInput> inputs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (ArticleInput input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return input;
        }
    }

    /// <summary>One entity per article, taking an uneven, text-dependent time (spins, no clock), so threads finish out of order.</summary>
    private sealed class JitteryExtractor : IArticleExtractor
    {
        public string? ThrowOn { get; init; }

        public ArticleGraph Extract(ArticleInfo article)
        {
            if (ThrowOn is not null && article.Text.EndsWith($" {ThrowOn[1..]}.", StringComparison.Ordinal))
            {
                throw new NullReferenceException("a bug");
            }

            Thread.SpinWait(((article.Text.GetHashCode(StringComparison.Ordinal) & 0x7) + 1) * 20_000);
            return new(article, [new ExtractedEntity("state:JO", NodeKind.State, "الأردن", [], [], "JO")], []);
        }
    }

    private sealed class RecordingStore : IGraphWriter
    {
        private readonly Lock _gate = new();

        public Action? OnUpsert { get; set; }

        public List<string> Written { get; } = [];

        public List<string> Batches { get; } = [];

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
        {
            OnUpsert?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                Batches.Add(string.Join(",", batch.Select(g => g.Article.Key)));
                Written.AddRange(batch.Select(g => g.Article.Key));
            }

            return Task.FromResult(new UpsertResult(batch.Count, 0, 0, 0));
        }
    }
}
