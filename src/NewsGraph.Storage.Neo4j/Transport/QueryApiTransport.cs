using System.Text.Json;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>
/// Neo4j's Query API v2 (5.26+, 2025.x, Aura). One statement runs as an implicit transaction
/// (<c>POST /db/{db}/query/v2</c>, 202); several run in an explicit transaction (<c>POST …/tx</c>,
/// <c>POST …/tx/{id}</c>, <c>POST …/tx/{id}/commit</c>, <c>DELETE …/tx/{id}</c> to roll back).
/// The <c>neo4j-cluster-affinity</c> header is echoed on every later call of a transaction when
/// the server sent it. Errors are read from the body whatever the status (they can come inside a
/// 202); transient ones (also when sent as 400) retry the whole transaction. Reads carry a
/// server-side time limit; a cancelled read in an explicit transaction is rolled back in the background.
/// </summary>
public sealed class QueryApiTransport : INeo4jTransport
{
    /// <summary>The response header a cluster (Aura) uses to pin a transaction to one member.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly Neo4jHttp _http;
    private readonly string _basePath;

    public QueryApiTransport(Neo4jConnectionOptions options, HttpClient? client = null)
        : this(new Neo4jHttp(options, client))
    {
    }

    internal QueryApiTransport(Neo4jHttp http)
    {
        _http = http;
        _basePath = "/db/" + Uri.EscapeDataString(http.Options.Database) + "/query/v2";
    }

    public string Name => "query-api";

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, Neo4jAccessMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<CypherResult>>([]);
        }

        return _http.RetryAsync<IReadOnlyList<CypherResult>>(
            async token =>
            {
                if (statements.Count == 1)
                {
                    HttpAnswer answer = await _http.SendAsync(HttpMethod.Post, _http.Url(_basePath), Body(statements[0], mode), null, true, token);
                    Neo4jHttp.ThrowOnErrors(answer, "query");
                    return [ReadResult(answer.Json)];
                }

                await using QueryApiTransaction transaction = await BeginCoreAsync(mode, token);
                try
                {
                    IReadOnlyList<CypherResult> results = await transaction.RunAsync(statements, token);
                    await transaction.CommitAsync(token);
                    return results;
                }
                catch (Exception ex) when (ex is OperationCanceledException || (ex is Neo4jException { Code: Neo4jException.TransportTimeout }))
                {
                    // The caller has gone: it stops waiting now, the rollback follows on its own.
                    transaction.RollBackInBackground();
                    throw;
                }
            },
            cancellationToken);
    }

    public async Task<INeo4jTransaction> BeginAsync(Neo4jAccessMode mode, CancellationToken cancellationToken) =>
        await _http.RetryAsync<INeo4jTransaction>(async token => await BeginCoreAsync(mode, token), cancellationToken);

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private async Task<QueryApiTransaction> BeginCoreAsync(Neo4jAccessMode mode, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["accessMode"] = ModeName(mode) };
        AddReadTimeLimit(body, mode);
        HttpAnswer answer = await _http.SendAsync(HttpMethod.Post, _http.Url(_basePath + "/tx"), body, null, true, cancellationToken);
        Neo4jHttp.ThrowOnErrors(answer, "begin transaction");
        string id = TransactionId(answer.Json) ?? throw new Neo4jException("NewsGraph.Transport.Protocol", "the server opened no transaction (no transaction.id in the answer)", answer.Status);
        answer.Headers.TryGetValue(AffinityHeader, out string? affinity);
        return new QueryApiTransaction(this, id, affinity);
    }

    private Dictionary<string, object?> Body(CypherStatement statement, Neo4jAccessMode mode)
    {
        Dictionary<string, object?> body = Neo4jHttp.StatementBody(statement);
        body["accessMode"] = ModeName(mode);
        AddReadTimeLimit(body, mode);
        return body;
    }

    /// <summary>
    /// Reads carry a server-side time limit (<c>maxExecutionTime</c>, whole seconds): the server ends a
    /// read nobody waits for any more, since closing the connection alone does not stop it.
    /// </summary>
    private void AddReadTimeLimit(Dictionary<string, object?> body, Neo4jAccessMode mode)
    {
        if (mode == Neo4jAccessMode.Read)
        {
            body["maxExecutionTime"] = (long)Math.Max(1, Math.Ceiling(_http.Options.ReadTransactionTimeout.TotalSeconds));
        }
    }

    private static string ModeName(Neo4jAccessMode mode) => mode == Neo4jAccessMode.Read ? "Read" : "Write";

    private static string? TransactionId(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty("transaction", out JsonElement tx) && tx.TryGetProperty("id", out JsonElement id)
            ? id.GetString()
            : null;

    /// <summary>Plain JSON results: <c>data.fields</c> and <c>data.values</c> (rows as arrays).</summary>
    internal static CypherResult ReadResult(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } j || !j.TryGetProperty("data", out JsonElement data))
        {
            return CypherResult.Empty;
        }

        List<string> fields = [.. data.GetProperty("fields").EnumerateArray().Select(f => f.GetString() ?? string.Empty)];
        List<JsonElement> rows = [.. data.GetProperty("values").EnumerateArray()];
        return new CypherResult(fields, rows);
    }

    private sealed class QueryApiTransaction(QueryApiTransport owner, string id, string? affinity) : INeo4jTransaction
    {
        private string? _affinity = affinity;
        private bool _open = true;

        public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            var results = new List<CypherResult>(statements.Count);
            foreach (CypherStatement statement in statements)
            {
                HttpAnswer answer = await SendAsync(HttpMethod.Post, "/" + Uri.EscapeDataString(id), Neo4jHttp.StatementBody(statement), cancellationToken);
                results.Add(ReadResult(answer.Json));
            }

            return results;
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await SendAsync(HttpMethod.Post, "/" + Uri.EscapeDataString(id) + "/commit", new Dictionary<string, object?>(), cancellationToken);
            _open = false;
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            if (!_open)
            {
                return;
            }

            _open = false;
            await DeleteAsync(cancellationToken);
        }

        /// <summary>Starts the rollback without waiting for it (the caller has gone).</summary>
        public void RollBackInBackground()
        {
            if (_open)
            {
                _open = false;
                owner._http.Rollbacks.Start(DeleteAsync);
            }
        }

        private async Task DeleteAsync(CancellationToken cancellationToken)
        {
            HttpAnswer answer = await owner._http.SendAsync(
                HttpMethod.Delete, owner._http.Url(owner._basePath + "/tx/" + Uri.EscapeDataString(id)), null, Headers(), true, cancellationToken);

            // 200 (server source) or 202 (docs); 404 means it is gone already, which is what we wanted.
            if (answer.Status != 404)
            {
                Neo4jHttp.ThrowOnErrors(answer, "rollback");
            }
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
                    // Best effort: an abandoned transaction expires on the server (60 s idle).
                }
            }
        }

        private async Task<HttpAnswer> SendAsync(HttpMethod method, string suffix, object? body, CancellationToken cancellationToken)
        {
            HttpAnswer answer = await owner._http.SendAsync(method, owner._http.Url(owner._basePath + "/tx" + suffix), body, Headers(), true, cancellationToken);
            if (answer.Headers.TryGetValue(AffinityHeader, out string? affinity))
            {
                _affinity = affinity;
            }

            try
            {
                Neo4jHttp.ThrowOnErrors(answer, "transaction");
            }
            catch (Neo4jException)
            {
                // After most errors the server has closed the transaction (no "transaction" key).
                _open = TransactionId(answer.Json) is not null;
                throw;
            }

            return answer;
        }

        private Dictionary<string, string>? Headers() =>
            _affinity is null ? null : new Dictionary<string, string> { [AffinityHeader] = _affinity };
    }
}
