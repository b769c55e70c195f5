using System.Net.WebSockets;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Http;

namespace NewsGraph.Api.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades at <c>/graphql</c> for the <c>graphql-transport-ws</c> subprotocol
/// (the protocol of npm <c>graphql-ws</c>) and runs one <see cref="GraphQLWebSocketConnection"/> each.
/// An upgrade from a page whose origin <see cref="WebSocketOriginPolicy"/> does not allow is refused
/// before the handshake.
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    OperationExecutor executor,
    IGraphQLTextSerializer serializer,
    IOptions<ApiOptions> options,
    WebSocketOriginPolicy origins,
    ILogger<GraphQLWebSocketConnection> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext http)
    {
        if (!await origins.AllowsAsync(http).ConfigureAwait(false))
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, ErrorCodes.OriginNotAllowed,
                "WebSocket connections from this origin are not allowed (NewsGraph:Api:CorsOrigins).").ConfigureAwait(false);
            return;
        }

        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "WebSocket clients must ask for the graphql-transport-ws subprotocol.").ConfigureAwait(false);
            return;
        }

        using WebSocket socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol).ConfigureAwait(false);
        string? headerKey = http.Request.Headers[GraphQLHttpEndpoint.ApiKeyHeader].ToString();
        var connection = new GraphQLWebSocketConnection(socket, executor, serializer, options.Value, headerKey, http.User, logger);
        await connection.RunAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult(ErrorCodes.Error(code, message)), http.RequestAborted).ConfigureAwait(false);
    }
}
