using System.Globalization;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>
/// The availability guard in front of every call the store makes to Neo4j. "Neo4j did not answer"
/// (and a transient error that outlived the transport's retries) becomes the port's
/// <see cref="StoreUnavailableException"/>, so the API and the ingest handle an outage without
/// knowing Neo4j. A <see cref="CircuitBreaker"/> counts those failures: after
/// <see cref="Neo4jConnectionOptions.BreakerFailureThreshold"/> in a row, calls fail at once for
/// <see cref="Neo4jConnectionOptions.BreakerCoolDown"/> instead of each finding out for itself; then
/// one trial call decides, and the first answer closes the circuit again. Any answer from Neo4j —
/// an error about the request included — counts as Neo4j being there.
/// </summary>
internal sealed class CircuitBreakingTransport(INeo4jTransport inner, CircuitBreaker breaker, string store) : INeo4jTransport
{
    private string _lastFailure = "no answer";

    public string Name => inner.Name;

    public CircuitBreaker Breaker => breaker;

    /// <summary>The guarded transport itself (tests that need to reach past the guard).</summary>
    public INeo4jTransport Inner => inner;

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, Neo4jAccessMode mode, CancellationToken cancellationToken) =>
        GuardAsync(token => inner.RunAsync(statements, mode, token), cancellationToken);

    public async Task<INeo4jTransaction> BeginAsync(Neo4jAccessMode mode, CancellationToken cancellationToken) =>
        new GuardedTransaction(this, await GuardAsync(token => inner.BeginAsync(mode, token), cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task<T> GuardAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (!breaker.TryEnter(out TimeSpan retryAfter))
        {
            string seconds = Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            throw new StoreUnavailableException(
                store, $"{breaker.FailureThreshold} calls in a row found it unavailable (last: {_lastFailure}); the next try is in {seconds} s", retryAfter);
        }

        try
        {
            T result = await call(cancellationToken);
            breaker.Succeeded();
            return result;
        }
        catch (Neo4jException ex) when (ex.IsUnavailable || ex.IsTransient)
        {
            _lastFailure = ex.ServerMessage;
            breaker.Failed();
            throw new StoreUnavailableException(store, ex.ServerMessage, null, ex);
        }
        catch (Neo4jException)
        {
            breaker.Succeeded();
            throw;
        }
        catch
        {
            // Cancelled by the caller, or a failure of ours: says nothing about Neo4j.
            breaker.Abandon();
            throw;
        }
    }

    private sealed class GuardedTransaction(CircuitBreakingTransport owner, INeo4jTransaction inner) : INeo4jTransaction
    {
        public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken) =>
            owner.GuardAsync(token => inner.RunAsync(statements, token), cancellationToken);

        public Task CommitAsync(CancellationToken cancellationToken) =>
            owner.GuardAsync(async token =>
            {
                await inner.CommitAsync(token);
                return true;
            }, cancellationToken);

        public Task RollbackAsync(CancellationToken cancellationToken) =>
            owner.GuardAsync(async token =>
            {
                await inner.RollbackAsync(token);
                return true;
            }, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
