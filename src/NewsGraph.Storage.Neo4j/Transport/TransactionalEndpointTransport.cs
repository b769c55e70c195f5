using System.Text.Json;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>
/// Neo4j's transactional HTTP endpoint: <c>/db/{db}/tx</c> on 4.x/5.x, <c>/db/data/transaction</c> on
/// 3.x. Every statement of one request runs in one transaction (<c>…/commit</c>), so
/// <see cref="RunAsync"/> is one round trip. The server answers 200/201 even when Cypher fails:
/// the <c>errors</c> list is always read.
/// </summary>
public sealed class TransactionalEndpointTransport : INeo4jTransport
{
    /// <summary>The 3.x path (one database).</summary>
    public const string LegacyBasePath = "/db/data/transaction";

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

        return _http.RetryAsync<IReadOnlyList<CypherResult>>(
            async token =>
            {
                HttpAnswer answer = await _http.SendAsync(HttpMethod.Post, _http.Url(_basePath + "/commit"), Body(statements), null, true, token);
                Neo4jHttp.ThrowOnErrors(answer, "commit");
                return ReadResults(answer.Json);
            },
            cancellationToken);
    }

    public async Task<INeo4jTransaction> BeginAsync(Neo4jAccessMode mode, CancellationToken cancellationToken) =>
        await _http.RetryAsync<INeo4jTransaction>(
            async token =>
            {
                HttpAnswer answer = await _http.SendAsync(HttpMethod.Post, _http.Url(_basePath), Body([]), null, true, token);
                Neo4jHttp.ThrowOnErrors(answer, "begin transaction");
                Uri location = answer.Location
                    ?? (answer.Json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty("commit", out JsonElement commit) && commit.GetString() is { } c
                        ? new Uri(c[..c.LastIndexOf("/commit", StringComparison.Ordinal)])
                        : throw new Neo4jException("NewsGraph.Transport.Protocol", "the server opened no transaction (no Location)", answer.Status));
                return new EndpointTransaction(this, location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
            },
            cancellationToken);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
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
            HttpAnswer answer = await owner._http.SendAsync(HttpMethod.Delete, owner._http.Url(path), null, null, true, cancellationToken);
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
