using NewsGraph.Core.Graph;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion;

/// <summary>Tuning for <see cref="ArticleIngestor"/>.</summary>
public sealed record IngestionOptions
{
    /// <summary>Articles per store transaction.</summary>
    public int BatchSize { get; init; } = 200;

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
/// The ingestion pipeline: validate → extract → upsert in batches → announce. Each article is
/// keyed (URL, else hash of its normalized text) and duplicates within a run are ingested once.
/// A failure belongs to the article that caused it: a bad article is reported with its reason
/// and the rest of the batch lands; if a whole batch is refused by the store, its articles are
/// retried one by one so only the offending one fails. A store that is unavailable refuses nothing:
/// the batch waits for it (<see cref="IngestionOptions.StoreRetry"/>) and is never split up for it.
/// </summary>
public sealed class ArticleIngestor(IArticleExtractor extractor, IGraphWriter store, IngestionEvents events, IngestionOptions options) : IArticleIngestor
{
    public async Task<IngestReport> IngestAsync(IReadOnlyList<ArticleInput> inputs, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outcomes = new ArticleOutcome[inputs.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<(int Index, int First)>();
        int done = 0;
        for (int start = 0; start < inputs.Count; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(options.BatchSize, inputs.Count - start);
            var extracted = new (ArticleGraph? Graph, string? Error)[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.ExtractionParallelism, CancellationToken = cancellationToken },
                k => extracted[k] = Extract(inputs[start + k]));

            var batch = new List<(int Index, ArticleGraph Graph)>();
            for (int k = 0; k < count; k++)
            {
                int index = start + k;
                (ArticleGraph? graph, string? error) = extracted[k];
                if (graph is null)
                {
                    outcomes[index] = new ArticleOutcome(inputs[index].Origin, null, inputs[index].Title, 0, 0, error);
                }
                else if (seen.TryGetValue(graph.Article.Key, out int first))
                {
                    duplicates.Add((index, first)); // the same article again: it shares the first one's outcome
                }
                else
                {
                    seen[graph.Article.Key] = index;
                    batch.Add((index, graph));
                }
            }

            string? notStored = null;
            try
            {
                await UpsertAsync(batch, outcomes, inputs, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreUnavailableException ex)
            {
                // The store stayed away past the deadline: this batch and everything after it are
                // not stored, each listed with the reason, so a rerun of the same input completes the work.
                notStored = "not stored: " + ex.Message;
                foreach ((int index, ArticleGraph graph) in batch)
                {
                    outcomes[index] ??= new ArticleOutcome(inputs[index].Origin, graph.Article.Key, graph.Article.Title, 0, 0, notStored);
                }

                for (int later = start + count; later < inputs.Count; later++)
                {
                    outcomes[later] = new ArticleOutcome(inputs[later].Origin, null, inputs[later].Title, 0, 0, notStored);
                }
            }

            foreach ((int index, int first) in duplicates)
            {
                outcomes[index] = outcomes[first] with { Origin = inputs[index].Origin, DuplicateOf = inputs[first].Origin };
            }

            duplicates.Clear();
            done += count;
            progress?.Report(done);
            if (notStored is not null)
            {
                return new IngestReport(outcomes) { StoreUnavailable = notStored };
            }
        }

        return new IngestReport(outcomes);
    }

    private (ArticleGraph? Graph, string? Error) Extract(ArticleInput input)
    {
        try
        {
            string text = ArticleDecoding.ValidateText(input.Text);
            var article = new ArticleInfo(GraphKeys.Article(input.Url, text), text, ArticleDecoding.WithoutNul(input.Title), input.Url,
                ArticleDecoding.WithoutNul(input.Source), Published: input.Published, File: input.File);
            ArticleGraph graph = extractor.Extract(article);
            return (graph with { Article = graph.Article with { Title = graph.Article.Title ?? FallbackTitle(graph) } }, null);
        }
        catch (ArticleRejectedException ex)
        {
            return (null, ex.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            // Extraction bugs must not take the batch down; the article fails alone and says why.
            return (null, "extraction failed: " + ex.Message);
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

    private async Task UpsertAsync(List<(int Index, ArticleGraph Graph)> batch, ArticleOutcome[] outcomes, IReadOnlyList<ArticleInput> inputs, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        string? error = await TryUpsertAsync(batch.Select(b => b.Graph).ToList(), cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            foreach ((int index, ArticleGraph graph) in batch)
            {
                Succeed(index, graph, outcomes, inputs);
            }

            return;
        }

        // Find the article the store refused: write them one by one.
        foreach ((int index, ArticleGraph graph) in batch)
        {
            string? single = batch.Count == 1 ? error : await TryUpsertAsync([graph], cancellationToken).ConfigureAwait(false);
            if (single is null)
            {
                Succeed(index, graph, outcomes, inputs);
            }
            else
            {
                outcomes[index] = new ArticleOutcome(inputs[index].Origin, graph.Article.Key, graph.Article.Title, 0, 0, "store refused the article: " + single);
            }
        }
    }

    private void Succeed(int index, ArticleGraph graph, ArticleOutcome[] outcomes, IReadOnlyList<ArticleInput> inputs)
    {
        int entities = graph.Entities.Count(e => e.Kind != NodeKind.Claim);
        outcomes[index] = new ArticleOutcome(inputs[index].Origin, graph.Article.Key, graph.Article.Title, entities, graph.Relations.Count, null);
        events.Publish(new ArticleIngested(graph.Article.Key, graph.Article.Title, graph.Article.Source, graph.Article.Published, entities, graph.Relations.Count));
    }

    /// <summary>Null when the graphs are stored, else why the store refused them; an outage past the deadline throws.</summary>
    private async Task<string?> TryUpsertAsync(IReadOnlyList<ArticleGraph> graphs, CancellationToken cancellationToken)
    {
        try
        {
            await StoreAsync(graphs, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or StoreUnavailableException))
        {
            return ex.Message;
        }
    }

    /// <summary>Upserts, waiting out an outage of the store as <see cref="IngestionOptions.StoreRetry"/> allows.</summary>
    private async Task StoreAsync(IReadOnlyList<ArticleGraph> graphs, CancellationToken cancellationToken)
    {
        RetryPolicy policy = options.StoreRetry;
        RetryNotice? firstWait = null;
        long firstWaitAt = 0;
        RetryNotice? lastWait = null;
        await policy.RunAsync(
            token => store.UpsertAsync(graphs, token),
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
    }
}
