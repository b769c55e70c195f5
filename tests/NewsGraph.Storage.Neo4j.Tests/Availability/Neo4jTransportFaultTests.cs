using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j.Tests.Availability;

/// <summary>
/// The store over a fake HTTP handler: Neo4j refusing connections, a proxy's 503, the circuit
/// opening and closing again on a fake clock, Neo4j's own errors not counted as an outage, and a
/// cancelled read deleting its transaction. No server needed.
/// </summary>
public sealed class Neo4jTransportFaultTests : IAsyncLifetime
{
    private static readonly string[] s_keys = ["person:لافروف"];
    private readonly FakeTimeProvider _time = new();
    private readonly FakeNeo4jHandler _neo4j = new();
    private readonly HttpClient _client;
    private readonly Neo4jGraphStore _store;

    public Neo4jTransportFaultTests()
    {
        _client = new HttpClient(_neo4j);
        var options = new Neo4jConnectionOptions { Uri = FakeNeo4jHandler.Address, RetryDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(10) };
        var transport = new TransactionalEndpointTransport(options, legacy: true, _client);
        _store = new Neo4jGraphStore(transport, new Neo4jServerInfo(new Version(3, 1, 1), "community", HasQueryApi: false, IsLegacyHttp: true), options, _time);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Read_ConnectionRefused_ThrowsStoreUnavailableAtOnceNamingServerAndReason()
    {
        var clock = Stopwatch.StartNew();

        StoreUnavailableException error = await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetEntitiesAsync(s_keys, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal("Neo4j at http://neo4j.test:7474", error.Store);
        Assert.Contains("Connection refused (neo4j.test:7474)", error.Message, StringComparison.Ordinal);
        Assert.IsType<Neo4jException>(error.InnerException);
        Assert.Single(_neo4j.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "<html>503 Service Unavailable</html>")]
    [InlineData(HttpStatusCode.BadGateway, "")]
    [InlineData(HttpStatusCode.InternalServerError, "<html>proxy error</html>")]
    public async Task Read_GatewayErrorWithoutNeo4jBody_ThrowsStoreUnavailable(HttpStatusCode status, string body)
    {
        _neo4j.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });

        StoreUnavailableException error = await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetEntitiesAsync(s_keys, CancellationToken.None));

        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_ConnectionRefused_ThrowsStoreUnavailable()
    {
        ArticleGraph article = new(new ArticleInfo("article:1", "نص"), [new ExtractedEntity("state:JO", NodeKind.State, "الأردن", [], [], "JO")], []);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.UpsertAsync([article], CancellationToken.None));
    }

    [Fact]
    public async Task Read_AfterThreeFailuresInARow_FailsFastWithoutAskingNeo4jUntilTheCoolDown()
    {
        await FailAsync(times: 3);

        StoreUnavailableException error = await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetEntitiesAsync(s_keys, CancellationToken.None));

        Assert.Equal(3, _neo4j.Requests.Count);
        Assert.Equal(CircuitState.Open, _store.Availability);
        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Contains("3 calls in a row", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Neo4jBackAfterTheCoolDown_OneTrialClosesTheCircuit()
    {
        await FailAsync(times: 3);
        _neo4j.Respond = FakeNeo4jHandler.Healthy;

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetEntitiesAsync(s_keys, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(5));
        IReadOnlyList<EntityRecord> found = await _store.GetEntitiesAsync(s_keys, CancellationToken.None);

        Assert.Empty(found);
        Assert.Equal(CircuitState.Closed, _store.Availability);
        await _store.GetEntitiesAsync(s_keys, CancellationToken.None);
        Assert.Equal(3 + 4, _neo4j.Requests.Count);
    }

    [Fact]
    public async Task Read_TrialFindsNeo4jStillDown_OpensForAnotherCoolDown()
    {
        await FailAsync(times: 3);
        _time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetEntitiesAsync(s_keys, CancellationToken.None));

        Assert.Equal(4, _neo4j.Requests.Count);
        Assert.Equal(CircuitState.Open, _store.Availability);
    }

    [Fact]
    public async Task Read_Neo4jAnswersWithAnError_IsNotAnOutage()
    {
        _neo4j.Respond = (_, _) => Task.FromResult(FakeNeo4jHandler.Json(
            HttpStatusCode.OK, """{"results":[],"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"bad"}]}""", "/db/data/transaction/17"));

        for (int i = 0; i < 5; i++)
        {
            Neo4jException error = await Assert.ThrowsAsync<Neo4jException>(() => _store.GetEntitiesAsync(s_keys, CancellationToken.None));
            Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        }

        Assert.Equal(CircuitState.Closed, _store.Availability);
    }

    [Fact]
    public async Task Read_Cancelled_StopsWaitingAtOnceAndDeletesItsTransaction()
    {
        _neo4j.Respond = async (request, cancellationToken) =>
        {
            if (request is { Method: "POST", Path: "/db/data/transaction/17/commit" })
            {
                // A long read: only the caller's cancellation ends the wait.
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await FakeNeo4jHandler.Healthy(request, cancellationToken);
        };
        using var cancellation = new CancellationTokenSource();

        Task<IReadOnlyList<EntityRecord>> read = _store.GetEntitiesAsync(s_keys, cancellation.Token);
        await WaitForAsync(() => _neo4j.Count("POST", "/db/data/transaction/17/commit") == 1);
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        TimeSpan stopped = clock.Elapsed;
        await WaitForAsync(() => _neo4j.Count("DELETE", "/db/data/transaction/17") == 1);

        Assert.True(stopped < TimeSpan.FromMilliseconds(500), $"took {stopped}");
        FakeRequest begin = _neo4j.Requests.First();
        Assert.Equal(("POST", "/db/data/transaction"), (begin.Method, begin.Path));
        Assert.Equal("30000", begin.Headers[TransactionalEndpointTransport.MaxExecutionTimeHeader]);
        Assert.Equal(CircuitState.Closed, _store.Availability);
    }

    [Fact]
    public async Task QueryApi_Read_CarriesTheServerSideTimeLimit()
    {
        var options = new Neo4jConnectionOptions { Uri = FakeNeo4jHandler.Address, ReadTransactionTimeout = TimeSpan.FromSeconds(12) };
        _neo4j.Respond = (_, _) => Task.FromResult(FakeNeo4jHandler.Json(HttpStatusCode.Accepted, """{"data":{"fields":["n"],"values":[[1]]}}"""));
        await using var transport = new QueryApiTransport(options, _client);

        await transport.RunAsync([new CypherStatement("RETURN 1 AS n")], Neo4jAccessMode.Read, CancellationToken.None);
        await transport.RunAsync([new CypherStatement("RETURN 1 AS n")], Neo4jAccessMode.Write, CancellationToken.None);

        JsonElement[] bodies = [.. _neo4j.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement)];
        Assert.Equal(12, bodies[0].GetProperty("maxExecutionTime").GetInt64());
        Assert.False(bodies[1].TryGetProperty("maxExecutionTime", out _));
    }

    [Fact]
    public async Task QueryApi_CancelledReadInAnExplicitTransaction_StopsWaitingAndRollsBack()
    {
        var options = new Neo4jConnectionOptions { Uri = FakeNeo4jHandler.Address };
        _neo4j.Respond = async (request, cancellationToken) =>
        {
            switch (request)
            {
                case { Method: "POST", Path: "/db/neo4j/query/v2/tx" }:
                    return FakeNeo4jHandler.Json(HttpStatusCode.Accepted, """{"transaction":{"id":"t7","expires":"2026-01-01T00:00:30Z"}}""");
                case { Method: "POST", Path: "/db/neo4j/query/v2/tx/t7" }:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
            }

            return FakeNeo4jHandler.Json(HttpStatusCode.OK, "{}");
        };
        await using var transport = new QueryApiTransport(options, _client);
        using var cancellation = new CancellationTokenSource();

        Task read = transport.RunAsync([new CypherStatement("RETURN 1"), new CypherStatement("RETURN 2")], Neo4jAccessMode.Read, cancellation.Token);
        await WaitForAsync(() => _neo4j.Count("POST", "/db/neo4j/query/v2/tx/t7") == 1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        await WaitForAsync(() => _neo4j.Count("DELETE", "/db/neo4j/query/v2/tx/t7") == 1);
        Assert.Equal(30, JsonDocument.Parse(_neo4j.Requests.First().Body).RootElement.GetProperty("maxExecutionTime").GetInt64());
    }

    [Fact]
    public async Task Connect_Neo4jDown_ThrowsStoreUnavailableNamingTheServer()
    {
        var options = new Neo4jConnectionOptions { Uri = FakeNeo4jHandler.Address };

        StoreUnavailableException error = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => Neo4jGraphStore.ConnectAsync(options, _time, _client, CancellationToken.None));

        Assert.Equal("Neo4j at http://neo4j.test:7474 is unavailable: GET / failed: Connection refused (neo4j.test:7474)", error.Message);
    }

    private async Task FailAsync(int times)
    {
        for (int i = 0; i < times; i++)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.GetEntitiesAsync(s_keys, CancellationToken.None));
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "timed out waiting for the fake server");
            await Task.Delay(5);
        }
    }
}
