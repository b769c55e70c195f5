using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Sqlite.Writing;

namespace NewsGraph.Storage.Sqlite;

/// <summary>The store's writes: schema and migrations, upserts and removals, each batch one transaction.</summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Segments an entity full-text index may have after a write batch before it is merged whole. Every
    /// batch leaves a new segment; FTS5's own merging (and the little merge work each batch asks for)
    /// keeps the count near 10 (measured: 10 and 6 segments after 10,000 articles in 50 batches). A
    /// whole merge rewrites the index, so its cost grows with the graph: at the former limit of 4 it
    /// ran every few batches and took 22 s of a 159 s corpus load (30,640 articles), and more per
    /// article the larger the graph. A lookup probes every segment (≈38 µs at 1 segment, 58-70 µs at
    /// 8-12), a price paid in microseconds against whole-index rewrites.
    /// </summary>
    private const int MaxFullTextSegments = 16;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(DatabasePath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using SqliteConnection connection = await OpenAsync(cancellationToken);

            // journal_mode is stored in the file, but cannot change inside a transaction.
            await ExecuteAsync(connection, null, SqliteStatements.EnableWriteAheadLog, cancellationToken);
            if (Convert.ToInt64(await ScalarAsync(connection, SqliteStatements.SelectFts5Available, cancellationToken), CultureInfo.InvariantCulture) != 1)
            {
                throw new NotSupportedException("The SQLite library in use was built without FTS5, which the embedded store needs for search.");
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, SqliteStatements.CreateSchemaVersionTable, cancellationToken);
            long stored;
            await using (SqliteCommand command = Command(connection, SqliteStatements.SelectSchemaVersion))
            {
                command.Transaction = transaction;
                stored = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            if (stored > SqliteStatements.SchemaVersion)
            {
                throw new NotSupportedException(
                    $"'{DatabasePath}' has schema version {stored}, newer than this build's {SqliteStatements.SchemaVersion}.");
            }

            // The steps' C# parts run after every step's statements: they use this build's code, which
            // reads and writes this build's tables (version 8 links reprints into version 10's bands).
            var applied = SqliteStatements.Migrations.Where(m => m.Version > stored).ToList();
            foreach ((int _, string[] statements) in applied)
            {
                foreach (string statement in statements)
                {
                    await ExecuteAsync(connection, transaction, statement, cancellationToken);
                }
            }

            foreach ((int version, string[] _) in applied)
            {
                await SqliteMigrations.AfterStatementsAsync(version, connection, transaction, cancellationToken);
                await using SqliteCommand insert = Command(connection, SqliteStatements.InsertSchemaVersion);
                insert.Transaction = transaction;
                insert.Parameters.AddWithValue("@version", (long)version);
                insert.Parameters.AddWithValue("@appliedAt", Now.ToString("O", CultureInfo.InvariantCulture));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);

            // A bulk load that never ended (the process stopped before EndBulkLoadAsync): its indexes are made now.
            await EndBulkLoadAsync(connection, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The time stamped on what is written (the write session, a nested class, reaches the primary constructor's clock through it).</summary>
    private DateTimeOffset Now => timeProvider.GetUtcNow();

    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArticleGraphUpsert.Validate(batch);
        if (batch.Count == 0)
        {
            return UpsertResult.Empty;
        }

        return await WriteAsync((commands, cancellation) => new SqliteUpsert(commands, Now).RunAsync(batch, cancellation), cancellationToken);
    }

    public async Task<RemoveResult> RemoveArticlesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> keys = ArticleGraphUpsert.RemovalKeys(articleKeys);
        if (keys.Count == 0)
        {
            return RemoveResult.Empty;
        }

        return await WriteAsync((commands, cancellation) => new SqliteUpsert(commands, Now).RemoveAsync(keys, cancellation), cancellationToken);
    }

    /// <summary>
    /// Runs one write batch in one transaction on the writer connection: <c>BEGIN IMMEDIATE</c> takes
    /// the write lock up front instead of failing on upgrade mid-batch; the full-text indexes get
    /// their share of merging before the commit.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteBatchCommands, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using SqliteConnection connection = await OpenAsync(cancellationToken);
            await using SqliteTransaction transaction = await BeginWriterTransactionAsync(connection, cancellationToken);
            T result;
            await using (var commands = new SqliteBatchCommands(connection, transaction))
            {
                result = await write(commands, cancellationToken);
            }

            await KeepFullTextIndexesMergedAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Committed(connection);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// The writer's settings (<see cref="SqliteStatements.WriterPragmas"/>) on a connection just opened,
    /// then its transaction (<c>BEGIN IMMEDIATE</c>): one way in for a batch and for a write session.
    /// </summary>
    private static async Task<SqliteTransaction> BeginWriterTransactionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, SqliteStatements.WriterPragmas, cancellationToken);
        return (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// After a commit on the writer's <paramref name="connection"/> (outside a transaction, under the write
    /// gate): the log's checkpoint, off this thread unless the log is due to start over (<see cref="SqliteWalCheckpointer"/>).
    /// </summary>
    private void Committed(SqliteConnection connection)
    {
        _checkpointer ??= new SqliteWalCheckpointer(DatabasePath, WalRestartPages);
        _checkpointer.Committed(connection);
    }

    /// <summary>
    /// Ends a write batch: a little incremental merging, then a whole merge when either full-text
    /// index has more than <see cref="MaxFullTextSegments"/> segments.
    /// </summary>
    private static async Task KeepFullTextIndexesMergedAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, SqliteStatements.MergeFullTextIndexes, cancellationToken);
        long segments;
        await using (SqliteCommand count = Command(connection, SqliteStatements.SelectFullTextSegmentCount))
        {
            count.Transaction = transaction;
            segments = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (segments > MaxFullTextSegments)
        {
            await ExecuteAsync(connection, transaction, SqliteStatements.OptimizeFullTextIndexes, cancellationToken);
        }
    }
}
