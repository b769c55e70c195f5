using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;

namespace NewsGraph.Api.Tests.Acceptance;

/// <summary>
/// The acceptance queries of the issues, exactly as written, over HTTP against the embedded store
/// holding the bundled samples (src/NewsGraph.Cli/Samples) ingested through the real extractor and
/// the <c>ingestArticles</c> mutation.
/// </summary>
public sealed class AcceptanceTests(AcceptanceTests.SamplesServer server) : IClassFixture<AcceptanceTests.SamplesServer>
{
    private const string SampleArticle = "000_e4a81a792a077d70.txt";

    [Fact]
    public async Task A1_PersonByPartialName_HasMeetingWithRamziInMoscow()
    {
        JsonNode person = (await server.Sample.QueryAsync("""{ person(name: "بوغدانوف") { name titles meetings(first: 10) { totalCount nodes { participants { name } place { name } evidence } } } }"""))["person"]!;
        Assert.Equal("ميخائيل بوغدانوف", person["name"]!.GetValue<string>());
        Assert.Contains(person["meetings"]!["nodes"]!.AsArray(), m =>
            m!["participants"]!.AsArray().Any(p => p!["name"]!.GetValue<string>() == "رمزي رمزي")
            && m["place"]?["name"]?.GetValue<string>() == "موسكو"
            && m["evidence"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task A2_HamzaVariant_FindsAntonovWithFiveStatements()
    {
        JsonNode person = (await server.Sample.QueryAsync("""{ person(name: "انطونوف") { name statements(first: 50) { totalCount nodes { text verb article { title } } } } }"""))["person"]!;
        Assert.Equal("أناتولي أنطونوف", person["name"]!.GetValue<string>());
        Assert.True(person["statements"]!["totalCount"]!.GetValue<int>() >= 5);
        Assert.Contains(person["statements"]!["nodes"]!.AsArray(), s => s!["text"]!.GetValue<string>().Contains("تفريخ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A3_Organization_HasFourteenMembersWithStatuses()
    {
        JsonNode organization = (await server.Sample.QueryAsync("""{ organization(name: "منظمة شنغهاي للتعاون") { name members { status state { name iso } } } }"""))["organization"]!;
        var statuses = organization["members"]!.AsArray().ToDictionary(m => m!["state"]!["iso"]!.GetValue<string>(), m => m!["status"]!.GetValue<string>());
        var expected = new Dictionary<string, string>
        {
            ["RU"] = "MEMBER", ["CN"] = "MEMBER", ["KZ"] = "MEMBER", ["KG"] = "MEMBER", ["TJ"] = "MEMBER", ["UZ"] = "MEMBER",
            ["IN"] = "OBSERVER", ["IR"] = "OBSERVER", ["PK"] = "OBSERVER", ["AF"] = "OBSERVER", ["MN"] = "OBSERVER",
            ["BY"] = "DIALOGUE_PARTNER", ["TR"] = "DIALOGUE_PARTNER", ["LK"] = "DIALOGUE_PARTNER",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), statuses.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task A4_Search_FindsSyromolotovWithHisTitle()
    {
        JsonArray results = (await server.Sample.QueryAsync("""{ search(text: "سيرومولوتوف", first: 5) { __typename ... on Person { name titles } } }"""))["search"]!.AsArray();
        Assert.Contains(results, r => r!["__typename"]!.GetValue<string>() == "Person"
            && r["name"]!.GetValue<string>() == "أوليغ سيرومولوتوف"
            && r["titles"]!.AsArray().Any(t => t!.GetValue<string>().Contains("نائب وزير الخارجية", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A5_PeoplePages_AreDisjointWithMoreToCome()
    {
        JsonNode first = (await server.All.QueryAsync("{ people(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }"))["people"]!;
        string cursor = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        JsonNode second = (await server.All.QueryAsync("query($c: String) { people(first: 2, after: $c) { nodes { id name } } }", new { c = cursor }))["people"]!;

        Assert.True(first["totalCount"]!.GetValue<int>() >= 7);
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        IEnumerable<string> Ids(JsonNode page) => page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>());
        Assert.Equal(2, Ids(second).Count());
        Assert.Empty(Ids(first).Intersect(Ids(second)));
    }

    [Fact]
    public async Task A6_Dashboard_CountsArticlesAndRanksAntonov()
    {
        JsonNode data = await server.All.QueryAsync("{ stats { articles entities { kind count } relations { type count } } topEntities(kind: PERSON, by: STATEMENTS, first: 3) { entity { name } value } }");
        Assert.Equal(server.AllArticles, data["stats"]!["articles"]!.GetValue<int>());
        Assert.Contains(data["topEntities"]!.AsArray(), t => t!["entity"]!["name"]!.GetValue<string>() == "أناتولي أنطونوف" && t["value"]!.GetValue<int>() >= 5);
    }

    [Fact]
    public async Task A7_NeighborhoodAndShortestPath_FollowTheGraph()
    {
        string bogdanov = (await server.All.QueryAsync("""{ person(name: "بوغدانوف") { id } }"""))["person"]!["id"]!.GetValue<string>();
        JsonNode data = await server.All.QueryAsync(
            "query($id: ID!) { node(id: $id) { id ... on Person { name } } neighborhood(id: $id, depth: 2, first: 100) { nodes { id name } edges { type from to } } }",
            new { id = bogdanov });
        Assert.Equal(bogdanov, data["node"]!["id"]!.GetValue<string>());
        Assert.Contains(data["neighborhood"]!["nodes"]!.AsArray(), n => n!["name"]!.GetValue<string>() == "رمزي رمزي");
        Assert.Contains(data["neighborhood"]!["edges"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "MET");

        string ru = (await server.All.QueryAsync("""{ state(iso: "RU") { id } }"""))["state"]!["id"]!.GetValue<string>();
        string cn = (await server.All.QueryAsync("""{ state(iso: "CN") { id } }"""))["state"]!["id"]!.GetValue<string>();
        JsonNode path = (await server.All.QueryAsync(
            "query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, relationTypes: [MEMBER_OF]) { nodes { name } edges { type } } }",
            new { a = ru, b = cn }))["shortestPath"]!;
        Assert.Equal(3, path["nodes"]!.AsArray().Count);
        Assert.Equal("روسيا", path["nodes"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("الصين", path["nodes"]![2]!["name"]!.GetValue<string>());
        Assert.All(path["edges"]!.AsArray(), e => Assert.Equal("MEMBER_OF", e!["type"]!.GetValue<string>()));
        Assert.Equal(GlobalId.Encode("State", GraphKeys.State("RU")), ru);
    }

    /// <summary>Two servers: one holding only the sample SANA article, one holding every bundled sample.</summary>
    public sealed class SamplesServer : IAsyncLifetime
    {
        public ApiHost Sample { get; private set; } = null!;

        public ApiHost All { get; private set; } = null!;

        public int AllArticles { get; private set; }

        public async Task InitializeAsync()
        {
            string samples = Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Cli", "Samples");
            Sample = await StartWithAsync([Path.Combine(samples, SampleArticle)]);
            string[] all = Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal).ToArray();
            AllArticles = all.Length;
            All = await StartWithAsync(all);
        }

        public async Task DisposeAsync()
        {
            await Sample.DisposeAsync();
            await All.DisposeAsync();
        }

        private static async Task<ApiHost> StartWithAsync(string[] files)
        {
            ApiHost host = await ApiHost.StartAsync(store: await TempSqliteStore.CreateAsync());
            var input = files.Select(f => new { text = File.ReadAllText(f), title = (string?)null }).ToArray();
            (HttpStatusCode status, JsonNode? body) = await host.PostAsync(
                "mutation($input: [ArticleInput!]!) { ingestArticles(input: $input) { succeeded failed results { error } } }",
                new { input },
                apiKey: ApiHost.ApiKey);
            Assert.True(status == HttpStatusCode.OK && body?["data"]?["ingestArticles"]?["failed"]?.GetValue<int>() == 0, body?.ToJsonString());
            return host;
        }
    }
}
