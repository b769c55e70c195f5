using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsGraph.Core.Diagnostics;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion;

/// <summary>Tuning for <see cref="ArticleIngestor"/>.</summary>
public sealed record IngestionOptions
{
    /// <summary>Articles per store write (the unit a refusal is isolated in; <see cref="CommitSize"/> sets how many share a transaction).</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>
    /// Articles written into one store transaction before it is committed (group commit, <see cref="CommitGroup"/>):
    /// several batches share a commit, and with it the cost of writing out again the pages every batch
    /// touches, while each batch stays <see cref="BatchSize"/> articles. 1 commits every batch. A store
    /// that does not group commits (<see cref="IGraphWriter.OpenWriteSession"/>) commits every batch anyway.
    /// 2,000 rather than 1,000 (issue 13, sixth round): on a quiet machine the writer reaches ~330 articles a
    /// second, so <see cref="CommitInterval"/> still closes a group after 5 s (~1,650 articles); a third fewer
    /// bytes written for the corpus (Ingestion README, "Measured").
    /// </summary>
    public int CommitSize { get; init; } = 2000;

    /// <summary>
    /// How long written articles wait at most for their commit (and so for their outcome and
    /// announcement) while the input keeps coming; an idle input and the end of the input commit at once.
    /// </summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Threads extracting at once (extraction is pure CPU work).</summary>
    public int ExtractionParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// While the store is unavailable (<see cref="StoreUnavailableException"/>) the batch that failed
    /// is tried again under this policy, keeping its place: nothing after it is sent before it lands.
    /// Past the policy's deadline that batch and every later article are reported not stored, with
    /// the reason, and <see cref="IngestReport.StoreUnavailable"/> says why. The default waits not at
    /// all, which suits the API (it answers <c>STORE_UNAVAILABLE</c> at once); <c>newsgraph ingest</c>
    /// waits up to its <c>--retry-deadline</c>.
    /// </summary>
    public RetryPolicy StoreRetry { get; init; } = RetryPolicy.None;

    /// <summary>Hears about each wait for the store and about its return, as they happen.</summary>
    public IStoreOutageListener? OutageListener { get; init; }
}

/// <summary>
/// The ingestion pipeline: validate → extract → upsert in batches (several to a commit) → announce. Each article is
/// keyed (URL, else hash of its normalized text) and duplicates within a run are ingested once.
/// A failure belongs to the article that caused it: a bad article is reported with its reason
/// and the rest of the batch lands; if a whole batch is refused by the store, its articles are
/// retried one by one so only the offending one fails. A store that is unavailable refuses nothing:
/// the batch waits for it (<see cref="IngestionOptions.StoreRetry"/>) and is never split up for it.
/// Extraction runs on <see cref="IngestionOptions.ExtractionParallelism"/> threads while one writer
/// stores batches in input order (<see cref="IngestionRun"/>), so the stored graph does not depend on
/// how the threads were scheduled. With <paramref name="metrics"/> it records each outcome, extraction and
/// write times and the queue depth; <paramref name="logger"/> hears failures and batches.
/// </summary>
public sealed class ArticleIngestor(
    IArticleExtractor extractor,
    IGraphWriter store,
    IngestionEvents events,
    IngestionOptions options,
    NewsGraphMetrics? metrics = null,
    ILogger<ArticleIngestor>? logger = null) : IArticleIngestor
{
    private readonly IngestionTelemetry _telemetry = new(metrics, logger ?? (ILogger)NullLogger.Instance);

    public async Task<IngestReport> IngestAsync(IReadOnlyList<ArticleInput> inputs, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outcomes = new ArticleOutcome[inputs.Count];
        int done = 0;
        var run = new IngestionRun(this, store, events, options, _telemetry, (sequence, outcome) =>
        {
            outcomes[sequence] = outcome;
            done++;
            if (done % options.BatchSize == 0 || done == inputs.Count)
            {
                progress?.Report(done);
            }
        });
        string? unavailable = await run.RunAsync(inputs.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
        return new IngestReport(outcomes) { StoreUnavailable = unavailable };
    }

    public Task<string?> IngestAsync(IAsyncEnumerable<ArticleInput> inputs, Action<ArticleOutcome> outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outcome);
        return new IngestionRun(this, store, events, options, _telemetry, (_, o) => outcome(o)).RunAsync(inputs, cancellationToken);
    }

    /// <summary>Validates and extracts one article, timed; a failure is returned with its reason, never thrown (cancellation aside).</summary>
    internal Extraction Extract(ArticleInput input)
    {
        long started = Stopwatch.GetTimestamp();
        Extraction extraction = ExtractUntimed(input);
        _telemetry.Extracted(Stopwatch.GetElapsedTime(started));
        return extraction;
    }

    private Extraction ExtractUntimed(ArticleInput input)
    {
        try
        {
            string text = ArticleDecoding.ValidateText(input.Text);
            var article = new ArticleInfo(GraphKeys.Article(input.Url, text), text, ArticleDecoding.WithoutNul(input.Title), input.Url,
                ArticleDecoding.WithoutNul(input.Source), Published: input.Published, File: input.File);
            ArticleGraph graph = extractor.Extract(article);
            return new Extraction(graph with { Article = graph.Article with { Title = graph.Article.Title ?? FallbackTitle(graph) } }, null, null);
        }
        catch (ArticleRejectedException ex)
        {
            return new Extraction(null, ex.Message, FailureReasons.Rejected);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // Extraction bugs must not take the run down; the article fails alone and says why.
            return new Extraction(null, "extraction failed: " + ex.Message, FailureReasons.ExtractionFailed);
        }
    }

    /// <summary>Articles without a title are shown by their first words.</summary>
    private static string FallbackTitle(ArticleGraph graph)
    {
        string text = graph.Article.Text;
        int start = 0;
        if (graph.Article.Dateline is not null)
        {
            int lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            start = lineEnd > 0 && lineEnd < 80 ? lineEnd + 1 : 0;
        }

        string first = text[start..].TrimStart();
        int end = first.IndexOfAny(['\n', '.']);
        first = end > 0 ? first[..end] : first;
        return first.Length <= 100 ? first.Trim() : first[..100].TrimEnd() + "…";
    }
}

/// <summary>One article's extraction: its graph, or why it has none (<see cref="FailureReason"/> one of <see cref="FailureReasons"/>).</summary>
internal readonly record struct Extraction(ArticleGraph? Graph, string? Error, string? FailureReason);
