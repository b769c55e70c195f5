using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Core.Diagnostics;
using NewsGraph.Api.Ide;
using NewsGraph.Api.WebSockets;

namespace NewsGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>, as the GraphQL-over-HTTP spec and its audit expect:
/// POST <c>application/json</c> (one request or a JSON array batch), GET for queries, media type
/// negotiation between <c>application/graphql-response+json</c> and <c>application/json</c>, and the
/// status codes of the table in the project's GraphQL notes. Browsers asking for HTML get the IDE,
/// WebSocket upgrades go to <see cref="GraphQLWebSocketEndpoint"/>. Every HTTP request's duration and
/// every error it answers (by the code the client sees) go to <see cref="NewsGraphMetrics"/>; recording
/// changes nothing in what is answered.
/// </summary>
internal sealed partial class GraphQLHttpEndpoint(
    OperationExecutor executor,
    IGraphQLTextSerializer serializer,
    IOptions<ApiOptions> options,
    BananaCakePop ide,
    GraphQLWebSocketEndpoint webSockets,
    NewsGraphMetrics metrics,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public const string ApiKeyHeader = "X-Api-Key";
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    private readonly ApiOptions _options = options.Value;

    public async Task HandleAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await webSockets.HandleAsync(http).ConfigureAwait(false);
            return;
        }

        long started = Stopwatch.GetTimestamp();
        try
        {
            await HandleHttpAsync(http).ConfigureAwait(false);
        }
        finally
        {
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RequestTook(elapsed, "http", http.Response.StatusCode);
            LogRequest(logger, http.Request.Method, http.Response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    private async Task HandleHttpAsync(HttpContext http)
    {
        HttpRequest request = http.Request;
        bool isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, Json, ErrorCodes.MethodNotAllowed, "Use GET (queries) or POST.").ConfigureAwait(false);
            return;
        }

        if (isGet && !request.Query.ContainsKey("query") && ide.IsAvailable)
        {
            // Routing matches "/graphql/" here too: that is the IDE's own page.
            if (request.Path.Value?.EndsWith('/') == true)
            {
                await ide.HandleAsync(http, null).ConfigureAwait(false);
                return;
            }

            if (AcceptsHtml(request))
            {
                http.Response.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
                return;
            }
        }

        string? mediaType = NegotiateMediaType(request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, Json, ErrorCodes.NotAcceptable,
                $"Accept {GraphQLResponseJson} or {Json}.").ConfigureAwait(false);
            return;
        }

        ParsedBody parsed = isGet ? ReadQueryString(request) : await ReadBodyAsync(http).ConfigureAwait(false);
        if (parsed.Error is { } failure)
        {
            await WriteErrorAsync(http, failure.Status, mediaType, failure.Code, failure.Message).ConfigureAwait(false);
            return;
        }

        bool apiKeyAccepted = HasApiKey(request.Headers[ApiKeyHeader].ToString(), _options.ApiKey);
        AllowedOperations allowed = isGet ? AllowedOperations.Query : AllowedOperations.Query | AllowedOperations.Mutation;
        var results = new List<ExecutionResult>(parsed.Requests.Count);
        foreach (OperationRequest operation in parsed.Requests)
        {
            using OperationOutcome outcome = await executor.ExecuteAsync(operation, allowed, apiKeyAccepted, http.User, http.RequestAborted).ConfigureAwait(false);
            if (isGet && outcome.Refused is OperationType refused && refused != OperationType.Query)
            {
                http.Response.Headers.Allow = "POST";
                await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, ErrorCodes.MethodNotAllowed,
                    $"A {refused.ToString().ToLowerInvariant()} must be sent with POST.").ConfigureAwait(false);
                return;
            }

            results.Add(outcome.Result);
        }

        if (parsed.IsBatch)
        {
            await WriteAsync(http, StatusCodes.Status200OK, mediaType, results).ConfigureAwait(false);
            return;
        }

        ExecutionResult single = results[0];
        int status = mediaType == GraphQLResponseJson && !single.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await WriteAsync(http, status, mediaType, single).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="given"/> is the configured key (constant-time comparison).</summary>
    internal static bool HasApiKey(string? given, string? configured) =>
        !string.IsNullOrEmpty(configured) && !string.IsNullOrEmpty(given)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured));

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <c>application/graphql-response+json</c> when accepted at least as much as JSON; JSON for
    /// <c>application/json</c>, <c>*/*</c>, <c>application/*</c> or no Accept; null when neither is acceptable.
    /// </summary>
    internal static string? NegotiateMediaType(HttpRequest request)
    {
        IList<MediaTypeHeaderValue> accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return Json;
        }

        double graphqlQuality = Quality(accept, GraphQLResponseJson);
        double jsonQuality = Quality(accept, Json);
        if (graphqlQuality <= 0 && jsonQuality <= 0)
        {
            return null;
        }

        return graphqlQuality > 0 && graphqlQuality >= jsonQuality && Explicit(accept, GraphQLResponseJson) ? GraphQLResponseJson : Json;
    }

    private static bool Explicit(IList<MediaTypeHeaderValue> accept, string mediaType) =>
        accept.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    private static double Quality(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        var wanted = new MediaTypeHeaderValue(mediaType);
        double best = 0;
        foreach (MediaTypeHeaderValue candidate in accept)
        {
            if (wanted.IsSubsetOf(candidate))
            {
                best = Math.Max(best, candidate.Quality ?? 1);
            }
        }

        return best;
    }

    private ParsedBody ReadQueryString(HttpRequest request)
    {
        if (!PercentEncodedUtf8.IsValid(request.QueryString.Value ?? string.Empty))
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The query string is not valid UTF-8 once percent-decoded.");
        }

        string? query = request.Query["query"].FirstOrDefault();
        if (string.IsNullOrEmpty(query))
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The `query` parameter is missing.");
        }

        if (!TryReadJsonObject(request.Query["variables"].FirstOrDefault(), "variables", out Inputs? variables, out ParsedBody? failure)
            || !TryReadJsonObject(request.Query["extensions"].FirstOrDefault(), "extensions", out Inputs? extensions, out failure))
        {
            return failure!;
        }

        string? operationName = request.Query["operationName"].FirstOrDefault();
        return ParsedBody.Of([new OperationRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions)], isBatch: false);
    }

    private bool TryReadJsonObject(string? text, string name, out Inputs? value, out ParsedBody? failure)
    {
        value = null;
        failure = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                failure = ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"`{name}` must be a JSON object.");
                return false;
            }

            value = serializer.ReadNode<Inputs>(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            failure = ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"`{name}` is not valid JSON.");
            return false;
        }
    }

    private async Task<ParsedBody> ReadBodyAsync(HttpContext http)
    {
        HttpRequest request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? contentType)
            || !contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return ParsedBody.Fail(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "POST bodies must be application/json (UTF-8).");
        }

        long limit = _options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit + 1;
        }

        byte[] body;
        try
        {
            body = await ReadAtMostAsync(request.Body, limit, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        if (body.Length > limit)
        {
            return TooLarge(limit);
        }

        if (body.Length == 0)
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body is empty.");
        }

        // The JSON reader checks UTF-8 only in the strings it is asked to read, and throws then.
        if (!Utf8.IsValid(body))
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body is not valid UTF-8.");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                int count = root.GetArrayLength();
                if (count == 0)
                {
                    return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The batch is empty.");
                }

                if (count > _options.MaxBatchSize)
                {
                    return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BatchTooLarge, $"The batch has {count} operations; at most {_options.MaxBatchSize} are allowed.");
                }

                var requests = new List<OperationRequest>(count);
                foreach (JsonElement element in root.EnumerateArray())
                {
                    ParsedBody one = ReadRequestObject(element);
                    if (one.Error is not null)
                    {
                        return one;
                    }

                    requests.Add(one.Requests[0]);
                }

                return ParsedBody.Of(requests, isBatch: true);
            }

            return ReadRequestObject(root);
        }
        catch (JsonException)
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            // What reading a name or string throws for an escaped lone surrogate ("\ud800"); the bytes are valid UTF-8.
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body has a string that is not valid Unicode (an unpaired surrogate escape).");
        }
    }

    private static ParsedBody TooLarge(long limit) =>
        ParsedBody.Fail(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"The request body is larger than {limit} bytes.");

    private ParsedBody ReadRequestObject(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "A GraphQL request must be a JSON object.");
        }

        string? query = null;
        string? operationName = null;
        Inputs? variables = null;
        Inputs? extensions = null;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            JsonElement value = property.Value;
            bool isNull = value.ValueKind == JsonValueKind.Null;
            switch (property.Name)
            {
                case "query" when value.ValueKind == JsonValueKind.String:
                    query = value.GetString();
                    break;
                case "operationName" when value.ValueKind == JsonValueKind.String:
                    operationName = value.GetString();
                    break;
                case "variables" when value.ValueKind == JsonValueKind.Object:
                    variables = serializer.ReadNode<Inputs>(value);
                    break;
                case "extensions" when value.ValueKind == JsonValueKind.Object:
                    extensions = serializer.ReadNode<Inputs>(value);
                    break;
                case "query" or "operationName" or "variables" or "extensions" when isNull:
                    break;
                case "query" or "operationName":
                    return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"`{property.Name}` must be a string.");
                case "variables" or "extensions":
                    return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"`{property.Name}` must be an object.");
                default:
                    break;
            }
        }

        if (string.IsNullOrEmpty(query))
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The `query` parameter is missing (persisted documents are not supported).");
        }

        return ParsedBody.Of([new OperationRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions)], isBatch: false);
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message) =>
        WriteAsync(http, status, mediaType, new ExecutionResult(ErrorCodes.Error(code, message)));

    private async Task WriteAsync(HttpContext http, int status, string mediaType, object payload)
    {
        CountErrors(payload);
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, payload, http.RequestAborted).ConfigureAwait(false);
    }

    private void CountErrors(object payload)
    {
        IEnumerable<ExecutionResult> results = payload switch
        {
            ExecutionResult single => [single],
            IEnumerable<ExecutionResult> batch => batch,
            _ => [],
        };
        foreach (ExecutionError error in results.SelectMany(r => r.Errors ?? []))
        {
            metrics.RequestError(NewsGraphErrorInfoProvider.Classify(error));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "GraphQL {Method} answered {Status} in {ElapsedMs:F1} ms")]
    private static partial void LogRequest(ILogger logger, string method, int status, double elapsedMs);

    private sealed record RequestFailure(int Status, string Code, string Message);

    private sealed record ParsedBody(IReadOnlyList<OperationRequest> Requests, bool IsBatch, RequestFailure? Error)
    {
        public static ParsedBody Of(IReadOnlyList<OperationRequest> requests, bool isBatch) => new(requests, isBatch, null);

        public static ParsedBody Fail(int status, string code, string message) => new([], false, new RequestFailure(status, code, message));
    }
}
