using System.Diagnostics;

namespace NewsGraph.Storage.Neo4j.Tests.Availability;

/// <summary>
/// A Neo4j 3.1.1 of these tests' own, so they can stop it and start it again without disturbing the
/// shared test server: <c>tests/neo4j-server/neo4j-test-server.sh</c> with its own run dir
/// (<c>NEWSGRAPH_NEO4J_RUN_DIR=tests/neo4j-server/run/outage</c>; a JVM left behind by a killed test
/// run is cleaned up by the next start there). <see cref="HaltAsync"/> stops the JVM and keeps the
/// data; <see cref="ResumeAsync"/> brings the same database back at the same address. Started before
/// the test class (so no test pays for it), and only where the shared server answers (else each
/// test is skipped with its reason); stopped when the class is done.
/// </summary>
public sealed class PrivateNeo4jServer : IAsyncLifetime
{
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromSeconds(120);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _runDirectory = Path.Combine(RepositoryPaths.Root(), "tests", "neo4j-server", "run", "outage");
    private Neo4jConnectionOptions? _options;

    public async Task InitializeAsync()
    {
        if (await Neo4jTestServer.AnswersAsync())
        {
            await RequireAsync();
        }
    }

    /// <summary>The server's options (started now if it is not running yet).</summary>
    public async Task<Neo4jConnectionOptions> RequireAsync()
    {
        await Neo4jTestServer.RequireAsync();
        await _gate.WaitAsync();
        try
        {
            if (_options is null)
            {
                string line = await RunScriptAsync("start");
                _options = Neo4jConnectionOptions.ForUri(new Uri(line.Split('=', 2)[1].Trim()));
            }

            return _options;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the JVM (as <c>bin/neo4j stop</c> does), keeping data, ports and state.</summary>
    public Task HaltAsync() => RunScriptAsync("halt");

    /// <summary>Starts the halted server again; returns once it answers Cypher.</summary>
    public Task ResumeAsync() => RunScriptAsync("resume");

    /// <summary>The pid of the server's JVM, from its pid file.</summary>
    public int Pid()
    {
        string work = File.ReadAllLines(Path.Combine(_runDirectory, "current.state"))
            .Select(l => l.Split('=', 2))
            .Single(p => p[0] == "WORK")[1];
        return int.Parse(File.ReadAllText(Path.Combine(work, "run", "neo4j.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_options is not null)
        {
            await RunScriptAsync("stop");
        }

        _gate.Dispose();
    }

    private async Task<string> RunScriptAsync(string command)
    {
        Directory.CreateDirectory(_runDirectory);
        string script = Path.Combine(RepositoryPaths.Root(), "tests", "neo4j-server", "neo4j-test-server.sh");
        string log = Path.Combine(_runDirectory, "script.log");
        var start = new ProcessStartInfo("bash")
        {
            // The script's diagnostics go to a file: the one stdout line is all we read.
            ArgumentList = { "-c", "exec \"$0\" \"$1\" 2>>\"$2\"", script, command, log },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["NEWSGRAPH_NEO4J_RUN_DIR"] = _runDirectory;
        start.Environment["NEWSGRAPH_NEO4J_HEAP_MAX"] = "512m";
        using Process process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(s_scriptTimeout);
        string output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            string tail = string.Join('\n', File.ReadLines(log).TakeLast(30));
            throw new InvalidOperationException($"neo4j-test-server.sh {command} exited with {process.ExitCode}:\n{tail}");
        }

        return output.Trim();
    }
}
