using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Http;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Api.Tests.Queries;

namespace NewsGraph.Api.Tests.Limits;

/// <summary>Abusive requests are refused cleanly: a coded error, no stack trace, no store work.</summary>
public sealed class AbuseTests(SampleServer server) : IClassFixture<SampleServer>
{
    private ApiHost Host => server.Host;

    [Fact]
    public async Task Query_Depth50_IsRefusedBeforeTouchingTheStore()
    {
        // people › nodes › 16 × (meetings › nodes › participants) › name: 51 levels.
        var query = new StringBuilder("{ people(first: 1) { nodes { ");
        for (int i = 0; i < 16; i++)
        {
            query.Append("meetings(first: 1) { nodes { participants { ");
        }

        query.Append("name").Append(string.Concat(Enumerable.Repeat(" } } }", 16))).Append(" } } }");
        int before = Host.Reader.Count;

        using HttpResponseMessage response = await PostRawAsync(Json(query.ToString()));

        JsonNode body = await HttpConformanceTests.AssertError(response, HttpStatusCode.BadRequest, "MAX_DEPTH_EXCEEDED");
        Assert.Contains("nested 51 levels", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at most 15", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, Host.Reader.Count);
    }

    [Fact]
    public async Task Query_TenThousandAliases_IsRefused()
    {
        string query = "{ " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"a{i}: stats {{ articles }}")) + " }";
        using HttpResponseMessage response = await PostRawAsync(Json(query));
        await HttpConformanceTests.AssertError(response, HttpStatusCode.BadRequest, "MAX_FIELDS_EXCEEDED");
    }

    [Fact]
    public async Task Query_FirstOneMillion_IsRefusedWithPageSizeError()
    {
        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync("{ people(first: 1000000) { nodes { name } } }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PAGE_SIZE_EXCEEDED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Query_TooComplex_IsRefused()
    {
        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync(
            "{ people(first: 100) { nodes { meetings(first: 100) { nodes { participants { meetings(first: 100) { nodes { topic } } } } } } } }");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Batch_OfAThousandOperations_IsRefused()
    {
        string batch = "[" + string.Join(",", Enumerable.Repeat("""{"query":"{ stats { articles } }"}""", 1000)) + "]";
        int before = Host.Reader.Count;
        using HttpResponseMessage response = await PostRawAsync(batch);
        await HttpConformanceTests.AssertError(response, HttpStatusCode.BadRequest, "BATCH_TOO_LARGE");
        Assert.Equal(before, Host.Reader.Count);
    }

    [Fact]
    public async Task Body_OfTenMegabytes_IsRefusedWith413()
    {
        string padding = new('x', 10 * 1024 * 1024);
        using HttpResponseMessage response = await PostRawAsync(Json("{ __typename }", padding));
        await HttpConformanceTests.AssertError(response, HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE");
    }

    [Fact]
    public async Task Query_SlowerThanTheTimeout_EndsWithTimeoutError()
    {
        await using ApiHost slow = await ApiHost.StartAsync(
            new Dictionary<string, string?> { ["ExecutionTimeout"] = "00:00:00.500" },
            storeDelay: TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        (HttpStatusCode status, JsonNode? body) = await slow.PostAsync("{ stats { articles } }");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("TIMEOUT", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.True(body.AsObject().ContainsKey("data"));
        // The timeout reached the store call too: nothing keeps running after the answer.
        await WaitUntilAsync(() => slow.Reader.Running == 0, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Query_WhoseClientGoesAway_StopsItsStoreWork()
    {
        await using ApiHost slow = await ApiHost.StartAsync(storeDelay: TimeSpan.FromSeconds(30));
        using var client = new HttpClient();
        using var leave = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync(
            new Uri(slow.Address, "/graphql"), new StringContent(Json("{ stats { articles } }"), Encoding.UTF8, "application/json"), leave.Token));

        // Well inside the 30 s the store call would take if nothing cancelled it (slack for a busy machine).
        await WaitUntilAsync(() => slow.Reader.Count > 0 && slow.Reader.Running == 0, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Query_ThirtyLevelsOfFragmentsEachSpreadingTheNextTwice_IsRefusedAtOnceWithoutStoreWork()
    {
        // 2^30 field selections once expanded, from a document of about 1.5 KB.
        var query = new StringBuilder("query { ...F0 }\n");
        for (int i = 0; i < 30; i++)
        {
            query.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n");
        }

        query.Append("fragment F30 on Query { stats { articles } }");
        int before = Host.Reader.Count;
        var clock = Stopwatch.StartNew();

        using HttpResponseMessage response = await PostRawAsync(Json(query.ToString()));

        JsonNode body = await HttpConformanceTests.AssertError(response, HttpStatusCode.BadRequest, "MAX_FIELDS_EXCEEDED");
        Assert.Contains("through its fragments", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
        Assert.Equal(before, Host.Reader.Count);
    }

    [Fact]
    public async Task Query_FragmentCycle_GetsTheSpecsValidationError()
    {
        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("A", body!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ people(first: 5, where: { some: [{ type: STATED, textContains: \"ا\" }] }) { nodes { name } } }")]
    [InlineData("{ statements(first: 5, where: { textContains: \"في\" }) { totalCount } }")]
    [InlineData("{ articles(first: 5, where: { textContains: \"ال\" }) { totalCount } }")]
    [InlineData("{ meetings(first: 5, where: { topicContains: \"عن\" }) { totalCount } }")]
    public async Task Query_TextFilterTooShortForTheIndex_IsPricedAsAScanAndRefused(string query)
    {
        int before = Host.Reader.Count;
        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("cannot use the text index", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, Host.Reader.Count);
    }

    [Theory]
    [InlineData("{ people(first: 5, where: { some: [{ type: STATED, textContains: \"روسيا\" }], none: [{ type: MET }] }) { totalCount nodes { name } } }")]
    [InlineData("{ statements(first: 5, where: { textContains: \"الحل\" }) { totalCount } }")]
    [InlineData("{ articles(first: 5, where: { textContains: \"موسكو\" }) { totalCount } }")]
    public async Task Query_IndexedTextAndRelationshipFilters_PassTheLimits(string query)
    {
        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["errors"]);
    }

    [Fact]
    public async Task Query_TextFiltersUnderAHundredParents_ArePricedPerParentAndRefused()
    {
        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync(
            "{ organizations(first: 100) { nodes { members { state { name } } } } people(first: 100) { nodes { name } } a: people(first: 30, where: { some: [{ type: MET }] }) { nodes { meetings(first: 1, where: { topicContains: \"تعاون\" }) { totalCount } } } }");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["errors"]);
        (status, body) = await Host.PostAsync(
            "{ people(first: 100) { nodes { a: articles(first: 1, where: { textContains: \"تعاون\" }) { totalCount } b: articles(first: 1, where: { textContains: \"روسيا\" }) { totalCount } c: articles(first: 1, where: { textContains: \"الحل\" }) { totalCount } } } }");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < within, $"not within {within}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Introspection_FullSchemaQuery_PassesTheLimits()
    {
        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync(IntrospectionQuery);
        Assert.True(status == HttpStatusCode.OK && body!["errors"] is null, body?.ToJsonString());
        Assert.Equal("Query", body!["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mutation_WithoutApiKey_IsUnauthenticated()
    {
        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync("""mutation { ingestArticles(input: [{ text: "نص" }]) { succeeded } }""", apiKey: "wrong");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("UNAUTHENTICATED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mutation_NoApiKeyConfigured_IsDisabled()
    {
        await using ApiHost host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["ApiKey"] = string.Empty });
        (_, JsonNode? body) = await host.PostAsync("""mutation { ingestArticles(input: [{ text: "نص" }]) { succeeded } }""", apiKey: ApiHost.ApiKey);
        Assert.Equal("MUTATIONS_DISABLED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cursor_Forged_IsRefusedWithInvalidCursor()
    {
        (_, JsonNode? body) = await Host.PostAsync("""{ people(first: 2, after: "bm90LWEtY3Vyc29y") { nodes { name } } }""");
        Assert.Equal("INVALID_CURSOR", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return await Host.Client.SendAsync(request);
    }

    private static string Json(string query, string? padding = null) =>
        new JsonObject { ["query"] = query, ["extensions"] = padding is null ? null : new JsonObject { ["padding"] = padding } }.ToJsonString();

    /// <summary>graphql-js's full introspection query, which Banana Cake Pop and most IDEs send.</summary>
    internal const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
        }
        """;
}
