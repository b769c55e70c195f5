using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NewsGraph.Cli.Commands;
using NewsGraph.Core.Storage;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// The API as <c>newsgraph serve</c> builds it, served by this process on a free loopback port, for
/// the benchmarks that drive it over real HTTP (<c>bench api</c>, <c>bench soak</c>).
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The server's address, <c>http://127.0.0.1:port</c>.</summary>
    public string Url { get; }

    public Uri GraphQL => new(Url + "/graphql");

    /// <summary>Builds and starts the server over <paramref name="store"/>; <paramref name="mapMore"/> adds endpoints (a baseline).</summary>
    public static async Task<BenchServer> StartAsync(IGraphStore store, Action<WebApplication>? mapMore, CancellationToken cancellationToken)
    {
        string url = $"http://127.0.0.1:{FreePort()}";
        WebApplication app = ServeCommand.Build(store, url, [], mapMore);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new BenchServer(app, url);
    }

    /// <summary>
    /// POSTs <paramref name="body"/> (a GraphQL request as JSON) once and fails unless it answers 200
    /// with data and no errors: a benchmark of a broken query would measure error handling.
    /// Returns the response text.
    /// </summary>
    public async Task<string> ExpectDataAsync(string body, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using HttpResponseMessage response = await client.PostAsync(GraphQL, content, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(text);
        if (!response.IsSuccessStatusCode || document.RootElement.TryGetProperty("errors", out _)
            || !document.RootElement.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{body} answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
