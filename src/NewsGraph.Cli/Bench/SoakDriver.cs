using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// The soak's load: <c>connections</c> loops, each with one request in flight at a time (as
/// autocannon does for <c>bench api</c>), taking the queries of <see cref="BenchQueries.Soak"/> in
/// turn with the next value of their variable, and recording every answer in the run's tallies.
/// Runs in the server's process: its memory is a few buffers per connection and fixed-size
/// histograms, so the process's growth over a run is the server's.
/// </summary>
internal sealed class SoakDriver : IDisposable
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly IReadOnlyList<byte[]>[] _bodies;
    private SoakTally _window = new();
    private long _next;

    public SoakDriver(Uri url, SoakParameters parameters, int connections)
    {
        _url = url;
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { Timeout = TimeSpan.FromSeconds(30) };
        _bodies = [.. BenchQueries.Soak.Select(q => Bodies(q, parameters))];
        PerQuery = [.. BenchQueries.Soak.Select(_ => new SoakTally())];
    }

    /// <summary>Everything since the start.</summary>
    public SoakTally Total { get; } = new();

    /// <summary>Everything since the start, by query (in the order of <see cref="BenchQueries.Soak"/>).</summary>
    public IReadOnlyList<SoakTally> PerQuery { get; }

    /// <summary>What was recorded since the last call; recording goes on into a fresh tally.</summary>
    public SoakTally TakeWindow() => Interlocked.Exchange(ref _window, new SoakTally());

    /// <summary>Runs <paramref name="connections"/> request loops until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(int connections, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None)));

    public void Dispose() => _client.Dispose();

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            long n = Interlocked.Increment(ref _next) - 1;
            int query = (int)(n % _bodies.Length);
            IReadOnlyList<byte[]> bodies = _bodies[query];
            byte[] body = bodies[(int)(n / _bodies.Length % bodies.Count)];
            long start = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = s_json;
                using HttpResponseMessage response = await _client.PostAsync(_url, content, cancellationToken).ConfigureAwait(false);
                byte[] answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                long microseconds = (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                IReadOnlyList<string> codes = ErrorCodesOf(answer);
                foreach (SoakTally tally in Tallies(query))
                {
                    tally.RecordResponse((int)response.StatusCode, codes, microseconds);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // the run is over; a request cut short is not counted
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                foreach (SoakTally tally in Tallies(query))
                {
                    tally.RecordNoResponse();
                }
            }
        }
    }

    private SoakTally[] Tallies(int query) => [Volatile.Read(ref _window), Total, PerQuery[query]];

    /// <summary>The <c>extensions.code</c> of each GraphQL error in <paramref name="answer"/> ("(no code)" when missing, "(not JSON)" for a body that is not).</summary>
    internal static IReadOnlyList<string> ErrorCodesOf(byte[] answer)
    {
        // Most answers have no errors: look before parsing, as the driver shares the cores with the server.
        if (answer.AsSpan().IndexOf("\"errors\""u8) < 0)
        {
            return [];
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(answer);
            if (!document.RootElement.TryGetProperty("errors", out JsonElement errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. errors.EnumerateArray().Select(e =>
                e.TryGetProperty("extensions", out JsonElement extensions) && extensions.TryGetProperty("code", out JsonElement code) && code.ValueKind == JsonValueKind.String
                    ? code.GetString()!
                    : "(no code)")];
        }
        catch (JsonException)
        {
            return ["(not JSON)"];
        }
    }

    private static IReadOnlyList<byte[]> Bodies(SoakQuery query, SoakParameters parameters)
    {
        IReadOnlyList<string> values = parameters.ValuesOf(query.Variable);
        if (values.Count == 0)
        {
            return [JsonSerializer.SerializeToUtf8Bytes(new { query = query.Text })];
        }

        string variable = query.Variable.ToString().ToLowerInvariant();
        return [.. values.Select(v => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["query"] = query.Text,
            ["variables"] = new Dictionary<string, string> { [variable] = v },
        }))];
    }
}
