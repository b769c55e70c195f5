using System.Text.Json;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>
/// Neo4j's transactional HTTP endpoint: <c>/db/{db}/tx</c> on 4.x/5.x, <c>/db/data/transaction</c> on
/// 3.x. Every statement of one request runs in one transaction (<c>…/commit</c>), so a write is one
/// round trip; a read opens its transaction first (two round trips) so that it can be deleted when
/// the read is cancelled. The server answers 200/201 even when Cypher fails: the <c>errors</c> list
/// is always read.
/// </summary>
public sealed class TransactionalEndpointTransport : INeo4jTransport
{
    /// <summary>The 3.x path (one database).</summary>
    public const string LegacyBasePath = "/db/data/transaction";

    /// <summary>The request header that sets a new transaction's time limit on the server (milliseconds).</summary>
    public const string MaxExecutionTimeHeader = "max-execution-time";

    private readonly Neo4jHttp _http;
    private readonly string _basePath;

    /// <param name="options">Where and how.</param>
    /// <param name="legacy">True for 3.x servers (<see cref="LegacyBasePath"/>), false for 4.x/5.x (<c>/db/{database}/tx</c>).</param>
    /// <param name="client">An HttpClient to use (tests); by default the transport makes and owns one.</param>
    public TransactionalEndpointTransport(Neo4jConnectionOptions options, bool legacy, HttpClient? client = null)
        : this(new Neo4jHttp(options, client), legacy)
    {
    }

    internal TransactionalEndpointTransport(Neo4jHttp http, bool legacy)
    {
        _http = http;
        _basePath = legacy ? LegacyBasePath : "/db/" + Uri.EscapeDataString(http.Options.Database) + "/tx";
    }

    public string Name => "tx-endpoint";

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, Neo4jAccessMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<CypherResult>>([]);
        }

        return _http.RetryAsync(token => mode == Neo4jAccessMode.Read ? ReadAsync(statements, token) : CommitAsync(statements, token), cancellationToken);
    }

    public async Task<INeo4jTransaction> BeginAsync(Neo4jAccessMode mode, CancellationToken cancellationToken) =>
        await _http.RetryAsync<INeo4jTransaction>(
            async token =>
            {
                HttpAnswer answer = await _http.SendAsync(HttpMethod.Post, _http.Url(_basePath), Body([]), null, true, token);
                Neo4jHttp.ThrowOnErrors(answer, "begin transaction");
                return new EndpointTransaction(this, TransactionPath(answer));
            },
            cancellationToken);

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    /// <summary>Writes: every statement and the commit in one request (they are idempotent, so a lost answer is simply retried).</summary>
    private async Task<IReadOnlyList<CypherResult>> CommitAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        HttpAnswer answer = await _http.SendAsync(HttpMethod.Post, _http.Url(_basePath + "/commit"), Body(statements), null, true, cancellationToken);
        Neo4jHttp.ThrowOnErrors(answer, "commit");
        return ReadResults(answer.Json);
    }

    /// <summary>
    /// Reads: the transaction is opened first, so its address is known while the statements run.
    /// Closing the connection does not stop a query on the server; deleting its transaction does.
    /// So a read whose caller gives up (cancelled, or past the request timeout) stops waiting at once
    /// and deletes the transaction in the background. The opening request carries the read's
    /// server-side time limit in <c>max-execution-time</c> (milliseconds): 3.1.1 reads the header but
    /// enforces it only with its execution guard switched on (<c>unsupported.dbms.executiontime_limit.enabled</c>;
    /// measured: a 5–7 s read ran to its end under a 1 s limit), later servers apply it as the
    /// transaction's timeout. The price is one more round trip per read.
    /// </summary>
    private async Task<IReadOnlyList<CypherResult>> ReadAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        var timeLimit = new Dictionary<string, string> { [MaxExecutionTimeHeader] = _http.ReadTimeoutMilliseconds };
        HttpAnswer opened = await _http.SendAsync(HttpMethod.Post, _http.Url(_basePath), Body([]), timeLimit, true, cancellationToken);
        Neo4jHttp.ThrowOnErrors(opened, "begin transaction");
        string transaction = TransactionPath(opened);
        try
        {
            HttpAnswer answer = await _http.SendAsync(HttpMethod.Post, _http.Url(transaction + "/commit"), Body(statements), null, true, cancellationToken);
            Neo4jHttp.ThrowOnErrors(answer, "commit");
            return ReadResults(answer.Json);
        }
        catch (Exception ex) when (ex is OperationCanceledException || (ex is Neo4jException { Code: Neo4jException.TransportTimeout }))
        {
            _http.Rollbacks.Start(token => DeleteAsync(transaction, token));
            throw;
        }
    }

    private async Task DeleteAsync(string transaction, CancellationToken cancellationToken)
    {
        HttpAnswer answer = await _http.SendAsync(HttpMethod.Delete, _http.Url(transaction), null, null, true, cancellationToken);
        if (answer.Status != 404)
        {
            Neo4jHttp.ThrowOnErrors(answer, "rollback");
        }
    }

    /// <summary>The path of the transaction a begin request opened: its Location, else its <c>commit</c> address without "/commit".</summary>
    private static string TransactionPath(HttpAnswer answer)
    {
        Uri location = answer.Location
            ?? (answer.Json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty("commit", out JsonElement commit) && commit.GetString() is { } c
                ? new Uri(c[..c.LastIndexOf("/commit", StringComparison.Ordinal)])
                : throw new Neo4jException("NewsGraph.Transport.Protocol", "the server opened no transaction (no Location)", answer.Status));
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
    }

    private static Dictionary<string, object?> Body(IReadOnlyList<CypherStatement> statements) => new()
    {
        ["statements"] = statements.Select(Neo4jHttp.StatementBody).ToList(),
    };

    /// <summary><c>results[i].columns</c> and <c>results[i].data[j].row</c>.</summary>
    internal static IReadOnlyList<CypherResult> ReadResults(JsonElement? json)
    {
        var results = new List<CypherResult>();
        if (json is not { ValueKind: JsonValueKind.Object } j || !j.TryGetProperty("results", out JsonElement list))
        {
            return results;
        }

        foreach (JsonElement result in list.EnumerateArray())
        {
            List<string> fields = [.. result.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? string.Empty)];
            List<JsonElement> rows = [.. result.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("row"))];
            results.Add(new CypherResult(fields, rows));
        }

        return results;
    }

    private sealed class EndpointTransaction(TransactionalEndpointTransport owner, string path) : INeo4jTransaction
    {
        private bool _open = true;

        public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            HttpAnswer answer = await owner._http.SendAsync(HttpMethod.Post, owner._http.Url(path), Body(statements), null, true, cancellationToken);
            Check(answer);
            return ReadResults(answer.Json);
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            HttpAnswer answer = await owner._http.SendAsync(HttpMethod.Post, owner._http.Url(path + "/commit"), Body([]), null, true, cancellationToken);
            _open = false;
            Neo4jHttp.ThrowOnErrors(answer, "commit");
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            if (!_open)
            {
                return;
            }

            _open = false;
            await owner.DeleteAsync(path, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_open)
            {
                try
                {
                    await RollbackAsync(CancellationToken.None);
                }
                catch (Neo4jException)
                {
                    // Best effort: the server expires idle transactions by itself.
                }
            }
        }

        private void Check(HttpAnswer answer)
        {
            try
            {
                Neo4jHttp.ThrowOnErrors(answer, "transaction");
            }
            catch (Neo4jException)
            {
                // Errors roll the transaction back on the server.
                _open = false;
                throw;
            }
        }
    }
}
