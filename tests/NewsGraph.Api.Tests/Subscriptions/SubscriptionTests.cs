using System.Net.WebSockets;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;
using NewsGraph.Extraction;
using static NewsGraph.Api.Tests.Infrastructure.GraphQLWsClient;

namespace NewsGraph.Api.Tests.Subscriptions;

/// <summary>graphql-transport-ws over a real WebSocket: events after an ingest, and the protocol's rules.</summary>
public sealed class SubscriptionTests
{
    private const string SampleText = "موسكو-سانا\nبحث ميخائيل بوغدانوف نائب وزير الخارجية الروسي في موسكو اليوم مع رمزي رمزي تطورات الاوضاع في سورية.";

    [Fact]
    public async Task ArticleIngested_AfterMutation_ReceivesNext()
    {
        // The execution timeout bounds setting the subscription up, not its life: wait past it. It
        // bounds the mutation too, so the extractor's first run (JIT, under the other test classes'
        // load) happens before, not inside it.
        ArabicArticleExtractor.Default.Extract(new ArticleInfo("warm-up", SampleText));
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["ExecutionTimeout"] = "00:00:01" });
        using ClientWebSocket socket = await ConnectAsync(host);
        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))["type"]!.GetValue<string>());

        await SendAsync(socket, """{"id":"s1","type":"subscribe","payload":{"query":"subscription { articleIngested { articleKey title entities article { title source } } }"}}""");
        await WaitUntilAsync(() => host.Events.SubscriberCount == 1);
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        (_, JsonNode? mutation) = await host.PostAsync(
            """mutation($input: [ArticleInput!]!) { ingestArticles(input: $input) { succeeded failed results { ok articleKey error } } }""",
            new { input = new[] { new { text = SampleText, title = "خبر جديد", url = "https://example.org/new", source = "سانا" } } },
            apiKey: ApiHost.ApiKey);
        Assert.True(mutation?["data"]?["ingestArticles"]?["succeeded"]?.GetValue<int>() == 1, mutation?.ToJsonString());

        JsonNode next = await ReceiveAsync(socket);
        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.Equal("s1", next["id"]!.GetValue<string>());
        JsonNode evt = next["payload"]!["data"]!["articleIngested"]!;
        Assert.Equal("https://example.org/new", evt["articleKey"]!.GetValue<string>());
        Assert.Equal("خبر جديد", evt["article"]!["title"]!.GetValue<string>());
        Assert.True(evt["entities"]!.GetValue<int>() > 0);

        await SendAsync(socket, """{"id":"s1","type":"complete"}""");
        await WaitUntilAsync(() => host.Events.SubscriberCount == 0);
    }

    [Fact]
    public async Task Query_OverWebSocket_SendsNextThenComplete()
    {
        await using ApiHost host = await ApiHost.StartAsync();
        using ClientWebSocket socket = await ConnectAsync(host);
        await SendAsync(socket, """{"type":"connection_init","payload":{}}""");
        await ReceiveAsync(socket);
        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", (await ReceiveAsync(socket))["type"]!.GetValue<string>());

        await SendAsync(socket, """{"id":"q","type":"subscribe","payload":{"query":"{ stats { articles } }"}}""");
        JsonNode next = await ReceiveAsync(socket);
        Assert.Equal(3, next["payload"]!["data"]!["stats"]!["articles"]!.GetValue<int>());
        Assert.Equal("complete", (await ReceiveAsync(socket))["type"]!.GetValue<string>());

        await SendAsync(socket, """{"id":"bad","type":"subscribe","payload":{"query":"{ nope }"}}""");
        JsonNode error = await ReceiveAsync(socket);
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(new[] { """{"id":"1","type":"subscribe","payload":{"query":"{ __typename }"}}""" }, 4401)]
    [InlineData(new[] { """{"type":"connection_init"}""", """{"type":"connection_init"}""" }, 4429)]
    [InlineData(new[] { """{"type":"connection_init"}""", """{"type":"what"}""" }, 4400)]
    [InlineData(new[] { """{"type":"connection_init"}""", "not json" }, 4400)]
    [InlineData(new[] { """{"type":"connection_init","payload":{"apiKey":42}}""" }, 4400)]
    [InlineData(new[] { """{"type":"connection_init"}""", """{"id":7,"type":"subscribe","payload":{"query":"{ __typename }"}}""" }, 4400)]
    [InlineData(new[]
    {
        """{"type":"connection_init"}""",
        """{"id":"dup","type":"subscribe","payload":{"query":"subscription { articleIngested { title } }"}}""",
        """{"id":"dup","type":"subscribe","payload":{"query":"subscription { articleIngested { title } }"}}""",
    }, 4409)]
    public async Task Protocol_Violation_ClosesWithItsCode(string[] messages, int closeCode)
    {
        await using ApiHost host = await ApiHost.StartAsync();
        using ClientWebSocket socket = await ConnectAsync(host);
        foreach (string message in messages)
        {
            await SendAsync(socket, message);
        }

        Assert.Equal(closeCode, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task Message_NotUtf8_EndsTheConnectionWithoutRunningIt()
    {
        // RFC 6455 §8.1: a text frame that is not UTF-8 fails the connection. .NET's WebSocket checks
        // and aborts it before our code sees the message, so the client reads a reset, not a close code.
        await using ApiHost host = await ApiHost.StartAsync();
        using ClientWebSocket socket = await ConnectAsync(host);
        await SendAsync(socket, """{"type":"connection_init"}""");
        await ReceiveAsync(socket);
        byte[] message = [.. "{\"id\":\"q\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ person(name: \\\""u8, 0xFF, .. "\\\") { name } }\"}}"u8];
        await socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        WebSocketReceiveResult? result = null;
        Exception? ended = await Record.ExceptionAsync(async () => result = await socket.ReceiveAsync(new byte[4096], timeout.Token));
        Assert.True(ended is WebSocketException || result?.MessageType == WebSocketMessageType.Close, $"{ended} {result?.MessageType}");
    }

    [Fact]
    public async Task Connection_WithoutInit_ClosesWith4408()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["WebSocketInitTimeout"] = "00:00:00.300" });
        using ClientWebSocket socket = await ConnectAsync(host);
        Assert.Equal(4408, await ReceiveCloseAsync(socket));
    }
}
