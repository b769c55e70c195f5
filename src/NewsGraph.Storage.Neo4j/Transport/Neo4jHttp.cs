using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsGraph.Core.Reliability;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>
/// What both HTTP transports share: one <see cref="HttpClient"/>, the Authorization header built
/// from the options (never logged, never put in a message), JSON bodies, per-request timeouts,
/// and the mapping of "no answer from Neo4j" to <see cref="Neo4jException.TransportUnavailable"/>.
/// </summary>
internal sealed class Neo4jHttp : IDisposable, IAsyncDisposable
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
    private readonly RetryPolicy _transientRetry;

    public Neo4jHttp(Neo4jConnectionOptions options, HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _ownsClient = client is null;
        _client = client ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        // Timeouts are per request (linked token) so a caller's token and ours stay distinct.
        _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _transientRetry = new RetryPolicy
        {
            FirstDelay = options.RetryDelay,
            MaxDelay = TimeSpan.FromSeconds(5),
            MaxAttempts = options.MaxRetries + 1,
            Deadline = TimeSpan.MaxValue,
        };
        _authorization = options.BearerToken is { } token
            ? new AuthenticationHeaderValue("Bearer", token)
            : options.User is { } user
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (options.Password ?? string.Empty))))
                : null;
    }

    public Neo4jConnectionOptions Options { get; }

    /// <summary>The read's server-side time limit in milliseconds, as the <c>max-execution-time</c> header wants it.</summary>
    public string ReadTimeoutMilliseconds => ((long)Options.ReadTransactionTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>Rollbacks of cancelled reads still on their way to the server (awaited, briefly, on dispose).</summary>
    public BackgroundRollbacks Rollbacks { get; } = new();

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
            throw new Neo4jException(Neo4jException.TransportUnavailable, $"{method} {url.AbsolutePath} failed: {Cause(ex)}", null, ex);
        }
    }

    /// <summary>
    /// What went wrong, in words a person can act on: "Connection refused (host:7474)" as it is, and the
    /// innermost cause after a generic message ("An error occurred while sending the request. (Connection
    /// reset by peer)") — a server going down mid-request shows up that way.
    /// </summary>
    private static string Cause(HttpRequestException error)
    {
        Exception innermost = error;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        return ReferenceEquals(innermost, error) || error.Message.Contains(innermost.Message, StringComparison.Ordinal)
            ? error.Message
            : $"{error.Message} ({innermost.Message.TrimEnd('.')})";
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

        if (answer.Status >= 500)
        {
            // A 5xx without Neo4j's error body comes from something in front of it (a proxy, a
            // load balancer) or a server going down: Neo4j itself did not answer.
            throw new Neo4jException(Neo4jException.TransportUnavailable, $"{what} answered {answer.Status} without an error body", answer.Status);
        }

        if (answer.Status >= 400)
        {
            throw new Neo4jException($"NewsGraph.Transport.Http{answer.Status}", $"{what} answered {answer.Status} without an error body", answer.Status);
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> again when Neo4j answers with a transient error (deadlock,
    /// leader switch), at most <see cref="Neo4jConnectionOptions.MaxRetries"/> more times after
    /// <see cref="Neo4jConnectionOptions.RetryDelay"/> doubled each time (jittered, capped at 5 s).
    /// No answer at all is not retried here: how long to wait for a server that is down is the
    /// caller's choice (the API answers at once, an ingest waits up to its deadline).
    /// </summary>
    public Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken) =>
        _transientRetry.RunAsync(attempt, static ex => ex is Neo4jException { IsTransient: true }, null, cancellationToken);

    public static Dictionary<string, object?> StatementBody(CypherStatement statement) => new()
    {
        ["statement"] = statement.Text,
        ["parameters"] = statement.Parameters,
    };

    /// <summary>Lets rollbacks of cancelled reads reach the server (briefly), then closes the client.</summary>
    public async ValueTask DisposeAsync()
    {
        await Rollbacks.DrainAsync(TimeSpan.FromSeconds(2));
        Dispose();
    }

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
