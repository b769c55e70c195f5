using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>
/// What both HTTP transports share: one <see cref="HttpClient"/>, the Authorization header built
/// from the options (never logged, never put in a message), JSON bodies, per-request timeouts,
/// and the mapping of "no answer" to a transient <see cref="Neo4jException"/>.
/// </summary>
internal sealed class Neo4jHttp : IDisposable
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        // Arabic stays as it is on the wire; bodies are never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");

    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly AuthenticationHeaderValue? _authorization;

    public Neo4jHttp(Neo4jConnectionOptions options, HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _ownsClient = client is null;
        _client = client ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        // Timeouts are per request (linked token) so a caller's token and ours stay distinct.
        _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _authorization = options.BearerToken is { } token
            ? new AuthenticationHeaderValue("Bearer", token)
            : options.User is { } user
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (options.Password ?? string.Empty))))
                : null;
    }

    public Neo4jConnectionOptions Options { get; }

    /// <summary>An address on the server; any user:password in the configured URI is left out (it never travels in URLs or messages).</summary>
    public Uri Url(string path) => new(new UriBuilder(Options.Uri) { UserName = string.Empty, Password = string.Empty }.Uri, path);

    /// <summary>Sends one request and reads the whole answer. Only transport failures throw here; the caller reads Neo4j's errors.</summary>
    public async Task<HttpAnswer> SendAsync(
        HttpMethod method, Uri url, object? body, IReadOnlyDictionary<string, string>? headers, bool authenticate, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(s_acceptJson);
        if (authenticate && _authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }

        foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, s_json), Encoding.UTF8, "application/json");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            byte[] content = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
            {
                responseHeaders[header.Key] = string.Join(",", header.Value);
            }

            if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
            {
                throw new Neo4jException(Neo4jException.TransportUnavailable, $"{method} {url.AbsolutePath} answered {(int)response.StatusCode}", (int)response.StatusCode);
            }

            JsonElement? json = null;
            if (content.Length > 0)
            {
                try
                {
                    using JsonDocument document = JsonDocument.Parse(content);
                    json = document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    // Not JSON (a proxy page, an HTML error): left null, the status code speaks.
                }
            }

            return new HttpAnswer((int)response.StatusCode, json, responseHeaders, response.Headers.Location);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jException(Neo4jException.TransportTimeout, $"{method} {url.AbsolutePath} took longer than {Options.Timeout}", null, ex);
        }
        catch (HttpRequestException ex)
        {
            // The message of HttpRequestException names host and port only, never the Authorization header.
            throw new Neo4jException(Neo4jException.TransportUnavailable, $"{method} {url.AbsolutePath} failed: {ex.Message}", null, ex);
        }
    }

    /// <summary>Throws the first of Neo4j's <c>errors</c> (whatever the status code), or a generic error for a failed status without one.</summary>
    public static void ThrowOnErrors(HttpAnswer answer, string what)
    {
        if (answer.Json is { ValueKind: JsonValueKind.Object } json
            && json.TryGetProperty("errors", out JsonElement errors)
            && errors.ValueKind == JsonValueKind.Array
            && errors.GetArrayLength() > 0)
        {
            JsonElement first = errors[0];
            string code = first.TryGetProperty("code", out JsonElement c) ? c.GetString() ?? "Neo.Unknown" : "Neo.Unknown";
            string message = first.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? string.Empty : string.Empty;
            throw new Neo4jException(code, message, answer.Status);
        }

        if (answer.Status >= 400)
        {
            throw new Neo4jException($"NewsGraph.Transport.Http{answer.Status}", $"{what} answered {answer.Status} without an error body", answer.Status);
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/>, again after a growing, jittered delay when it fails with a
    /// transient error, at most <see cref="Neo4jConnectionOptions.MaxRetries"/> more times.
    /// </summary>
    public async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (int retry = 0; ; retry++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Neo4jException ex) when (ex.IsTransient && retry < Options.MaxRetries)
            {
                double factor = Math.Pow(2, retry) * (0.8 + (Random.Shared.NextDouble() * 0.4));
                TimeSpan delay = TimeSpan.FromMilliseconds(Math.Min(5000, Options.RetryDelay.TotalMilliseconds * factor));
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    public static Dictionary<string, object?> StatementBody(CypherStatement statement) => new()
    {
        ["statement"] = statement.Text,
        ["parameters"] = statement.Parameters,
    };

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }
}

/// <summary>A whole HTTP answer: status, JSON body (null when empty or not JSON), headers, Location.</summary>
internal sealed record HttpAnswer(int Status, JsonElement? Json, IReadOnlyDictionary<string, string> Headers, Uri? Location);
