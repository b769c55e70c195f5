using System.Diagnostics.Metrics;

namespace NewsGraph.Core.Diagnostics;

/// <summary>
/// Every instrument NewsGraph publishes, in one place, on the meter <see cref="MeterName"/>: the
/// ingestion pipeline records what became of each article and how long extraction and writes took,
/// the GraphQL transport records request durations and errors by code. A Prometheus scrape shows them
/// with dots as underscores and the unit appended (<c>newsgraph_ingest_articles_total</c>,
/// <c>newsgraph_graphql_request_duration_seconds_bucket</c>). The meter comes from the host's
/// <see cref="IMeterFactory"/>, so two hosts in one process (the tests) keep separate meters.
/// </summary>
public sealed class NewsGraphMetrics
{
    public const string MeterName = "NewsGraph";

    // Tag names and the values of the low-cardinality tags, shared with the docs and the tests.
    public const string WriteTag = "write";
    public const string ReasonTag = "reason";
    public const string CodeTag = "code";
    public const string TransportTag = "transport";
    public const string StatusTag = "status";

    /// <summary>Bucket bounds in seconds, from a fast extraction (a few ms) to a write that waited for the store.</summary>
    private static readonly InstrumentAdvice<double> s_seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private readonly Counter<long> _articles;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _extraction;
    private readonly Histogram<double> _write;
    private readonly UpDownCounter<long> _queueDepth;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _requestErrors;

    public NewsGraphMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(MeterName);
        _articles = meter.CreateCounter<long>("newsgraph.ingest.articles", "{article}",
            "Articles stored by ingestion, by what the write did: new, changed, unchanged (already stored as is), duplicate (a second copy in the same run).");
        _failures = meter.CreateCounter<long>("newsgraph.ingest.failures", "{article}",
            "Articles ingestion could not store, by reason: rejected, extraction_failed, store_refused, store_unavailable.");
        _extraction = meter.CreateHistogram("newsgraph.ingest.extraction.duration", "s", "Time to validate and extract one article.", advice: s_seconds);
        _write = meter.CreateHistogram("newsgraph.ingest.write.duration", "s", "Time to store one batch (one transaction), waits for an unavailable store included.", advice: s_seconds);
        _queueDepth = meter.CreateUpDownCounter<long>("newsgraph.ingest.queue.depth", "{article}", "Articles read by ingestion and not yet reported stored or failed.");
        _requestDuration = meter.CreateHistogram("newsgraph.graphql.request.duration", "s", "Time from receiving a GraphQL HTTP request to the end of writing its answer.", advice: s_seconds);
        _requestErrors = meter.CreateCounter<long>("newsgraph.graphql.errors", "{error}", "GraphQL errors answered, by errors[].extensions.code.");
    }

    /// <summary>One article stored; <paramref name="write"/> is new, changed, unchanged or duplicate.</summary>
    public void ArticleStored(string write) => _articles.Add(1, new KeyValuePair<string, object?>(WriteTag, write));

    /// <summary>One article not stored, for a reason of <see cref="FailureReasons"/>.</summary>
    public void ArticleFailed(string reason) => _failures.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));

    public void ExtractionTook(TimeSpan elapsed) => _extraction.Record(elapsed.TotalSeconds);

    public void WriteTook(TimeSpan elapsed) => _write.Record(elapsed.TotalSeconds);

    /// <summary>Articles entering (positive) or leaving (negative) the pipeline.</summary>
    public void QueueChanged(int delta) => _queueDepth.Add(delta);

    public void RequestTook(TimeSpan elapsed, string transport, int status) =>
        _requestDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(TransportTag, transport), new KeyValuePair<string, object?>(StatusTag, status));

    public void RequestError(string code) => _requestErrors.Add(1, new KeyValuePair<string, object?>(CodeTag, code));
}

/// <summary>The <c>reason</c> values of <c>newsgraph.ingest.failures</c>: few and fixed, so a dashboard can list them.</summary>
public static class FailureReasons
{
    /// <summary>The input is not an article NewsGraph takes (empty, too long, not text).</summary>
    public const string Rejected = "rejected";

    /// <summary>The extractor threw (a bug; the article's failure says which).</summary>
    public const string ExtractionFailed = "extraction_failed";

    /// <summary>The store refused the article itself.</summary>
    public const string StoreRefused = "store_refused";

    /// <summary>The store stayed unavailable past the retry deadline.</summary>
    public const string StoreUnavailable = "store_unavailable";
}
