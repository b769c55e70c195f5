using Microsoft.Extensions.Logging;
using NewsGraph.Core.Diagnostics;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion;

/// <summary>
/// What a run tells operations, kept out of the pipeline's logic: the <see cref="NewsGraphMetrics"/>
/// instruments (when the host has them) and structured log events. Per-article events are Debug
/// (a corpus is hundreds of thousands of them); failures are Warning with their reason; a store
/// given up on is Error.
/// </summary>
internal sealed partial class IngestionTelemetry(NewsGraphMetrics? metrics, ILogger logger)
{
    public void Queued() => metrics?.QueueChanged(1);

    public void Extracted(TimeSpan elapsed) => metrics?.ExtractionTook(elapsed);

    public void BatchWritten(int articles, UpsertResult? result, TimeSpan elapsed)
    {
        metrics?.WriteTook(elapsed);
        if (result is not null)
        {
            LogBatchStored(logger, articles, elapsed.TotalMilliseconds, result.ArticlesWritten, result.ArticlesUnchanged);
        }
    }

    public void StoreGivenUp(string reason, int pendingArticles) => LogStoreGivenUp(logger, pendingArticles, reason);

    /// <summary>A write session lost its uncommitted batches (or their commit failed): they are written again.</summary>
    public void GroupLost(string reason, int heldArticles) => LogGroupLost(logger, heldArticles, reason);

    /// <summary>One input's outcome, as it leaves the pipeline.</summary>
    public void Reported(ArticleOutcome outcome, string? failureReason)
    {
        metrics?.QueueChanged(-1);
        if (outcome.Succeeded)
        {
            metrics?.ArticleStored(WriteName(outcome));
            LogArticleStored(logger, outcome.Origin, outcome.ArticleKey, WriteName(outcome));
        }
        else
        {
            string reason = failureReason ?? FailureReasons.Rejected;
            metrics?.ArticleFailed(reason);
            LogArticleFailed(logger, outcome.Origin, reason, outcome.Error);
        }
    }

    /// <summary>The <c>write</c> tag of a stored article: new, changed, unchanged or duplicate (and "stored" when the store did not say).</summary>
    internal static string WriteName(ArticleOutcome outcome) =>
        outcome.DuplicateOf is not null ? "duplicate"
        : outcome.Write switch
        {
            ArticleWrite.Created => "new",
            ArticleWrite.Replaced => "changed",
            ArticleWrite.Unchanged => "unchanged",
            _ => "stored",
        };

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Stored a batch of {Articles} articles in {ElapsedMs:F0} ms: {Written} written, {Unchanged} unchanged")]
    private static partial void LogBatchStored(ILogger logger, int articles, double elapsedMs, int written, int unchanged);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Article {Origin} stored as {ArticleKey} ({Write})")]
    private static partial void LogArticleStored(ILogger logger, string origin, string? articleKey, string write);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Article {Origin} not stored ({Reason}): {Error}")]
    private static partial void LogArticleFailed(ILogger logger, string origin, string reason, string? error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Gave up on the store with {Articles} articles of the batch pending: {Reason}")]
    private static partial void LogStoreGivenUp(ILogger logger, int articles, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Writing again, one batch per transaction, the {Articles} articles awaiting a commit: {Reason}")]
    private static partial void LogGroupLost(ILogger logger, int articles, string reason);
}
