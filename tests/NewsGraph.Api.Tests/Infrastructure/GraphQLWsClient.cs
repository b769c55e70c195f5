using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>A bare graphql-transport-ws client for tests: raw messages in, parsed messages out.</summary>
public static class GraphQLWsClient
{
    /// <summary>Connects to the host's /graphql with the subprotocol; <paramref name="configure"/> may add headers (Origin, X-Api-Key).</summary>
    public static async Task<ClientWebSocket> ConnectAsync(ApiHost host, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(Uri(host), timeout.Token);
        Assert.Equal("graphql-transport-ws", socket.SubProtocol);
        return socket;
    }

    public static Uri Uri(ApiHost host) => new UriBuilder(host.GraphQL) { Scheme = "ws" }.Uri;

    public static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    public static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        byte[] buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }

    public static async Task<int> ReceiveCloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        byte[] buffer = new byte[4096];
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (int)result.CloseStatus!.Value;
            }
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
