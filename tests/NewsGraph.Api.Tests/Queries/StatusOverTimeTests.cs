using System.Text.Json.Nodes;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>
/// Statuses over time through the API: <c>asOf</c> on membership and role lists, <c>history</c>,
/// <c>conflictsWith</c>, and <c>statuses</c>/<c>asOf</c> on traversals, over a small graph in which
/// Belarus moves from observer to member (with a same-day report calling it a dialogue partner) and
/// a diplomat from ambassador to deputy minister.
/// </summary>
public sealed class StatusOverTimeTests
{
    private static readonly string Belarus = GraphKeys.State("BY");
    private static readonly string Russia = GraphKeys.State("RU");
    private static readonly string Sco = GraphKeys.Organization("sco");
    private static readonly string Asean = GraphKeys.Organization("asean");
    private static readonly string Diplomat = GraphKeys.Person("ميخائيل بوغدانوف");

    [Fact]
    public async Task Members_AsOf_OneStatusPerState_ConflictsNameEachOther()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StoreAsync());

        JsonNode data = await host.QueryAsync("""
            { organization(name: "شنغهاي") {
                in2016: members(asOf: "2016-01-01") { status state { iso } }
                in2025: members(asOf: "2025-01-01") { status state { iso } conflictsWith { status } }
                all: members { status current } } }
            """);

        JsonNode organization = data["organization"]!;
        Assert.Equal(["MEMBER RU", "OBSERVER BY"], Statuses(organization["in2016"]!));
        Assert.Equal(["MEMBER BY", "MEMBER RU", "DIALOGUE_PARTNER BY"], Statuses(organization["in2025"]!));
        JsonNode belarusMember = organization["in2025"]!.AsArray().Single(m => (string)m!["state"]!["iso"]! == "BY" && (string)m["status"]! == "MEMBER")!;
        Assert.Equal(["DIALOGUE_PARTNER"], belarusMember["conflictsWith"]!.AsArray().Select(c => (string)c!["status"]!));
        Assert.Equal(
            ["MEMBER true", "MEMBER true", "OBSERVER false", "DIALOGUE_PARTNER true"],
            organization["all"]!.AsArray().Select(m => $"{m!["status"]} {m["current"]!.ToJsonString()}"));
    }

    [Fact]
    public async Task Membership_History_EveryAssertionOfThePair_ConflictsMarked()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StoreAsync());

        JsonNode data = await host.QueryAsync("""
            { state(iso: "BY") { memberships(where: { status: OBSERVER }) { nodes { history { status date dateSource conflict article { key } } } } } }
            """);

        JsonArray history = data["state"]!["memberships"]!["nodes"]![0]!["history"]!.AsArray();
        Assert.Equal(
            ["OBSERVER 2015-07-10 False", "MEMBER 2024-07-04 True", "DIALOGUE_PARTNER 2024-07-04 True"],
            history.Select(h => $"{h!["status"]} {h["date"]} {((bool)h["conflict"]! ? "True" : "False")}"));
        Assert.All(history, h => Assert.Equal("SENTENCE", (string)h!["dateSource"]!));
    }

    [Fact]
    public async Task StateMemberships_AsOf_PagesAndCountsOnlyWhatHeld()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StoreAsync());

        JsonNode data = await host.QueryAsync("""
            { state(iso: "BY") { then: memberships(asOf: "2016-01-01") { totalCount nodes { status } } before: memberships(asOf: "2000-01-01") { totalCount } all: memberships { totalCount } } }
            """);

        JsonNode state = data["state"]!;
        // In 2016 Belarus was an SCO observer (its 2024 statuses not yet asserted) and an ASEAN dialogue partner.
        Assert.Equal(2, (int)state["then"]!["totalCount"]!);
        Assert.Equal(["DIALOGUE_PARTNER", "OBSERVER"], state["then"]!["nodes"]!.AsArray().Select(n => (string)n!["status"]!).Order(StringComparer.Ordinal));
        Assert.Equal(0, (int)state["before"]!["totalCount"]!);
        Assert.Equal(4, (int)state["all"]!["totalCount"]!);
    }

    [Fact]
    public async Task Roles_AsOf_TheRoleHeldThen()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StoreAsync());

        JsonNode data = await host.QueryAsync("""
            { person(name: "بوغدانوف") { in2010: roles(asOf: "2010-06-01") { nodes { role } } now: roles(asOf: "2026-01-01") { nodes { role current history { role date } } } } }
            """);

        JsonNode person = data["person"]!;
        Assert.Equal(["سفير"], person["in2010"]!["nodes"]!.AsArray().Select(r => (string)r!["role"]!));
        JsonNode now = Assert.Single(person["now"]!["nodes"]!.AsArray())!;
        Assert.Equal("نائب وزير الخارجية", (string)now["role"]!);
        Assert.True((bool)now["current"]!);
        Assert.Equal(["سفير 2010-01-01", "نائب وزير الخارجية 2011-01-01"], now["history"]!.AsArray().Select(h => $"{h!["role"]} {h["date"]}"));
    }

    [Fact]
    public async Task ShortestPath_StatusesAndAsOf_ChooseTheWay()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StoreAsync());
        const string Query = "query($a: ID!, $b: ID!, $s: [MembershipStatus!], $d: Date) { shortestPath(from: $a, to: $b, statuses: $s, asOf: $d) { nodes { name } } }";
        string belarus = GlobalId.Encode("State", Belarus);
        string russia = GlobalId.Encode("State", Russia);

        JsonNode partners = await host.QueryAsync(Query, new { a = belarus, b = russia, s = new[] { "DIALOGUE_PARTNER" } });
        JsonNode before = await host.QueryAsync(Query, new { a = belarus, b = russia, d = "2010-01-01" });
        JsonNode members2016 = await host.QueryAsync(Query, new { a = belarus, b = russia, s = new[] { "MEMBER" }, d = "2016-01-01" });
        JsonNode members2025 = await host.QueryAsync(Query, new { a = belarus, b = russia, s = new[] { "MEMBER" }, d = "2025-01-01" });

        Assert.Equal(["بيلاروسيا", "آسيان", "روسيا"], partners["shortestPath"]!["nodes"]!.AsArray().Select(n => (string)n!["name"]!));
        Assert.Null(before["shortestPath"]);
        Assert.Null(members2016["shortestPath"]);
        Assert.Equal(["بيلاروسيا", "منظمة شنغهاي للتعاون", "روسيا"], members2025["shortestPath"]!["nodes"]!.AsArray().Select(n => (string)n!["name"]!));
    }

    [Fact]
    public async Task Neighborhood_StatusesAndAsOf_KeepOnlyThoseEdges_OneMoreStoreCallPerLevel()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StoreAsync());
        string id = GlobalId.Encode("State", Belarus);

        JsonNode observers = await host.QueryAsync(
            "query($id: ID!) { neighborhood(id: $id, statuses: [OBSERVER]) { nodes { name } edges { relation { ... on Membership { status } } } } }", new { id });
        int before = host.Reader.Calls.Count;
        JsonNode in2016 = await host.QueryAsync(
            "query($id: ID!) { neighborhood(id: $id, asOf: \"2016-01-01\") { edges { relation { ... on Membership { status } } } } }", new { id });

        Assert.Equal(["OBSERVER"], observers["neighborhood"]!["edges"]!.AsArray().Select(e => (string)e!["relation"]!["status"]!));
        Assert.Equal(
            ["DIALOGUE_PARTNER", "OBSERVER"],
            in2016["neighborhood"]!["edges"]!.AsArray().Select(e => (string)e!["relation"]!["status"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["FindRelationsForAsync", "FindRelationsForAsync", "GetEntitiesAsync"], host.Reader.Calls.Skip(before));
    }

    [Fact]
    public async Task Members_AsOfWithHistory_CostABoundedNumberOfStoreCalls()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StoreAsync());

        await host.QueryAsync("""
            { organizations(first: 10) { nodes { members(asOf: "2025-01-01") { state { name } history { date } conflictsWith { status } } } } }
            """);

        // The organizations; every status edge of the level, then the held page; the members' histories; the states.
        Assert.Equal(
            ["FindEntitiesAsync", "FindRelationsForAsync", "FindRelationsForAsync", "FindRelationsForAsync", "GetEntitiesAsync"],
            host.Reader.Calls.Order(StringComparer.Ordinal));
    }

    private static List<string> Statuses(JsonNode members) =>
        [.. members.AsArray().Select(m => $"{m!["status"]} {m["state"]!["iso"]}")];

    /// <summary>The graph these tests share with the dashboard's membership queries (<c>DashboardQueriesTests</c>).</summary>
    internal static async Task<TempSqliteStore> StoreAsync() => await TempSqliteStore.CreateAsync(
    [
        Article("https://status.test/2001", new DateOnly(2001, 6, 15), [StateEntity("RU", "روسيا"), ScoEntity(), AseanEntity()],
            Member(Russia, Sco, MembershipStatus.Member, "أسست روسيا المنظمة.", new DateOnly(2001, 6, 15)),
            Member(Russia, Asean, MembershipStatus.DialoguePartner, "وروسيا شريك حوار لآسيان.", new DateOnly(2001, 6, 15))),
        Article("https://status.test/2015", new DateOnly(2015, 7, 10), [StateEntity("BY", "بيلاروسيا"), ScoEntity(), AseanEntity()],
            Member(Belarus, Sco, MembershipStatus.Observer, "أصبحت بيلاروسيا عضوا مراقبا.", new DateOnly(2015, 7, 10)),
            Member(Belarus, Asean, MembershipStatus.DialoguePartner, "وبيلاروسيا شريك حوار لآسيان.", new DateOnly(2015, 7, 10))),
        Article("https://status.test/2024-member", new DateOnly(2024, 7, 4), [StateEntity("BY", "بيلاروسيا"), ScoEntity()],
            Member(Belarus, Sco, MembershipStatus.Member, "انضمت بيلاروسيا عضوا كاملا.", new DateOnly(2024, 7, 4))),
        Article("https://status.test/2024-partner", new DateOnly(2024, 7, 4), [StateEntity("BY", "بيلاروسيا"), ScoEntity()],
            Member(Belarus, Sco, MembershipStatus.DialoguePartner, "وبيلاروسيا شريك حوار.", new DateOnly(2024, 7, 4))),
        Article("https://status.test/roles", new DateOnly(2024, 7, 4), [new(Diplomat, NodeKind.Person, "ميخائيل بوغدانوف", ["بوغدانوف"], []), StateEntity("RU", "روسيا")],
            new ExtractedRelation(RelationType.HoldsRole, Diplomat, Russia, "كان بوغدانوف سفيرا عام 2010.", 0, new DateOnly(2010, 1, 1), Role: "سفير",
                DatePrecision: DatePrecision.Year, DateSource: DateSource.Sentence),
            new ExtractedRelation(RelationType.HoldsRole, Diplomat, Russia, "وعين نائبا لوزير الخارجية عام 2011.", 1, new DateOnly(2011, 1, 1), Role: "نائب وزير الخارجية",
                DatePrecision: DatePrecision.Year, DateSource: DateSource.Sentence)),
    ]);

    private static ArticleGraph Article(string key, DateOnly published, ExtractedEntity[] entities, params ExtractedRelation[] relations) =>
        new(new ArticleInfo(key, "نص " + key, "خبر " + key, key, "test", null, published), entities, relations);

    private static ExtractedEntity StateEntity(string iso, string name) => new(GraphKeys.State(iso), NodeKind.State, name, [], [], Iso: iso);

    private static ExtractedEntity ScoEntity() => new(Sco, NodeKind.Organization, "منظمة شنغهاي للتعاون", ["شنغهاي"], []);

    private static ExtractedEntity AseanEntity() => new(Asean, NodeKind.Organization, "آسيان", [], []);

    private static ExtractedRelation Member(string state, string organization, MembershipStatus status, string evidence, DateOnly date) =>
        new(RelationType.MemberOf, state, organization, evidence, 0, date, Status: status, DatePrecision: DatePrecision.Day, DateSource: DateSource.Sentence);
}
