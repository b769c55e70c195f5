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
/// threads extract the next ones; several batches share a commit (<see cref="CommitGroup"/>).</item>
/// </list>
/// Batches are cut by input position only, so they are the same whatever the scheduling: the stored
/// graph equals a run on one thread. Outcomes are reported in input order, after their batch is
/// committed; the writer commits as soon as the input goes idle, so a slow source's outcomes are not
/// held back. Cancellation stops every stage (what is written is committed and reported first); a
/// failure of the source ends the run with it.
/// </summary>
internal sealed class IngestionRun
{
    private readonly ArticleIngestor _ingestor;
    private readonly IngestionOptions _options;
    private readonly CommitGroup _group;
    private readonly IngestionTelemetry _telemetry;

    // Article key → its first copy in this run (one entry per article: the duplicates' report).
    private readonly Dictionary<string, FirstCopy> _seen = new(StringComparer.Ordinal);

    public IngestionRun(ArticleIngestor ingestor, IGraphWriter store, IngestionEvents events, IngestionOptions options, IngestionTelemetry telemetry, Action<int, ArticleOutcome> report)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ExtractionParallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CommitSize, 1);
        _ingestor = ingestor;
        _options = options;
        _telemetry = telemetry;
        _group = new CommitGroup(store, new BatchWriter(events, options, telemetry, report), options, telemetry);
    }

    /// <summary>Why the store was given up on: the rest of the run is not stored (nor extracted), only listed.</summary>
    private string? NotStored => _group.NotStored;

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
            return NotStored;
        }
        finally
        {
            await _group.DisposeAsync().ConfigureAwait(false);

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
                Extraction extraction = NotStored is null ? _ingestor.Extract(slot.Input) : default;
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
        try
        {
            while (true)
            {
                if (!ordered.TryRead(out Slot? slot))
                {
                    if (_group.HoldsBatches)
                    {
                        // The input is idle: commit and report what is written rather than hold it back.
                        await _group.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (!await ordered.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    continue;
                }

                Extraction extraction = await slot.Extracted.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                pending.Add(Classify(slot, extraction));
                if (pending.Count == _options.BatchSize)
                {
                    await _group.AddAsync(pending, cancellationToken).ConfigureAwait(false);
                    pending = new List<PendingArticle>(_options.BatchSize);
                }
            }

            if (pending.Count > 0)
            {
                await _group.AddAsync(pending, cancellationToken).ConfigureAwait(false);
            }

            await _group.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Cancelled, or the source failed: what the group wrote before is committed and reported, as
            // it would have been had each batch been its own transaction; the batch not yet written is not.
            await _group.CommitAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private PendingArticle Classify(Slot slot, Extraction extraction)
    {
        ArticleGraph? graph = extraction.Graph;
        if (NotStored is not null || graph is null)
        {
            return NotStored is not null
                ? new PendingArticle(slot.Sequence, slot.Input, null, NotStored, null) { FailureReason = FailureReasons.StoreUnavailable }
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
