using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsGraph.Cli.Commands;

namespace NewsGraph.Cli.Tests;

/// <summary>
/// The executable when Neo4j is not there: <c>serve</c> says so in one line and exits 69; <c>ingest</c>
/// says on stderr that it is waiting and retrying, and past its deadline lists every article not
/// stored and exits 69. Neo4j is played by a local listener (or by nothing at all): no server needed.
/// </summary>
public sealed class StoreUnavailableCommandTests
{
    [Fact]
    public async Task Serve_Neo4jNotReachableAtStartUp_SaysSoInOneLineAndExits69WithoutAStackTrace()
    {
        int port = ClosedPort();
        var clock = Stopwatch.StartNew();

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["serve", "--neo4j", $"http://127.0.0.1:{port}", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(69, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"newsgraph serve: Neo4j at http://127.0.0.1:{port} is not reachable: GET / failed: Connection refused", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Ingest_Neo4jGoesAwayAfterConnecting_RetriesSayingSoThenListsEveryArticleNotStoredAndExits69()
    {
        using var dir = new TempDir();
        string[] files = ["a.txt", "b.txt", "c.txt"];
        foreach ((string file, int i) in files.Select((f, i) => (f, i)))
        {
            await File.WriteAllTextAsync(dir.File(file), $"قال وزير الخارجية الأردني أيمن الصفدي في عمان اليوم إن الحل السياسي هو الطريق رقم {i}.");
        }

        await using var neo4j = new Neo4jThatGoesAway();

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["ingest", "--neo4j", neo4j.Uri.ToString(), "--retry-deadline", "3s", dir.Path]);

        Assert.Equal(69, result.ExitCode);
        string store = $"Neo4j at {neo4j.Uri.GetLeftPart(UriPartial.Authority)}";
        // Delays are jittered (±20 %): 1 s, then 2 s.
        Assert.Matches($@"newsgraph ingest: {Regex(store)} unavailable \(.*Connection refused.*\), retrying in (\d+ ms|1 s) \(attempt 2, gives up in \d s\)", result.Stderr);
        Assert.Matches(@"retrying in (1|2) s \(attempt 3, gives up in \d s\)", result.Stderr);
        Assert.Contains("0 new, 0 changed, 0 unchanged articles", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 articles not stored because the store stayed unavailable past the retry deadline", result.Stdout, StringComparison.Ordinal);
        foreach (string file in files)
        {
            Assert.Contains($"failed: {dir.File(file)}: not stored: {store} is unavailable: ", result.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("300", 300)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("2min", 120)]
    [InlineData("1h", 3600)]
    [InlineData("250ms", 0.25)]
    [InlineData("00:05:00", 300)]
    [InlineData("0", 0)]
    public void ParseDuration_UsualSpellings_GiveTheirSeconds(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), CommonOptions.ParseDuration(text));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("5 parsecs")]
    public void ParseDuration_NotADuration_IsNull(string text)
    {
        Assert.Null(CommonOptions.ParseDuration(text));
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    /// <summary>A port nothing listens on (taken from the kernel, then released).</summary>
    private static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// Plays a Neo4j 3.x through connecting (discovery, version, schema, and the reprint backfill's one
    /// read, which finds no article to link) and goes away for good when the first write batch's first
    /// request arrives (the one asking for the stored content hashes, sent as a read or, since the write
    /// path's reads go as writes, to <c>…/transaction/commit</c>): the listener closes, so every later
    /// request is refused.
    /// </summary>
    private sealed class Neo4jThatGoesAway : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private bool _schemaApplied;

        public Neo4jThatGoesAway()
        {
            int port = ClosedPort();
            Uri = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Uri.ToString());
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public Uri Uri { get; }

        public async ValueTask DisposeAsync()
        {
            if (_listener.IsListening)
            {
                _listener.Stop();
            }

            _listener.Close();
            await _loop;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                string path = context.Request.Url!.AbsolutePath;
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                bool firstWrite = (await reader.ReadToEndAsync()).Contains("contentHash", StringComparison.Ordinal);
                string? answer = (context.Request.HttpMethod, path) switch
                {
                    _ when firstWrite => null,
                    ("GET", "/") => $$"""{"management":"{{Uri}}db/manage/","data":"{{Uri}}db/data/"}""",
                    ("GET", "/db/data/") => """{"neo4j_version":"3.1.1"}""",
                    ("POST", "/db/data/transaction") => $$"""{"commit":"{{Uri}}db/data/transaction/1/commit","results":[],"errors":[]}""",
                    ("POST", "/db/data/transaction/1/commit") when _schemaApplied => """{"results":[{"columns":["key"],"data":[]}],"errors":[]}""",
                    ("POST", "/db/data/transaction/1/commit") => """{"results":[{"columns":["name","versions","edition"],"data":[{"row":["Neo4j Kernel",["3.1.1"],"community"]}]}],"errors":[]}""",
                    ("POST", "/db/data/transaction/commit") => """{"results":[{"columns":[],"data":[]}],"errors":[]}""",
                    _ => """{"results":[],"errors":[]}""",
                };
                if (answer is null)
                {
                    // Gone: this request and every later one find no server.
                    context.Response.Abort();
                    _listener.Stop();
                    return;
                }

                _schemaApplied |= path == "/db/data/transaction/commit";
                context.Response.StatusCode = path == "/db/data/transaction" ? 201 : 200;
                if (path == "/db/data/transaction")
                {
                    context.Response.Headers["Location"] = $"{Uri}db/data/transaction/1";
                }

                byte[] body = Encoding.UTF8.GetBytes(answer);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }
    }
}
