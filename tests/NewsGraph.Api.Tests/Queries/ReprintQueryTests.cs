using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>
/// <c>Article.reprintOf</c> and <c>Article.reprints</c>: the store's links, one store call per level; and
/// the dashboard fields that count a story once (<c>stats.reprints</c>, <c>TimelineBucket.reprints</c>, rankings).
/// </summary>
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

    [Fact]
    public async Task DashboardFields_OverThreeCopiesOfAStory_CountItOnceAndSayHowManyAreReprints()
    {
        var minister = new ExtractedEntity(GraphKeys.Person("وزير الطاقة"), NodeKind.Person, "وزير الطاقة", [], [], Mentions: 2);
        await using ApiHost host = await ApiHost.StartAsync(store: await TempSqliteStore.CreateAsync(
        [
            Article("https://example.test/spa", "الرياض - واس: " + Story) with { Entities = [minister] },
            Article("https://example.test/hayat", "جدة - الحياة: " + Story) with { Entities = [minister] },
            Article("https://example.test/yawm", "الدمام - اليوم: " + Story) with { Entities = [minister] },
        ]));

        JsonNode data = await host.QueryAsync("""
            { stats { articles reprints } timeline(interval: DAY) { start count reprints } topEntities(by: MENTIONS) { value entity { name } } }
            """);

        Assert.Equal("""{"articles":3,"reprints":2}""", data["stats"]!.ToJsonString());
        Assert.Equal("""[{"start":"2026-03-01","count":3,"reprints":2}]""", data["timeline"]!.ToJsonString());
        Assert.Equal("""[{"value":2,"entity":{"name":"وزير الطاقة"}}]""", data["topEntities"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static ArticleGraph Article(string url, string text) => new(new ArticleInfo(url, text, Url: url, Published: new DateOnly(2026, 3, 1)), [], []);
}
