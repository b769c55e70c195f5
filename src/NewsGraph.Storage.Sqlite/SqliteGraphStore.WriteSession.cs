using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Sqlite.Writing;

namespace NewsGraph.Storage.Sqlite;

/// <summary>Group commit: several write batches in one transaction.</summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// A session whose batches share one transaction until <see cref="IGraphWriteSession.CommitAsync"/>
    /// (see <see cref="SqliteWriteSession"/>). While a transaction is open the session holds this
    /// store's write gate and SQLite's write lock, so other writers wait for its commit.
    /// </summary>
    public IGraphWriteSession OpenWriteSession()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new SqliteWriteSession(this);
    }

    /// <summary>
    /// One transaction spanning several write batches. The first batch opens it (gate, connection,
    /// writer pragmas, <c>BEGIN IMMEDIATE</c>) and the commit closes it, so a session holds nothing
    /// between commits. The rows each batch builds are released once it is written; what the
    /// transaction holds lives in SQLite's page cache (bounded by <c>cache_size</c>, spilled to the WAL
    /// beyond it), and readers, on their own connections, keep seeing the last commit. The prepared
    /// statements are kept for the whole transaction.
    /// <para>
    /// Batches are not wrapped in savepoints: a <c>SAVEPOINT</c> per batch cost 30–75 % more CPU than the
    /// whole ingest without it (measured on 2,400 articles, 17–18 CPU-s against 24–31), which is more
    /// than group commit saves. A batch that fails therefore ends the transaction: when it was the
    /// first since the last commit, nothing else was pending and its error is thrown as
    /// <see cref="IGraphWriter.UpsertAsync"/> throws it; otherwise the batches before it are lost with
    /// it and the session says so (<see cref="WriteSessionLostException"/>), so the caller writes them
    /// again. A store refuses a batch only when something is wrong with it, so this is rare.
    /// </para>
    /// </summary>
    private sealed class SqliteWriteSession(SqliteGraphStore store) : IGraphWriteSession
    {
        private SqliteConnection? _connection;
        private SqliteTransaction? _transaction;
        private SqliteBatchCommands? _commands;
        private int _pendingBatches;
        private string? _lost;

        /// <summary>
        /// Cancellation is heard before the batch starts; once started, the batch is written whole
        /// (stopping midway would roll back every batch pending with it), which takes a second or two.
        /// </summary>
        public async Task<UpsertResult> WriteAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(batch);
            ThrowIfLost();
            ArticleGraphUpsert.Validate(batch);
            if (batch.Count == 0)
            {
                return UpsertResult.Empty;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await BeginAsync(cancellationToken);
            try
            {
                UpsertResult result = await new SqliteUpsert(_commands!, store.Now).RunAsync(batch, CancellationToken.None);
                await KeepFullTextIndexesMergedAsync(_connection!, _transaction!, CancellationToken.None);
                _pendingBatches++;
                return result;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                int lost = _pendingBatches;
                await EndAsync(); // rolls the transaction back: the batch's partial writes must not be committed
                if (lost == 0)
                {
                    throw; // nothing else was pending: the session goes on with the next batch
                }

                _lost = $"a failed batch rolled back the {lost} batches written since the last commit: {ex.Message}";
                throw new WriteSessionLostException($"SQLite at {store.DatabasePath}: {_lost}", ex);
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
                store.Committed(_connection!);
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
                _transaction = await BeginWriterTransactionAsync(_connection, cancellationToken);
                _commands = new SqliteBatchCommands(_connection, _transaction);
            }
            catch
            {
                await EndAsync();
                throw;
            }
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
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                // The transaction is gone either way; closing the connection below discards it.
            }
            finally
            {
                await _connection.DisposeAsync();
                _commands = null;
                _transaction = null;
                _connection = null;
                _pendingBatches = 0;
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
