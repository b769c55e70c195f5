using System.Text;
using System.Text.RegularExpressions;
using NewsGraph.Cli.Bench;

namespace NewsGraph.Cli.Tests.Bench;

/// <summary><c>bench soak</c> on the bundled samples for a few seconds: the shape of what it prints, never its speed.</summary>
public sealed partial class SoakBenchmarkTests
{
    [Fact]
    public async Task Soak_FewSecondsOnSamples_PrintsIntervalsQueriesAndWholeRun()
    {
        using var dir = new TempDir();
        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(
            ["bench", "soak", "--db", dir.File("soak.db"), "--samples", "--minutes", "0.1", "--interval", "2", "--connections", "4"]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("time", StringComparison.Ordinal) && l.Contains("GraphQL errors", StringComparison.Ordinal));
        string[] intervals = [.. lines.Where(l => IntervalLine().IsMatch(l))];
        Assert.True(intervals.Length >= 2, result.Stdout);
        foreach (SoakQuery query in BenchQueries.Soak)
        {
            Assert.Contains(lines, l => QueryLine().Match(l) is { Success: true } m && m.Groups["name"].Value == query.Name);
        }

        Assert.Matches(WholeRunLine(), lines.Last(l => l.Length > 0));
    }

    [Fact]
    public void LatencyHistogram_ManyValues_PercentilesWithinThreePercent()
    {
        var histogram = new LatencyHistogram();
        for (long us = 1; us <= 100_000; us++)
        {
            histogram.Record(us);
        }

        Assert.InRange(histogram.PercentileMicroseconds(0.50), 50_000 * 0.97, 50_000 * 1.03);
        Assert.InRange(histogram.PercentileMicroseconds(0.99), 99_000 * 0.97, 99_000 * 1.03);
        Assert.Equal(100_000, histogram.Count);
    }

    [Fact]
    public void LatencyHistogram_Empty_IsZero() => Assert.Equal(0, new LatencyHistogram().PercentileMicroseconds(0.99));

    [Theory]
    [InlineData("""{"data":{"a":1}}""", "")]
    [InlineData("""{"errors":[{"message":"x","extensions":{"code":"TIMEOUT"}},{"message":"y"}],"data":null}""", "TIMEOUT|(no code)")]
    [InlineData("""<html>"errors"</html>""", "(not JSON)")]
    public void ErrorCodesOf_Answer_ListsEachErrorsCode(string answer, string expected) =>
        Assert.Equal(expected, string.Join('|', SoakDriver.ErrorCodesOf(Encoding.UTF8.GetBytes(answer))));

    [Fact]
    public void SoakTally_Failures_AreCountedAndDescribed()
    {
        var tally = new SoakTally();
        tally.RecordResponse(200, [], 1_000);
        tally.RecordResponse(500, ["INTERNAL_SERVER_ERROR"], 2_000);
        tally.RecordResponse(200, ["TIMEOUT", "TIMEOUT"], 3_000);
        tally.RecordNoResponse();

        Assert.Equal(4, tally.Requests);
        Assert.Equal(1, tally.Non2xx);
        Assert.False(tally.Clean);
        Assert.Equal("TIMEOUT×2 INTERNAL_SERVER_ERROR×1 no response×1", tally.DescribeErrors());
    }

    // "   2 s      1,234      617        0   6.72 ms   57.9 ms   156 MB  none"
    [GeneratedRegex(@"^\d+ s +[\d,]+ +[\d,]+ +0 +[\d.]+ ms +[\d.]+ ms +[\d,]+ MB +none$")]
    private static partial Regex IntervalLine();

    [GeneratedRegex(@"^(?<name>.+?) +[\d,]+ +0 +[\d.]+ ms +[\d.]+ ms +none$")]
    private static partial Regex QueryLine();

    [GeneratedRegex(@"^whole run: \d+ s, [\d,]+ requests \([\d,]+ req/s\), 0 non-2xx, GraphQL errors: none, p50 [\d.]+ ms, p99 [\d.]+ ms, RSS [\d,]+ MB \(start [\d,]+ MB, peak [\d,]+ MB\)$")]
    private static partial Regex WholeRunLine();
}
