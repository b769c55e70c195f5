using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Sqlite.Writing;

namespace NewsGraph.Storage.Sqlite;

/// <summary>Group commit: several write batches in one transaction, each in a savepoint of its own.</summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// A session whose batches share one transaction until <see cref="IGraphWriteSession.CommitAsync"/>
    /// (see <see cref="SqliteWriteSession"/>). While a transaction is open the session holds this
    /// store's write gate and SQLite's write lock, so other writers wait for its commit.
    /// </summary>
    /// <summary>The time stamped on written articles (the session reaches the primary constructor's clock through it).</summary>
    private DateTimeOffset Now => timeProvider.GetUtcNow();

    public IGraphWriteSession OpenWriteSession()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new SqliteWriteSession(this);
    }

    /// <summary>
    /// One transaction spanning several write batches. The first batch opens it (gate, connection,
    /// writer pragmas, <c>BEGIN IMMEDIATE</c>) and the commit closes it, so a session holds nothing
    /// between commits. Each batch runs inside <c>SAVEPOINT batch</c>: a batch that fails is rolled back
    /// to it, alone, and the earlier batches stay pending. The rows each batch builds are released when
    /// it is written; what the transaction holds lives in SQLite's page cache (bounded by
    /// <c>cache_size</c>, spilled to the WAL beyond it) — readers, on their own connections, keep
    /// seeing the last commit. The prepared statements are kept for the whole transaction.
    /// </summary>
    private sealed class SqliteWriteSession(SqliteGraphStore store) : IGraphWriteSession
    {
        private const string BatchSavepoint = "batch";

        private SqliteConnection? _connection;
        private SqliteTransaction? _transaction;
        private SqliteBatchCommands? _commands;
        private string? _lost;

        public async Task<UpsertResult> WriteAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(batch);
            ThrowIfLost();
            ArticleGraphUpsert.Validate(batch);
            if (batch.Count == 0)
            {
                return UpsertResult.Empty;
            }

            await BeginAsync(cancellationToken);
            await _transaction!.SaveAsync(BatchSavepoint, cancellationToken);
            try
            {
                UpsertResult result = await new SqliteUpsert(_commands!, store.Now).RunAsync(batch, cancellationToken);
                await KeepFullTextIndexesMergedAsync(_connection!, _transaction, cancellationToken);
                await _transaction.ReleaseAsync(BatchSavepoint, cancellationToken);
                return result;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await UndoBatchAsync(ex);
                throw;
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            ThrowIfLost();
            if (_transaction is null)
            {
                return; // nothing written since the last commit
            }

            try
            {
                await _transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _lost = "its commit failed: " + ex.Message;
                throw;
            }
            finally
            {
                // Committed or not, the transaction is over: release the connection and let other writers in.
                await EndAsync();
            }
        }

        public ValueTask DisposeAsync() => new(EndAsync());

        private async Task BeginAsync(CancellationToken cancellationToken)
        {
            if (_transaction is not null)
            {
                return;
            }

            await store._writeGate.WaitAsync(cancellationToken);
            try
            {
                _connection = await store.OpenAsync(cancellationToken);
                await ExecuteAsync(_connection, null, SqliteStatements.WriterPragmas, cancellationToken);
                _transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
                _commands = new SqliteBatchCommands(_connection, _transaction);
            }
            catch
            {
                await EndAsync();
                throw;
            }
        }

        /// <summary>
        /// Rolls the failed batch back to its savepoint. Some errors (a full disk, an I/O error) make
        /// SQLite roll back the whole transaction itself; then, or when the rollback fails, every batch
        /// since the last commit is gone and the caller must hear it, not just this batch's error.
        /// </summary>
        private async Task UndoBatchAsync(Exception failure)
        {
            try
            {
                if (SQLitePCL.raw.sqlite3_get_autocommit(_connection!.Handle) == 0)
                {
                    await _transaction!.RollbackAsync(BatchSavepoint, CancellationToken.None);
                    await _transaction.ReleaseAsync(BatchSavepoint, CancellationToken.None);
                    return;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = new AggregateException(failure, ex);
            }

            _lost = "the transaction was rolled back by a failed batch: " + failure.Message;
            await EndAsync();
            throw new WriteSessionLostException($"SQLite at {store.DatabasePath} lost the uncommitted batches: {_lost}", failure);
        }

        /// <summary>Ends the transaction (rolling back what is not committed) and lets other writers in.</summary>
        private async Task EndAsync()
        {
            if (_connection is null)
            {
                return;
            }

            try
            {
                if (_commands is not null)
                {
                    await _commands.DisposeAsync();
                }

                if (_transaction is not null)
                {
                    // Rolls back unless committed; SQLite may already have rolled it back itself.
                    await _transaction.DisposeAsync();
                }
            }
            catch (SqliteException)
            {
                // The transaction is gone either way; closing the connection below discards it.
            }
            finally
            {
                await _connection.DisposeAsync();
                _commands = null;
                _transaction = null;
                _connection = null;
                store._writeGate.Release();
            }
        }

        private void ThrowIfLost()
        {
            if (_lost is not null)
            {
                throw new WriteSessionLostException($"SQLite at {store.DatabasePath}: this write session takes no more writes, {_lost}.");
            }
        }
    }
}
