using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>The <c>removeArticles</c> mutation: guarded like every mutation, idempotent, and what it removes is gone from every read.</summary>
public sealed class RemoveArticlesTests
{
    private const string Remove = "mutation($keys: [String!]!) { removeArticles(keys: $keys) { removed notFound entitiesDeleted relationsDeleted } }";

    [Fact]
    public async Task RemoveArticles_WithTheApiKey_TakesTheArticleOutAndAgainFindsNothing()
    {
        await using ApiHost host = await ApiHost.StartAsync();
        Page<ArticleRecord> articles = await host.Store.FindArticlesAsync(new ArticleQuery(), new PageRequest(First: 100), CancellationToken.None);
        string key = articles.Items[0].Node.Key;
        GraphStats before = await host.Store.GetStatsAsync(CancellationToken.None);

        (HttpStatusCode status, JsonNode? body) = await host.PostAsync(Remove, new { keys = new[] { key, "https://example.org/never" } }, apiKey: ApiHost.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body?["errors"] is null, body?.ToJsonString());
        JsonNode payload = body!["data"]!["removeArticles"]!;
        Assert.Equal((1, 1), (payload["removed"]!.GetValue<int>(), payload["notFound"]!.GetValue<int>()));
        Assert.Null((await host.QueryAsync("query($key: String!) { article(key: $key) { title } }", new { key }))["article"]);
        Assert.Equal(before.Articles - 1, (await host.QueryAsync("{ stats { articles } }"))["stats"]!["articles"]!.GetValue<long>());

        (_, JsonNode? again) = await host.PostAsync(Remove, new { keys = new[] { key } }, apiKey: ApiHost.ApiKey);
        Assert.Equal("""{"removed":0,"notFound":1,"entitiesDeleted":0,"relationsDeleted":0}""", again!["data"]!["removeArticles"]!.ToJsonString());
    }

    [Theory]
    [InlineData("wrong", "UNAUTHENTICATED")]
    [InlineData(null, "UNAUTHENTICATED")]
    public async Task RemoveArticles_WithoutTheApiKey_IsRefusedAndRemovesNothing(string? apiKey, string code)
    {
        await using ApiHost host = await ApiHost.StartAsync();
        string key = (await host.Store.FindArticlesAsync(new ArticleQuery(), new PageRequest(First: 1), CancellationToken.None)).Items[0].Node.Key;

        (_, JsonNode? body) = await host.PostAsync(Remove, new { keys = new[] { key } }, apiKey: apiKey);

        Assert.Equal(code, body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Single(await host.Store.GetArticlesAsync([key], CancellationToken.None));
    }

    [Fact]
    public async Task RemoveArticles_NoApiKeyConfigured_IsDisabled()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["ApiKey"] = string.Empty });

        (_, JsonNode? body) = await host.PostAsync(Remove, new { keys = new[] { "x" } }, apiKey: ApiHost.ApiKey);

        Assert.Equal("MUTATIONS_DISABLED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task RemoveArticles_BlankKeyOrTooMany_IsBadUserInputAndRemovesNothing()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["MaxIngestArticles"] = "2" });
        string key = (await host.Store.FindArticlesAsync(new ArticleQuery(), new PageRequest(First: 1), CancellationToken.None)).Items[0].Node.Key;

        (_, JsonNode? blank) = await host.PostAsync(Remove, new { keys = new[] { key, " " } }, apiKey: ApiHost.ApiKey);
        (_, JsonNode? many) = await host.PostAsync(Remove, new { keys = new[] { key, "b", "c" } }, apiKey: ApiHost.ApiKey);

        Assert.Equal("BAD_USER_INPUT", blank!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("BAD_USER_INPUT", many!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Single(await host.Store.GetArticlesAsync([key], CancellationToken.None));
    }
}
