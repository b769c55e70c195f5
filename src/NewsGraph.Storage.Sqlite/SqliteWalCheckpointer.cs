using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// Checkpoints the write-ahead log on a thread of its own, so the writer's commits no longer copy their
/// pages into the database file, and keeps the log bounded.
/// <para>
/// After each commit the writer tells this class how many pages it wrote to the log and goes on; a
/// background thread, on a connection of its own, then runs a <c>PASSIVE</c> checkpoint, which copies the
/// committed pages into the database file while the writer fills its next transaction. SQLite starts the
/// log over from its beginning only when a write transaction begins with every page of it copied back
/// (and no reader on it); the writer begins its next transaction right after a commit, before the
/// background has copied that commit, so the log would never start over and grow without end (4 GB over
/// the corpus in a trial). So once the pages written since the log last started over pass
/// <see cref="RestartPages"/>, the writer checkpoints itself right after its commit: the background has
/// copied all but that commit by then, so it copies one commit's pages, and its next transaction starts
/// the log over. The log therefore holds at most <see cref="RestartPages"/> plus about two commits' pages.
/// </para>
/// <para>
/// A reader holding an old snapshot (a long read while an ingest runs) keeps a checkpoint from copying
/// past it and the log from starting over, as it did with <c>wal_autocheckpoint</c>; the writer then
/// tries again after another <see cref="RestartPages"/> pages. A checkpoint that fails (another process
/// checkpointing, an I/O error) loses nothing committed: the next one copies what it left.
/// </para>
/// </summary>
internal sealed class SqliteWalCheckpointer : IDisposable
{
    /// <summary>
    /// Pages written to the log after which the writer makes it start over (<see cref="SqliteStatements.WriterPragmas"/>
    /// says why this size).
    /// </summary>
    public const int DefaultRestartPages = 131072;

    private readonly SqliteConnection _connection;
    private readonly Lock _checkpointing = new();
    private readonly AutoResetEvent _due = new(initialState: false);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _pagesSinceRestart;

    public SqliteWalCheckpointer(string databasePath, int restartPages)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(restartPages);
        RestartPages = restartPages;

        // Unpooled: this connection is kept for the store's life and closed with it, never handed to a reader.
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        _connection.Open();
        using (SqliteCommand pragmas = _connection.CreateCommand())
        {
            pragmas.CommandText = SqliteStatements.CheckpointerPragmas;
            pragmas.ExecuteNonQuery();
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite WAL checkpointer" };
        _thread.Start();
    }

    /// <summary>Pages written to the log after which the writer makes it start over.</summary>
    public int RestartPages { get; }

    /// <summary>How many times the writer checkpointed the whole log for it to start over.</summary>
    public int Restarts { get; private set; }

    /// <summary>
    /// Called by the writer right after a commit on <paramref name="writer"/>, outside any transaction:
    /// hands the checkpoint to the background thread, or, once the log is past <see cref="RestartPages"/>,
    /// checkpoints it whole now so that the writer's next transaction starts it over.
    /// </summary>
    public void Committed(SqliteConnection writer)
    {
        // The pages this connection wrote to the log since it was last asked (a pooled connection keeps
        // its count; resetting it makes each call see its own commits).
        SQLitePCL.raw.sqlite3_db_status(writer.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out int written, out int _, 1);
        _pagesSinceRestart += written;
        if (_pagesSinceRestart < RestartPages)
        {
            _due.Set();
            return;
        }

        if (Checkpoint())
        {
            _pagesSinceRestart = 0;
            Restarts++;
        }
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _due.Set();
        _thread.Join();
        _connection.Dispose();
        _due.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _due.WaitOne();
            if (_stopping)
            {
                return;
            }

            Checkpoint();
        }
    }

    /// <summary>A <c>PASSIVE</c> checkpoint; whether it copied every page of the log back (so that it can start over).</summary>
    private bool Checkpoint()
    {
        lock (_checkpointing)
        {
            try
            {
                using SqliteCommand command = _connection.CreateCommand();
                command.CommandText = SqliteStatements.CheckpointPassive;
                using SqliteDataReader reader = command.ExecuteReader();

                // busy (another checkpoint held the lock), pages in the log, pages copied back.
                return reader.Read() && reader.GetInt64(0) == 0 && reader.GetInt64(1) == reader.GetInt64(2);
            }
            catch (SqliteException)
            {
                // Nothing committed is lost: the next checkpoint copies what this one left.
                return false;
            }
        }
    }
}
