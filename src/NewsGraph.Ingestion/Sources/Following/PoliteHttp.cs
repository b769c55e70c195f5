using System.Net.Http.Headers;

namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>
/// Every request the followers make: at most <see cref="FollowOptions.MaxConcurrentRequests"/> in
/// flight, at least <see cref="FollowOptions.PerHostDelay"/> between two starts on one host (slots
/// are handed out in arrival order, so a busy feed cannot starve another on the same site), with
/// the configured User-Agent and timeout.
/// </summary>
public sealed class PoliteHttp : IDisposable
{
    /// <summary>Largest feed or page read (a larger answer is not a news page).</summary>
    public const int MaxResponseBytes = 16 * 1024 * 1024;

    private readonly HttpClient _client;
    private readonly FollowOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _inFlight;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextStartByHost = new(StringComparer.OrdinalIgnoreCase);

    public PoliteHttp(FollowOptions options, TimeProvider time, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentRequests, 1);
        _options = options;
        _time = time;
        _inFlight = new SemaphoreSlim(options.MaxConcurrentRequests);
        _client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = options.RequestTimeout;
        _client.MaxResponseContentBufferSize = MaxResponseBytes;
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    /// <summary>Sends <paramref name="request"/> when its host's turn comes; the body is read in full before this returns.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait = ReserveStart(request.RequestUri!.Authority);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            return await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>A GET of <paramref name="url"/> for a page: its bytes and the charset its headers declare.</summary>
    public async Task<(byte[] Body, string? Charset)> GetPageAsync(string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using HttpResponseMessage response = await SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} ({response.ReasonPhrase})", null, response.StatusCode);
        }

        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.CharSet);
    }

    public void Dispose()
    {
        _client.Dispose();
        _inFlight.Dispose();
    }

    private TimeSpan ReserveStart(string host)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            DateTimeOffset start = _nextStartByHost.TryGetValue(host, out DateTimeOffset next) && next > now ? next : now;
            _nextStartByHost[host] = start + _options.PerHostDelay;
            return start - now;
        }
    }
}
