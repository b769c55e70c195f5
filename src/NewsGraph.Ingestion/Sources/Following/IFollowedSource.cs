using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>One feed or folder the followers poll (<see cref="SourceFollowers"/> owns the loop, the backoff and saving the state).</summary>
public interface IFollowedSource
{
    /// <summary>The source as first seen: its id, kind and location, nothing else known yet.</summary>
    SourceState Initial { get; }

    /// <summary>
    /// One pass: ingests what is new or changed and marks it seen. Returns the state to keep (validators
    /// updated) and the number of articles ingested; throws on failure, the message being the reason shown.
    /// </summary>
    Task<(SourceState State, int Ingested)> PollAsync(SourceState state, CancellationToken cancellationToken);

    /// <summary>Waits until the next pass is due: at most <paramref name="upTo"/>, sooner when the source has news (a folder's watcher).</summary>
    Task WaitForNextPassAsync(TimeSpan upTo, CancellationToken cancellationToken);
}

/// <summary>Why a pass failed, in words a person watching the <c>sources</c> query can act on.</summary>
public sealed class SourceFailedException(string reason, Exception? inner = null) : Exception(reason, inner);
