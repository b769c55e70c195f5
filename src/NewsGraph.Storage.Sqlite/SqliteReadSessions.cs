using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// Open read connections, each keeping the statements it has run prepared. Compiling a statement
/// (<c>sqlite3_prepare_v2</c>) costs more than running most of ours on a graph of this size — the
/// grouped-page template with its window functions above all — so reads rent a session, reuse its
/// prepared command for the same SQL text, and hand the session back. Sessions are taken
/// most-recently-returned first (their statements are the warm ones); at most
/// <see cref="MaxIdle"/> wait idle, extra ones opened under a burst are closed when returned.
/// Provider calls complete synchronously, so a session is held only while a statement runs.
/// </summary>
internal sealed class SqliteReadSessions(string connectionString) : IDisposable
{
    /// <summary>Idle sessions kept: enough for every thread-pool worker a small machine runs at once.</summary>
    internal static readonly int MaxIdle = Math.Max(8, 4 * Environment.ProcessorCount);

    private readonly Lock _gate = new();
    private readonly Stack<SqliteReadSession> _idle = new();
    private bool _disposed;

    /// <summary>A session for one operation; disposing it returns it to the pool.</summary>
    public SqliteReadSession Rent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out SqliteReadSession? session))
            {
                return session;
            }
        }

        return new SqliteReadSession(this, connectionString);
    }

    internal void Return(SqliteReadSession session)
    {
        lock (_gate)
        {
            if (!_disposed && _idle.Count < MaxIdle)
            {
                _idle.Push(session);
                return;
            }
        }

        session.Close();
    }

    /// <summary>Closes the idle sessions; sessions still rented close when they are returned.</summary>
    public void Dispose()
    {
        SqliteReadSession[] idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (SqliteReadSession session in idle)
        {
            session.Close();
        }
    }
}

/// <summary>
/// One open connection and its prepared commands by SQL text. Commands are owned by the session:
/// callers bind parameters, run them and dispose their readers, never the commands.
/// </summary>
internal sealed class SqliteReadSession : IDisposable
{
    /// <summary>
    /// Distinct statements kept per session. Filter combinations make the set open-ended in
    /// principle; past this many the session starts over rather than grow.
    /// </summary>
    internal const int MaxStatements = 256;

    private readonly SqliteReadSessions _pool;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteReadSession(SqliteReadSessions pool, string connectionString)
    {
        _pool = pool;
        Connection = new SqliteConnection(connectionString);
        try
        {
            Connection.Open();
            using SqliteCommand pragmas = Connection.CreateCommand();
            pragmas.CommandText = SqliteStatements.ReadSessionPragmas;
            pragmas.ExecuteNonQuery();
        }
        catch
        {
            Connection.Dispose();
            throw;
        }
    }

    public SqliteConnection Connection { get; }

    /// <summary>The session's command for <paramref name="sql"/> (prepared on its first run), with no parameters bound.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            if (_commands.Count >= MaxStatements)
            {
                DisposeCommands();
            }

            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// Stops the statement running on this connection (<c>sqlite3_interrupt</c>, safe from any
    /// thread); it fails with SQLITE_INTERRUPT. A no-op when nothing runs.
    /// </summary>
    public void Interrupt() => SQLitePCL.raw.sqlite3_interrupt(Connection.Handle);

    /// <summary>Returns the session to its pool.</summary>
    public void Dispose() => _pool.Return(this);

    internal void Close()
    {
        DisposeCommands();
        Connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
