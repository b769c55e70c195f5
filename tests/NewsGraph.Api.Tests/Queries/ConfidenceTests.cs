using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>Relation confidence over HTTP on the sample graph: the field on every relation type and provenance item, and the filter on every relation list.</summary>
public sealed class ConfidenceTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Theory]
    [InlineData("Relation")]
    [InlineData("Meeting")]
    [InlineData("PhoneCall")]
    [InlineData("Statement")]
    [InlineData("Membership")]
    [InlineData("Role")]
    [InlineData("Provenance")]
    public async Task Confidence_OnEveryRelationTypeAndProvenance_IsANullableFloat(string type)
    {
        JsonNode data = await server.Host.QueryAsync("query($t: String!) { __type(name: $t) { fields { name type { kind name } } } }", new { t = type });

        JsonNode field = data["__type"]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "confidence")!;
        Assert.Equal(("SCALAR", "Float"), (field["type"]!["kind"]!.GetValue<string>(), field["type"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Confidence_OfARelationAndItsProvenance_AreTheStoredValues()
    {
        JsonNode data = await server.Host.QueryAsync("""
            { person(name: "أنطونوف") { statements(first: 10) { nodes { confidence provenance { confidence } } } }
              relations(first: 1, where: { types: [MET] }) { nodes { ... on Relation { confidence provenance { confidence } } } } }
            """);

        double?[] statements = [.. data["person"]!["statements"]!["nodes"]!.AsArray().Select(n => n!["confidence"]?.GetValue<double>())];
        Assert.Equal(SampleGraph.AntonovConfidences.Order(), statements.Order());
        Assert.All(data["person"]!["statements"]!["nodes"]!.AsArray(), n => Assert.Equal(
            n!["confidence"]?.GetValue<double>(), Assert.Single(n["provenance"]!.AsArray())!["confidence"]?.GetValue<double>()));
        JsonNode meeting = data["relations"]!["nodes"]![0]!;
        Assert.Equal(0.92, meeting["confidence"]!.GetValue<double>());
        Assert.Equal(0.92, meeting["provenance"]![0]!["confidence"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("""{ x: meetings(where: { confidence: { gte: 0.8 } }) { totalCount } }""", 2)]
    [InlineData("""{ x: phoneCalls(where: { confidence: { gte: 0 } }) { totalCount } }""", 0)]
    [InlineData("""{ x: statements(where: { confidence: { lte: 0.75 } }) { totalCount } }""", 2)]
    [InlineData("""{ x: memberships(where: { confidence: { gte: 0.9 } }) { totalCount } }""", 8)]
    [InlineData("""{ x: relations(where: { confidence: { gte: 0.9 } }) { totalCount } }""", 11)]
    [InlineData("""{ x: relations(where: { types: [STATED], confidence: { gte: 0, lte: 1 } }) { totalCount } }""", 5)]
    [InlineData("""{ p: person(name: "بوغدانوف") { x: meetings(where: { confidence: { gte: 0.8 } }) { totalCount } } }""", 1)]
    [InlineData("""{ p: person(name: "أنطونوف") { x: statements(where: { confidence: { gte: 0.8 } }) { totalCount } } }""", 2)]
    [InlineData("""{ p: organization(name: "منظمة شنغهاي للتعاون") { x: memberships(where: { confidence: { lte: 0.8 } }) { totalCount } } }""", 8)]
    [InlineData("""{ p: state(iso: "RU") { x: memberships(where: { confidence: { gte: 0.99 } }) { totalCount } } }""", 0)]
    [InlineData("""{ p: article(key: "https://sana.sy/?p=100001") { x: relations(where: { confidence: { gte: 0.9 } }) { totalCount } } }""", 8)]
    public async Task ConfidenceFilter_OnRootAndNestedRelationLists_CountsOnlyRelationsWithinTheBounds(string query, int expected)
    {
        JsonNode data = await server.Host.QueryAsync(query);

        JsonNode list = data["x"] ?? data["p"]!["x"]!;
        Assert.Equal(expected, list["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("gte: 85")]
    [InlineData("lte: -0.5")]
    [InlineData("gte: 0.5, lte: 1.01")]
    public async Task ConfidenceFilter_BoundThatIsNotAProbability_IsAnInvalidArgument(string bounds)
    {
        (HttpStatusCode status, JsonNode? body) = await server.Host.PostAsync($$"""{ meetings(where: { confidence: { {{bounds}} } }) { totalCount } }""");

        Assert.Equal(HttpStatusCode.OK, status);
        JsonNode error = Assert.Single(body!["errors"]!.AsArray())!;
        Assert.Equal("INVALID_ARGUMENT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("where.confidence", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
