using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace NewsGraph.Api.Http;

/// <summary>
/// Parsed documents that passed validation, keyed by their exact query text, so a repeated query
/// (dashboards send the same few) skips parsing, field counting and the document-only validation
/// rules. Only documents are kept — never results — and validation that depends on the request
/// (variables, complexity with its page sizes) still runs every time; see
/// <see cref="OperationExecutor"/>. GraphQL.NET's own cache (GraphQL.MemoryCache) is not available here.
/// </summary>
/// <remarks>
/// Bounded by the text it keeps: documents longer than <see cref="MaxQueryLength"/> characters are
/// not kept, and when the kept text would pass <see cref="MaxTotalLength"/> about half of the
/// entries are dropped (arbitrary ones: a workload with more distinct queries than fit gains little
/// from any policy). Abstract syntax trees slice the query text rather than copy it.
/// </remarks>
internal sealed class DocumentCache
{
    /// <summary>Longest query text kept (16K characters; Banana Cake Pop's introspection query is ~3K).</summary>
    internal const int MaxQueryLength = 16 * 1024;

    /// <summary>Total query text kept (1M characters, a few tens of MB with the syntax trees at worst).</summary>
    internal const int MaxTotalLength = 1024 * 1024;

    private readonly ConcurrentDictionary<string, CachedDocument> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evictionGate = new();
    private long _totalLength;

    public int Count => _entries.Count;

    public bool TryGet(string query, out CachedDocument document) => _entries.TryGetValue(query, out document!);

    /// <summary>Keeps a document that has just passed validation.</summary>
    public void Add(string query, CachedDocument document)
    {
        if (query.Length > MaxQueryLength)
        {
            return;
        }

        if (Interlocked.Read(ref _totalLength) + query.Length > MaxTotalLength)
        {
            Evict();
        }

        if (_entries.TryAdd(query, document))
        {
            Interlocked.Add(ref _totalLength, query.Length);
        }
    }

    private void Evict()
    {
        lock (_evictionGate)
        {
            if (Interlocked.Read(ref _totalLength) <= MaxTotalLength / 2)
            {
                return;
            }

            foreach (string query in _entries.Keys)
            {
                if (_entries.TryRemove(query, out _) && Interlocked.Add(ref _totalLength, -query.Length) <= MaxTotalLength / 2)
                {
                    return;
                }
            }
        }
    }
}

/// <summary>A parsed, validated document and what the executor measured of it.</summary>
internal sealed record CachedDocument(GraphQLDocument Document, int Fields, long ExpandedFields);
