using System.Net.WebSockets;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Http;

namespace NewsGraph.Api.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades at <c>/graphql</c> for the <c>graphql-transport-ws</c> subprotocol
/// (the protocol of npm <c>graphql-ws</c>) and runs one <see cref="GraphQLWebSocketConnection"/> each.
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    OperationExecutor executor,
    IGraphQLTextSerializer serializer,
    IOptions<ApiOptions> options,
    ILogger<GraphQLWebSocketConnection> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(
                """{"errors":[{"message":"WebSocket clients must ask for the graphql-transport-ws subprotocol.","extensions":{"code":"BAD_REQUEST"}}]}""",
                http.RequestAborted).ConfigureAwait(false);
            return;
        }

        using WebSocket socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol).ConfigureAwait(false);
        string? headerKey = http.Request.Headers[GraphQLHttpEndpoint.ApiKeyHeader].ToString();
        var connection = new GraphQLWebSocketConnection(socket, executor, serializer, options.Value, headerKey, http.User, logger);
        await connection.RunAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
