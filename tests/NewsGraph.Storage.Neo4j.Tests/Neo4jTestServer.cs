using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// The Neo4j server the tests run against: <c>NEWSGRAPH_NEO4J_URI</c> (plus _USER, _PASSWORD,
/// _DATABASE) when set, else the one <c>tests/neo4j-server/neo4j-test-server.sh start</c> wrote to
/// <c>run/current.env</c>. Asked once per test run; when nothing answers, <see cref="SkipReason"/>
/// says why and every server test is skipped with it (never passed).
/// </summary>
public static class Neo4jTestServer
{
    private static readonly Lazy<Task<(Neo4jConnectionOptions? Options, string? SkipReason)>> s_server = new(ProbeAsync);

    public static async Task<Neo4jConnectionOptions> RequireAsync()
    {
        (Neo4jConnectionOptions? options, string? reason) = await s_server.Value;
        Skip.If(options is null, reason);
        return options!;
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
