using System.Globalization;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Cli.Commands;

/// <summary>Where an ingest stands: articles done (stored or failed), failures among them, the total once counted, time so far.</summary>
internal readonly record struct IngestProgressSnapshot(long Done, long Failed, long? Total, TimeSpan Elapsed)
{
    /// <summary>Articles per second so far; 0 before the first second's work is in.</summary>
    public double Rate => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the rate so far; null while the total is unknown or nothing is done yet.</summary>
    public TimeSpan? Remaining => Total is { } total && Rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - Done) / Rate) : null;
}

/// <summary>The progress line, as a pure function of a snapshot (what the tests check).</summary>
internal static class IngestProgressFormat
{
    /// <summary><c>1,200/30,000 articles (4.0%), 362/s, 3 failed, ETA 1m19s</c>; "counting…" instead of the ETA until the total is known.</summary>
    public static string Line(IngestProgressSnapshot progress)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        string done = progress.Total is { } total && total > 0
            ? string.Create(invariant, $"{progress.Done:N0}/{total:N0} articles ({100.0 * progress.Done / total:F1}%)")
            : string.Create(invariant, $"{progress.Done:N0} articles");
        string eta = progress.Total is null ? "counting…" : progress.Remaining is { } left ? "ETA " + Duration(left) : "ETA …";
        return string.Create(invariant, $"{done}, {progress.Rate:N0}/s, {progress.Failed:N0} failed, {eta}");
    }

    /// <summary>45s, 3m05s, 2h07m: short, and never more precise than an estimate deserves.</summary>
    public static string Duration(TimeSpan span)
    {
        long seconds = (long)Math.Ceiling(span.TotalSeconds);
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m{seconds % 60:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h{seconds / 60 % 60:00}m"),
        };
    }
}

/// <summary>
/// Shows an ingest's progress on stderr while it runs. On a terminal the line is redrawn in place
/// twice a second and erased at the end (the summary follows on stdout); elsewhere — a log file, a
/// CI job — a plain line is written every <see cref="PlainInterval"/>, so a log shows progress without
/// filling up. The total comes from a counting pass over the same inputs
/// (<see cref="CountArticlesAsync"/>), which reads far faster than extraction runs.
/// </summary>
internal sealed class IngestProgressDisplay : IAsyncDisposable
{
    public static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    // Erase the current terminal line and return to its start.
    private const string EraseLine = "\r\u001b[2K";

    private readonly TextWriter _output;
    private readonly bool _terminal;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private long _done;
    private long _failed;
    private long? _total;
    private bool _stopped;

    public IngestProgressDisplay(TextWriter output, bool terminal, TimeProvider time)
    {
        _output = output;
        _terminal = terminal;
        _time = time;
        _started = time.GetTimestamp();
        TimeSpan interval = terminal ? TerminalInterval : PlainInterval;
        _timer = time.CreateTimer(_ => Draw(), null, interval, interval);
    }

    /// <summary>On stderr, redrawn in place when stderr is a terminal.</summary>
    public static IngestProgressDisplay ForStandardError() => new(Console.Error, !Console.IsErrorRedirected, TimeProvider.System);

    public void Report(ArticleOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            _done++;
            _failed += outcome.Succeeded ? 0 : 1;
        }
    }

    /// <summary>An input that could not be read at all: a failure, but never an article of the total.</summary>
    public void ReportUnreadable()
    {
        lock (_gate)
        {
            _failed++;
        }
    }

    public void SetTotal(long total)
    {
        lock (_gate)
        {
            _total = total;
        }
    }

    public IngestProgressSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new IngestProgressSnapshot(_done, _failed, _total, _time.GetElapsedTime(_started));
        }
    }

    /// <summary>Counts the articles under <paramref name="paths"/> as the ingest will read them, then sets the total.</summary>
    public async Task CountArticlesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (SourceItem item in ArticleFileReader.ReadAsync(paths, cancellationToken).ConfigureAwait(false))
        {
            count += item.Article is null ? 0 : 1;
        }

        SetTotal(count);
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _stopped = true;
            if (_terminal)
            {
                _output.Write(EraseLine);
                _output.Flush();
            }
        }
    }

    private void Draw()
    {
        IngestProgressSnapshot snapshot = Snapshot();
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            string line = "newsgraph ingest: " + IngestProgressFormat.Line(snapshot);
            if (_terminal)
            {
                _output.Write(EraseLine + line);
            }
            else
            {
                _output.WriteLine(line);
            }

            _output.Flush();
        }
    }
}
