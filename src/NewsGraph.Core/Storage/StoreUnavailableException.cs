namespace NewsGraph.Core.Storage;

/// <summary>
/// The store could not be reached, or it asked to be tried again later: no answer (connection
/// refused or reset, a gateway's 502/503/504, a request past its timeout), a transient error that
/// outlived the store's own retries, or a circuit breaker that is open after repeated failures.
/// Nothing is wrong with the request itself: the same call can succeed later. Callers decide how
/// long to wait — the API answers <c>STORE_UNAVAILABLE</c> at once, an ingest retries the batch
/// until its deadline. Messages name the store (never credentials) and the reason.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string store, string reason, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base($"{store} is unavailable: {reason}", innerException)
    {
        Store = store;
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>Which store, for messages: "Neo4j at http://localhost:7474".</summary>
    public string Store { get; }

    /// <summary>Why, in a few words: "connection refused (localhost:7474)".</summary>
    public string Reason { get; }

    /// <summary>When known (an open circuit), how long until the store will be tried again.</summary>
    public TimeSpan? RetryAfter { get; }
}
