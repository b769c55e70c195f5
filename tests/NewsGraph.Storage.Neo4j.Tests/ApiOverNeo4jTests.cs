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
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// The GraphQL API over Neo4j answers the acceptance queries exactly as over the embedded store:
/// both stores hold the same bundled samples, one API host each, and the JSON answers must be equal.
/// A1–A3 are the query files of tests/NewsGraph.Api.Tests/Queries (over the sample SANA article,
/// as the acceptance tests use them); the others run over all samples.
/// </summary>
public sealed class ApiOverNeo4jTests : IAsyncLifetime
{
    private const string SampleArticle = "000_e4a81a792a077d70.txt";
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), "newsgraph-api-neo4j", Guid.NewGuid().ToString("N"), "graph.db");
    private readonly List<IAsyncDisposable> _disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (IAsyncDisposable disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }

        if (Path.GetDirectoryName(_sqlitePath) is { } directory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableTheory]
    [InlineData("a1-person-meetings.graphql")]
    [InlineData("a2-person-statements.graphql")]
    [InlineData("a3-organization-members.graphql")]
    public async Task AcceptanceQuery_OverTheSampleArticle_AnswersLikeTheEmbeddedStore(string file)
    {
        string query = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "NewsGraph.Api.Tests", "Queries", file));
        (Api sqlite, Api neo4j) = await StartBothAsync(g => g.Article.File?.EndsWith(SampleArticle, StringComparison.Ordinal) == true);

        string expected = await sqlite.QueryAsync(query);

        Assert.Equal(expected, await neo4j.QueryAsync(query));
        Assert.DoesNotContain("\"person\":null", expected, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DashboardSearchAndPaging_OverAllSamples_AnswerLikeTheEmbeddedStore()
    {
        (Api sqlite, Api neo4j) = await StartBothAsync(_ => true);
        string[] queries =
        [
            """{ search(text: "سيرومولوتوف", first: 5) { __typename ... on Person { name titles } } }""",
            "{ stats { articles entities { kind count } relations { type count } } topEntities(kind: PERSON, by: STATEMENTS, first: 3) { entity { name } value } }",
            "{ people(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }",
            """{ state(iso: "RU") { name } organization(name: "منظمة شنغهاي للتعاون") { name members { status state { iso } } } }""",
        ];

        foreach (string query in queries)
        {
            Assert.Equal(await sqlite.QueryAsync(query), await neo4j.QueryAsync(query));
        }
    }

    private async Task<(Api Sqlite, Api Neo4j)> StartBothAsync(Func<ArticleGraph, bool> which)
    {
        Neo4jGraphStore neo4jStore = await Neo4jTestServer.EmptyStoreAsync(CancellationToken.None);
        _disposables.Add(neo4jStore);
        var sqliteStore = new SqliteGraphStore(_sqlitePath);
        _disposables.Add(sqliteStore);
        await sqliteStore.InitializeAsync(CancellationToken.None);

        ArticleGraph[] graphs = [.. (await BundledSamples.GraphsAsync()).Where(which)];
        Assert.NotEmpty(graphs);
        await sqliteStore.UpsertAsync(graphs, CancellationToken.None);
        await neo4jStore.UpsertAsync(graphs, CancellationToken.None);

        Api sqlite = await Api.StartAsync(sqliteStore);
        _disposables.Add(sqlite);
        Api neo4j = await Api.StartAsync(neo4jStore);
        _disposables.Add(neo4j);
        return (sqlite, neo4j);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NewsGraph.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The API on Kestrel at 127.0.0.1 over one store (the store stays the caller's to dispose).</summary>
    private sealed class Api : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _client;

        private Api(WebApplication app, Uri address)
        {
            _app = app;
            _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        }

        public static async Task<Api> StartAsync(IGraphStore store)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["NewsGraph:Api:ApiKey"] = "test-key" });
            var events = new IngestionEvents();
            builder.Services.AddSingleton<IGraphReader>(store);
            builder.Services.AddSingleton<IArticleIngestor>(new ArticleIngestor(ArabicArticleExtractor.Default, store, events, new IngestionOptions()));
            builder.Services.AddSingleton<IIngestionEvents>(events);
            builder.Services.AddNewsGraphApi(builder.Configuration);
            WebApplication app = builder.Build();
            app.MapNewsGraphApi();
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Api(app, new Uri(address));
        }

        /// <summary>The answer's data as JSON text; fails on any GraphQL error.</summary>
        public async Task<string> QueryAsync(string query)
        {
            using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await _client.PostAsync("/graphql", content);
            string body = await response.Content.ReadAsStringAsync();
            JsonNode? json = JsonNode.Parse(body);
            Assert.True(response.StatusCode == HttpStatusCode.OK && json?["errors"] is null, $"{response.StatusCode}: {body}");
            return json!["data"]!.ToJsonString();
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
