using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NewsGraph.Storage.Neo4j.Tests.QueryApi;

/// <summary>One recorded exchange: what the client must send (method, path) and what the server answers.</summary>
public sealed record Exchange(string Method, string Path, int Status, IReadOnlyDictionary<string, string> Headers, string? Body, JsonElement? ExpectedRequestBody)
{
    /// <summary>An exchange from <c>tests/fixtures/neo4j-query-api/{name}</c>.</summary>
    public static Exchange Fixture(string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "QueryApi", name)));
        JsonElement request = document.RootElement.GetProperty("request");
        JsonElement response = document.RootElement.GetProperty("response");
        Dictionary<string, string> headers = response.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        JsonElement body = response.GetProperty("body");
        JsonElement requestBody = request.GetProperty("body");
        return new Exchange(
            request.GetProperty("method").GetString()!,
            request.GetProperty("path").GetString()!,
            response.GetProperty("status").GetInt32(),
            headers,
            body.ValueKind == JsonValueKind.Null ? null : body.GetRawText(),
            requestBody.ValueKind == JsonValueKind.Null ? null : requestBody.Clone());
    }

    /// <summary>The same answer to another path (tests that replay a fixture at a different step).</summary>
    public Exchange At(string method, string path) => this with { Method = method, Path = path };
}

/// <summary>What the client sent.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A local HTTP listener on 127.0.0.1 that answers requests with a script of exchanges, in order,
/// and records every request. A request that does not match the next exchange gets a 599 and the
/// test sees it in <see cref="Mismatches"/>.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<Exchange> _script;
    private readonly Task _loop;

    public ReplayServer(params Exchange[] script)
    {
        _script = new Queue<Exchange>(script);
        int port = FreePort();
        Uri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Uri.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Uri { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public List<string> Mismatches { get; } = [];

    public int Remaining
    {
        get
        {
            lock (_script)
            {
                return _script.Count;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopped while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            string path = context.Request.Url!.AbsolutePath;
            Exchange? next;
            lock (_script)
            {
                Requests.Add(new RecordedRequest(context.Request.HttpMethod, path, headers, body));
                _script.TryDequeue(out next);
            }

            if (next is null || next.Method != context.Request.HttpMethod || next.Path != path)
            {
                lock (_script)
                {
                    Mismatches.Add($"{context.Request.HttpMethod} {path} (expected {next?.Method} {next?.Path})");
                }

                context.Response.StatusCode = 599;
                context.Response.Close();
                continue;
            }

            context.Response.StatusCode = next.Status;
            foreach ((string name, string value) in next.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.ContentType = value;
                }
                else
                {
                    context.Response.Headers[name] = value;
                }
            }

            if (next.Body is { } responseBody)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(responseBody);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
