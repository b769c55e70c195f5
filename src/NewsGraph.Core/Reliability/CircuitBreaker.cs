namespace NewsGraph.Core.Reliability;

/// <summary>
/// Stops calling a dependency that keeps failing, so callers get an answer at once instead of each
/// waiting for its own failure. Closed: calls pass, consecutive failures are counted; at
/// <see cref="FailureThreshold"/> it opens. Open: calls are refused until <see cref="CoolDown"/> has
/// passed; then it is half-open and lets exactly one trial call through. The trial's success closes
/// it, its failure opens it for another cool-down. Only failures of the dependency count: a call
/// that ends because its caller gave up (<see cref="Abandon"/>) decides nothing. Thread-safe.
/// </summary>
public sealed class CircuitBreaker(int failureThreshold, TimeSpan coolDown, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _consecutiveFailures;
    private long _openedAt;
    private bool _trialInFlight;

    public int FailureThreshold { get; } = failureThreshold > 0 ? failureThreshold : throw new ArgumentOutOfRangeException(nameof(failureThreshold), failureThreshold, "must be positive");

    public TimeSpan CoolDown { get; } = coolDown;

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return StateNow();
            }
        }
    }

    /// <summary>
    /// Asks to make a call. True: go ahead, then report <see cref="Succeeded"/>, <see cref="Failed"/>
    /// or <see cref="Abandon"/>. False: refused; <paramref name="retryAfter"/> says when a trial will be let through.
    /// </summary>
    public bool TryEnter(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            retryAfter = TimeSpan.Zero;
            switch (StateNow())
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when !_trialInFlight:
                    _trialInFlight = true;
                    return true;
                case CircuitState.HalfOpen:
                    // Another caller's trial is deciding; it takes at most one request's time.
                    retryAfter = TimeSpan.FromSeconds(1);
                    return false;
                default:
                    retryAfter = CoolDown - time.GetElapsedTime(_openedAt);
                    return false;
            }
        }
    }

    /// <summary>The dependency answered: the circuit closes and the failure count starts again.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _trialInFlight = false;
        }
    }

    /// <summary>The dependency failed: one more consecutive failure; a failed trial opens the circuit again.</summary>
    public void Failed()
    {
        lock (_gate)
        {
            bool wasTrial = _trialInFlight;
            _trialInFlight = false;
            _consecutiveFailures++;
            if (wasTrial || _consecutiveFailures == FailureThreshold)
            {
                _openedAt = time.GetTimestamp();
            }
        }
    }

    /// <summary>The call ended without an answer either way (its caller cancelled): a trial slot is freed.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _trialInFlight = false;
        }
    }

    private CircuitState StateNow()
    {
        if (_consecutiveFailures < FailureThreshold)
        {
            return CircuitState.Closed;
        }

        return time.GetElapsedTime(_openedAt) >= CoolDown ? CircuitState.HalfOpen : CircuitState.Open;
    }
}

public enum CircuitState
{
    /// <summary>Calls pass.</summary>
    Closed,

    /// <summary>Calls are refused until the cool-down has passed.</summary>
    Open,

    /// <summary>The cool-down has passed: one trial call may go through.</summary>
    HalfOpen,
}
