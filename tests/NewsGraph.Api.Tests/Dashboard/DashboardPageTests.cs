using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Dashboard;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Api.Tests.Queries;

namespace NewsGraph.Api.Tests.Dashboard;

/// <summary>
/// The dashboard is served at /dashboard/: our own files from Dashboard/wwwroot and ECharts from the
/// npm install, with content types and the page's policy (tests/web/dashboard.mjs drives it in Chromium).
/// The serving itself is <c>StaticPageFiles</c>, shared with the explorer and tested in depth there.
/// </summary>
public sealed class DashboardPageTests(SampleServer server) : IClassFixture<SampleServer>
{
    private static readonly string s_sourceDirectory = Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Api", "Dashboard", "wwwroot");

    [Fact]
    public async Task Dashboard_WithoutTrailingSlash_RedirectsKeepingTheRange()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server.Host.Address };
        using HttpResponseMessage response = await client.GetAsync("/dashboard?from=2024-03-01&to=2024-03-31");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/?from=2024-03-01&to=2024-03-31", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Dashboard_Index_IsServedAsArabicHtmlWithItsPolicy()
    {
        using HttpResponseMessage response = await server.Host.Client.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(DashboardPage.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("unsafe-inline", DashboardPage.ContentSecurityPolicy, StringComparison.Ordinal);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"main.mjs\"></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_EChartsScript_IsTheLockedNpmVersionWithItsLicence()
    {
        using HttpResponseMessage response = await server.Host.Client.GetAsync("/dashboard/" + DashboardPage.EChartsScript);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        string script = await response.Content.ReadAsStringAsync();

        JsonNode manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Api", "package.json")))!;
        string version = manifest["dependencies"]!["echarts"]!.GetValue<string>();
        Assert.Contains($"version:\"{version}\"", script, StringComparison.Ordinal);
        Assert.Contains(" as init,", script, StringComparison.Ordinal); // an ES module, as charts.mjs imports it

        using HttpResponseMessage licence = await server.Host.Client.GetAsync("/dashboard/lib/echarts/LICENSE");
        Assert.Contains("Apache License", await licence.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_EverySourceFile_IsServedWithItsContentType()
    {
        string[] files = Directory.GetFiles(s_sourceDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(".mjs", StringComparison.Ordinal));
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(s_sourceDirectory, file).Replace('\\', '/');
            using HttpResponseMessage response = await server.Host.Client.GetAsync("/dashboard/" + relative);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{relative}: {response.StatusCode}");
            string expected = Path.GetExtension(file) switch
            {
                ".html" => "text/html",
                ".css" => "text/css",
                ".mjs" => "text/javascript",
                string other => throw new InvalidOperationException($"{relative}: add the content type of {other} here"),
            };
            Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Dashboard_SharedExplorerModules_AreServed()
    {
        // main.mjs and charts.mjs import the explorer's GraphQL client and labels.
        foreach (string module in new[] { "graphql.mjs", "labels.mjs" })
        {
            Assert.Contains($"'../explorer/{module}'", await File.ReadAllTextAsync(Path.Combine(s_sourceDirectory, module == "graphql.mjs" ? "main.mjs" : "charts.mjs")), StringComparison.Ordinal);
            using HttpResponseMessage response = await server.Host.Client.GetAsync("/explorer/" + module);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("EnableDashboard")]
    [InlineData("EnableExplorer")]
    public async Task Dashboard_WhenItOrTheExplorerIsDisabled_Is404WithANote(string setting)
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { [setting] = "false" });
        using HttpResponseMessage response = await host.Client.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("The dashboard is not part of this build", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/missing.mjs")]
    [InlineData("/dashboard/lib/")]
    [InlineData("/dashboard/..%2F..%2Fappsettings.json")]
    [InlineData("/dashboard/..%2Fexplorer%2Findex.html")]
    public async Task Dashboard_MissingOrOutsidePaths_Are404(string path)
    {
        using HttpResponseMessage response = await server.Host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
