using System.Collections.Concurrent;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// What a stretch of a soak run saw: requests, responses that were not 2xx, requests that got no
/// response (connection failure, client timeout), GraphQL errors by <c>extensions.code</c>, and
/// latencies. Workers record into it from many threads at once.
/// </summary>
internal sealed class SoakTally
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _requests;
    private long _non2xx;
    private long _noResponse;

    public LatencyHistogram Latency { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public long Non2xx => Interlocked.Read(ref _non2xx);

    public long NoResponse => Interlocked.Read(ref _noResponse);

    /// <summary>GraphQL errors (requests may carry several) by code, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Errors =>
        [.. _errors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)];

    public long ErrorCount => _errors.Values.Sum();

    /// <summary>True when every request got a 2xx answer without GraphQL errors.</summary>
    public bool Clean => Non2xx == 0 && NoResponse == 0 && _errors.IsEmpty;

    public void RecordResponse(int status, IReadOnlyList<string> errorCodes, long microseconds)
    {
        Interlocked.Increment(ref _requests);
        if (status is < 200 or > 299)
        {
            Interlocked.Increment(ref _non2xx);
        }

        foreach (string code in errorCodes)
        {
            _errors.AddOrUpdate(code, 1, (_, n) => n + 1);
        }

        Latency.Record(microseconds);
    }

    public void RecordNoResponse()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _noResponse);
    }

    /// <summary>"none", or "TIMEOUT×3 INTERNAL_SERVER_ERROR×1" (with "no response×n" when some got none).</summary>
    public string DescribeErrors()
    {
        var parts = Errors.Select(e => $"{e.Key}×{e.Value:N0}").ToList();
        if (NoResponse > 0)
        {
            parts.Add($"no response×{NoResponse:N0}");
        }

        return parts.Count == 0 ? "none" : string.Join(' ', parts);
    }
}
