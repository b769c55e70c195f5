using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>A store's database file read directly, as the tests that check what is stored need it (no pooling: each call opens and closes).</summary>
internal sealed class SqliteFile(string path)
{
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using SqliteConnection connection = Open();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using SqliteConnection connection = Open();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using SqliteConnection connection = Open();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<T>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>Every row of the tables, as text, rows sorted within each table; <paramref name="select"/> gives each table's query.</summary>
    public async Task<string> DumpAsync(IEnumerable<string> tables, Func<string, string> select)
    {
        var lines = new List<string>();
        await using SqliteConnection connection = Open();
        foreach (string table in tables)
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = select(table);
            var rows = new List<string>();
            await using SqliteDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(table + ": " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            lines.AddRange(rows.Order(StringComparer.Ordinal));
        }

        return string.Join("\n", lines);
    }
}
