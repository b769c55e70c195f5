using System.Diagnostics;
using NewsGraph.Core.Diagnostics;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion;

/// <summary>One write of graphs to the store: a write session's <see cref="IGraphWriteSession.WriteAsync"/> or a transaction of its own (<see cref="IGraphWriter.UpsertAsync"/>).</summary>
internal delegate Task<UpsertResult> WriteGraphs(IReadOnlyList<ArticleGraph> graphs, CancellationToken cancellationToken);

/// <summary>
/// Writes one batch and reports it: the batch goes to the store in one write (through a write session or
/// in a transaction of its own); when the store refuses it, the batch is written again one article at a
/// time to find the article refused; an unavailable store is waited out as <see cref="IngestionOptions.StoreRetry"/>
/// allows. Outcomes are only recorded on the articles here; <see cref="Report"/> announces and reports
/// them once they are committed (<see cref="CommitGroup"/> decides when).
/// </summary>
internal sealed class BatchWriter(IngestionEvents events, IngestionOptions options, IngestionTelemetry telemetry, Action<int, ArticleOutcome> report)
{
    /// <summary>
    /// Writes the batch's new articles with <paramref name="write"/>; an outage past the deadline throws
    /// <see cref="StoreUnavailableException"/>, a lost write session <see cref="WriteSessionLostException"/>.
    /// </summary>
    public async Task WriteAsync(List<PendingArticle> pending, WriteGraphs write, CancellationToken cancellationToken)
    {
        List<PendingArticle> batch = pending.Where(p => p.First is not null).ToList();
        if (batch.Count == 0)
        {
            return;
        }

        (UpsertResult? stored, string? error) = await TryWriteAsync(batch.Select(b => b.Graph!).ToList(), write, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            foreach (PendingArticle article in batch)
            {
                Succeed(article, stored!);
            }

            return;
        }

        // Find the article the store refused: write them one by one.
        foreach (PendingArticle article in batch)
        {
            (UpsertResult? single, string? singleError) = batch.Count == 1 ? (null, error) : await TryWriteAsync([article.Graph!], write, cancellationToken).ConfigureAwait(false);
            if (singleError is null)
            {
                Succeed(article, single!);
            }
            else
            {
                Fail(article, "store refused the article: " + singleError);
            }
        }
    }

    /// <summary>Forgets what writing the batch's articles gave, before they are written again (their first write was rolled back).</summary>
    public static void Forget(List<PendingArticle> pending)
    {
        foreach (PendingArticle article in pending.Where(p => p.First is not null))
        {
            article.Outcome = null;
            article.FailureReason = null;
            article.First!.Error = null;
            article.First.FailureReason = null;
        }
    }

    /// <summary>Reports every input of the batch in order; <paramref name="notStored"/> is the reason for those not written.</summary>
    public void Report(List<PendingArticle> pending, string? notStored)
    {
        foreach (PendingArticle article in pending)
        {
            ArticleInput input = article.Input;
            ArticleOutcome outcome;
            if (article.DuplicateOf is { } first)
            {
                outcome = new ArticleOutcome(input.Origin, article.Graph!.Article.Key, article.Graph.Article.Title, first.Entities, first.Relations,
                    first.Error, first.Origin); // the first copy came earlier in input order, so it is settled
                article.FailureReason = first.FailureReason;
            }
            else
            {
                outcome = article.Outcome
                    ?? new ArticleOutcome(input.Origin, article.Graph?.Article.Key, article.Graph?.Article.Title ?? input.Title, 0, 0, article.Error ?? notStored);
                if (outcome.Error is not null && article.FailureReason is null)
                {
                    article.FailureReason = FailureReasons.StoreUnavailable; // only "not stored" comes without a reason of its own
                }

                if (article.First is { } copy && outcome.Error is { } error)
                {
                    copy.Error = error;
                    copy.FailureReason = article.FailureReason;
                }
            }

            if (article.First is not null && outcome.Succeeded)
            {
                // Announced only now that it is committed: a subscriber may read it back at once.
                ArticleGraph graph = article.Graph!;
                events.Publish(new ArticleIngested(graph.Article.Key, graph.Article.Title, graph.Article.Source, graph.Article.Published, outcome.Entities, outcome.Relations));
            }

            telemetry.Reported(outcome, article.FailureReason);
            report(article.Sequence, outcome);
        }
    }

    private static void Succeed(PendingArticle article, UpsertResult stored)
    {
        ArticleGraph graph = article.Graph!;
        int entities = graph.Entities.Count(e => e.Kind != NodeKind.Claim);
        article.Outcome = new ArticleOutcome(article.Input.Origin, graph.Article.Key, graph.Article.Title, entities, graph.Relations.Count, null)
        {
            Write = stored.Writes.TryGetValue(graph.Article.Key, out ArticleWrite write) ? write : null,
        };
        article.First!.Entities = entities;
        article.First.Relations = graph.Relations.Count;
    }

    private static void Fail(PendingArticle article, string error)
    {
        ArticleGraph graph = article.Graph!;
        article.Outcome = new ArticleOutcome(article.Input.Origin, graph.Article.Key, graph.Article.Title, 0, 0, error);
        article.FailureReason = FailureReasons.StoreRefused;
        article.First!.Error = error;
        article.First.FailureReason = FailureReasons.StoreRefused;
    }

    /// <summary>What the store did when the graphs are stored, else why it refused them; an outage past the deadline throws.</summary>
    private async Task<(UpsertResult? Stored, string? Error)> TryWriteAsync(
        IReadOnlyList<ArticleGraph> graphs, WriteGraphs write, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        UpsertResult? stored = null;
        try
        {
            stored = await StoreAsync(graphs, write, cancellationToken).ConfigureAwait(false);
            return (stored, null);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or StoreUnavailableException or WriteSessionLostException or OutOfMemoryException))
        {
            return (null, ex.Message);
        }
        finally
        {
            telemetry.BatchWritten(graphs.Count, stored, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Writes, waiting out an outage of the store as <see cref="IngestionOptions.StoreRetry"/> allows.</summary>
    private async Task<UpsertResult> StoreAsync(
        IReadOnlyList<ArticleGraph> graphs, WriteGraphs write, CancellationToken cancellationToken)
    {
        RetryPolicy policy = options.StoreRetry;
        RetryNotice? firstWait = null;
        long firstWaitAt = 0;
        RetryNotice? lastWait = null;
        UpsertResult stored = await policy.RunAsync(
            token => write(graphs, token),
            static ex => ex is StoreUnavailableException,
            notice =>
            {
                if (firstWait is null)
                {
                    firstWait = notice;
                    firstWaitAt = policy.Time.GetTimestamp();
                }

                lastWait = notice;
                options.OutageListener?.Retrying(notice);
            },
            cancellationToken).ConfigureAwait(false);
        if (firstWait is not null)
        {
            options.OutageListener?.Recovered(firstWait.Elapsed + policy.Time.GetElapsedTime(firstWaitAt), lastWait!.NextAttempt);
        }

        return stored;
    }
}
