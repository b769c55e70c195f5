using NewsGraph.Core.Storage;
using NewsGraph.Storage.Contract;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// Stores over the one test server: each new store empties the database first, so every test
/// starts from nothing (tests in this assembly run one at a time; see AssemblyInfo.cs). With no
/// server, the test is skipped with the reason from <see cref="Neo4jTestServer"/>.
/// </summary>
public sealed class Neo4jStoreFactory : IGraphStoreFactory
{
    private readonly List<Neo4jGraphStore> _stores = [];

    public async Task<IGraphStore> CreateEmptyStoreAsync(CancellationToken cancellationToken)
    {
        Neo4jGraphStore store = await Neo4jTestServer.EmptyStoreAsync(cancellationToken);
        _stores.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (Neo4jGraphStore store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
