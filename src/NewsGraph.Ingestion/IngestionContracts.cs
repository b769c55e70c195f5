using NewsGraph.Core.Graph;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion;

/// <summary>
/// One article as a source hands it over: raw text plus whatever metadata the source knows.
/// <see cref="Origin"/> names where it came from (file path, "file.jsonl:12", "mutation[3]") for reports.
/// </summary>
public sealed record ArticleInput(
    string Origin,
    string Text,
    string? Title = null,
    string? Url = null,
    DateOnly? Published = null,
    string? Source = null,
    string? File = null);

/// <summary>
/// What became of one article of a batch. A second copy of an article shares the first one's
/// outcome and names it in <see cref="DuplicateOf"/>: it is in the store, but was not written again.
/// <see cref="Write"/> says what storing the article did (new, replaced, unchanged), when the store says.
/// </summary>
public sealed record ArticleOutcome(
    string Origin,
    string? ArticleKey,
    string? Title,
    int Entities,
    int Relations,
    string? Error,
    string? DuplicateOf = null)
{
    public bool Succeeded => Error is null;

    /// <summary>For a stored first copy: whether the store created, replaced or left the article as it was; null otherwise.</summary>
    public ArticleWrite? Write { get; init; }
}

/// <summary>The result of one ingestion run: one outcome per input, in input order.</summary>
public sealed record IngestReport(IReadOnlyList<ArticleOutcome> Outcomes)
{
    /// <summary>
    /// Set when the store stayed unavailable past the retry deadline: why. The batch that was
    /// waiting and every later article are then failed outcomes ("not stored: …"), never sent.
    /// </summary>
    public string? StoreUnavailable { get; init; }

    /// <summary>Inputs whose article is in the store, second copies included (each input has an outcome).</summary>
    public int Succeeded => Outcomes.Count(o => o.Succeeded);

    /// <summary>Articles written, each counted once however many copies came.</summary>
    public int Ingested => Outcomes.Count(o => o.Succeeded && o.DuplicateOf is null);

    /// <summary>Articles the store did not have before.</summary>
    public int New => Outcomes.Count(o => o.Succeeded && o.DuplicateOf is null && o.Write == ArticleWrite.Created);

    /// <summary>Articles stored before with other content, now replaced.</summary>
    public int Changed => Outcomes.Count(o => o.Succeeded && o.DuplicateOf is null && o.Write == ArticleWrite.Replaced);

    /// <summary>Articles stored before as they are: nothing was written.</summary>
    public int Unchanged => Outcomes.Count(o => o.Succeeded && o.DuplicateOf is null && o.Write == ArticleWrite.Unchanged);

    /// <summary>Second copies of an article ingested in the same run.</summary>
    public int Duplicates => Outcomes.Count(o => o.Succeeded && o.DuplicateOf is not null);

    public int Failed => Outcomes.Count(o => !o.Succeeded);

    public int Entities => Outcomes.Where(o => o.DuplicateOf is null).Sum(o => o.Entities);

    public int Relations => Outcomes.Where(o => o.DuplicateOf is null).Sum(o => o.Relations);
}

/// <summary>Raised after an article has been committed to the store (feeds live subscriptions).</summary>
public sealed record ArticleIngested(string ArticleKey, string? Title, string? Source, DateOnly? Published, int Entities, int Relations);

/// <summary>
/// Ingests articles: validates each, extracts its graph and upserts the batch. A bad article fails
/// alone with its reason; the rest of the batch lands.
/// </summary>
public interface IArticleIngestor
{
    Task<IngestReport> IngestAsync(IReadOnlyList<ArticleInput> inputs, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Ingests a stream of articles (read as the pipeline has room for them, so any number), reporting
    /// each outcome in input order once its batch is committed; the reason the store was given up on, else null.
    /// </summary>
    Task<string?> IngestAsync(IAsyncEnumerable<ArticleInput> inputs, Action<ArticleOutcome> outcome, CancellationToken cancellationToken);
}

/// <summary>A broadcast of committed articles; each subscriber gets every event after it subscribed.</summary>
public interface IIngestionEvents
{
    IAsyncEnumerable<ArticleIngested> SubscribeAsync(CancellationToken cancellationToken);
}

/// <summary>Hears, as it happens, that an ingest is waiting for an unavailable store and when the store is back.</summary>
public interface IStoreOutageListener
{
    /// <summary>The store did not answer; the same batch is tried again after <see cref="RetryNotice.Delay"/>.</summary>
    void Retrying(RetryNotice notice);

    /// <summary>The batch landed after <paramref name="outage"/> and <paramref name="attempts"/> attempts.</summary>
    void Recovered(TimeSpan outage, int attempts);
}
