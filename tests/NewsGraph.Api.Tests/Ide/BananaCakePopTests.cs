using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Queries;

namespace NewsGraph.Api.Tests.Ide;

/// <summary>Banana Cake Pop is served from the npm install at /graphql/ (the browser test in tests/web drives it).</summary>
public sealed class BananaCakePopTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task Ide_Index_IsServedAsHtml()
    {
        using HttpResponseMessage response = await server.Host.Client.GetAsync("/graphql/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<script", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ide_Config_PointsAtThisEndpoint()
    {
        JsonNode config = JsonNode.Parse(await server.Host.Client.GetStringAsync("/graphql/bcp-config.json"))!;
        Assert.Equal(new Uri(server.Host.Address, "/graphql").ToString(), config["endpoint"]!.GetValue<string>());
        Assert.False(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Ide_StaticAssetsAndTraversal_AreHandled()
    {
        string manifest = await server.Host.Client.GetStringAsync("/graphql/asset-manifest.json");
        string script = JsonNode.Parse(manifest)!["files"]!["main.js"]!.GetValue<string>().TrimStart('/');
        using HttpResponseMessage asset = await server.Host.Client.GetAsync("/graphql/" + script[script.IndexOf("static/", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);

        using HttpResponseMessage traversal = await server.Host.Client.GetAsync("/graphql/..%2F..%2Fappsettings.json");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }
}
