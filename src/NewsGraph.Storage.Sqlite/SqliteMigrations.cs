using Microsoft.Data.Sqlite;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Sqlite.Writing;

namespace NewsGraph.Storage.Sqlite;

/// <summary>The steps of a migration that SQL alone cannot take, run after its statements in the same transaction.</summary>
internal static class SqliteMigrations
{
    public static Task AfterStatementsAsync(int version, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) => version switch
    {
        5 => FillConfidenceTalliesAsync(connection, transaction, cancellationToken),
        8 => LinkStoredReprintsAsync(connection, transaction, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// Version 8: every stored article fingerprinted and linked as if it had just arrived, earliest
    /// stored first (ingestion time, then key), so the links are those ingesting them in that order
    /// gives. One pass over the texts; the fingerprints are held in memory (384 bytes an article).
    /// </summary>
    private static async Task LinkStoredReprintsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var stored = new List<(string Key, string Text)>();
        await using (SqliteCommand select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = SqliteStatements.SelectArticleTextsInStoredOrder;
            await using SqliteDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await using var commands = new SqliteBatchCommands(connection, transaction);
        await new SqliteReprints(commands).LinkAsync(stored, cancellationToken);
    }

    /// <summary>
    /// Version 5: each relation's confidence tally from its stored assertions, and its confidence
    /// rewritten from the tally (<see cref="ConfidenceTally"/> needs a logarithm, which not every
    /// SQLite build has). One pass over the scored assertions, in relation order.
    /// </summary>
    private static async Task FillConfidenceTalliesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var tallies = new List<(string Key, ConfidenceTally Tally)>();
        await using (SqliteCommand select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = SqliteStatements.SelectScoredAssertions;
            await using SqliteDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                string relationKey = reader.GetString(0);
                if (tallies.Count == 0 || tallies[^1].Key != relationKey)
                {
                    tallies.Add((relationKey, ConfidenceTally.Empty));
                }

                tallies[^1] = (relationKey, tallies[^1].Tally.Add(reader.GetDouble(1)));
            }
        }

        await using SqliteCommand update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = SqliteStatements.UpdateConfidenceTally;
        SqliteParameter key = update.Parameters.Add("@key", SqliteType.Text);
        SqliteParameter confidence = update.Parameters.Add("@confidence", SqliteType.Real);
        SqliteParameter log = update.Parameters.Add("@confLog", SqliteType.Integer);
        SqliteParameter scored = update.Parameters.Add("@confScored", SqliteType.Integer);
        SqliteParameter certain = update.Parameters.Add("@confCertain", SqliteType.Integer);
        foreach ((string relation, ConfidenceTally tally) in tallies)
        {
            key.Value = relation;
            confidence.Value = (object?)tally.Value ?? DBNull.Value;
            log.Value = tally.LogSum;
            scored.Value = tally.Scored;
            certain.Value = tally.Certain;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
