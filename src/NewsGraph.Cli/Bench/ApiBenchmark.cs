using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsGraph.Core.Storage;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// Drives a running API with a load generator on the same machine (autocannon, installed from
/// tests/web's lock file) for five queries — a trivial one, the A1 person detail, the A6
/// dashboard query, and a neighbourhood of depth 2 and a search for the graph's best-connected
/// person — next to a plain Kestrel endpoint in the same process as the baseline, and
/// prints requests/s, p50, p99 and the ratio to the baseline.
/// </summary>
/// <remarks>
/// On a small machine the load generator and the server share the cores, so requests/s alone
/// says as much about the generator and about whatever else runs as about the server. Each row
/// therefore also gives the server's CPU time per request (this process's CPU time over the run
/// divided by the requests served), which does not depend on how the cores were shared, and the
/// footer says how the machine's CPU was split between server, load generator and other processes.
/// </remarks>
internal static class ApiBenchmark
{
    private const string BaselinePath = "/baseline";
    private const string BaselineBody = "{\"data\":{\"__typename\":\"Query\"}}";

    /// <summary>
    /// Seconds of load on every target before any run is measured: tiered JIT compilation goes on in
    /// the background for several seconds and would otherwise be counted against the first queries.
    /// </summary>
    private const int WarmupSeconds = 3;

    private static readonly (string Name, string Query)[] s_queries =
    [
        ("trivial", BenchQueries.Trivial),
        ("A1 person detail", BenchQueries.PersonDetailA1),
        ("A6 dashboard", BenchQueries.Dashboard),
    ];

    public static async Task<int> RunAsync(IGraphStore store, int connections, int seconds, TextWriter output, CancellationToken cancellationToken)
    {
        string autocannon = Path.GetFullPath(Path.Combine("tests", "web", "node_modules", "autocannon", "autocannon.js"));
        if (!File.Exists(autocannon))
        {
            await output.WriteLineAsync($"autocannon not found at {autocannon}: run `npm ci --prefix tests/web` in the repository root first").ConfigureAwait(false);
            return 2;
        }

        BenchServer server = await BenchServer.StartAsync(store, web =>
            // The baseline: the same server, no GraphQL — what Kestrel alone costs per request.
            web.MapPost(BaselinePath, () => Results.Text(BaselineBody, "application/json")), cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            string graphql = server.GraphQL.ToString();
            var targets = new List<(string Name, string Url, string Body)> { ("baseline (plain Kestrel)", server.Url + BaselinePath, "{}") };
            foreach ((string name, string body) in await BodiesAsync(server, cancellationToken).ConfigureAwait(false))
            {
                int size = Encoding.UTF8.GetByteCount(await server.ExpectDataAsync(body, cancellationToken).ConfigureAwait(false));
                await output.WriteLineAsync($"{name}: {body} ({size:N0} bytes of data, no errors)").ConfigureAwait(false);
                targets.Add((name, graphql, body));
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"{"",-24} {"req/s",9} {"p50",7} {"p99",7} {"mean",8} {"ratio",6} {"server CPU/req",15}").ConfigureAwait(false);
            foreach ((_, string target, string body) in targets)
            {
                await LoadAsync(autocannon, target, body, connections, WarmupSeconds, cancellationToken).ConfigureAwait(false);
            }

            Run? baseline = null;
            var total = default(CpuSplit);
            foreach ((string name, string target, string body) in targets)
            {
                CpuSample before = CpuSample.Take();
                Run run = await LoadAsync(autocannon, target, body, connections, seconds, cancellationToken).ConfigureAwait(false);
                CpuSplit split = CpuSample.Take() - before;
                total += split;
                baseline ??= run;
                string perRequest = split.Server is { } serverTime && run.Requests > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{serverTime.TotalMicroseconds / run.Requests:N0} µs")
                    : "n/a";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-24} {run.Rps,9:N0} {run.P50,4:N0} ms {run.P99,4:N0} ms {connections / run.Rps * 1000,5:N2} ms {run.Rps / baseline.Rps,5:N2}x {perRequest,15}")).ConfigureAwait(false);
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"{connections} connections, {seconds} s per run after {WarmupSeconds} s of warm-up on each target; p50/p99 as autocannon reports them (whole milliseconds), mean = connections ÷ req/s (each connection has one request in flight).").ConfigureAwait(false);
            await output.WriteLineAsync(total.Describe(Environment.ProcessorCount)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// The request bodies: the fixed queries, then the issue's neighbourhood (depth 2) and search
    /// queries for the best-connected person of the graph (the soak's queries, one variable each).
    /// </summary>
    private static async Task<List<(string Name, string Body)>> BodiesAsync(BenchServer server, CancellationToken cancellationToken)
    {
        var bodies = s_queries.Select(q => (q.Name, JsonSerializer.Serialize(new { query = q.Query }))).ToList();
        string response = await server.ExpectDataAsync(JsonSerializer.Serialize(new { query = TopPersonQuery }), cancellationToken).ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(response);
        if (document.RootElement.GetProperty("data").GetProperty("topEntities") is { ValueKind: JsonValueKind.Array } top && top.GetArrayLength() > 0)
        {
            JsonElement person = top[0].GetProperty("entity");
            string id = person.GetProperty("id").GetString()!;
            string name = person.GetProperty("name").GetString()!;
            string Query(string soakName) => BenchQueries.Soak.Single(q => q.Name == soakName).Text;
            bodies.Add(("neighbourhood depth 2", JsonSerializer.Serialize(new { query = Query("neighbourhood d2"), variables = new { id } })));
            bodies.Add(("search", JsonSerializer.Serialize(new { query = Query("search"), variables = new { name } })));
        }

        return bodies;
    }

    private const string TopPersonQuery = "{ topEntities(kind: PERSON, by: DEGREE, first: 1) { entity { id name } } }";

    private static async Task<Run> LoadAsync(string autocannon, string url, string body, int connections, int seconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { autocannon, "--json", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", seconds.ToString(CultureInfo.InvariantCulture),
            "-m", "POST", "-H", "Content-Type=application/json", "-b", body, url })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        string json = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0 || json.Length == 0)
        {
            throw new InvalidOperationException("autocannon failed: " + await stderr.ConfigureAwait(false));
        }

        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        if (root.GetProperty("non2xx").GetInt64() > 0 || root.GetProperty("errors").GetInt64() > 0)
        {
            throw new InvalidOperationException($"{url}: {root.GetProperty("non2xx").GetInt64()} non-2xx responses, {root.GetProperty("errors").GetInt64()} errors");
        }

        JsonElement latency = root.GetProperty("latency");
        return new Run(
            root.GetProperty("requests").GetProperty("average").GetDouble(),
            root.GetProperty("requests").GetProperty("total").GetInt64(),
            latency.GetProperty("p50").GetDouble(),
            latency.GetProperty("p99").GetDouble());
    }

    private sealed record Run(double Rps, long Requests, double P50, double P99);

    /// <summary>CPU time so far: this process (the server), its exited children (the load generators) and the whole machine.</summary>
    private readonly record struct CpuSample(TimeSpan Server, TimeSpan? Children, TimeSpan? MachineBusy, TimeSpan? MachineTotal)
    {
        /// <summary>Linux reports times in clock ticks of 1/100 s (USER_HZ).</summary>
        private const double TicksPerSecond = 100;

        public static CpuSample Take()
        {
            using Process self = Process.GetCurrentProcess();
            TimeSpan? children = null;
            TimeSpan? busy = null;
            TimeSpan? total = null;
            try
            {
                // /proc/self/stat: fields after the parenthesized name; cutime and cstime are fields 16 and 17.
                string stat = File.ReadAllText("/proc/self/stat");
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                children = Ticks(long.Parse(fields[16 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[17 - 3], CultureInfo.InvariantCulture));

                // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal …
                string cpu = File.ReadLines("/proc/stat").First();
                long[] ticks = [.. cpu.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(t => long.Parse(t, CultureInfo.InvariantCulture))];
                total = Ticks(ticks.Sum());
                busy = Ticks(ticks.Sum() - ticks[3] - ticks[4]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // Not Linux: only the server's own CPU time is known.
            }

            return new CpuSample(self.TotalProcessorTime, children, busy, total);
        }

        public static CpuSplit operator -(CpuSample after, CpuSample before) => new(
            after.Server - before.Server,
            after.Children - before.Children,
            after.MachineBusy - before.MachineBusy,
            after.MachineTotal - before.MachineTotal);

        private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>CPU time spent during runs, by whom.</summary>
    private readonly record struct CpuSplit(TimeSpan? Server, TimeSpan? LoadGenerator, TimeSpan? MachineBusy, TimeSpan? MachineTotal)
    {
        public static CpuSplit operator +(CpuSplit a, CpuSplit b) => new(
            (a.Server ?? TimeSpan.Zero) + b.Server,
            (a.LoadGenerator ?? TimeSpan.Zero) + b.LoadGenerator,
            (a.MachineBusy ?? TimeSpan.Zero) + b.MachineBusy,
            (a.MachineTotal ?? TimeSpan.Zero) + b.MachineTotal);

        public string Describe(int cores)
        {
            string head = $"Load generator and server share this {cores}-core machine: req/s is bounded by both, and the baseline mostly by the load generator; server CPU/req does not depend on the sharing.";
            if (Server is not { } server || LoadGenerator is not { } generator || MachineBusy is not { } busy || MachineTotal is not { } total || total <= TimeSpan.Zero)
            {
                return head;
            }

            double Share(TimeSpan t) => 100 * t / total;
            TimeSpan other = busy - server - generator;
            return head + Environment.NewLine + string.Create(CultureInfo.InvariantCulture,
                $"CPU over the measured runs: server {Share(server):N0}%, load generator {Share(generator):N0}%, other processes {Math.Max(0, Share(other)):N0}%, idle {Share(total - busy):N0}% of all cores.");
        }
    }
}
