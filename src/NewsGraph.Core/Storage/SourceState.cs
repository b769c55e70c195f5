namespace NewsGraph.Core.Storage;

/// <summary>What a followed source is: a news feed polled over HTTP, or a folder watched for files.</summary>
public enum FollowedSourceKind
{
    Feed,
    Folder,
}

/// <summary>
/// Where one followed source stands, as the follower last saved it: the validators for the next
/// conditional request, the last success and failure, and when it will be tried next (the backoff).
/// <see cref="ItemsSeen"/> is counted by the store from the items marked seen; it is ignored on save.
/// </summary>
public sealed record SourceState(string Id, FollowedSourceKind Kind, string Location)
{
    /// <summary>The feed's <c>ETag</c> from its last 200 answer, sent back as <c>If-None-Match</c>.</summary>
    public string? ETag { get; init; }

    /// <summary>The feed's <c>Last-Modified</c> from its last 200 answer, sent back as <c>If-Modified-Since</c>.</summary>
    public string? LastModified { get; init; }

    public DateTimeOffset? LastSuccess { get; init; }

    public DateTimeOffset? LastFailure { get; init; }

    /// <summary>Why the last attempt failed; null once an attempt succeeds again.</summary>
    public string? LastError { get; init; }

    /// <summary>Failures since the last success: the exponent of the backoff.</summary>
    public int ConsecutiveFailures { get; init; }

    public DateTimeOffset? NextAttempt { get; init; }

    public long ItemsSeen { get; init; }
}

/// <summary>One item a source handed over: its key within the source (feed item id or link, file path) and the hash of its content.</summary>
public sealed record SeenItem(string ItemKey, string ContentHash);

/// <summary>
/// The follower's memory, kept in the graph store beside the graph so a restart resumes and never
/// ingests an item twice. Both stores implement it; the default implementations throw
/// <see cref="NotSupportedException"/> so decorators and test doubles need not.
/// </summary>
public interface ISourceStateStore
{
    /// <summary>Every saved source state, in ordinal <see cref="SourceState.Id"/> order, with its <see cref="SourceState.ItemsSeen"/>.</summary>
    Task<IReadOnlyList<SourceState>> GetSourceStatesAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} keeps no source state.");

    /// <summary>Inserts or replaces the state of <paramref name="state"/>'s source.</summary>
    Task SaveSourceStateAsync(SourceState state, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} keeps no source state.");

    /// <summary>Of <paramref name="itemKeys"/>, those already seen for the source, each with the content hash it had.</summary>
    Task<IReadOnlyDictionary<string, string>> GetSeenItemsAsync(string sourceId, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} keeps no source state.");

    /// <summary>Records items as seen with their content hash (replacing the hash an item had before), in one transaction.</summary>
    Task MarkItemsSeenAsync(string sourceId, IReadOnlyCollection<SeenItem> items, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} keeps no source state.");
}
