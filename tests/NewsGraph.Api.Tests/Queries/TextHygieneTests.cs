using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Text;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>
/// Articles carrying NUL, zero-width and bidirectional characters, ingested through the mutation
/// (real extractor, real pipeline, SQLite): what is stored holds none of them.
/// </summary>
public sealed class TextHygieneTests
{
    private const string Clean = "عمان-بترا\nالتقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم المبعوث الأممي بيتر سوندرز.";

    private static string Planted(string c) =>
        $"عمان-بترا\nالتقى وزير الخار{c}جية الأردني أيمن الصف{c}دي في عمان اليوم المبعوث الأممي بيتر سوندرز.";

    [Fact]
    public async Task IngestArticles_NameSpelledWithInvisibleCharacters_IsOneCleanEntity()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await TempSqliteStore.CreateAsync());
        object[] input =
        [
            new { text = Clean, url = "https://example.org/clean" },
            new { text = Planted("\u0000"), url = "https://example.org/nul" },
            new { text = Planted("\u200B"), url = "https://example.org/zwsp" },
            new { text = Planted("\u202E"), url = "https://example.org/rlo" },
        ];
        await IngestAsync(host, input);

        JsonNode people = (await host.QueryAsync("""{ people(first: 10, where: { nameContains: "الصفدي" }) { totalCount nodes { id name aliases titles articles { totalCount } } } }"""))["people"]!;
        Assert.Equal(1, people["totalCount"]!.GetValue<int>());
        JsonNode person = people["nodes"]![0]!;
        Assert.Equal("أيمن الصفدي", person["name"]!.GetValue<string>());
        Assert.Equal(input.Length, person["articles"]!["totalCount"]!.GetValue<int>()); // every spelling landed on this one entity
        Assert.True(GlobalId.TryDecode(person["id"]!.GetValue<string>(), out _, out string key));
        var stored = new List<string> { key, person["name"]!.GetValue<string>() };
        stored.AddRange(person["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        stored.AddRange(person["titles"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("وزير الخارجية الأردني", stored);
        Assert.All(stored, text => Assert.DoesNotContain(text, InvisibleCharacters.IsInvisible));
    }

    [Fact]
    public async Task IngestArticles_NulInTextAndTitle_IsRemovedAtIngestion()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await TempSqliteStore.CreateAsync());
        await IngestAsync(host, [new { text = Planted("\u0000"), title = "لقاء\u0000 في عمان", source = "بترا\u0000", url = "https://example.org/nul" }]);

        JsonNode article = (await host.QueryAsync("""{ article(key: "https://example.org/nul") { title source text } }"""))["article"]!;
        Assert.Equal("لقاء في عمان", article["title"]!.GetValue<string>());
        Assert.Equal("بترا", article["source"]!.GetValue<string>());
        Assert.DoesNotContain('\0', article["text"]!.GetValue<string>());
    }

    private static async Task IngestAsync(ApiHost host, object[] input)
    {
        (HttpStatusCode status, JsonNode? body) = await host.PostAsync(
            "mutation($input: [ArticleInput!]!) { ingestArticles(input: $input) { succeeded results { error } } }", new { input }, apiKey: ApiHost.ApiKey);
        Assert.True(status == HttpStatusCode.OK && body?["data"]?["ingestArticles"]?["succeeded"]?.GetValue<int>() == input.Length, body?.ToJsonString());
    }
}
