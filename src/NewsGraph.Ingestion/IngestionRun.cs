using System.Threading.Channels;
using NewsGraph.Core.Diagnostics;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion;

/// <summary>
/// One ingestion run, as three stages joined by bounded channels:
/// <list type="number">
/// <item>the <b>reader</b> numbers the inputs and queues each twice — for extraction, and in input order
/// for the writer — waiting while <see cref="Window"/> articles are in flight (backpressure: a slow
/// store holds the reader back instead of filling memory);</item>
/// <item><see cref="IngestionOptions.ExtractionParallelism"/> <b>extraction threads</b> (dedicated: extraction
/// is pure CPU work and must not starve the thread pool the writer runs on);</item>
/// <item>one <b>writer</b> takes the articles back in input order, dedupes them, and stores each
/// <see cref="IngestionOptions.BatchSize"/> inputs as one batch (<see cref="BatchWriter"/>) while the
/// threads extract the next ones.</item>
/// </list>
/// Batches are cut by input position only, so they are the same whatever the scheduling: the stored
/// graph equals a run on one thread. Outcomes are reported in input order, after their batch is
/// committed. Cancellation stops every stage; a failure of the source ends the run with it.
/// </summary>
internal sealed class IngestionRun
{
    private readonly ArticleIngestor _ingestor;
    private readonly IngestionOptions _options;
    private readonly BatchWriter _writer;
    private readonly IngestionTelemetry _telemetry;

    // Article key → its first copy in this run (one entry per article: the duplicates' report).
    private readonly Dictionary<string, FirstCopy> _seen = new(StringComparer.Ordinal);
    private volatile string? _notStored;

    public IngestionRun(ArticleIngestor ingestor, IGraphWriter store, IngestionEvents events, IngestionOptions options, IngestionTelemetry telemetry, Action<int, ArticleOutcome> report)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ExtractionParallelism, 1);
        _ingestor = ingestor;
        _options = options;
        _telemetry = telemetry;
        _writer = new BatchWriter(store, events, options, telemetry, report);
    }

    /// <summary>
    /// Articles queued at most between the reader and the writer (so read but not stored, at most: this,
    /// the batch being written and one article each in the reader's and the writer's hands): two batches, so the threads extract the next
    /// batch while the writer stores this one, plus a few per thread so none waits for work.
    /// </summary>
    private int Window => (2 * _options.BatchSize) + (4 * _options.ExtractionParallelism);

    /// <summary>Runs the pipeline to the end; the reason the store was given up on, else null.</summary>
    public async Task<string?> RunAsync(IAsyncEnumerable<ArticleInput> inputs, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channelOptions = new BoundedChannelOptions(Window) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait };
        Channel<Slot> work = Channel.CreateBounded<Slot>(channelOptions);
        Channel<Slot> ordered = Channel.CreateBounded<Slot>(channelOptions);
        Task reader = ReadAsync(inputs, work.Writer, ordered.Writer, stop.Token);
        Task[] extractors = Enumerable.Range(0, _options.ExtractionParallelism)
            .Select(_ => Task.Factory.StartNew(() => ExtractAll(work.Reader, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            await WriteAllAsync(ordered.Reader, stop.Token).ConfigureAwait(false);
            return _notStored;
        }
        finally
        {
            // Normally every stage has finished by now; after a failure or cancellation this stops the rest.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll([reader, .. extractors]).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(IAsyncEnumerable<ArticleInput> inputs, ChannelWriter<Slot> work, ChannelWriter<Slot> ordered, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            int sequence = 0;
            await foreach (ArticleInput input in inputs.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var slot = new Slot(sequence++, input);
                _telemetry.Queued();
                await ordered.WriteAsync(slot, cancellationToken).ConfigureAwait(false);
                await work.WriteAsync(slot, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            work.TryComplete(failure);
            ordered.TryComplete(failure);
        }
    }

    private void ExtractAll(ChannelReader<Slot> work, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if (!work.TryRead(out Slot? slot))
                {
                    // Blocks this dedicated thread only; false once the reader is done and the queue empty.
                    if (!work.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                    {
                        return;
                    }

                    continue;
                }

                // Once the store is given up on, the rest is only listed as not stored: no need to extract it.
                Extraction extraction = _notStored is null ? _ingestor.Extract(slot.Input) : default;
                if (extraction.Graph is { } graph)
                {
                    // The hash, fingerprint and normalized text the store's writer needs, computed here in parallel.
                    ArticleDigests.Prepare(graph);
                }

                slot.Extracted.TrySetResult(extraction);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Extraction never throws (Extract returns failures), so this is the queue: the run is
            // stopping, or the reader failed after the queue emptied. The writer reports either.
        }
    }

    private async Task WriteAllAsync(ChannelReader<Slot> ordered, CancellationToken cancellationToken)
    {
        var pending = new List<PendingArticle>(_options.BatchSize);
        await foreach (Slot slot in ordered.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Extraction extraction = await slot.Extracted.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            pending.Add(Classify(slot, extraction));
            if (pending.Count == _options.BatchSize)
            {
                await FlushAsync(pending, cancellationToken).ConfigureAwait(false);
            }
        }

        await FlushAsync(pending, cancellationToken).ConfigureAwait(false);
    }

    private PendingArticle Classify(Slot slot, Extraction extraction)
    {
        ArticleGraph? graph = extraction.Graph;
        if (_notStored is not null || graph is null)
        {
            return _notStored is not null
                ? new PendingArticle(slot.Sequence, slot.Input, null, _notStored, null) { FailureReason = FailureReasons.StoreUnavailable }
                : new PendingArticle(slot.Sequence, slot.Input, null, extraction.Error, null) { FailureReason = extraction.FailureReason };
        }

        if (_seen.TryGetValue(graph.Article.Key, out FirstCopy? first))
        {
            return new PendingArticle(slot.Sequence, slot.Input, graph, null, first); // the same article again: it shares the first one's outcome
        }

        var copy = new FirstCopy(slot.Input.Origin);
        _seen[graph.Article.Key] = copy;
        return new PendingArticle(slot.Sequence, slot.Input, graph, null, null) { First = copy };
    }

    private async Task FlushAsync(List<PendingArticle> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        if (_notStored is null)
        {
            try
            {
                await _writer.UpsertAsync(pending, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreUnavailableException ex)
            {
                // The store stayed away past the deadline: this batch and everything after it are not
                // stored, each listed with the reason, so a rerun of the same input completes the work.
                _notStored = "not stored: " + ex.Message;
                _telemetry.StoreGivenUp(ex.Message, pending.Count);
            }
        }

        _writer.Report(pending, _notStored);
        pending.Clear();
    }

    /// <summary>One input on its way through: its place in the input and, once extracted, its graph or why it has none.</summary>
    private sealed class Slot(int sequence, ArticleInput input)
    {
        public int Sequence { get; } = sequence;

        public ArticleInput Input { get; } = input;

        public TaskCompletionSource<Extraction> Extracted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// The first copy of an article in a run: where it came from and, once its batch is stored, what
/// became of it (kept small: one lives per article of the run).
/// </summary>
internal sealed class FirstCopy(string origin)
{
    public string Origin { get; } = origin;

    public int Entities { get; set; }

    public int Relations { get; set; }

    public string? Error { get; set; }

    public string? FailureReason { get; set; }
}

/// <summary>
/// An input waiting in the writer's batch: a graph to store (<see cref="First"/> set), a second copy of
/// an article (<see cref="DuplicateOf"/> set), or a failure (<see cref="Error"/> set).
/// </summary>
internal sealed record PendingArticle(int Sequence, ArticleInput Input, ArticleGraph? Graph, string? Error, FirstCopy? DuplicateOf)
{
    public FirstCopy? First { get; init; }

    /// <summary>One of <see cref="FailureReasons"/> when the article fails (set with <see cref="Error"/>, or by <see cref="BatchWriter"/>).</summary>
    public string? FailureReason { get; set; }

    /// <summary>Set by <see cref="BatchWriter"/> once the batch is stored (or refused).</summary>
    public ArticleOutcome? Outcome { get; set; }
}
