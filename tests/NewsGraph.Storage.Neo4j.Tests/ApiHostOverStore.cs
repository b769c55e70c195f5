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

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>The API on Kestrel at 127.0.0.1 over one store (the store stays the caller's to dispose).</summary>
public sealed class ApiHostOverStore : IAsyncDisposable
{
    /// <summary>The API key the host is configured with (mutations need it in <c>X-Api-Key</c>).</summary>
    public const string ApiKey = "test-key";

    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private ApiHostOverStore(WebApplication app, Uri address)
    {
        _app = app;
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public static async Task<ApiHostOverStore> StartAsync(IGraphStore store)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["NewsGraph:Api:ApiKey"] = ApiKey });
        builder.Services.AddNewsGraphStore(store);
        builder.Services.AddNewsGraphIngestion(ArabicArticleExtractor.Default);
        builder.Services.AddNewsGraphApi(builder.Configuration);
        builder.Services.AddNewsGraphOperations();
        WebApplication app = builder.Build();
        app.MapNewsGraphApi();
        app.MapNewsGraphOperations();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiHostOverStore(app, new Uri(address));
    }

    /// <summary>The answer's data as JSON text; fails on any GraphQL error.</summary>
    public async Task<string> QueryAsync(string query, string? apiKey = null)
    {
        (HttpStatusCode status, JsonNode? json) = await PostAsync(query, apiKey);
        Assert.True(status == HttpStatusCode.OK && json?["errors"] is null, $"{status}: {json?.ToJsonString()}");
        return json!["data"]!.ToJsonString();
    }

    /// <summary>POSTs one query (with <paramref name="apiKey"/> in <c>X-Api-Key</c> when given); the status and the parsed answer, errors and all.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string query, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using HttpResponseMessage response = await _client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length > 0 ? JsonNode.Parse(body) : null);
    }

    /// <summary>GETs a path of the host (health, metrics): the status and the body as text.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using HttpResponseMessage response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
