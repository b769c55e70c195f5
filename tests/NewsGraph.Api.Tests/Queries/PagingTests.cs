using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>Cursor pages are disjoint, complete and stable, forwards and backwards.</summary>
public sealed class PagingTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task People_PagesOfTwo_AreDisjointAndComplete()
    {
        var seen = new List<string>();
        string? cursor = null;
        bool more = true;
        int total = 0;
        while (more)
        {
            JsonNode page = (await server.Host.QueryAsync(
                "query($c: String) { people(first: 2, after: $c) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }",
                new { c = cursor }))["people"]!;
            total = page["totalCount"]!.GetValue<int>();
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            more = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            cursor = page["pageInfo"]!["endCursor"]?.GetValue<string>();
        }

        Assert.Equal(7, total);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task People_LastBeforeCursor_ReturnsThePreviousPage()
    {
        JsonNode first = (await server.Host.QueryAsync("{ people(first: 4) { edges { cursor node { name } } } }"))["people"]!["edges"]!;
        string fourth = first[3]!["cursor"]!.GetValue<string>();

        JsonNode back = (await server.Host.QueryAsync("query($b: String) { people(last: 2, before: $b) { pageInfo { hasPreviousPage } nodes { name } } }", new { b = fourth }))["people"]!;

        Assert.Equal(
            [first[1]!["node"]!["name"]!.GetValue<string>(), first[2]!["node"]!["name"]!.GetValue<string>()],
            back["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.True(back["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task People_OrderedByMentionsDescending_BreaksTiesById()
    {
        JsonNode data = await server.Host.QueryAsync("{ people(first: 10, order: { field: MENTIONS, direction: DESC }) { nodes { name mentionCount } } }");
        JsonArray nodes = data["people"]!["nodes"]!.AsArray();
        Assert.Equal("أناتولي أنطونوف", nodes[0]!["name"]!.GetValue<string>());
        Assert.True(nodes.Select(n => n!["mentionCount"]!.GetValue<int>()).SequenceEqual(nodes.Select(n => n!["mentionCount"]!.GetValue<int>()).OrderDescending()));
    }
}
