using System.Globalization;

namespace NewsGraph.Cli.Bench;

/// <summary>The lines <c>bench soak</c> prints: one per report interval, one per query, one for the whole run.</summary>
internal static class SoakReport
{
    private const double Megabyte = 1024 * 1024;

    public static string Start(SoakSettings settings, long rss) => string.Create(CultureInfo.InvariantCulture,
        $"{settings.Connections} connections for {settings.Duration.TotalMinutes:0.##} min, a report every {settings.Interval.TotalSeconds:0} s; RSS {rss / Megabyte:N0} MB at the start (server and load driver share this process)");

    public static string Header =>
        $"{"time",7} {"requests",10} {"req/s",8} {"non-2xx",8} {"p50",9} {"p99",9} {"RSS",8}  GraphQL errors";

    /// <summary>One interval: <paramref name="window"/> recorded over <paramref name="length"/>, ending <paramref name="at"/> into the run.</summary>
    public static string Line(SoakTally window, TimeSpan at, TimeSpan length, long rss) => string.Create(CultureInfo.InvariantCulture,
        $"{at.TotalSeconds,5:N0} s {window.Requests,10:N0} {PerSecond(window.Requests, length),8:N0} {window.Non2xx,8:N0} {Ms(window.Latency, 0.50),9} {Ms(window.Latency, 0.99),9} {rss / Megabyte,5:N0} MB  {window.DescribeErrors()}");

    public static async Task WriteQueriesAsync(IReadOnlyList<SoakTally> perQuery, TextWriter output)
    {
        await output.WriteLineAsync($"{"query",-20} {"requests",10} {"non-2xx",8} {"p50",9} {"p99",9}  GraphQL errors").ConfigureAwait(false);
        for (int i = 0; i < perQuery.Count; i++)
        {
            await output.WriteLineAsync(Query(BenchQueries.Soak[i].Name, perQuery[i])).ConfigureAwait(false);
        }
    }

    private static string Query(string name, SoakTally tally) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-20} {tally.Requests,10:N0} {tally.Non2xx,8:N0} {Ms(tally.Latency, 0.50),9} {Ms(tally.Latency, 0.99),9}  {tally.DescribeErrors()}");

    /// <summary>The final line: the whole run's figures.</summary>
    public static string Whole(SoakTally total, TimeSpan elapsed, long startRss, long endRss, long peakRss) => string.Create(CultureInfo.InvariantCulture,
        $"whole run: {elapsed.TotalSeconds:N0} s, {total.Requests:N0} requests ({PerSecond(total.Requests, elapsed):N0} req/s), {total.Non2xx:N0} non-2xx, GraphQL errors: {total.DescribeErrors()}, p50 {Ms(total.Latency, 0.50).Trim()}, p99 {Ms(total.Latency, 0.99).Trim()}, RSS {endRss / Megabyte:N0} MB (start {startRss / Megabyte:N0} MB, peak {peakRss / Megabyte:N0} MB)");

    private static double PerSecond(long requests, TimeSpan length) => length > TimeSpan.Zero ? requests / length.TotalSeconds : 0;

    private static string Ms(LatencyHistogram latency, double fraction)
    {
        if (latency.Count == 0)
        {
            return "-";
        }

        double ms = latency.PercentileMicroseconds(fraction) / 1000;
        return ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";
    }
}
