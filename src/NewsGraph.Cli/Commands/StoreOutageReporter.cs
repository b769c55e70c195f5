using System.Globalization;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// Says on stderr, as it happens, that a verb is waiting for an unavailable store and when it is
/// back: "newsgraph ingest: Neo4j at http://… unavailable (…), retrying in 8 s (attempt 4, gives up
/// in 4 min 45 s)". Silence during an outage looks like a hang; these lines say what is going on.
/// </summary>
internal sealed class StoreOutageReporter(string verb, TextWriter output) : IStoreOutageListener
{
    private string _store = "the store";

    public void Retrying(RetryNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        string reason = notice.Error.Message;
        if (notice.Error is StoreUnavailableException unavailable)
        {
            _store = unavailable.Store;
            reason = unavailable.Reason;
        }

        output.WriteLine($"newsgraph {verb}: {_store} unavailable ({reason}), retrying in {Duration(notice.Delay)} (attempt {notice.NextAttempt}, gives up in {Duration(notice.Remaining)})");
    }

    public void Recovered(TimeSpan outage, int attempts) =>
        output.WriteLine($"newsgraph {verb}: {_store} answers again after {Duration(outage)} (attempt {attempts}); carrying on where it stopped");

    /// <summary>"850 ms", "8 s", "5 min", "4 min 45 s".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMilliseconds)} ms");
        }

        int seconds = (int)Math.Round(span.TotalSeconds);
        return seconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{seconds} s")
            : seconds % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60} s");
    }
}
