using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsGraph.Cli.Commands;
using NewsGraph.Core.Storage;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// Drives a running API with a load generator on the same machine (autocannon, installed from
/// tests/web's lock file) for three queries — a trivial one, the A1 person detail and the A6
/// dashboard query — next to a plain Kestrel endpoint in the same process as the baseline, and
/// prints requests/s, p50, p99 and the ratio to the baseline.
/// </summary>
internal static class ApiBenchmark
{
    private static readonly (string Name, string Query)[] s_queries =
    [
        ("trivial", "{ __typename }"),
        ("A1 person detail", "{ person(name: \"بوغدانوف\") { name titles meetings(first: 10) { totalCount nodes { participants { name } place { name } evidence } } } }"),
        ("A6 dashboard", "{ stats { articles entities { kind count } relations { type count } } topEntities(kind: PERSON, by: STATEMENTS, first: 3) { entity { name } value } }"),
    ];

    public static async Task<int> RunAsync(IGraphStore store, int connections, int seconds, TextWriter output, CancellationToken cancellationToken)
    {
        string autocannon = Path.GetFullPath(Path.Combine("tests", "web", "node_modules", "autocannon", "autocannon.js"));
        if (!File.Exists(autocannon))
        {
            await output.WriteLineAsync($"autocannon not found at {autocannon}: run `npm ci --prefix tests/web` in the repository root first").ConfigureAwait(false);
            return 2;
        }

        int port = FreePort();
        string url = $"http://127.0.0.1:{port}";
        WebApplication app = ServeCommand.Build(store, url, [], web =>
            // The baseline: the same server, no GraphQL — what Kestrel alone costs per request.
            web.MapPost("/baseline", () => Results.Text("{\"data\":{\"__typename\":\"Query\"}}", "application/json")));
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            (double rps, double p50, double p99) baseline = await LoadAsync(autocannon, url + "/baseline", "{}", connections, seconds, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"baseline (plain Kestrel)",-22} {baseline.rps,9:N0} req/s  p50 {baseline.p50,5:N1} ms  p99 {baseline.p99,5:N1} ms")).ConfigureAwait(false);
            foreach ((string name, string query) in s_queries)
            {
                string body = JsonSerializer.Serialize(new { query });
                (double rps, double p50, double p99) r = await LoadAsync(autocannon, url + "/graphql", body, connections, seconds, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {r.rps,9:N0} req/s  p50 {r.p50,5:N1} ms  p99 {r.p99,5:N1} ms  {r.rps / baseline.rps:N2}x baseline")).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"{connections} connections, {seconds} s per run, load generator and server on the same {Environment.ProcessorCount}-core machine").ConfigureAwait(false);
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<(double Rps, double P50, double P99)> LoadAsync(string autocannon, string url, string body, int connections, int seconds, CancellationToken cancellationToken)
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

        return (root.GetProperty("requests").GetProperty("average").GetDouble(),
            root.GetProperty("latency").GetProperty("p50").GetDouble(),
            root.GetProperty("latency").GetProperty("p99").GetDouble());
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
