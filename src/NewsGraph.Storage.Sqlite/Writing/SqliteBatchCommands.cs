using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// The commands of one write transaction: one prepared command per statement for the whole batch
/// (re-preparing per row dominated ingest time), bound afresh on each use. Commands are owned
/// here and disposed with it; callers never dispose them.
/// </summary>
internal sealed class SqliteBatchCommands(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The batch's command for <paramref name="sql"/>, bound to these parameters.</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        // Parameters are kept and their values replaced: a statement is bound to the same names every time.
        SqliteParameterCollection bound = command.Parameters;
        if (bound.Count != parameters.Length)
        {
            bound.Clear();
            foreach ((string name, object? value) in parameters)
            {
                bound.AddWithValue(name, SqliteValues.OrNull(value));
            }
        }
        else
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                bound[i].ParameterName = parameters[i].Name;
                bound[i].Value = SqliteValues.OrNull(parameters[i].Value);
            }
        }

        return command;
    }

    /// <summary>Runs a statement; the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Command(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Runs a query and maps every row.</summary>
    public async Task<List<T>> ReadAsync<T>(string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<T>();
        await using SqliteDataReader reader = await Command(sql, parameters).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The first column of the first row (null when there is none or it is NULL).</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        object? value = await Command(sql, parameters).ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }
}
