using Microsoft.Extensions.Time.Testing;
using NewsGraph.Cli.Commands;
using NewsGraph.Ingestion;

namespace NewsGraph.Cli.Tests;

public sealed class IngestProgressTests
{
    private const string EraseLine = "\r\u001b[2K";

    [Fact]
    public void Line_TotalKnown_ShowsShareRateFailuresAndEta()
    {
        string line = IngestProgressFormat.Line(new IngestProgressSnapshot(Done: 1200, Failed: 3, Total: 30000, Elapsed: TimeSpan.FromSeconds(10)));

        Assert.Equal("1,200/30,000 articles (4.0%), 120/s, 3 failed, ETA 4m00s", line);
    }

    [Fact]
    public void Line_TotalStillBeingCounted_SaysCountingInsteadOfAnEta()
    {
        string line = IngestProgressFormat.Line(new IngestProgressSnapshot(Done: 50, Failed: 0, Total: null, Elapsed: TimeSpan.FromSeconds(2)));

        Assert.Equal("50 articles, 25/s, 0 failed, counting…", line);
    }

    [Fact]
    public void Line_NothingDoneYet_HasNoRateToEstimateFrom()
    {
        string line = IngestProgressFormat.Line(new IngestProgressSnapshot(Done: 0, Failed: 0, Total: 100, Elapsed: TimeSpan.Zero));

        Assert.Equal("0/100 articles (0.0%), 0/s, 0 failed, ETA …", line);
    }

    [Theory]
    [InlineData(0.2, "1s")]
    [InlineData(45, "45s")]
    [InlineData(185, "3m05s")]
    [InlineData(7620, "2h07m")]
    public void Duration_ByMagnitude_IsShortAndRoundedUp(double seconds, string expected) =>
        Assert.Equal(expected, IngestProgressFormat.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public async Task Display_NotATerminal_WritesOnePlainLinePerIntervalAndNothingAtTheEnd()
    {
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        var display = new IngestProgressDisplay(output, terminal: false, clock);
        display.SetTotal(50);
        Report(display, succeeded: 19, failed: 1);

        clock.Advance(IngestProgressDisplay.PlainInterval);
        Report(display, succeeded: 10, failed: 0);
        clock.Advance(IngestProgressDisplay.PlainInterval);
        await display.DisposeAsync();

        Assert.Equal(
            "newsgraph ingest: 20/50 articles (40.0%), 2/s, 1 failed, ETA 15s" + Environment.NewLine
            + "newsgraph ingest: 30/50 articles (60.0%), 2/s, 1 failed, ETA 14s" + Environment.NewLine,
            output.ToString());
    }

    [Fact]
    public async Task Display_Terminal_RedrawsTheLineInPlaceAndErasesItAtTheEnd()
    {
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        var display = new IngestProgressDisplay(output, terminal: true, clock);
        Report(display, succeeded: 1, failed: 0);

        clock.Advance(IngestProgressDisplay.TerminalInterval);
        clock.Advance(IngestProgressDisplay.TerminalInterval);
        await display.DisposeAsync();

        Assert.Equal(
            EraseLine + "newsgraph ingest: 1 articles, 2/s, 0 failed, counting…"
            + EraseLine + "newsgraph ingest: 1 articles, 1/s, 0 failed, counting…"
            + EraseLine,
            output.ToString());
    }

    private static void Report(IngestProgressDisplay display, int succeeded, int failed)
    {
        for (int i = 0; i < succeeded; i++)
        {
            display.Report(new ArticleOutcome($"ok{i}.txt", "key", null, 0, 0, null));
        }

        for (int i = 0; i < failed; i++)
        {
            display.Report(new ArticleOutcome($"bad{i}.txt", null, null, 0, 0, "empty"));
        }
    }
}
