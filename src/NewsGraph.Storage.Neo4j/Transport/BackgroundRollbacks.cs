using System.Collections.Concurrent;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>
/// Rollbacks sent for reads whose caller has gone (cancelled, timed out): the caller stops waiting
/// at once while the rollback travels to the server, which then stops the work (on 3.1.1 a
/// 47 s read ended 25 ms after its transaction was deleted). They are best effort — a server that
/// never hears of one expires the idle transaction by itself — and a transport being disposed gives
/// them a moment to arrive first.
/// </summary>
internal sealed class BackgroundRollbacks
{
    /// <summary>Longest a rollback may take; the server's own idle timeout covers the rest.</summary>
    private static readonly TimeSpan s_rollbackTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Task, bool> _pending = new();

    /// <summary>Starts <paramref name="rollback"/> without waiting for it.</summary>
    public void Start(Func<CancellationToken, Task> rollback)
    {
        Task task = RunAsync(rollback);
        _pending.TryAdd(task, true);
        _ = task.ContinueWith(t => _pending.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for the rollbacks under way, at most <paramref name="limit"/>.</summary>
    public async Task DrainAsync(TimeSpan limit)
    {
        Task all = Task.WhenAll(_pending.Keys);
        await Task.WhenAny(all, Task.Delay(limit));
    }

    private static async Task RunAsync(Func<CancellationToken, Task> rollback)
    {
        using var timeout = new CancellationTokenSource(s_rollbackTimeout);
        try
        {
            // Off the caller's stack: its cancellation must not wait for this request.
            await Task.Yield();
            await rollback(timeout.Token);
        }
        catch (Exception ex) when (ex is Neo4jException or OperationCanceledException or HttpRequestException or ObjectDisposedException)
        {
            // Best effort: the server rolls an abandoned transaction back when it expires.
        }
    }
}
