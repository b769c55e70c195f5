using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Http;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Api.Tests.Queries;

namespace NewsGraph.Api.Tests.Http;

/// <summary>
/// A repeated document skips parsing and document-only validation, but never the checks that depend
/// on the request, and never the store: only documents are cached, not results.
/// </summary>
public sealed class DocumentCacheTests(SampleServer server) : IClassFixture<SampleServer>
{
    private ApiHost Host => server.Host;

    [Fact]
    public async Task CachedDocument_VariablesMakingItTooComplex_IsRefused()
    {
        const string query = "query($n: Int) { people(first: $n) { nodes { meetings(first: $n) { nodes { participants { meetings(first: $n) { nodes { topic } } } } } } } }";
        (HttpStatusCode small, JsonNode? smallBody) = await Host.PostAsync(query, new { n = 1 });
        Assert.True(small == HttpStatusCode.OK && smallBody?["errors"] is null, smallBody?.ToJsonString());

        (HttpStatusCode large, JsonNode? largeBody) = await Host.PostAsync(query, new { n = 100 });

        Assert.Equal(HttpStatusCode.BadRequest, large);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", Code(largeBody));
    }

    [Fact]
    public async Task CachedDocument_VariableOfTheWrongType_IsRefused()
    {
        const string query = "query($n: Int) { people(first: $n) { nodes { name } } }";
        (HttpStatusCode good, _) = await Host.PostAsync(query, new { n = 2 });
        Assert.Equal(HttpStatusCode.OK, good);

        (HttpStatusCode bad, JsonNode? body) = await Host.PostAsync(query, new { n = "two" });

        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("BAD_USER_INPUT", Code(body));
    }

    [Fact]
    public async Task CachedDocument_PageSizeVariableAboveTheMaximum_IsRefused()
    {
        const string query = "query($n: Int) { states(first: $n) { nodes { name } } }";
        (HttpStatusCode good, _) = await Host.PostAsync(query, new { n = 2 });
        Assert.Equal(HttpStatusCode.OK, good);

        (HttpStatusCode status, JsonNode? body) = await Host.PostAsync(query, new { n = 1_000_000 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PAGE_SIZE_EXCEEDED", Code(body));
    }

    [Fact]
    public async Task CachedDocument_AskedAgain_ReadsTheStoreAgain()
    {
        const string query = "{ stats { articles } topEntities(kind: PERSON, by: STATEMENTS, first: 2) { value } }";
        JsonNode first = await Host.QueryAsync(query);
        int before = Host.Reader.Count;

        JsonNode second = await Host.QueryAsync(query);

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.True(Host.Reader.Count > before, "a cached document must not mean a cached result");
    }

    [Fact]
    public async Task CachedDocument_UnknownOperationName_FailsAsBeforeCaching()
    {
        const string query = "query A { stats { articles } } query B { __typename }";
        (HttpStatusCode uncached, JsonNode? uncachedBody) = await Host.PostAsync(query, operationName: "C");
        (HttpStatusCode valid, _) = await Host.PostAsync(query, operationName: "B");
        Assert.Equal(HttpStatusCode.OK, valid);

        (HttpStatusCode cached, JsonNode? cachedBody) = await Host.PostAsync(query, operationName: "C");

        Assert.Equal(uncached, cached);
        Assert.Equal(uncachedBody?.ToJsonString(), cachedBody?.ToJsonString());
        Assert.NotNull(cachedBody?["errors"]);
    }

    [Fact]
    public async Task InvalidDocument_IsNotCached()
    {
        const string query = "{ stats { noSuchField } }";
        for (int i = 0; i < 2; i++)
        {
            (HttpStatusCode status, JsonNode? body) = await Host.PostAsync(query);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("GRAPHQL_VALIDATION_FAILED", Code(body));
        }
    }

    [Fact]
    public void Add_PastTheTextBudget_DropsEntriesInsteadOfGrowing()
    {
        var cache = new DocumentCache();
        var document = new CachedDocument(new GraphQLParser.AST.GraphQLDocument([]), 1, 1);
        string padding = new('x', DocumentCache.MaxQueryLength - 20);
        int added = 3 * DocumentCache.MaxTotalLength / DocumentCache.MaxQueryLength;

        for (int i = 0; i < added; i++)
        {
            cache.Add($"{i:D8}{padding}", document);
        }

        cache.Add(new string('y', DocumentCache.MaxQueryLength + 1), document);

        Assert.InRange(cache.Count, 1, DocumentCache.MaxTotalLength / (DocumentCache.MaxQueryLength - 20));
        Assert.False(cache.TryGet(new string('y', DocumentCache.MaxQueryLength + 1), out _));
        Assert.True(cache.TryGet($"{added - 1:D8}{padding}", out _));
    }

    private static string? Code(JsonNode? body) => body?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
