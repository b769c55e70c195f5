using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>Ids, relation objects, mutations and CORS, over HTTP on the sample graph.</summary>
public sealed class SchemaFeatureTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task Nodes_IdsOfEveryKind_ResolveToTheirTypes()
    {
        JsonNode meeting = (await server.Host.QueryAsync("{ meetings(first: 1) { nodes { id } } }"))["meetings"]!["nodes"]![0]!;
        string[] ids =
        [
            GlobalId.Encode(TypeNames.Person, SampleGraph.Bogdanov),
            GlobalId.Encode(TypeNames.Organization, SampleGraph.Sco),
            GlobalId.Encode(TypeNames.Article, SampleGraph.SanaUrl),
            meeting["id"]!.GetValue<string>(),
            GlobalId.Encode(TypeNames.Person, "person:nobody"),
        ];

        JsonArray nodes = (await server.Host.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids }))["nodes"]!.AsArray();

        Assert.Equal(["Person", "Organization", "Article", "Meeting"], nodes.Take(4).Select(n => n!["__typename"]!.GetValue<string>()));
        Assert.Equal(ids.Take(4), nodes.Take(4).Select(n => n!["id"]!.GetValue<string>()));
        Assert.Null(nodes[4]);
    }

    [Fact]
    public async Task Node_IdOfAnotherType_IsNotFound()
    {
        string wrong = GlobalId.Encode(TypeNames.State, SampleGraph.Bogdanov);
        JsonNode data = await server.Host.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = wrong });
        Assert.Null(data["node"]);
    }

    [Fact]
    public async Task Article_EntitiesAndRelations_AreConnections()
    {
        JsonNode article = (await server.Host.QueryAsync($$"""
            { article(key: "{{SampleGraph.SanaUrl}}") { title entities(first: 3, kinds: [PERSON]) { totalCount nodes { name } } relations(first: 50, where: { types: [STATED] }) { totalCount nodes { __typename ... on Statement { text speaker { name } } } } } }
            """))["article"]!;
        Assert.Equal(4, article["entities"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(5, article["relations"]!["totalCount"]!.GetValue<int>());
        Assert.All(article["relations"]!["nodes"]!.AsArray(), r => Assert.Equal("أناتولي أنطونوف", r!["speaker"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task IngestArticles_MixedBatch_ReportsEachArticle()
    {
        await using ApiHost host = await ApiHost.StartAsync();
        (HttpStatusCode status, JsonNode? body) = await host.PostAsync(
            "mutation($input: [ArticleInput!]!) { ingestArticles(input: $input) { succeeded failed results { index ok error article { title } } } }",
            new { input = new object[] { new { text = "   ", title = "empty" }, new { text = "موسكو-سانا\nالتقى سيرغي لافروف في موسكو اليوم وليد المعلم.", title = "ok", url = "https://example.org/ok" } } },
            apiKey: ApiHost.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        JsonNode payload = body!["data"]!["ingestArticles"]!;
        Assert.Equal(1, payload["succeeded"]!.GetValue<int>());
        Assert.Equal(1, payload["failed"]!.GetValue<int>());
        Assert.False(payload["results"]![0]!["ok"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(payload["results"]![0]!["error"]!.GetValue<string>()));
        Assert.Equal("ok", payload["results"]![1]!["article"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cors_ConfiguredOrigin_IsAllowedAndOthersAreNot()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["CorsOrigins:0"] = "https://dash.example" });
        foreach ((string origin, bool allowed) in new[] { ("https://dash.example", true), ("https://evil.example", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
            using HttpResponseMessage response = await host.Client.SendAsync(preflight);
            Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out IEnumerable<string>? values) && values.Contains(origin));
        }
    }

    [Fact]
    public async Task State_ByIsoAndByDemonymVariant_IsFound()
    {
        JsonNode data = await server.Host.QueryAsync("""{ a: state(iso: "ru") { name } b: state(name: "الروسية") { iso } c: place(name: "موسكو") { name } }""");
        Assert.Equal("روسيا", data["a"]!["name"]!.GetValue<string>());
        Assert.Equal("RU", data["b"]!["iso"]!.GetValue<string>());
        Assert.Equal(GraphKeys.Place("موسكو"), SampleGraph.Moscow);
    }
}
