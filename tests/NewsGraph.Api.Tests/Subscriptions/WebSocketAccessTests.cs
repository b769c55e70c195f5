using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Extensions;
using NewsGraph.Api.Tests.Infrastructure;
using static NewsGraph.Api.Tests.Infrastructure.GraphQLWsClient;

namespace NewsGraph.Api.Tests.Subscriptions;

/// <summary>
/// Who may open a WebSocket and subscribe: pages of allowed origins only (browsers apply no CORS to
/// WebSockets), and with <c>RequireApiKeyForSubscriptions</c> only holders of the API key.
/// </summary>
public sealed class WebSocketAccessTests
{
    private const string Dashboard = "https://dash.example";
    private const string Subscription = """{"id":"s","type":"subscribe","payload":{"query":"subscription { articleIngested { articleKey } }"}}""";

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://dash.example.evil.example")]
    [InlineData("http://dash.example")]
    [InlineData("null")]
    public async Task Upgrade_OriginNotAllowed_IsRefusedWith403BeforeTheHandshake(string origin)
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["CorsOrigins:0"] = Dashboard });

        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(Uri(host), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);

        using HttpResponseMessage refused = await UpgradeOverHttpAsync(host, origin);
        await Http.HttpConformanceTests.AssertError(refused, HttpStatusCode.Forbidden, "ORIGIN_NOT_ALLOWED");
    }

    [Fact]
    public async Task Upgrade_NoCorsOriginsConfigured_RefusesForeignPages()
    {
        await using ApiHost host = await ApiHost.StartAsync();
        using HttpResponseMessage refused = await UpgradeOverHttpAsync(host, "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Upgrade_ListedOrigin_Subscribes()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["CorsOrigins:0"] = Dashboard });
        await AssertSubscribesAsync(host, o => o.SetRequestHeader("Origin", Dashboard));
    }

    [Fact]
    public async Task Upgrade_SameOrigin_Subscribes()
    {
        // Banana Cake Pop and the explorer are served by this server: no configuration needed.
        await using ApiHost host = await ApiHost.StartAsync();
        await AssertSubscribesAsync(host, o => o.SetRequestHeader("Origin", host.Address.GetLeftPart(UriPartial.Authority)));
    }

    [Fact]
    public async Task Upgrade_AnyOriginConfigured_Subscribes()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["CorsOrigins:0"] = "*" });
        await AssertSubscribesAsync(host, o => o.SetRequestHeader("Origin", "https://anywhere.example"));
    }

    [Fact]
    public async Task Upgrade_WithoutOrigin_Subscribes()
    {
        // Not a browser (Node's graphql-ws, curl, another server): nothing to protect a user from.
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["CorsOrigins:0"] = Dashboard });
        await AssertSubscribesAsync(host);
    }

    [Theory]
    [InlineData("https://example.org", "example.org", true)]
    [InlineData("https://example.org", "example.org:443", true)]
    [InlineData("http://example.org", "example.org", true)]
    [InlineData("https://Example.ORG", "example.org", true)]
    [InlineData("http://127.0.0.1:5080", "127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.1:5081", "127.0.0.1:5080", false)]
    [InlineData("https://example.org:8443", "example.org", false)]
    [InlineData("https://example.org.evil.example", "example.org", false)]
    [InlineData("null", "example.org", false)]
    [InlineData("file://example.org", "example.org", false)]
    public void IsSameOrigin_ComparesHostAndPortWithTheHostHeader(string origin, string host, bool same) =>
        Assert.Equal(same, WebSockets.WebSocketOriginPolicy.IsSameOrigin(origin, new Microsoft.AspNetCore.Http.HostString(host)));

    [Fact]
    public async Task Subscribe_KeyRequiredAndMissing_IsRefusedWithUnauthenticatedAndQueriesStillRun()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["RequireApiKeyForSubscriptions"] = "true" });
        using ClientWebSocket socket = await ConnectAsync(host);
        await SendAsync(socket, """{"type":"connection_init","payload":{"apiKey":"wrong"}}""");
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))["type"]!.GetValue<string>());

        await SendAsync(socket, Subscription);
        JsonNode error = await ReceiveAsync(socket);
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0, host.Events.SubscriberCount);

        await SendAsync(socket, """{"id":"q","type":"subscribe","payload":{"query":"{ stats { articles } }"}}""");
        Assert.Equal("next", (await ReceiveAsync(socket))["type"]!.GetValue<string>());
        Assert.Equal("complete", (await ReceiveAsync(socket))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_KeyRequiredAndGivenInConnectionInit_Subscribes()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["RequireApiKeyForSubscriptions"] = "true" });
        await AssertSubscribesAsync(host, init: $$$"""{"type":"connection_init","payload":{"apiKey":"{{{ApiHost.ApiKey}}}"}}""");
    }

    [Fact]
    public async Task Subscribe_KeyRequiredAndGivenInUpgradeHeader_Subscribes()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["RequireApiKeyForSubscriptions"] = "true" });
        await AssertSubscribesAsync(host, o => o.SetRequestHeader("X-Api-Key", ApiHost.ApiKey));
    }

    [Fact]
    public void Options_KeyRequiredWithoutAKey_FailValidation()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["NewsGraph:Api:RequireApiKeyForSubscriptions"] = "true" })
            .Build();
        using ServiceProvider services = new ServiceCollection().AddNewsGraphApi(configuration).BuildServiceProvider();
        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ApiOptions>>().Value);
        Assert.Contains("RequireApiKeyForSubscriptions", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Connects, initializes and subscribes; the server must count one subscriber.</summary>
    private static async Task AssertSubscribesAsync(ApiHost host, Action<ClientWebSocketOptions>? configure = null, string init = """{"type":"connection_init"}""")
    {
        using ClientWebSocket socket = await ConnectAsync(host, configure);
        await SendAsync(socket, init);
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))["type"]!.GetValue<string>());
        await SendAsync(socket, Subscription);
        await WaitUntilAsync(() => host.Events.SubscriberCount == 1);
        await SendAsync(socket, """{"id":"s","type":"complete"}""");
        await WaitUntilAsync(() => host.Events.SubscriberCount == 0);
    }

    /// <summary>A WebSocket upgrade request sent as plain HTTP, so a refusal's body can be read.</summary>
    private static async Task<HttpResponseMessage> UpgradeOverHttpAsync(ApiHost host, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));
        request.Headers.Add("Sec-WebSocket-Protocol", "graphql-transport-ws");
        request.Headers.Add("Origin", origin);
        return await host.Client.SendAsync(request);
    }
}
