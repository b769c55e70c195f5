using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// The Neo4j server the tests run against: <c>NEWSGRAPH_NEO4J_URI</c> (plus _USER, _PASSWORD,
/// _DATABASE) when set, else the one <c>tests/neo4j-server/neo4j-test-server.sh start</c> wrote to
/// <c>run/current.env</c>. Asked once per test run; when nothing answers, <see cref="SkipReason"/>
/// says why and every server test is skipped with it (never passed).
/// <para>
/// The server has one database, which tests empty and fill, and two test projects use it (this one and
/// the CLI's Neo4j benchmark tests, which link this file). A test process therefore takes the server's
/// lease — an exclusive lock on a file named after its address, held until the process exits, which the
/// operating system releases even after a crash — before its first test touches the server, so
/// <c>dotnet test</c> of the whole solution, which runs test projects side by side, runs their server
/// tests one project after the other instead of emptying the database under each other.
/// </para>
/// </summary>
public static class Neo4jTestServer
{
    /// <summary>How long a test process waits for another to finish with the server before it fails.</summary>
    private static readonly TimeSpan s_leaseWait = TimeSpan.FromMinutes(20);

    private static readonly Lazy<Task<(Neo4jConnectionOptions? Options, string? SkipReason)>> s_server = new(ProbeAsync);

    private static readonly Lazy<Task<FileStream>> s_lease = new(AcquireLeaseAsync);

    public static async Task<Neo4jConnectionOptions> RequireAsync()
    {
        (Neo4jConnectionOptions? options, string? reason) = await s_server.Value;
        Skip.If(options is null, reason);
        await s_lease.Value;
        return options!;
    }

    /// <summary>The lock file of the server's address, in the temporary folder every test process on this machine shares.</summary>
    public static string LeasePath(Uri server) =>
        Path.Combine(Path.GetTempPath(), $"newsgraph-neo4j-test-{server.Host}-{server.Port}.lock");

    private static async Task<FileStream> AcquireLeaseAsync()
    {
        Neo4jConnectionOptions options = (await s_server.Value).Options!;
        string path = LeasePath(options.Uri);
        DateTime giveUp = DateTime.UtcNow + s_leaseWait;
        while (true)
        {
            try
            {
                // FileShare.None: .NET takes an exclusive advisory lock (flock) on Unix, a share lock on Windows.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    /// <summary>True when a server answers (fixtures decide without skipping; tests call <see cref="RequireAsync"/>).</summary>
    public static async Task<bool> AnswersAsync() => (await s_server.Value).Options is not null;

    /// <summary>A connected store over a database emptied first (the schema stays).</summary>
    public static async Task<Neo4jGraphStore> EmptyStoreAsync(CancellationToken cancellationToken)
    {
        Neo4jConnectionOptions options = await RequireAsync();
        Neo4jGraphStore store = await Neo4jGraphStore.ConnectAsync(options, cancellationToken);
        await store.DeleteAllAsync(cancellationToken);
        return store;
    }

    private static async Task<(Neo4jConnectionOptions?, string?)> ProbeAsync()
    {
        Neo4jConnectionOptions? options = Neo4jConnectionOptions.FromEnvironment();
        string origin = "NEWSGRAPH_NEO4J_URI";
        if (options is null && FindEnvFile() is { } file)
        {
            Dictionary<string, string> values = File.ReadAllLines(file)
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
            options = Neo4jConnectionOptions.FromVariables(name => values.GetValueOrDefault(name));
            origin = file;
        }

        if (options is null)
        {
            return (null, "No Neo4j server: NEWSGRAPH_NEO4J_URI is unset and tests/neo4j-server/run/current.env is missing (run tests/neo4j-server/neo4j-test-server.sh start).");
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await using Neo4jGraphStore store = await Neo4jGraphStore.ConnectAsync(options.With(maxRetries: 1, timeout: TimeSpan.FromSeconds(15)), timeout.Token);
            return (options, null);
        }
        catch (Exception ex) when (ex is Neo4jException or OperationCanceledException or HttpRequestException)
        {
            return (null, $"No Neo4j server answers at {options.Uri} (from {origin}): {ex.Message}");
        }
    }

    private static string? FindEnvFile()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "neo4j-server", "run", "current.env");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
