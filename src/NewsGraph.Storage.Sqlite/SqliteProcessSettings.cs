using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// Process-wide SQLite settings, applied once before the first connection opens. SQLite accepts
/// them only before it initializes; if something in the process opened a connection first they
/// are skipped and nothing else changes.
/// </summary>
internal static class SqliteProcessSettings
{
    /// <summary><c>SQLITE_CONFIG_MEMSTATUS</c> from sqlite3.h.</summary>
    private const int ConfigMemStatus = 9;

    private static readonly Lazy<bool> s_applied = new(Apply);

    /// <summary>True when the settings took effect (SQLite had not initialized yet).</summary>
    public static bool EnsureApplied() => s_applied.Value;

    private static bool Apply()
    {
        // Sets the provider (SqliteConnection's static constructor) without opening anything.
        using (new SqliteConnection())
        {
        }

        // Memory statistics make every sqlite3_malloc/free take one global mutex; concurrent readers
        // on separate connections then queue on it (futex wake-ups were ~10% of a loaded server's
        // CPU). The store never reads those statistics.
        return SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0) == SQLitePCL.raw.SQLITE_OK;
    }
}
