using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// The first load of an empty store, with the indexes only reads use and the entity full-text triggers put aside
/// until it ends (issue 13, seventh round). Written incrementally, every batch moved each touched entity's entries in
/// its count and ranking indexes and rewrote its full-text rows; built once at the end, they are a sorted pass. The
/// graph is the same (its tables row for row, the full-text indexes term for term); reads during the load are
/// correct but slow (no list index), so only a command that loads a new file (<c>ingest</c>, <c>bench ingest</c>)
/// asks for it, never a server.
/// </summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Puts the read indexes and entity full-text triggers aside if the store is empty (nothing to do, false,
    /// otherwise, or when a bulk load is already under way); <see cref="EndBulkLoadAsync"/> makes them again.
    /// What was put aside is recorded in the file, so <see cref="InitializeAsync"/> ends a load a crash interrupted.
    /// </summary>
    public async Task<bool> BeginBulkLoadAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using SqliteConnection connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            if (await BulkLoadPendingAsync(connection, transaction, cancellationToken)
                || !await FlagAsync(connection, transaction, SqliteStatements.SelectGraphIsEmpty, cancellationToken))
            {
                return false;
            }

            await ExecuteAsync(connection, transaction, SqliteStatements.CreateBulkLoadDeferred, cancellationToken);
            await using (SqliteCommand save = Command(connection, SqliteStatements.SaveBulkLoadDeferred))
            {
                save.Transaction = transaction;
                save.Parameters.AddWithValue("@names", SqliteJson.Serialize(SqliteStatements.BulkLoadIndexes.Concat(SqliteStatements.BulkLoadTriggers)));
                await save.ExecuteNonQueryAsync(cancellationToken);
            }

            // Names from the fixed lists above, not input: DDL takes no parameters.
            foreach (string index in SqliteStatements.BulkLoadIndexes)
            {
                await ExecuteAsync(connection, transaction, $"DROP INDEX IF EXISTS {index};", cancellationToken);
            }

            foreach (string trigger in SqliteStatements.BulkLoadTriggers)
            {
                await ExecuteAsync(connection, transaction, $"DROP TRIGGER IF EXISTS {trigger};", cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Makes what <see cref="BeginBulkLoadAsync"/> put aside again and rebuilds the entity full-text indexes, in one transaction; nothing when no load is under way.</summary>
    public async Task EndBulkLoadAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using SqliteConnection connection = await OpenAsync(cancellationToken);
            await EndBulkLoadAsync(connection, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Under the write gate: ends a bulk load if one is recorded in the file.</summary>
    private async Task EndBulkLoadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            if (!await BulkLoadPendingAsync(connection, transaction, cancellationToken))
            {
                return;
            }

            var definitions = new List<string>();
            await using (SqliteCommand select = Command(connection, SqliteStatements.SelectBulkLoadDeferred))
            {
                select.Transaction = transaction;
                await using SqliteDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    definitions.Add(reader.GetString(0));
                }
            }

            // The definitions are the schema's own, saved from sqlite_master by BeginBulkLoadAsync.
            foreach (string definition in definitions)
            {
                await ExecuteAsync(connection, transaction, definition, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, SqliteStatements.RebuildEntityFullText, cancellationToken);
            await ExecuteAsync(connection, transaction, SqliteStatements.DropBulkLoadDeferred, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Committed(connection);
    }

    private static Task<bool> BulkLoadPendingAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        FlagAsync(connection, transaction, SqliteStatements.SelectBulkLoadPending, cancellationToken);

    private static async Task<bool> FlagAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command(connection, sql);
        command.Transaction = transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }
}
