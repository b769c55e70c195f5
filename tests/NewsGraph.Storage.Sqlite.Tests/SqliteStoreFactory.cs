using NewsGraph.Core.Storage;
using NewsGraph.Storage.Contract;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>Fresh stores on temporary files, each deleted (with its WAL and shared-memory files) on disposal.</summary>
public sealed class SqliteStoreFactory : IGraphStoreFactory
{
    private readonly List<SqliteGraphStore> _stores = [];

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "newsgraph-sqlite-tests", Guid.NewGuid().ToString("N"), "graph.db");

    public async Task<IGraphStore> CreateEmptyStoreAsync(CancellationToken cancellationToken)
    {
        var store = new SqliteGraphStore(NewDatabasePath());
        _stores.Add(store);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (SqliteGraphStore store in _stores)
        {
            await store.DisposeAsync();
            DeleteDatabase(store.DatabasePath);
        }
    }

    public static void DeleteDatabase(string path)
    {
        if (Path.GetDirectoryName(path) is { } directory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
