using System.Diagnostics;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion;

/// <summary>
/// Group commit: the run's batches are written into one write session (<see cref="IGraphWriter.OpenWriteSession"/>)
/// and committed together once <see cref="IngestionOptions.CommitSize"/> articles are written, once the
/// first of them has waited <see cref="IngestionOptions.CommitInterval"/>, when the input goes idle, and
/// at the end — so the store pays a commit's cost (the pages every batch touches written out again) once
/// per group while batches, and the queues sized by them, stay small. Each batch is still refused or
/// written on its own (<see cref="BatchWriter"/>). Batches are held, in input order, until their commit,
/// and only then are their articles announced and reported.
/// <para>
/// When the session loses its transaction or the commit fails, the held batches are written again one
/// batch per transaction (<see cref="IGraphWriter.UpsertAsync"/>, as without grouping): writes are
/// idempotent, so nothing is lost and each article is reported with what its own write did. Past the
/// store's retry deadline the rest is reported not stored, as for any outage.
/// </para>
/// </summary>
internal sealed class CommitGroup(IGraphWriter store, BatchWriter writer, IngestionOptions options, IngestionTelemetry telemetry) : IAsyncDisposable
{
    private const string Cancelled = "not stored: the ingest was cancelled before its batch was committed";

    // Batches since the last commit, in input order; each is reported (and released) after the commit.
    private readonly List<List<PendingArticle>> _held = [];
    private IGraphWriteSession? _session;
    private int _uncommitted;
    private long _firstUncommittedAt;
    private volatile string? _notStored;

    /// <summary>Why the store was given up on (the rest of the run is not stored), else null.</summary>
    public string? NotStored => _notStored;

    /// <summary>Whether some batch waits for a commit to be reported.</summary>
    public bool HoldsBatches => _held.Count > 0;

    /// <summary>Takes the batch (it is reported after its commit), writes its new articles into the group, and commits when due.</summary>
    public async Task AddAsync(List<PendingArticle> batch, CancellationToken cancellationToken)
    {
        _held.Add(batch);
        if (_notStored is null && batch.Any(p => p.First is not null))
        {
            try
            {
                _session ??= store.OpenWriteSession();
                await writer.WriteAsync(batch, _session.WriteAsync, cancellationToken).ConfigureAwait(false);
                CountWritten(batch);
            }
            catch (OperationCanceledException)
            {
                // Interrupted before a write: the run commits what the group holds, this batch's articles
                // written one by one before the interruption included, and reports the rest not stored.
                CountWritten(batch);
                throw;
            }
            catch (WriteSessionLostException ex)
            {
                telemetry.GroupLost(ex.Message, _held.Sum(b => b.Count));
                await WriteHeldAgainAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (StoreUnavailableException ex)
            {
                // Past the deadline: this batch (but for articles written one by one before the outage) and
                // everything after it are not stored; what the group holds is committed below.
                CountWritten(batch);
                GiveUp(ex.Message, batch.Count);
            }
        }

        if (_uncommitted == 0 || _uncommitted >= options.CommitSize || _notStored is not null
            || Stopwatch.GetElapsedTime(_firstUncommittedAt) >= options.CommitInterval)
        {
            await CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Commits the group and reports its batches in input order. A failed commit writes the batches
    /// again, one transaction each, before reporting them. The commit itself is not cancelled midway:
    /// the run commits what it holds when it is cancelled.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_uncommitted > 0)
        {
            try
            {
                await _session!.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                _uncommitted = 0;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                telemetry.GroupLost("the commit failed: " + ex.Message, _held.Sum(b => b.Count));
                await WriteHeldAgainAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (List<PendingArticle> batch in _held)
        {
            writer.Report(batch, _notStored ?? Cancelled);
        }

        _held.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync().ConfigureAwait(false);
            _session = null;
        }
    }

    /// <summary>
    /// The session lost what it held: writes every held batch again in a transaction of its own, in
    /// order, and opens a new session for the batches to come. Cancelled midway, the batches not
    /// written again are reported not stored.
    /// </summary>
    private async Task WriteHeldAgainAsync(CancellationToken cancellationToken)
    {
        await DisposeAsync().ConfigureAwait(false);
        _uncommitted = 0;
        foreach (List<PendingArticle> batch in _held)
        {
            BatchWriter.Forget(batch);
        }

        for (int i = 0; i < _held.Count && _notStored is null && !cancellationToken.IsCancellationRequested; i++)
        {
            try
            {
                await writer.WriteAsync(_held[i], store.UpsertAsync, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (StoreUnavailableException ex)
            {
                GiveUp(ex.Message, _held.Skip(i).Sum(b => b.Count));
            }
        }
    }

    /// <summary>Counts the batch's articles now written into the session, awaiting the commit.</summary>
    private void CountWritten(List<PendingArticle> batch)
    {
        int written = batch.Count(p => p.First is not null && p.Outcome is { Succeeded: true });
        if (_uncommitted == 0 && written > 0)
        {
            _firstUncommittedAt = Stopwatch.GetTimestamp();
        }

        _uncommitted += written;
    }

    /// <summary>The store stayed away past the deadline: the rest of the run is listed not stored, so a rerun of the same input completes the work.</summary>
    private void GiveUp(string reason, int pendingArticles)
    {
        _notStored = "not stored: " + reason;
        telemetry.StoreGivenUp(reason, pendingArticles);
    }
}
