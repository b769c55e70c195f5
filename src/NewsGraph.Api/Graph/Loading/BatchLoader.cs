using GraphQL.DataLoader;

namespace NewsGraph.Api.Graph.Loading;

/// <summary>
/// A per-request batch loader in GraphQL.NET's <see cref="IDataLoaderResult{T}"/> pattern: resolvers
/// ask for keys and get a pending result; the engine completes pending results only after every
/// other node of the current step has run, so the first <c>GetResultAsync</c> finds the keys of the
/// whole level and fetches them with one store call. Values are cached for the rest of the request.
/// Safe for the parallel execution strategy (several results may complete at once).
/// </summary>
internal abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TValue> _cache = [];
    private Batch? _open;

    /// <summary>Asks for one key; the returned result fetches the open batch when first awaited.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out TValue? cached))
            {
                return LoaderResult.Completed<TValue?>(cached);
            }

            _open ??= new Batch();
            _open.Keys.Add(key);
            return new Pending(this, _open, key);
        }
    }

    /// <summary>Asks for several keys; the result lists the values found, in key order.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IEnumerable<TKey> keys)
    {
        IDataLoaderResult<TValue?>[] results = keys.Distinct().Select(Load).ToArray();
        return new Many(results);
    }

    /// <summary>Fetches the values of <paramref name="keys"/>; keys without a value are left out.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value for a key the store returned nothing for (default: none).</summary>
    protected virtual TValue? Missing(TKey key) => default;

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Fetch is null)
            {
                if (ReferenceEquals(_open, batch))
                {
                    _open = null;
                }

                batch.Fetch = FetchAndCacheAsync(batch.Keys, cancellationToken);
            }

            return batch.Fetch;
        }
    }

    private async Task<IReadOnlyDictionary<TKey, TValue>> FetchAndCacheAsync(HashSet<TKey> keys, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<TKey, TValue> values = await FetchAsync(keys, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach ((TKey key, TValue value) in values)
            {
                _cache[key] = value;
            }
        }

        return values;
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Fetch { get; set; }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            IReadOnlyDictionary<TKey, TValue> values = await loader.Dispatch(batch, cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out TValue? value) ? value : loader.Missing(key);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Many(IDataLoaderResult<TValue?>[] results) : IDataLoaderResult<IReadOnlyList<TValue>>
    {
        public async Task<IReadOnlyList<TValue>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new List<TValue>(results.Length);
            foreach (IDataLoaderResult<TValue?> result in results)
            {
                if (await result.GetResultAsync(cancellationToken).ConfigureAwait(false) is { } value)
                {
                    values.Add(value);
                }
            }

            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
