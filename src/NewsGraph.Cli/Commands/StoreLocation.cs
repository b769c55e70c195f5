using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;
using NewsGraph.Storage.Neo4j;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// Where the graph lives. With no option the embedded store is used, in a file under the user's
/// data folder (created on first run), so that one command on a fresh machine has a store.
/// </summary>
internal static class StoreLocation
{
    /// <summary>The default embedded database file: $NEWSGRAPH_DB, else ~/.local/share/newsgraph/newsgraph.db.</summary>
    public static string DefaultDatabasePath()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("NEWSGRAPH_DB");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(root, "newsgraph", "newsgraph.db");
    }

    /// <summary>
    /// Opens (and initializes) the store the options name: Neo4j when a URI is given (credentials
    /// from NEWSGRAPH_NEO4J_USER/_PASSWORD/_DATABASE), else the embedded file. A Neo4j that does not
    /// answer throws <see cref="StoreUnavailableException"/> at once.
    /// </summary>
    public static Task<IGraphStore> OpenAsync(FileInfo? database, Uri? neo4j, CancellationToken cancellationToken) =>
        OpenAsync(database, neo4j, RetryPolicy.None, null, cancellationToken);

    /// <summary>As above, trying Neo4j again under <paramref name="retry"/> while it does not answer (each wait told to <paramref name="listener"/>).</summary>
    public static async Task<IGraphStore> OpenAsync(FileInfo? database, Uri? neo4j, RetryPolicy retry, IStoreOutageListener? listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retry);
        if (neo4j is not null)
        {
            Neo4jConnectionOptions options = Neo4jConnectionOptions.FromUri(neo4j);
            return await retry.RunAsync(
                token => Neo4jGraphStore.ConnectAsync(options, token),
                static ex => ex is StoreUnavailableException,
                listener is null ? null : listener.Retrying,
                cancellationToken).ConfigureAwait(false);
        }

        string path = database?.FullName ?? DefaultDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var store = new SqliteGraphStore(path, TimeProvider.System);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>A description of the store for messages (never contains credentials).</summary>
    public static string Describe(FileInfo? database, Uri? neo4j) =>
        neo4j is not null ? "Neo4j at " + neo4j.GetLeftPart(UriPartial.Authority) : "embedded store " + (database?.FullName ?? DefaultDatabasePath());
}
