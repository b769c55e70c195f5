using NewsGraph.Core.Graph;
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

    /// <summary>Attempts per batch when the store reports a transient failure.</summary>
    public int MaxAttempts { get; init; } = 3;
}

/// <summary>
/// The ingestion pipeline: validate → extract → upsert in batches → announce. Each article is
/// keyed (URL, else hash of its normalized text) and duplicates within a run are ingested once.
/// A failure belongs to the article that caused it: a bad article is reported with its reason
/// and the rest of the batch lands; if a whole batch is refused by the store, its articles are
/// retried one by one so only the offending one fails.
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

            await UpsertAsync(batch, outcomes, inputs, cancellationToken).ConfigureAwait(false);
            foreach ((int index, int first) in duplicates)
            {
                outcomes[index] = outcomes[first] with { Origin = inputs[index].Origin, DuplicateOf = inputs[first].Origin };
            }

            duplicates.Clear();
            done += count;
            progress?.Report(done);
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

    private async Task<string?> TryUpsertAsync(IReadOnlyList<ArticleGraph> graphs, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await store.UpsertAsync(graphs, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < options.MaxAttempts && IsTransient(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << attempt)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return ex.Message;
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex is TimeoutException or HttpRequestException || ex.GetType().Name.Contains("Transient", StringComparison.Ordinal)
        || (ex.Data.Contains("transient") && ex.Data["transient"] is true);
}
