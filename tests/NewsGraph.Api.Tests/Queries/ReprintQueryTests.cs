using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;

namespace NewsGraph.Api.Tests.Queries;

/// <summary><c>Article.reprintOf</c> and <c>Article.reprints</c>: the store's links, one store call per level.</summary>
public sealed class ReprintQueryTests
{
    private const string Story =
        "أعلنت وزارة الطاقة اليوم عن إطلاق برنامج وطني جديد لتطوير مصادر الطاقة المتجددة في مختلف مناطق المملكة خلال السنوات الخمس المقبلة " +
        "وقال وزير الطاقة في مؤتمر صحفي إن البرنامج يهدف إلى رفع حصة الطاقة الشمسية وطاقة الرياح في مزيج الكهرباء الوطني.";

    [Fact]
    public async Task Articles_WithReprintFields_GiveTheLinksAtOneStoreCallPerLevel()
    {
        // One batch: the first copy in batch order is the original.
        await using ApiHost host = await ApiHost.StartAsync(store: await TempSqliteStore.CreateAsync(
        [
            Article("https://example.test/spa", "الرياض - واس: " + Story),
            Article("https://example.test/hayat", "جدة - الحياة: " + Story),
            Article("https://example.test/yawm", "الدمام - اليوم: " + Story),
            Article("https://example.test/brief", "وصل وزير الطاقة إلى جدة."),
        ]));

        JsonNode data = await host.QueryAsync("""
            { articles(first: 10) { nodes { key reprintOf { key reprints { key } } reprints { key reprintOf { key } } } } }
            """);

        Dictionary<string, JsonNode> byKey = data["articles"]!["nodes"]!.AsArray().ToDictionary(a => a!["key"]!.GetValue<string>(), a => a!);
        Assert.Equal("""{"key":"https://example.test/spa","reprintOf":null,"reprints":[{"key":"https://example.test/hayat","reprintOf":{"key":"https://example.test/spa"}},{"key":"https://example.test/yawm","reprintOf":{"key":"https://example.test/spa"}}]}""",
            byKey["https://example.test/spa"].ToJsonString());
        Assert.Equal("""{"key":"https://example.test/hayat","reprintOf":{"key":"https://example.test/spa","reprints":[{"key":"https://example.test/hayat"},{"key":"https://example.test/yawm"}]},"reprints":[]}""",
            byKey["https://example.test/hayat"].ToJsonString());
        Assert.Equal("""{"key":"https://example.test/brief","reprintOf":null,"reprints":[]}""", byKey["https://example.test/brief"].ToJsonString());
        Assert.Equal(["FindArticlesAsync", "GetReprintLinksAsync", "GetArticlesAsync"], host.Reader.Calls);
    }

    private static ArticleGraph Article(string url, string text) => new(new ArticleInfo(url, text, Url: url, Published: new DateOnly(2026, 3, 1)), [], []);
}
