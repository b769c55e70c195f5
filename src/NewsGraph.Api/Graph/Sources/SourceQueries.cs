using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Sources;

/// <summary>
/// <c>sources</c>: the followed feeds and folders as their followers last saved them in the store —
/// so the API shows them whether it runs the followers itself (<c>serve --feed/--watch</c>) or a
/// separate <c>newsgraph follow</c> writes to the same store.
/// </summary>
internal static class SourceQueries
{
    public static void Register(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FollowedSourceType>>>>("sources")
            .Description("Every followed feed and folder with its health: last success, last error and why, next attempt, items seen; ordered by id.")
            .ResolveAsync(async c =>
            {
                ISourceStateStore store = (c.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set"))
                    .GetRequiredService<ISourceStateStore>();
                return await store.GetSourceStatesAsync(c.CancellationToken).ConfigureAwait(false);
            });
    }
}
