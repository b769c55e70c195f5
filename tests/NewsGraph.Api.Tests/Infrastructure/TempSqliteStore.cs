using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>The embedded SQLite store in a fresh temporary file, deleted on dispose.</summary>
public sealed class TempSqliteStore : DelegatingStore
{
    private readonly SqliteGraphStore _store;

    private TempSqliteStore(SqliteGraphStore store)
        : base(store)
    {
        _store = store;
    }

    /// <summary>The database file (the tests that take it away and bring it back move it).</summary>
    public string DatabasePath => _store.DatabasePath;

    public static async Task<TempSqliteStore> CreateAsync(IReadOnlyList<ArticleGraph>? articles = null)
    {
        string directory = Path.Combine(Path.GetTempPath(), "newsgraph-api-tests");
        Directory.CreateDirectory(directory);
        var store = new SqliteGraphStore(Path.Combine(directory, Guid.NewGuid().ToString("N") + ".db"), new ApiHost.FixedTime());
        await store.InitializeAsync(CancellationToken.None);
        if (articles is { Count: > 0 })
        {
            await store.UpsertAsync(articles, CancellationToken.None);
        }

        return new TempSqliteStore(store);
    }

    public override async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_store.DatabasePath + suffix);
        }
    }
}
