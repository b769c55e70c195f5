using System.Text.Json;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j.Tests.QueryApi;

/// <summary>
/// The Query API v2 transport against a local listener replaying the exchanges in
/// tests/fixtures/neo4j-query-api: what it sends (paths, bodies, auth, affinity) and how it reads
/// answers (rows, errors in any status, transactions, retries).
/// </summary>
public sealed class QueryApiTransportTests
{
    private const string Password = "test-password";
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task RunAsync_OneStatementWithParameters_PostsItAndReadsTheRows()
    {
        Exchange exchange = Exchange.Fixture("02-query-with-parameters.json");
        await using var server = new ReplayServer(exchange);
        await using QueryApiTransport transport = Transport(server);

        IReadOnlyList<CypherResult> results = await transport.RunAsync([Statement(exchange)], Neo4jAccessMode.Write, s_none);

        CypherResult result = Assert.Single(results);
        Assert.Equal(["person", "name"], result.Fields);
        Assert.Equal("سيرغي لافروف", result.Value(0, "name").GetString());
        Assert.Equal("Person", result.Value(0, "person").GetProperty("labels")[0].GetString());
        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.Equal(exchange.ExpectedRequestBody!.Value.GetProperty("statement").GetString(), request.Json.GetProperty("statement").GetString());
        Assert.Equal("person:لافروف", request.Json.GetProperty("parameters").GetProperty("key").GetString());
        Assert.Equal("Write", request.Json.GetProperty("accessMode").GetString());
        Assert.Equal(FixtureAuthorization("02-query-with-parameters.json"), request.Headers["Authorization"]);
        Assert.Empty(server.Mismatches);
    }

    [Fact]
    public async Task RunAsync_BearerToken_IsSentInsteadOfBasic()
    {
        Exchange exchange = Exchange.Fixture("02-query-with-parameters.json");
        await using var server = new ReplayServer(exchange);
        Neo4jConnectionOptions options = Options(server).With(bearerToken: "sso-token-42");
        await using var transport = new QueryApiTransport(options);

        await transport.RunAsync([Statement(exchange)], Neo4jAccessMode.Write, s_none);

        Assert.Equal("Bearer sso-token-42", Assert.Single(server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task RunAsync_AnswerWithCounters_ReadsTheRows()
    {
        Exchange exchange = Exchange.Fixture("03-query-with-counters.json");
        await using var server = new ReplayServer(exchange);
        await using QueryApiTransport transport = Transport(server);

        IReadOnlyList<CypherResult> results = await transport.RunAsync([Statement(exchange)], Neo4jAccessMode.Write, s_none);

        Assert.Equal("state:JO", results[0].Value(0, "key").GetString());
    }

    [Fact]
    public async Task RunAsync_SyntaxError_ThrowsItsCodeWithoutRetrying()
    {
        await using var server = new ReplayServer(Exchange.Fixture("04-error-syntax-400.json"));
        await using QueryApiTransport transport = Transport(server);

        Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => transport.RunAsync([new CypherStatement("MATCH (p:Person RETURN p")], Neo4jAccessMode.Read, s_none));

        Assert.Equal(("Neo.ClientError.Statement.SyntaxError", 400, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task RunAsync_ErrorInsideA202_Throws()
    {
        await using var server = new ReplayServer(Exchange.Fixture("15-error-inside-202.json"));
        await using QueryApiTransport transport = Transport(server);

        Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => transport.RunAsync([new CypherStatement("UNWIND [2, 0] AS d RETURN 4 / d AS q")], Neo4jAccessMode.Read, s_none));

        Assert.Equal(("Neo.ClientError.Statement.ArithmeticError", 202), (error.Code, error.HttpStatus));
    }

    [Theory]
    [InlineData("05-error-auth-missing-401.json", "Neo.ClientError.Security.Unauthorized")]
    [InlineData("06-error-auth-wrong-password-401.json", "Neo.ClientError.Security.Unauthorized")]
    [InlineData("07-error-auth-malformed-header-401.json", "Neo.ClientError.Request.InvalidFormat")]
    public async Task RunAsync_AuthFailure_ThrowsTheCodeAndNeverTheCredentials(string fixture, string code)
    {
        await using var server = new ReplayServer(Exchange.Fixture(fixture));
        await using QueryApiTransport transport = Transport(server);

        Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => transport.RunAsync([new CypherStatement("RETURN 1")], Neo4jAccessMode.Read, s_none));

        Assert.Equal((code, 401), (error.Code, error.HttpStatus));
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureAuthorization("02-query-with-parameters.json")[6..], error.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task RunAsync_UnknownDatabase_ThrowsDatabaseNotFound()
    {
        await using var server = new ReplayServer(Exchange.Fixture("08-error-database-not-found-404.json"));
        await using QueryApiTransport transport = Transport(server, database: "nowhere");

        Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => transport.RunAsync([new CypherStatement("RETURN 1")], Neo4jAccessMode.Read, s_none));

        Assert.Equal(("Neo.ClientError.Database.DatabaseNotFound", 404), (error.Code, error.HttpStatus));
        Assert.Equal("/db/nowhere/query/v2", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task RunAsync_TransientErrorAs400_IsRetriedThenSucceeds()
    {
        Exchange success = Exchange.Fixture("02-query-with-parameters.json");
        await using var server = new ReplayServer(Exchange.Fixture("16-error-transient-deadlock-400.json"), Exchange.Fixture("16-error-transient-deadlock-400.json"), success);
        await using QueryApiTransport transport = Transport(server);

        IReadOnlyList<CypherResult> results = await transport.RunAsync([Statement(success)], Neo4jAccessMode.Write, s_none);

        Assert.Equal("سيرغي لافروف", results[0].Value(0, "name").GetString());
        Assert.Equal(3, server.Requests.Count);
        Assert.Empty(server.Mismatches);
    }

    [Fact]
    public async Task RunAsync_TransientErrorEveryTime_GivesUpAfterTheRetries()
    {
        Exchange deadlock = Exchange.Fixture("16-error-transient-deadlock-400.json");
        await using var server = new ReplayServer(deadlock, deadlock, deadlock);
        await using QueryApiTransport transport = Transport(server, maxRetries: 2);

        Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => transport.RunAsync([new CypherStatement("MERGE (p:Person {key: $key})")], Neo4jAccessMode.Write, s_none));

        Assert.True(error.IsTransient);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Transaction_BeginRunCommit_EchoesTheAffinityHeaderOnEveryLaterCall()
    {
        Exchange run = Exchange.Fixture("11-tx-run.json");
        await using var server = new ReplayServer(Exchange.Fixture("10-tx-begin-empty.json"), run, Exchange.Fixture("12-tx-commit.json"));
        await using QueryApiTransport transport = Transport(server);

        await using INeo4jTransaction transaction = await transport.BeginAsync(Neo4jAccessMode.Write, s_none);
        IReadOnlyList<CypherResult> results = await transaction.RunAsync([Statement(run)], s_none);
        await transaction.CommitAsync(s_none);

        Assert.Equal(1, results[0].Value(0, "n").GetInt64());
        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx"), ("POST", "/db/neo4j/query/v2/tx/t7q"), ("POST", "/db/neo4j/query/v2/tx/t7q/commit")],
            server.Requests.Select(r => (r.Method, r.Path)));
        string affinity = Exchange.Fixture("10-tx-begin-empty.json").Headers[QueryApiTransport.AffinityHeader];
        Assert.False(server.Requests[0].Headers.ContainsKey(QueryApiTransport.AffinityHeader));
        Assert.All(server.Requests.Skip(1), r => Assert.Equal(affinity, r.Headers[QueryApiTransport.AffinityHeader]));
        Assert.Empty(server.Mismatches);
    }

    [Fact]
    public async Task RunAsync_SeveralStatements_RunInOneExplicitTransaction()
    {
        Exchange run = Exchange.Fixture("11-tx-run.json");
        await using var server = new ReplayServer(Exchange.Fixture("10-tx-begin-empty.json"), run, run, Exchange.Fixture("12-tx-commit.json"));
        await using QueryApiTransport transport = Transport(server);

        IReadOnlyList<CypherResult> results = await transport.RunAsync([Statement(run), Statement(run)], Neo4jAccessMode.Write, s_none);

        Assert.Equal(2, results.Count);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal("/db/neo4j/query/v2/tx/t7q/commit", server.Requests[^1].Path);
        Assert.Equal(0, server.Remaining);
        Assert.Empty(server.Mismatches);
    }

    [Fact]
    public async Task Transaction_Rollback_DeletesItWithTheAffinityHeader()
    {
        await using var server = new ReplayServer(Exchange.Fixture("09-tx-begin.json").At("POST", "/db/neo4j/query/v2/tx"), Exchange.Fixture("13-tx-rollback.json"));
        await using QueryApiTransport transport = Transport(server);

        INeo4jTransaction transaction = await transport.BeginAsync(Neo4jAccessMode.Write, s_none);
        await transaction.RollbackAsync(s_none);
        await transaction.DisposeAsync();

        RecordedRequest rollback = server.Requests[^1];
        Assert.Equal(("DELETE", "/db/neo4j/query/v2/tx/t7q"), (rollback.Method, rollback.Path));
        Assert.Equal(Exchange.Fixture("09-tx-begin.json").Headers[QueryApiTransport.AffinityHeader], rollback.Headers[QueryApiTransport.AffinityHeader]);
        Assert.Equal(2, server.Requests.Count);
        Assert.Empty(server.Mismatches);
    }

    [Fact]
    public async Task Transaction_DisposedWithoutCommit_RollsBack()
    {
        await using var server = new ReplayServer(Exchange.Fixture("10-tx-begin-empty.json"), Exchange.Fixture("13-tx-rollback.json"));
        await using QueryApiTransport transport = Transport(server);

        await using (await transport.BeginAsync(Neo4jAccessMode.Write, s_none))
        {
        }

        Assert.Equal("DELETE", server.Requests[^1].Method);
        Assert.Empty(server.Mismatches);
    }

    [Fact]
    public async Task Transaction_Expired_ThrowsAndIsNotRolledBackAgain()
    {
        await using var server = new ReplayServer(Exchange.Fixture("10-tx-begin-empty.json"), Exchange.Fixture("14-tx-expired-404.json"));
        await using QueryApiTransport transport = Transport(server);

        INeo4jTransaction transaction = await transport.BeginAsync(Neo4jAccessMode.Write, s_none);
        Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => transaction.RunAsync([new CypherStatement("RETURN 1")], s_none));
        await transaction.DisposeAsync();

        Assert.Equal(("Neo.ClientError.Request.Invalid", 404), (error.Code, error.HttpStatus));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Discovery_RootDocument_GivesVersionEditionAndQueryApi()
    {
        await using var server = new ReplayServer(Exchange.Fixture("01-discovery.json"));
        using var http = new Neo4jHttp(Options(server));

        Neo4jServerInfo? info = await Neo4jDiscovery.DiscoverAsync(http, s_none);

        Assert.NotNull(info);
        Assert.Equal((new Version(5, 20, 0), "community", true, false), (info.Version, info.Edition, info.HasQueryApi, info.IsLegacyHttp));
        Assert.True(info.HasModernSchemaSyntax);

        // 5.20 has the Query API but not its explicit transactions (5.26+): auto picks the transactional endpoint.
        Assert.False(info.HasQueryApiTransactions);
        Assert.IsType<TransactionalEndpointTransport>(Neo4jDiscovery.ChooseTransport(http, info));
        Assert.IsType<QueryApiTransport>(Neo4jDiscovery.ChooseTransport(http, info with { Version = new Version(5, 26) }));
        Assert.False(server.Requests[0].Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task TransactionalEndpoint_ErrorsIn200_AreReadAndTransientOnesRetried()
    {
        var deadlock = new Exchange("POST", "/db/data/transaction/commit", 200, new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            """{"results":[],"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"deadlock"}]}""", null);
        var ok = deadlock with { Body = """{"results":[{"columns":["n"],"data":[{"row":[42],"meta":[null]}]}],"errors":[]}""" };
        var syntax = deadlock with { Body = """{"results":[],"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"bad"}]}""" };
        await using var server = new ReplayServer(deadlock, ok, syntax);
        await using var transport = new TransactionalEndpointTransport(Options(server), legacy: true);

        // Writes are one request each (reads open their transaction first: see Neo4jTransportFaultTests).
        IReadOnlyList<CypherResult> results = await transport.RunAsync([new CypherStatement("RETURN 42 AS n")], Neo4jAccessMode.Write, s_none);
        Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => transport.RunAsync([new CypherStatement("RETURN")], Neo4jAccessMode.Write, s_none));

        Assert.Equal(42, results[0].Value(0, "n").GetInt64());
        Assert.Equal(("Neo.ClientError.Statement.SyntaxError", 200), (error.Code, error.HttpStatus));
        Assert.Equal(3, server.Requests.Count);
    }

    private static Neo4jConnectionOptions Options(ReplayServer server, string database = "neo4j", int maxRetries = 5) => new()
    {
        Uri = server.Uri,
        User = "newsgraph",
        Password = Password,
        Database = database,
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static QueryApiTransport Transport(ReplayServer server, string database = "neo4j", int maxRetries = 5) =>
        new(Options(server, database, maxRetries));

    private static CypherStatement Statement(Exchange exchange)
    {
        JsonElement body = exchange.ExpectedRequestBody!.Value;
        var parameters = new Dictionary<string, object?>();
        if (body.TryGetProperty("parameters", out JsonElement p))
        {
            foreach (JsonProperty property in p.EnumerateObject())
            {
                parameters[property.Name] = property.Value.GetString();
            }
        }

        return new CypherStatement(body.GetProperty("statement").GetString()!, parameters);
    }

    private static string FixtureAuthorization(string fixture)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "QueryApi", fixture)));
        return document.RootElement.GetProperty("request").GetProperty("headers").GetProperty("Authorization").GetString()!;
    }
}
