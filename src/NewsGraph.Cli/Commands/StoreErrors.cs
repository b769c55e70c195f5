using NewsGraph.Core.Storage;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// Verbs that talk to a store report it being unreachable as one line naming it and the reason,
/// with exit code <see cref="UnavailableExitCode"/>, never as a stack trace.
/// </summary>
internal static class StoreErrors
{
    /// <summary>EX_UNAVAILABLE of sysexits.h: a service this command needs is not there; try again later.</summary>
    public const int UnavailableExitCode = 69;

    public static async Task<int> ReportAsync(string verb, Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(Line(verb, ex)).ConfigureAwait(false);
            return UnavailableExitCode;
        }
    }

    /// <summary>"newsgraph serve: Neo4j at http://localhost:7474 is not reachable: connection refused …".</summary>
    public static string Line(string verb, StoreUnavailableException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"newsgraph {verb}: {error.Store} is not reachable: {error.Reason}";
    }
}
