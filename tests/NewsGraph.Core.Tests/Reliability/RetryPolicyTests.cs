using Microsoft.Extensions.Time.Testing;
using NewsGraph.Core.Reliability;

namespace NewsGraph.Core.Tests.Reliability;

/// <summary>The one retry loop: backoff, deadline, which errors, cancellation — on a fake clock, so no test sleeps.</summary>
public sealed class RetryPolicyTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void BackoffBefore_EachRetry_DoublesUpToTheCap()
    {
        RetryPolicy policy = Policy(deadline: TimeSpan.FromHours(1));

        TimeSpan[] delays = [.. Enumerable.Range(2, 7).Select(policy.BackoffBefore)];

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task RunAsync_FailsTwiceThenSucceeds_WaitsOneThenTwoSecondsAndReturnsTheResult()
    {
        RetryPolicy policy = Policy(deadline: TimeSpan.FromMinutes(5));
        var notices = new List<RetryNotice>();
        int calls = 0;

        Task<string> run = policy.RunAsync(
            _ => ++calls <= 2 ? Task.FromException<string>(new TimeoutException("down")) : Task.FromResult("stored"),
            ex => ex is TimeoutException,
            notices.Add,
            CancellationToken.None);
        TimeSpan waited = await DriveAsync(run);

        Assert.Equal("stored", await run);
        Assert.Equal(3, calls);
        Assert.Equal([(2, 1.0), (3, 2.0)], notices.Select(n => (n.NextAttempt, n.Delay.TotalSeconds)));
        Assert.Equal(TimeSpan.FromSeconds(3), waited);
    }

    [Fact]
    public async Task RunAsync_StillFailingAtTheDeadline_ShortensTheLastWaitToTheDeadlineThenRethrows()
    {
        RetryPolicy policy = Policy(deadline: TimeSpan.FromSeconds(10));
        var notices = new List<RetryNotice>();
        int calls = 0;
        var error = new TimeoutException("still down");

        Task<int> run = policy.RunAsync(_ => { calls++; return Task.FromException<int>(error); }, _ => true, notices.Add, CancellationToken.None);
        TimeSpan waited = await DriveAsync(run);

        TimeoutException thrown = await Assert.ThrowsAsync<TimeoutException>(() => run);
        Assert.Same(error, thrown);
        Assert.Equal([1, 2, 4, 3], notices.Select(n => n.Delay.TotalSeconds));
        Assert.Equal([10, 9, 7, 3], notices.Select(n => n.Remaining.TotalSeconds));
        Assert.Equal(5, calls);
        Assert.Equal(TimeSpan.FromSeconds(10), waited);
    }

    [Fact]
    public async Task RunAsync_ErrorNotWorthRetrying_ThrowsAtOnceWithoutWaiting()
    {
        RetryPolicy policy = Policy(deadline: TimeSpan.FromMinutes(5));
        var notices = new List<RetryNotice>();
        int calls = 0;

        await Assert.ThrowsAsync<ArgumentException>(() => policy.RunAsync<int>(
            _ => { calls++; throw new ArgumentException("bad batch"); }, ex => ex is TimeoutException, notices.Add, CancellationToken.None));

        Assert.Equal(1, calls);
        Assert.Empty(notices);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_EndsAtOnceWithoutAnotherAttempt()
    {
        RetryPolicy policy = Policy(deadline: TimeSpan.FromMinutes(5));
        using var cancellation = new CancellationTokenSource();
        int calls = 0;

        Task run = policy.RunAsync(_ => { calls++; return Task.FromException(new TimeoutException()); }, _ => true, _ => cancellation.Cancel(), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task None_FirstFailure_IsTheAnswer()
    {
        int calls = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => RetryPolicy.None.RunAsync<int>(_ => { calls++; throw new TimeoutException(); }, _ => true, null, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunAsync_WithJitter_KeepsEveryDelayWithinItsBand()
    {
        RetryPolicy policy = new() { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), Deadline = TimeSpan.FromHours(1), MaxAttempts = 7, Jitter = 0.2, Time = _time, Random = new Random(7) };
        var notices = new List<RetryNotice>();

        Task run = policy.RunAsync(_ => Task.FromException(new TimeoutException()), _ => true, notices.Add, CancellationToken.None);
        await DriveAsync(run);

        await Assert.ThrowsAsync<TimeoutException>(() => run);
        Assert.Equal(6, notices.Count);
        Assert.All(notices, n =>
        {
            double nominal = policy.BackoffBefore(n.NextAttempt).TotalSeconds;
            Assert.InRange(n.Delay.TotalSeconds, nominal * 0.8, nominal * 1.2);
        });
    }

    private RetryPolicy Policy(TimeSpan deadline) =>
        new() { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), Deadline = deadline, Jitter = 0, Time = _time };

    /// <summary>Advances the fake clock in 100 ms steps until <paramref name="run"/> ends; returns the fake time that passed.</summary>
    private async Task<TimeSpan> DriveAsync(Task run)
    {
        DateTimeOffset start = _time.GetUtcNow();
        for (int step = 0; step < 100_000 && !run.IsCompleted; step++)
        {
            // Let the continuation after the last timer reach its next wait before moving the clock on.
            await Task.Delay(1);
            if (!run.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        await Task.WhenAny(run);
        return _time.GetUtcNow() - start;
    }
}
