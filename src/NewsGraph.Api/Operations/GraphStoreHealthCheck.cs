using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Operations;

/// <summary>
/// Readiness of the graph store: a fresh round trip (<see cref="IStoreProbe"/>: SQLite opens its file
/// anew, Neo4j answers one statement), else a keyed read of nothing, within <see cref="Timeout"/>.
/// Unhealthy carries the store's reason, so <c>/health/ready</c> says why it is not ready.
/// </summary>
internal sealed class GraphStoreHealthCheck(IGraphStore store) : IHealthCheck
{
    /// <summary>A probe that takes longer than this counts as "not answering" (a load balancer waits no longer).</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            if (store is IStoreProbe probe)
            {
                await probe.ProbeAsync(deadline.Token).ConfigureAwait(false);
            }
            else
            {
                await store.GetArticlesAsync([string.Empty], deadline.Token).ConfigureAwait(false);
            }

            return HealthCheckResult.Healthy("The store answered.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The store did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // Whatever the store throws, the answer is "not ready, because …"; the check itself must not fail.
            return HealthCheckResult.Unhealthy("The store did not answer: " + ex.Message);
        }
    }
}
