using System.Globalization;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>
/// Runs every followed source, each in its own loop: a pass, then its state saved to the store
/// (last success, or last failure with its reason and the next attempt), then a wait — the poll
/// interval after a success, an exponential backoff after a failure (<see cref="Backoff"/>). The
/// state saved before a restart is where the next run starts, a pending backoff included.
/// <c>newsgraph serve --feed/--watch</c> runs this inside the API; <c>newsgraph follow</c> runs it alone.
/// </summary>
public sealed class SourceFollowers : IDisposable
{
    private readonly IReadOnlyList<IFollowedSource> _sources;
    private readonly ISourceStateStore _store;
    private readonly FollowOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly PoliteHttp? _http;

    public SourceFollowers(IReadOnlyList<IFollowedSource> sources, ISourceStateStore store, FollowOptions options, TimeProvider time, Action<string> log, PoliteHttp? http = null)
    {
        _sources = sources;
        _store = store;
        _options = options;
        _time = time;
        _log = log;
        _http = http;
    }

    public IReadOnlyList<IFollowedSource> Sources => _sources;

    /// <summary>Followers for every feed and folder of <paramref name="options"/>, sharing one polite HTTP client.</summary>
    public static SourceFollowers Create(
        FollowOptions options, IArticleIngestor ingestor, ISourceStateStore store, TimeProvider time, Action<string> log, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new PoliteHttp(options, time, handler);
        List<IFollowedSource> sources =
        [
            .. options.Feeds.Distinct(StringComparer.Ordinal).Select(url => new FeedFollower(url, options, http, ingestor, store, log)),
            .. options.Folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Select(folder => new FolderFollower(folder, options, ingestor, store, time, log)),
        ];
        return new SourceFollowers(sources, store, options, time, log, http);
    }

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row: the initial backoff, doubled each time, capped.</summary>
    public static TimeSpan Backoff(int failures, FollowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        double ticks = Math.Min(options.InitialBackoff.Ticks * factor, options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Follows every source until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SourceState> saved = [];
        try
        {
            saved = await _store.GetSourceStatesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Start from scratch: seen items are asked for again at each pass, so nothing is ingested twice.
            _log("followed sources: saved states unreadable, starting afresh: " + ex.Message);
        }

        try
        {
            await Task.WhenAll(_sources.Select(s => FollowAsync(s, saved.FirstOrDefault(x => x.Id == s.Initial.Id), cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public void Dispose()
    {
        foreach (IDisposable source in _sources.OfType<IDisposable>())
        {
            source.Dispose();
        }

        _http?.Dispose();
    }

    private async Task FollowAsync(IFollowedSource source, SourceState? saved, CancellationToken cancellationToken)
    {
        SourceState state = saved is null ? source.Initial : saved with { Kind = source.Initial.Kind, Location = source.Initial.Location };
        TimeSpan interval = state.Kind == FollowedSourceKind.Feed ? _options.PollInterval : _options.RescanInterval;
        if (state.ConsecutiveFailures > 0 && state.NextAttempt is { } next && next > _time.GetUtcNow())
        {
            await Task.Delay(next - _time.GetUtcNow(), _time, cancellationToken);
        }

        DateTimeOffset lastSaved = DateTimeOffset.MinValue;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SourceState before = state;
            bool succeeded;
            try
            {
                (SourceState after, int ingested) = await source.PollAsync(state, cancellationToken);
                DateTimeOffset now = _time.GetUtcNow();
                state = after with { LastSuccess = now, LastError = null, ConsecutiveFailures = 0, NextAttempt = now + interval };
                succeeded = true;
                if (ingested > 0)
                {
                    _log($"{state.Id}: {ingested} article(s) ingested");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                DateTimeOffset now = _time.GetUtcNow();
                int failures = state.ConsecutiveFailures + 1;
                TimeSpan wait = Backoff(failures, _options);
                state = state with { LastFailure = now, LastError = Reason(ex), ConsecutiveFailures = failures, NextAttempt = now + wait };
                succeeded = false;
                _log(string.Create(CultureInfo.InvariantCulture, $"{state.Id}: {state.LastError}; attempt {failures} failed, next in {wait.TotalSeconds:0.#} s"));
            }

            lastSaved = await SaveAsync(before, state, lastSaved, interval, cancellationToken);
            if (succeeded)
            {
                await source.WaitForNextPassAsync(interval, cancellationToken);
            }
            else
            {
                await Task.Delay(state.NextAttempt!.Value - _time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, _time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Saves the state when it says something new (a failure, a recovery, new validators) or the last save is
    /// an interval old: a folder woken by each write of a file would otherwise write its state as often.
    /// </summary>
    private async Task<DateTimeOffset> SaveAsync(SourceState before, SourceState state, DateTimeOffset lastSaved, TimeSpan interval, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        bool news = state.ConsecutiveFailures > 0 || before.ConsecutiveFailures > 0 || state.ETag != before.ETag || state.LastModified != before.LastModified
            || lastSaved == DateTimeOffset.MinValue || now - lastSaved >= interval;
        if (!news)
        {
            return lastSaved;
        }

        try
        {
            await _store.SaveSourceStateAsync(state, cancellationToken);
            return now;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never fatal: a host stops when a background service throws, and the API must outlive a
            // state it could not save (the seen items are saved by the pass itself).
            _log($"{state.Id}: state not saved: {ex.Message}");
            return lastSaved;
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        SourceFailedException => ex.Message,
        StoreUnavailableException => "the store is unavailable: " + ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
