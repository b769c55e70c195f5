using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NewsGraph.Api.Explorer;
using NewsGraph.Api.Tests.Queries;

namespace NewsGraph.Api.Tests.Explorer;

/// <summary>
/// The explorer is served at /explorer/: our own files from Explorer/wwwroot and cytoscape from the
/// npm install, with content types and caching headers (tests/web/explorer.mjs drives it in Chromium).
/// </summary>
public sealed class ExplorerPageTests(SampleServer server) : IClassFixture<SampleServer>
{
    private static readonly string s_sourceDirectory = Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Api", "Explorer", "wwwroot");

    [Fact]
    public async Task Explorer_WithoutTrailingSlash_RedirectsKeepingTheDeepLink()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server.Host.Address };
        using HttpResponseMessage response = await client.GetAsync("/explorer?id=abc");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/explorer/?id=abc", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Explorer_Index_IsServedAsHtmlWithPolicyAndValidators()
    {
        using HttpResponseMessage response = await server.Host.Client.GetAsync("/explorer/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(ExplorerPage.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"main.mjs\"></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explorer_CytoscapeScript_IsTheLockedNpmVersionServedAsJavaScript()
    {
        using HttpResponseMessage response = await server.Host.Client.GetAsync("/explorer/" + ExplorerPage.CytoscapeScript);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        string script = await response.Content.ReadAsStringAsync();

        JsonNode manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Api", "package.json")))!;
        string version = manifest["dependencies"]!["cytoscape"]!.GetValue<string>();
        Assert.Contains($".version=\"{version}\"", script, StringComparison.Ordinal);
        Assert.Contains(" as default}", script, StringComparison.Ordinal); // an ES module, as the page imports it
    }

    [Fact]
    public async Task Explorer_EverySourceFile_IsServedWithItsContentType()
    {
        string[] files = Directory.GetFiles(s_sourceDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(".mjs", StringComparison.Ordinal));
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(s_sourceDirectory, file).Replace('\\', '/');
            using HttpResponseMessage response = await server.Host.Client.GetAsync("/explorer/" + relative);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{relative}: {response.StatusCode}");
            string expected = Path.GetExtension(file) switch
            {
                ".html" => "text/html",
                ".css" => "text/css",
                ".mjs" => "text/javascript",
                ".svg" => "image/svg+xml",
                string other => throw new InvalidOperationException($"{relative}: add the content type of {other} here and in ExplorerPage"),
            };
            Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Explorer_RevalidationWithETag_Answers304()
    {
        using HttpResponseMessage first = await server.Host.Client.GetAsync("/explorer/main.mjs");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/explorer/main.mjs");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using HttpResponseMessage second = await server.Host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var changed = new HttpRequestMessage(HttpMethod.Get, "/explorer/main.mjs");
        changed.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        using HttpResponseMessage third = await server.Host.Client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Explorer_Head_AnswersHeadersWithoutBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/explorer/explorer.css");
        using HttpResponseMessage response = await server.Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new FileInfo(Path.Combine(s_sourceDirectory, "explorer.css")).Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/explorer/missing.mjs")]
    [InlineData("/explorer/lib/")]
    [InlineData("/explorer/..%2F..%2Fappsettings.json")]
    [InlineData("/explorer/..%2Fbcp%2Findex.html")]
    public async Task Explorer_MissingOrOutsidePaths_Are404(string path)
    {
        using HttpResponseMessage response = await server.Host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
