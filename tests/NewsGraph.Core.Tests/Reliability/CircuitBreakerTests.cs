using Microsoft.Extensions.Time.Testing;
using NewsGraph.Core.Reliability;

namespace NewsGraph.Core.Tests.Reliability;

/// <summary>Closed → open after consecutive failures → half-open after the cool-down → closed by a good trial; on a fake clock.</summary>
public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan s_coolDown = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryEnter_FewerFailuresThanTheThreshold_LetsCallsThrough()
    {
        CircuitBreaker breaker = Breaker();

        Fail(breaker, 2);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.TryEnter(out _));
    }

    [Fact]
    public void TryEnter_AfterThresholdFailures_RefusesUntilTheCoolDownAndSaysWhen()
    {
        CircuitBreaker breaker = Breaker();

        Fail(breaker, 3);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryEnter(out TimeSpan retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(3), retryAfter);
    }

    [Fact]
    public void TryEnter_AfterTheCoolDown_LetsExactlyOneTrialThrough()
    {
        CircuitBreaker breaker = Breaker();
        Fail(breaker, 3);

        _time.Advance(s_coolDown);

        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.True(breaker.TryEnter(out _));
        Assert.False(breaker.TryEnter(out _));
    }

    [Fact]
    public void Succeeded_TheTrial_ClosesTheCircuit()
    {
        CircuitBreaker breaker = Breaker();
        Fail(breaker, 3);
        _time.Advance(s_coolDown);
        Assert.True(breaker.TryEnter(out _));

        breaker.Succeeded();

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.TryEnter(out _));
        Assert.True(breaker.TryEnter(out _));
    }

    [Fact]
    public void Failed_TheTrial_OpensTheCircuitForAnotherCoolDown()
    {
        CircuitBreaker breaker = Breaker();
        Fail(breaker, 3);
        _time.Advance(s_coolDown);
        Assert.True(breaker.TryEnter(out _));

        breaker.Failed();

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryEnter(out TimeSpan retryAfter));
        Assert.Equal(s_coolDown, retryAfter);
        _time.Advance(s_coolDown);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public void Abandon_ATrialItsCallerCancelled_FreesTheSlotWithoutDeciding()
    {
        CircuitBreaker breaker = Breaker();
        Fail(breaker, 3);
        _time.Advance(s_coolDown);
        Assert.True(breaker.TryEnter(out _));

        breaker.Abandon();

        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.True(breaker.TryEnter(out _));
    }

    [Fact]
    public void Succeeded_BetweenFailures_StartsTheCountAgain()
    {
        CircuitBreaker breaker = Breaker();

        Fail(breaker, 2);
        breaker.Succeeded();
        Fail(breaker, 2);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    private CircuitBreaker Breaker() => new(failureThreshold: 3, s_coolDown, _time);

    private static void Fail(CircuitBreaker breaker, int times)
    {
        for (int i = 0; i < times; i++)
        {
            Assert.True(breaker.TryEnter(out _));
            breaker.Failed();
        }
    }
}
