using GraphQL.DataLoader;

namespace NewsGraph.Api.Graph.Loading;

/// <summary>Small combinators over <see cref="IDataLoaderResult{T}"/> (GraphQL.DataLoader is not available here).</summary>
internal static class LoaderResult
{
    /// <summary>A result that is already known.</summary>
    public static IDataLoaderResult<T> Completed<T>(T value) => new CompletedResult<T>(value);

    /// <summary>Maps a pending result once it completes; the mapping runs without another store call.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new Mapped<T, TResult>(result, map);

    /// <summary>
    /// Chains a second load on the first one's value. The engine sees the inner pending result and
    /// completes it with the next level's batch, so chained loads stay batched.
    /// </summary>
    public static IDataLoaderResult<IDataLoaderResult<TResult>> ThenLoad<T, TResult>(this IDataLoaderResult<T> result, Func<T, IDataLoaderResult<TResult>> next) =>
        new Mapped<T, IDataLoaderResult<TResult>>(result, next);

    private sealed class CompletedResult<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
