using System.CommandLine;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// <c>newsgraph ingest [--db FILE | --neo4j URI] [--retry-deadline D] [--quiet] PATH...</c>: reads articles from
/// files and directories, extracts their graphs and upserts them, showing its progress on stderr
/// (<see cref="IngestProgressDisplay"/>); prints a summary that tells new, changed, unchanged and failed
/// articles apart, with every failure and its reason. While the store is unavailable it waits (saying
/// so on stderr) and tries the same batch again, up to the deadline; past it, every article not stored
/// is listed and the exit code is <see cref="StoreErrors.UnavailableExitCode"/>. <c>--quiet</c> is for
/// scripts: no progress, and the summary only when something failed (the exit code says the rest).
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var neo4j = CommonOptions.Neo4j();
        var retryDeadline = CommonOptions.RetryDeadline("ingest");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on stderr; print the summary only when an article failed (for scripts: the exit code says the rest)." };
        var paths = new Argument<string[]>("PATH") { Description = "Article files or directories (.txt, .json, .jsonl, .jsonl.gz, .html).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Ingest articles into the graph store.") { db, neo4j, retryDeadline, quiet, paths };
        command.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("ingest", async () =>
        {
            var reporter = new StoreOutageReporter("ingest", Console.Error);
            RetryPolicy retry = StoreRetry(parse.GetValue(retryDeadline));
            IGraphStore store = await StoreLocation.OpenAsync(parse.GetValue(db), parse.GetValue(neo4j), retry, reporter, cancellationToken).ConfigureAwait(false);
            await using ConfiguredAsyncDisposable _ = store.ConfigureAwait(false);
            var options = new IngestionOptions { StoreRetry = retry, OutageListener = reporter };
            ServiceProvider pipeline = Pipeline.Build(store, options);
            await using ConfiguredAsyncDisposable __ = pipeline.ConfigureAwait(false);
            bool isQuiet = parse.GetValue(quiet);

            // A new embedded store is bulk-loaded: its read indexes are built once, after the articles (Storage.Sqlite README).
            bool bulk = store is SqliteGraphStore sqlite && await sqlite.BeginBulkLoadAsync(cancellationToken).ConfigureAwait(false);
            IngestSummary summary;
            try
            {
                summary = await IngestAsync(pipeline.GetRequiredService<IArticleIngestor>(), parse.GetValue(paths) ?? [], !isQuiet, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (bulk)
                {
                    await ((SqliteGraphStore)store).EndBulkLoadAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            if (!isQuiet || summary.Failures.Count > 0)
            {
                await Console.Out.WriteLineAsync(summary.Describe(StoreLocation.Describe(parse.GetValue(db), parse.GetValue(neo4j)))).ConfigureAwait(false);
            }

            return summary.StoreUnavailable is not null ? StoreErrors.UnavailableExitCode : summary.Failures.Count == 0 ? 0 : 1;
        }));
        return command;
    }

    /// <summary>
    /// How an ingest waits for an unavailable store: 1 s, doubling to 15 s between tries, until
    /// <paramref name="deadline"/>. The cap bounds how long a store that is back waits for the next
    /// try (measured: with 30 s, a Neo4j restarted after 33 s sat idle 26 s more); one request per 15 s
    /// costs a server that is down nothing.
    /// </summary>
    public static RetryPolicy StoreRetry(TimeSpan deadline) => new()
    {
        FirstDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(15),
        Deadline = deadline,
    };

    /// <summary>Reads, extracts and stores everything under <paramref name="paths"/>, with the progress display on stderr when <paramref name="showProgress"/>.</summary>
    public static async Task<IngestSummary> IngestAsync(IGraphStore store, IEnumerable<string> paths, bool showProgress, CancellationToken cancellationToken)
    {
        ServiceProvider pipeline = Pipeline.Build(store, new IngestionOptions());
        await using ConfiguredAsyncDisposable _ = pipeline.ConfigureAwait(false);
        return await IngestAsync(pipeline.GetRequiredService<IArticleIngestor>(), paths, showProgress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="IngestAsync(IArticleIngestor, IEnumerable{string}, IngestProgressDisplay?, CancellationToken)"/>, showing progress on stderr when asked.</summary>
    public static async Task<IngestSummary> IngestAsync(IArticleIngestor ingestor, IEnumerable<string> paths, bool showProgress, CancellationToken cancellationToken)
    {
        if (!showProgress)
        {
            return await IngestAsync(ingestor, paths, progress: null, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<string> inputs = [.. paths];
        IngestProgressDisplay progress = IngestProgressDisplay.ForStandardError();
        await using ConfiguredAsyncDisposable _ = progress.ConfigureAwait(false);
        using var stopCounting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // On the thread pool: the reader may complete synchronously for long stretches, and the ingest must not wait for the count.
        Task counting = Task.Run(() => progress.CountArticlesAsync(inputs, stopCounting.Token), stopCounting.Token);
        try
        {
            return await IngestAsync(ingestor, inputs, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The count only serves the display: once the ingest is over, whatever it was doing is moot.
            await stopCounting.CancelAsync().ConfigureAwait(false);
            await counting.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Streams every article under <paramref name="paths"/> through the pipeline (it reads as it has room,
    /// so memory does not grow with the corpus); files that cannot be read are failures of their own.
    /// Each outcome also goes to <paramref name="progress"/> when there is one.
    /// </summary>
    public static async Task<IngestSummary> IngestAsync(IArticleIngestor ingestor, IEnumerable<string> paths, IngestProgressDisplay? progress, CancellationToken cancellationToken)
    {
        var summary = new IngestSummary();
        var unreadable = new List<(string Origin, string Reason)>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        string? unavailable = await ingestor.IngestAsync(Readable(paths, unreadable, progress, cancellationToken), outcome =>
        {
            summary.Add(outcome);
            progress?.Report(outcome);
        }, cancellationToken).ConfigureAwait(false);
        summary.Failures.AddRange(unreadable);
        summary.StoreUnavailable = unavailable;
        summary.Elapsed = started.Elapsed;
        return summary;
    }

    /// <summary>The articles the reader could decode; the rest go to <paramref name="unreadable"/> (read by the pipeline's reader only).</summary>
    private static async IAsyncEnumerable<ArticleInput> Readable(
        IEnumerable<string> paths, List<(string Origin, string Reason)> unreadable, IngestProgressDisplay? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (SourceItem item in ArticleFileReader.ReadAsync(paths, cancellationToken).ConfigureAwait(false))
        {
            if (item.Article is null)
            {
                unreadable.Add((item.Origin, item.Error ?? "unreadable"));
                progress?.ReportUnreadable();
            }
            else
            {
                yield return item.Article;
            }
        }
    }
}
