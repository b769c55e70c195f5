namespace NewsGraph.Core.Reliability;

/// <summary>
/// How to try an operation again while it fails with an error worth retrying: exponential backoff
/// (<see cref="FirstDelay"/> doubled each time, capped at <see cref="MaxDelay"/>, with ±<see cref="Jitter"/>
/// so that many clients do not return in step), for at most <see cref="MaxAttempts"/> attempts and
/// no longer than <see cref="Deadline"/> after the first failure. The last wait is shortened so that
/// one attempt falls on the deadline itself. Waits run on <see cref="Time"/>, so tests advance a
/// fake clock instead of sleeping. The one retry loop of the product: callers pass what to run,
/// which errors are worth another try, and whom to tell before each wait.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>One attempt, no waiting: the first failure is the answer.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1, Deadline = TimeSpan.Zero };

    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed from the first failure; past it the last error is thrown.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts in all, the first included; <see cref="int.MaxValue"/> leaves only the deadline.</summary>
    public int MaxAttempts { get; init; } = int.MaxValue;

    /// <summary>Each delay is multiplied by a random factor in [1 − Jitter, 1 + Jitter]; 0 for exact delays.</summary>
    public double Jitter { get; init; } = 0.2;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the jitter comes from (tests pass a seeded one).</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>The delay before attempt <paramref name="attempt"/> (2 for the first retry), before jitter and the deadline.</summary>
    public TimeSpan BackoffBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);
        double milliseconds = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 2, 30));
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, MaxDelay.TotalMilliseconds));
    }

    /// <summary>
    /// Runs <paramref name="operation"/> until it succeeds, fails with an error
    /// <paramref name="isRetryable"/> turns down, runs out of attempts or passes the deadline (then
    /// the last error is rethrown as it was). <paramref name="onRetry"/> hears about each wait before it
    /// starts. Cancellation ends a wait at once.
    /// </summary>
    public async Task<T> RunAsync<T>(
        Func<CancellationToken, Task<T>> operation, Func<Exception, bool> isRetryable, Action<RetryNotice>? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(isRetryable);
        long? firstFailure = null;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && isRetryable(ex))
            {
                firstFailure ??= Time.GetTimestamp();
                TimeSpan elapsed = Time.GetElapsedTime(firstFailure.Value);
                TimeSpan remaining = Deadline - elapsed;
                if (attempt >= MaxAttempts || remaining <= TimeSpan.Zero)
                {
                    throw;
                }

                TimeSpan delay = Jittered(BackoffBefore(attempt + 1));
                delay = delay < remaining ? delay : remaining;
                onRetry?.Invoke(new RetryNotice(attempt + 1, delay, elapsed, remaining, ex));
                await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc cref="RunAsync{T}(Func{CancellationToken, Task{T}}, Func{Exception, bool}, Action{RetryNotice}?, CancellationToken)"/>
    public Task RunAsync(Func<CancellationToken, Task> operation, Func<Exception, bool> isRetryable, Action<RetryNotice>? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync(
            async token =>
            {
                await operation(token).ConfigureAwait(false);
                return true;
            },
            isRetryable,
            onRetry,
            cancellationToken);
    }

    private TimeSpan Jittered(TimeSpan delay)
    {
        if (Jitter <= 0)
        {
            return delay;
        }

        double factor = 1 - Jitter + (Random.NextDouble() * 2 * Jitter);
        return TimeSpan.FromMilliseconds(delay.TotalMilliseconds * factor);
    }
}

/// <summary>
/// Told before each wait: the attempt that comes next (2 for the first retry), how long until it,
/// how long the operation has been failing, how much of the deadline is left, and the error.
/// </summary>
public sealed record RetryNotice(int NextAttempt, TimeSpan Delay, TimeSpan Elapsed, TimeSpan Remaining, Exception Error);
