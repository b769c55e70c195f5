namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>The test server's lease (<see cref="Neo4jTestServer"/>): a test process that uses the server holds it exclusively.</summary>
public sealed class Neo4jTestServerTests
{
    [SkippableFact]
    public async Task RequireAsync_HoldsTheServersLease_SoAnotherTestProcessWaits()
    {
        Neo4jConnectionOptions options = await Neo4jTestServer.RequireAsync();

        // What another test process would do to take it: refused while this one holds it.
        Assert.Throws<IOException>(() => new FileStream(Neo4jTestServer.LeasePath(options.Uri), FileMode.Open, FileAccess.ReadWrite, FileShare.None));
    }
}
