using System.Text.Json;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>
/// The narrow seam between the store and a Neo4j server: run parameterised Cypher in one
/// transaction, committed (auto-commit), or in an explicit transaction. Two HTTP implementations
/// exist (<see cref="QueryApiTransport"/>, <see cref="TransactionalEndpointTransport"/>); a Bolt
/// driver can implement the same interface later without touching the store.
/// Implementations retry whole transactions on transient errors (<c>Neo.TransientError.*</c>), not
/// when Neo4j does not answer: that is the caller's to decide (see <see cref="CircuitBreakingTransport"/>).
/// They never log credentials.
/// </summary>
public interface INeo4jTransport : IAsyncDisposable
{
    /// <summary>"query-api" or "tx-endpoint", for messages and diagnostics.</summary>
    string Name { get; }

    /// <summary>
    /// Runs the statements in order in one transaction and commits it; results come back in the
    /// same order. A transient failure retries the whole transaction (statements must therefore be
    /// idempotent, as every store write is). Any error rolls everything back and throws
    /// <see cref="Neo4jException"/>. A cancelled read stops waiting at once; where the server keeps
    /// the read's transaction open meanwhile, it is rolled back so the server stops working on it.
    /// </summary>
    Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, Neo4jAccessMode mode, CancellationToken cancellationToken);

    /// <summary>Opens an explicit transaction; dispose without commit rolls it back.</summary>
    Task<INeo4jTransaction> BeginAsync(Neo4jAccessMode mode, CancellationToken cancellationToken);
}

/// <summary>An open explicit transaction. Not retried: the caller owns the unit of work.</summary>
public interface INeo4jTransaction : IAsyncDisposable
{
    Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}

public enum Neo4jAccessMode
{
    Read,
    Write,
}

/// <summary>One Cypher statement and its parameters (plain .NET values: strings, numbers, bools, lists, dictionaries, null).</summary>
public sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    private static readonly IReadOnlyDictionary<string, object?> s_none = new Dictionary<string, object?>();

    public CypherStatement(string text)
        : this(text, s_none)
    {
    }
}

/// <summary>The rows of one statement: column names and, per row, the values in column order as plain JSON.</summary>
public sealed class CypherResult(IReadOnlyList<string> fields, IReadOnlyList<JsonElement> rows)
{
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>Each row is a JSON array in <see cref="Fields"/> order.</summary>
    public IReadOnlyList<JsonElement> Rows { get; } = rows;

    public static CypherResult Empty { get; } = new([], []);

    /// <summary>The value of column <paramref name="field"/> in row <paramref name="row"/>.</summary>
    public JsonElement Value(int row, string field)
    {
        for (int i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == field)
            {
                return Rows[row][i];
            }
        }

        throw new KeyNotFoundException($"No column '{field}' in the result.");
    }
}

/// <summary>
/// An error reported by Neo4j (its <see cref="Code"/>, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>)
/// or by the transport. Messages carry the code and the server's message, never credentials.
/// </summary>
public sealed class Neo4jException(string code, string message, int? httpStatus = null, Exception? inner = null)
    : Exception($"{code}: {message}", inner)
{
    public string Code { get; } = code;

    public string ServerMessage { get; } = message;

    public int? HttpStatus { get; } = httpStatus;

    /// <summary>Neo4j answered and says the same transaction may succeed if run again (<c>Neo.TransientError.*</c>: deadlock, leader switch).</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);

    /// <summary>No answer from Neo4j itself: refused, reset, a gateway's 5xx, or past the request timeout.</summary>
    public bool IsUnavailable => Code is TransportUnavailable or TransportTimeout;

    /// <summary>The code used when no answer came from Neo4j (connection refused or reset, 502/503/504, a 5xx without Neo4j's error body).</summary>
    public const string TransportUnavailable = "NewsGraph.Transport.Unavailable";

    /// <summary>The code used when a request took longer than the configured timeout.</summary>
    public const string TransportTimeout = "NewsGraph.Transport.Timeout";
}
