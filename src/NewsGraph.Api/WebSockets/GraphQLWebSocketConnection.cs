using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using Microsoft.Extensions.Logging;
using NewsGraph.Api.Http;

namespace NewsGraph.Api.WebSockets;

/// <summary>
/// One <c>graphql-transport-ws</c> connection: <c>connection_init</c> → <c>connection_ack</c>;
/// <c>subscribe</c> → <c>next</c>* → <c>complete</c> (or <c>error</c> when the operation cannot run);
/// <c>ping</c>/<c>pong</c> at any time; <c>complete</c> from the client stops an operation. Protocol
/// violations close the socket with the protocol's codes: 4400 invalid message, 4401 subscribe
/// before ack, 4408 no <c>connection_init</c> in time, 4409 duplicate operation id, 4429 a second
/// <c>connection_init</c>.
/// </summary>
internal sealed class GraphQLWebSocketConnection(
    WebSocket socket,
    OperationExecutor executor,
    IGraphQLTextSerializer serializer,
    ApiOptions options,
    string? headerApiKey,
    ClaimsPrincipal user,
    ILogger<GraphQLWebSocketConnection> logger)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _abort = new();
    private bool _initReceived;
    private volatile bool _acknowledged;
    private bool _apiKeyAccepted;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Operations end when the connection closes; receiving ends only when the client answers our
        // close frame (or after a grace period), so the client always reads the close code.
        using CancellationTokenSource lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        using CancellationTokenSource receiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        Task initTimeout = CloseUnlessInitializedAsync(lifetime.Token);
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                string? message = await ReceiveAsync(receiving.Token).ConfigureAwait(false);
                if (message is null)
                {
                    break;
                }

                if (socket.State == WebSocketState.Open)
                {
                    try
                    {
                        await HandleMessageAsync(message, lifetime.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
                    {
                        // A field of the wrong JSON type (e.g. a numeric apiKey or id).
                        await CloseAsync(4400, "Invalid message received").ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (receiving.IsCancellationRequested)
        {
            // Server shutdown, client gone or we closed the socket.
        }
        catch (WebSocketException ex)
        {
            logger.LogDebug(ex, "WebSocket connection ended abruptly");
        }
        finally
        {
            foreach (CancellationTokenSource operation in _operations.Values)
            {
                await operation.CancelAsync().ConfigureAwait(false);
            }

            await _closing.CancelAsync().ConfigureAwait(false);
            await initTimeout.ConfigureAwait(false);
            _abort.Dispose();
        }
    }

    private async Task CloseUnlessInitializedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.WebSocketInitTimeout, cancellationToken).ConfigureAwait(false);
            if (!_initReceived)
            {
                await CloseAsync(4408, "Connection initialisation timeout").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[8 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                }

                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > options.MaxRequestBodyBytes)
            {
                await CloseAsync(4400, "Message too large").ConfigureAwait(false);
                return null;
            }

            if (result.EndOfMessage)
            {
                if (result.MessageType != WebSocketMessageType.Text)
                {
                    await CloseAsync(4400, "Invalid message received").ConfigureAwait(false);
                    return null;
                }

                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    private async Task HandleMessageAsync(string text, CancellationToken cancellationToken)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            message = null;
        }

        string? type = message?["type"] is JsonValue typeValue && typeValue.TryGetValue(out string? t) ? t : null;
        switch (type)
        {
            case "connection_init":
                if (_initReceived)
                {
                    await CloseAsync(4429, "Too many initialisation requests").ConfigureAwait(false);
                    return;
                }

                _initReceived = true;
                JsonNode? payload = message!["payload"];
                if (payload is not null and not JsonObject)
                {
                    await CloseAsync(4400, "Invalid message received").ConfigureAwait(false);
                    return;
                }

                string? payloadKey = (payload as JsonObject)?[GraphQLHttpEndpoint.ApiKeyHeader]?.GetValue<string>()
                    ?? (payload as JsonObject)?["apiKey"]?.GetValue<string>();
                _apiKeyAccepted = GraphQLHttpEndpoint.HasApiKey(payloadKey ?? headerApiKey, options.ApiKey);
                _acknowledged = true;
                await SendAsync("""{"type":"connection_ack"}""").ConfigureAwait(false);
                return;

            case "ping":
                await SendAsync("""{"type":"pong"}""").ConfigureAwait(false);
                return;

            case "pong":
                return;

            case "subscribe":
                await SubscribeAsync(message!, cancellationToken).ConfigureAwait(false);
                return;

            case "complete":
                if (message!["id"] is JsonValue idValue && idValue.TryGetValue(out string? completeId) && _operations.TryRemove(completeId, out CancellationTokenSource? operation))
                {
                    await operation.CancelAsync().ConfigureAwait(false);
                }

                return;

            default:
                await CloseAsync(4400, "Invalid message received").ConfigureAwait(false);
                return;
        }
    }

    private async Task SubscribeAsync(JsonObject message, CancellationToken cancellationToken)
    {
        if (!_acknowledged)
        {
            await CloseAsync(4401, "Unauthorized").ConfigureAwait(false);
            return;
        }

        string? id = message["id"] is JsonValue idValue && idValue.TryGetValue(out string? s) ? s : null;
        JsonObject? payload = message["payload"] as JsonObject;
        string? query = payload?["query"] is JsonValue queryValue && queryValue.TryGetValue(out string? q) ? q : null;
        if (string.IsNullOrEmpty(id) || payload is null || string.IsNullOrEmpty(query)
            || payload["variables"] is not (null or JsonObject) || payload["extensions"] is not (null or JsonObject)
            || (payload["operationName"] is { } name && (name is not JsonValue nameValue || !nameValue.TryGetValue(out string? _))))
        {
            await CloseAsync(4400, "Invalid message received").ConfigureAwait(false);
            return;
        }

        var operation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(4409, $"Subscriber for {id} already exists").ConfigureAwait(false);
            return;
        }

        if (_operations.Count > options.MaxSubscriptionsPerConnection)
        {
            _operations.TryRemove(id, out _);
            operation.Dispose();
            await SendErrorAsync(id, "OPERATION_NOT_SUPPORTED", $"At most {options.MaxSubscriptionsPerConnection} operations per connection.").ConfigureAwait(false);
            return;
        }

        var request = new OperationRequest(
            query,
            payload["operationName"]?.GetValue<string>(),
            payload["variables"] is JsonObject variables ? serializer.Deserialize<Inputs>(variables.ToJsonString()) : null,
            payload["extensions"] is JsonObject extensions ? serializer.Deserialize<Inputs>(extensions.ToJsonString()) : null);
        _ = RunOperationAsync(id, request, operation);
    }

    private async Task RunOperationAsync(string id, OperationRequest request, CancellationTokenSource operation)
    {
        try
        {
            AllowedOperations all = AllowedOperations.Query | AllowedOperations.Mutation | AllowedOperations.Subscription;
            using OperationOutcome outcome = await executor.ExecuteAsync(request, all, _apiKeyAccepted, user, operation.Token).ConfigureAwait(false);
            ExecutionResult result = outcome.Result;
            if (!result.Executed)
            {
                await SendAsync(Message(id, "error", ErrorsJson(result))).ConfigureAwait(false);
                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                await StreamAsync(id, streams.Values.First(), operation.Token).ConfigureAwait(false);
            }
            else
            {
                await SendAsync(Message(id, "next", serializer.Serialize(result))).ConfigureAwait(false);
            }

            if (!operation.IsCancellationRequested)
            {
                await SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"complete"}""").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (operation.IsCancellationRequested)
        {
            // The client completed the operation or went away.
        }
        catch (WebSocketException ex)
        {
            logger.LogDebug(ex, "Could not send to a closing WebSocket");
        }
        finally
        {
            if (_operations.TryGetValue(id, out CancellationTokenSource? current) && ReferenceEquals(current, operation))
            {
                _operations.TryRemove(id, out _);
            }

            operation.Dispose();
        }
    }

    private async Task StreamAsync(string id, IObservable<ExecutionResult> stream, CancellationToken cancellationToken)
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<ExecutionResult>(new() { SingleReader = true });
        using IDisposable subscription = stream.Subscribe(new ChannelObserver(channel.Writer));
        await foreach (ExecutionResult next in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await SendAsync(Message(id, "next", serializer.Serialize(next))).ConfigureAwait(false);
        }
    }

    private string ErrorsJson(ExecutionResult result) =>
        JsonNode.Parse(serializer.Serialize(result))?["errors"]?.ToJsonString() ?? "[]";

    private Task SendErrorAsync(string id, string code, string message) =>
        SendAsync(Message(id, "error", $$$"""[{"message":{{{JsonSerializer.Serialize(message)}}},"extensions":{"code":"{{{code}}}"}}]"""));

    private static string Message(string id, string type, string payloadJson) =>
        $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"{{type}}","payload":{{payloadJson}}}""";

    private async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
                _abort.CancelAfter(TimeSpan.FromSeconds(5));
            }
        }
        catch (WebSocketException ex)
        {
            logger.LogDebug(ex, "Could not close the WebSocket");
        }
        finally
        {
            _sendLock.Release();
        }

        await _closing.CancelAsync().ConfigureAwait(false);
    }

    private sealed class ChannelObserver(System.Threading.Channels.ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnCompleted() => writer.TryComplete();

        public void OnError(Exception error) => writer.TryComplete();

        public void OnNext(ExecutionResult value) => writer.TryWrite(value);
    }
}
