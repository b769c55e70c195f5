using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Api.Tests.Queries;

namespace NewsGraph.Api.Tests.Http;

/// <summary>One test per row of the GraphQL-over-HTTP table in the project's GraphQL notes.</summary>
public sealed class HttpConformanceTests(SampleServer server) : IClassFixture<SampleServer>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private HttpClient Client => server.Host.Client;

    [Fact]
    public async Task Post_ApplicationJson_Executes()
    {
        using HttpResponseMessage response = await PostAsync("""{"query":"{ __typename }"}""", accept: "application/json");
        await AssertResponse(response, HttpStatusCode.OK, "application/json", expectData: true);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Post_OtherOrNoContentType_Returns415(string? contentType)
    {
        using HttpResponseMessage response = await PostAsync("""{"query":"{ __typename }"}""", contentType);
        await AssertError(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Theory]
    [InlineData("{ \"not json")]
    [InlineData("""{"query":{"obj":"ect"}}""")]
    [InlineData("""{"query":0}""")]
    [InlineData("""{"query":"{ __typename }","variables":"string"}""")]
    [InlineData("""{"query":"{ __typename }","variables":[1]}""")]
    [InlineData("""{"query":"{ __typename }","extensions":false}""")]
    [InlineData("""{"query":"{ __typename }","operationName":0}""")]
    [InlineData("\"just a string\"")]
    public async Task Post_MalformedParameters_Returns400(string body)
    {
        using HttpResponseMessage response = await PostAsync(body);
        await AssertError(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Theory]
    [InlineData("""{"qeury":"{ __typename }"}""")]
    [InlineData("""{}""")]
    [InlineData("")]
    public async Task Post_NoQuery_Returns400(string body)
    {
        using HttpResponseMessage response = await PostAsync(body);
        await AssertError(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Get_Query_Executes()
    {
        using HttpResponseMessage response = await Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("query Q($n: String!) { __type(name: $n) { name } }")
            + "&operationName=Q&variables=" + Uri.EscapeDataString("""{"n":"Person"}"""));
        JsonNode body = await AssertResponse(response, HttpStatusCode.OK, "application/json", expectData: true);
        Assert.Equal("Person", body["data"]!["__type"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("mutation { ingestArticles(input: []) { succeeded } }")]
    [InlineData("subscription { articleIngested { articleKey } }")]
    public async Task Get_MutationOrSubscription_Returns405WithAllowPost(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd(GraphQLResponse);
        using HttpResponseMessage response = await Client.SendAsync(request);
        await AssertError(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Put_AnyRequest_Returns405()
    {
        using HttpResponseMessage response = await Client.PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));
        await AssertError(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Post_AcceptGraphQLResponse_UsesThatMediaType()
    {
        using HttpResponseMessage response = await PostAsync("""{"query":"{ __typename }"}""", accept: GraphQLResponse);
        await AssertResponse(response, HttpStatusCode.OK, GraphQLResponse, expectData: true);
    }

    [Theory]
    [InlineData("""{"query":"{"}""", "GRAPHQL_PARSE_FAILED")]
    [InlineData("""{"query":"{ noSuchField }"}""", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":null}}""", "BAD_USER_INPUT")]
    public async Task Post_FailsBeforeExecutionWithGraphQLResponse_Returns400WithoutData(string body, string code)
    {
        using HttpResponseMessage response = await PostAsync(body, accept: GraphQLResponse);
        JsonNode json = await AssertError(response, HttpStatusCode.BadRequest, code);
        Assert.False(json.AsObject().ContainsKey("data"));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData(null)]
    public async Task Post_FailsBeforeExecutionWithJson_Returns200(string? accept)
    {
        using HttpResponseMessage response = await PostAsync("""{"query":"{ noSuchField }"}""", accept: accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        JsonNode json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    public async Task Post_AcceptNeitherJsonType_Returns406(string accept)
    {
        using HttpResponseMessage response = await PostAsync("""{"query":"{ __typename }"}""", accept: accept);
        await AssertError(response, HttpStatusCode.NotAcceptable, "NOT_ACCEPTABLE");
    }

    [Fact]
    public async Task Post_ResolverError_Returns200WithPartialData()
    {
        using HttpResponseMessage response = await PostAsync("""{"query":"{ stats { articles } node(id: \"not-an-id\") { id } }"}""", accept: GraphQLResponse);
        JsonNode json = await AssertResponse(response, HttpStatusCode.OK, GraphQLResponse, expectData: true);
        Assert.Equal(3, json["data"]!["stats"]!["articles"]!.GetValue<int>());
        Assert.Equal("INVALID_ID", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("node", json["errors"]![0]!["path"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_BrowserWithoutQuery_RedirectsToIde()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server.Host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using HttpResponseMessage response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_JsonArrayBatch_ReturnsArrayOfResults()
    {
        using HttpResponseMessage response = await PostAsync("""[{"query":"{ __typename }"},{"query":"{ stats { articles } }"},{"query":"{ nope }"}]""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonArray results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(3, results.Count);
        Assert.Equal("Query", results[0]!["data"]!["__typename"]!.GetValue<string>());
        Assert.Equal(3, results[1]!["data"]!["stats"]!["articles"]!.GetValue<int>());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", results[2]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_Utf8Query_IsUnderstood()
    {
        using HttpResponseMessage response = await PostAsync("""{"query":"{ person(name: \"أنطونوف\") { name } __type(name: \"Run🏃Swim🏊\") { name } }"}""", "application/json; charset=utf-8");
        JsonNode json = await AssertResponse(response, HttpStatusCode.OK, "application/json", expectData: true);
        Assert.Equal("أناتولي أنطونوف", json["data"]!["person"]!["name"]!.GetValue<string>());
    }

    /// <summary>
    /// Bytes that are not UTF-8 — 0xFF, a lead byte with nothing after it, a lone continuation byte,
    /// an encoded surrogate, an overlong NUL — in the query, a property name, the operation name or
    /// a batch (@@ marks the place).
    /// </summary>
    [Theory]
    [InlineData("""{"query":"{ person(name: \"@@\") { name } }"}""", "FF")]
    [InlineData("""{"query":"{ person(name: \"@@\") { name } }"}""", "C3")]
    [InlineData("""{"query":"{ __typename } # comment @@"}""", "80")]
    [InlineData("""{"query":"{ person(name: \"@@\") { name } }"}""", "EDA080")]
    [InlineData("""{"query":"{ person(name: \"@@\") { name } }"}""", "C080")]
    [InlineData("""{"query":"{ __typename }","operationName":"@@"}""", "FF")]
    [InlineData("""{"@@":1,"query":"{ __typename }"}""", "FE")]
    [InlineData("""[{"query":"{ __typename }"},{"query":"{ person(name: \"@@\") { name } }"}]""", "FF")]
    public async Task Post_InvalidUtf8_Returns400(string template, string hex)
    {
        int at = template.IndexOf("@@", StringComparison.Ordinal);
        byte[] body = [.. Encoding.UTF8.GetBytes(template[..at]), .. Convert.FromHexString(hex), .. Encoding.UTF8.GetBytes(template[(at + 2)..])];
        foreach (string accept in new[] { GraphQLResponse, "application/json" })
        {
            using HttpResponseMessage response = await PostAsync(body, "application/json", accept);
            JsonNode json = await AssertError(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
            Assert.False(json.AsObject().ContainsKey("data"));
        }
    }

    [Theory]
    [InlineData("""{"query":"{ person(name: \"\ud800\") { name } }"}""")]
    [InlineData("""{"query":"{ __typename }","operationName":"\udc00"}""")]
    [InlineData("""{"\ud800":1,"query":"{ __typename }"}""")]
    public async Task Post_EscapedLoneSurrogate_Returns400(string body)
    {
        using HttpResponseMessage response = await PostAsync(body, accept: GraphQLResponse);
        await AssertError(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Theory]
    [InlineData("query=%7B%20person(name:%20%22%FF%22)%20%7B%20name%20%7D%20%7D")]
    [InlineData("query=%7B%20person(name:%20%22%D8%22)%20%7B%20name%20%7D%20%7D")]
    [InlineData("query=%7B%20person(name:%20%22%ED%A0%80%22)%20%7B%20name%20%7D%20%7D")]
    [InlineData("query=%7B%20person(name:%20%22%C0%80%22)%20%7B%20name%20%7D%20%7D")]
    [InlineData("query=%7B%20__typename%20%7D%20%23%E2%82")]
    [InlineData("query=query(%24n:String)%7Bperson(name:%24n)%7Bname%7D%7D&variables=%7B%22n%22:%22%FF%22%7D")]
    [InlineData("query=%7B%20__typename%20%7D&operationName=%D8%A3%FF")]
    public async Task Get_InvalidUtf8InQueryString_Returns400(string queryString)
    {
        foreach (string accept in new[] { GraphQLResponse, "application/json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
            request.Headers.Accept.ParseAdd(accept);
            using HttpResponseMessage response = await Client.SendAsync(request);
            JsonNode json = await AssertError(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
            Assert.False(json.AsObject().ContainsKey("data"));
        }
    }

    [Fact]
    public async Task Get_Utf8Query_IsUnderstood()
    {
        using HttpResponseMessage response = await Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ person(name: \"أنطونوف\") { name } }"));
        JsonNode json = await AssertResponse(response, HttpStatusCode.OK, "application/json", expectData: true);
        Assert.Equal("أناتولي أنطونوف", json["data"]!["person"]!["name"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? contentType = "application/json", string? accept = null) =>
        PostAsync(Encoding.UTF8.GetBytes(body), contentType, accept);

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string? contentType = "application/json", string? accept = null)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await Client.SendAsync(request);
    }

    private static async Task<JsonNode> AssertResponse(HttpResponseMessage response, HttpStatusCode status, string mediaType, bool expectData)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        JsonNode json = JsonNode.Parse(text)!;
        Assert.Equal(expectData, json.AsObject().ContainsKey("data"));
        return json;
    }

    internal static async Task<JsonNode> AssertError(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        JsonNode json = JsonNode.Parse(text)!;
        JsonNode error = json["errors"]![0]!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return json;
    }
}
