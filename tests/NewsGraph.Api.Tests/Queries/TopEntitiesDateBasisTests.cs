using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>
/// <c>topEntities(dateBasis:)</c>: PUBLISHED ranges count the articles' publication dates, EVENT ranges the
/// relations' own dates (as the timeline and the relation lists); mentions have no event date.
/// </summary>
public sealed class TopEntitiesDateBasisTests
{
    private const string Speakers = """
        query($from: Date, $to: Date, $dateBasis: DateBasis) {
          topEntities(kind: PERSON, by: STATEMENTS, from: $from, to: $to, dateBasis: $dateBasis) { value entity { name } }
        }
        """;

    [Fact]
    public async Task TopEntities_StatementDatedTheDayBeforeItsArticle_CountsOnItsOwnDateByEvent()
    {
        await using ApiHost host = await ApiHost.StartAsync();
        // Published on 1 August; the sentence says it was said yesterday.
        (HttpStatusCode status, JsonNode? ingest) = await host.PostAsync(
            "mutation($input: [ArticleInput!]!) { ingestArticles(input: $input) { succeeded } }",
            new { input = new[] { new { text = "موسكو-سانا\nقال وزير الخارجية الروسي سيرغي لافروف أمس إن روسيا تدعم الحوار السياسي في سورية.", url = "https://example.org/yesterday", published = "2015-08-01" } } },
            ApiHost.ApiKey);
        Assert.True(status == HttpStatusCode.OK && ingest?["data"]?["ingestArticles"]?["succeeded"]?.GetValue<int>() == 1, ingest?.ToJsonString());
        var july31 = new Dictionary<string, string?> { ["from"] = "2015-07-31", ["to"] = "2015-07-31" };
        var august1 = new Dictionary<string, string?> { ["from"] = "2015-08-01", ["to"] = "2015-08-01" };

        Assert.Equal("[]", (await host.QueryAsync(Speakers, july31))["topEntities"]!.ToJsonString());
        Assert.Equal("[]", (await host.QueryAsync(Speakers, new Dictionary<string, string?>(august1) { ["dateBasis"] = "EVENT" }))["topEntities"]!.ToJsonString());
        JsonNode byEvent = (await host.QueryAsync(Speakers, new Dictionary<string, string?>(july31) { ["dateBasis"] = "EVENT" }))["topEntities"]!;
        JsonNode byPublished = (await host.QueryAsync(Speakers, august1))["topEntities"]!;
        JsonNode speaker = Assert.Single(byEvent.AsArray())!;
        Assert.Equal("سيرغي لافروف", speaker["entity"]!["name"]!.GetValue<string>());
        Assert.Equal(1, speaker["value"]!.GetValue<int>());
        Assert.Equal(byEvent.ToJsonString(), byPublished.ToJsonString());
    }

    [Fact]
    public async Task TopEntities_MentionsByEventDate_IsAnInvalidArgument()
    {
        await using ApiHost host = await ApiHost.StartAsync();
        (HttpStatusCode status, JsonNode? body) = await host.PostAsync("""{ topEntities(by: MENTIONS, from: "2015-06-01", dateBasis: EVENT) { value } }""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("INVALID_ARGUMENT", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
