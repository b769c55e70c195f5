using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>
/// A unit of work on a store (<see cref="IGraphWriter.OpenWriteSession"/>): the batches written
/// through it are committed together, at <see cref="CommitAsync"/>, so a writer pays a commit's fixed
/// costs — the index pages every batch touches written out again, the log grown by them — once for
/// several small batches instead of once per batch, without holding a large batch in memory. A store
/// may commit earlier than asked (<see cref="CommitPerBatchSession"/> commits every batch as it is
/// written); nothing written through a session is visible to readers before it is committed.
/// Disposing a session rolls back what it has not committed. A session is used by one caller at a time.
/// </summary>
public interface IGraphWriteSession : IAsyncDisposable
{
    /// <summary>
    /// Writes a batch as <see cref="IGraphWriter.UpsertAsync"/> would (the same validation, the same
    /// result), in the session's open transaction. When the batch fails and nothing else is lost —
    /// the store undid the batch alone, or it was the first since the last commit — the error is thrown
    /// as UpsertAsync throws it and the session takes the next batch. When the failure takes earlier
    /// uncommitted batches with it (the store cannot undo one batch alone, the transaction or the
    /// connection is gone) it throws <see cref="WriteSessionLostException"/>: everything written since
    /// the last commit is lost and the session takes no more writes (write the batches again, through a
    /// new session or <see cref="IGraphWriter.UpsertAsync"/>). <see cref="StoreUnavailableException"/>
    /// means the store was not reached for this batch; the earlier ones are as they were.
    /// </summary>
    Task<UpsertResult> WriteAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Commits every batch written since the last commit; the session then takes more batches. When
    /// it throws, none of those batches is stored (as far as the store can tell: writes are idempotent,
    /// so writing them again is always safe) and the session takes no more writes.
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A failure took the session's whole open transaction with it (the connection dropped, the disk
/// filled, the database rolled the transaction back): every batch written since the last commit is
/// lost, not only the one that failed.
/// </summary>
public sealed class WriteSessionLostException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// The session of a store that commits each batch as it is written (<see cref="IGraphWriter.UpsertAsync"/>,
/// one transaction per call): <see cref="CommitAsync"/> has nothing left to do. The default for stores
/// and decorators that do not group commits.
/// </summary>
public sealed class CommitPerBatchSession(IGraphWriter store) : IGraphWriteSession
{
    public Task<UpsertResult> WriteAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken) => store.UpsertAsync(batch, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
