using System.Diagnostics;
using System.Text.Json;
using NewsGraph.Core.Storage;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// <c>newsgraph bench soak</c>: a mixed read workload (<see cref="BenchQueries.Soak"/>) against the
/// API served in this process over real HTTP, for minutes, to see what a long run does that a
/// 10-second benchmark hides: errors that come only under sustained load, latency that creeps up,
/// memory that grows. Every report interval and at the end it prints requests, non-2xx answers,
/// GraphQL errors by code, p50/p99 latency and the process's resident memory; then the figures of
/// each query and of the whole run. Exit code 1 when any request failed.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<int> RunAsync(IGraphStore store, SoakSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using BenchServer server = await BenchServer.StartAsync(store, null, cancellationToken).ConfigureAwait(false);
        SoakParameters parameters;
        try
        {
            parameters = SoakParameters.FromResponse(
                await server.ExpectDataAsync(JsonSerializer.Serialize(new { query = BenchQueries.SoakParameters }), cancellationToken).ConfigureAwait(false));
            await CheckEachQueryAsync(server, parameters, output, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // An empty graph or a query that fails on this one: nothing worth soaking.
            await output.WriteLineAsync("bench soak: " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        using var driver = new SoakDriver(server.GraphQL, parameters, settings.Connections);

        long startRss = Rss();
        await output.WriteLineAsync(SoakReport.Start(settings, startRss)).ConfigureAwait(false);
        await output.WriteLineAsync(SoakReport.Header).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CancelAfter(settings.Duration);
        Task load = driver.RunAsync(settings.Connections, run.Token);
        TimeSpan reported = TimeSpan.Zero;
        using (var timer = new PeriodicTimer(settings.Interval))
        {
            try
            {
                // The last interval is reported once the load has stopped, not as a sliver after a tick at the deadline.
                while (clock.Elapsed + settings.Interval < settings.Duration && await timer.WaitForNextTickAsync(run.Token).ConfigureAwait(false))
                {
                    reported = await ReportWindowAsync(driver, clock.Elapsed, reported, output).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested)
            {
                // Ctrl+C: report what there is below.
            }
        }

        await load.ConfigureAwait(false);
        await ReportWindowAsync(driver, clock.Elapsed, reported, output).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await SoakReport.WriteQueriesAsync(driver.PerQuery, output).ConfigureAwait(false);
        await output.WriteLineAsync(SoakReport.Whole(driver.Total, clock.Elapsed, startRss, Rss(), PeakRss())).ConfigureAwait(false);
        return driver.Total.Clean ? 0 : 1;
    }

    /// <summary>Each query once, with its first values: it must answer data without errors, or the soak would measure error handling.</summary>
    private static async Task CheckEachQueryAsync(BenchServer server, SoakParameters parameters, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"parameters from the graph: {parameters.Names.Count} people (e.g. {parameters.Names[0]}), {parameters.Words.Count} statement words (e.g. {parameters.Words[0]})").ConfigureAwait(false);
        foreach (SoakQuery query in BenchQueries.Soak)
        {
            IReadOnlyList<string> values = parameters.ValuesOf(query.Variable);
            object body = values.Count == 0
                ? new { query = query.Text }
                : new { query = query.Text, variables = new Dictionary<string, string> { [query.Variable.ToString().ToLowerInvariant()] = values[0] } };
            await server.ExpectDataAsync(JsonSerializer.Serialize(body), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"  {query.Name,-20} {query.Text}").ConfigureAwait(false);
        }
    }

    private static async Task<TimeSpan> ReportWindowAsync(SoakDriver driver, TimeSpan now, TimeSpan since, TextWriter output)
    {
        SoakTally window = driver.TakeWindow();
        await output.WriteLineAsync(SoakReport.Line(window, now, now - since, Rss())).ConfigureAwait(false);
        return now;
    }

    private static long Rss()
    {
        using Process self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private static long PeakRss()
    {
        using Process self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}

/// <summary>How long and how hard <c>bench soak</c> runs.</summary>
internal sealed record SoakSettings(TimeSpan Duration, int Connections, TimeSpan Interval);
