using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.Api.Extensions;
using NewsGraph.Core.Storage;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// The API on real Kestrel at 127.0.0.1 on a free port (real HTTP and WebSockets, not TestServer),
/// over the embedded SQLite store (the sample graph unless the test brings its own store) and the
/// real ingestion pipeline; the reader is wrapped in a <see cref="CountingGraphReader"/>. Disposing
/// the host disposes the store.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string ApiKey = "test-key-7f3a";

    private readonly WebApplication _app;

    private ApiHost(WebApplication app, Uri address, CountingGraphReader reader, IGraphStore store, IngestionEvents events)
    {
        _app = app;
        Address = address;
        Reader = reader;
        Store = store;
        Events = events;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public Uri GraphQL => new(Address, "/graphql");

    public HttpClient Client { get; }

    public CountingGraphReader Reader { get; }

    public IGraphStore Store { get; }

    public IngestionEvents Events { get; }

    /// <summary>
    /// Starts a server over the sample graph (or <paramref name="store"/>), with <paramref name="settings"/> under NewsGraph:Api;
    /// with <paramref name="follow"/> (settings under NewsGraph:Follow) it follows feeds and folders too, on the real clock.
    /// </summary>
    public static async Task<ApiHost> StartAsync(
        IDictionary<string, string?>? settings = null, IGraphStore? store = null, TimeSpan? storeDelay = null, IDictionary<string, string?>? follow = null)
    {
        store ??= await TempSqliteStore.CreateAsync(SampleGraph.Articles());
        var reader = new CountingGraphReader(store, storeDelay);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?> { ["NewsGraph:Api:ApiKey"] = ApiKey };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            config["NewsGraph:Api:" + key] = value;
        }

        foreach ((string key, string? value) in follow ?? new Dictionary<string, string?>())
        {
            config["NewsGraph:Follow:" + key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddNewsGraphStore(store, reader);
        builder.Services.AddNewsGraphIngestion(ArabicArticleExtractor.Default);

        // Followers wait, back off and judge files settled by the clock: they need a real one.
        builder.Services.AddSingleton<TimeProvider>(follow is null ? new FixedTime() : TimeProvider.System);
        builder.Services.AddNewsGraphApi(builder.Configuration);
        if (follow is not null)
        {
            builder.Services.AddNewsGraphFollowers(builder.Configuration);
        }

        builder.Services.AddNewsGraphOperations();
        WebApplication app = builder.Build();
        app.MapNewsGraphApi();
        app.MapNewsGraphOperations();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiHost(app, new Uri(address), reader, store, app.Services.GetRequiredService<IngestionEvents>());
    }

    /// <summary>POSTs one operation and returns the status and parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string query, object? variables = null, string? apiKey = null, string accept = "application/graphql-response+json", string? operationName = null)
    {
        string json = operationName is null ? JsonSerializer.Serialize(new { query, variables }) : JsonSerializer.Serialize(new { query, variables, operationName });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using HttpResponseMessage response = await Client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length > 0 ? JsonNode.Parse(body) : null);
    }

    /// <summary>POSTs and returns the data, failing on any error.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        (HttpStatusCode status, JsonNode? body) = await PostAsync(query, variables);
        Assert.True(status == HttpStatusCode.OK && body?["errors"] is null, $"{status}: {body?.ToJsonString()}");
        return body!["data"]!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <summary>A clock stopped at one instant, so outputs are deterministic.</summary>
    public sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
