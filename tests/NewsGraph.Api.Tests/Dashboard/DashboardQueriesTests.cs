using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Api.Tests.Queries;

namespace NewsGraph.Api.Tests.Dashboard;

/// <summary>
/// The operations the dashboard sends (<c>Dashboard/wwwroot/queries.mjs</c>) are the API README's worked
/// example: each one runs against the sample graph without errors, with and without a range and a
/// status date, the membership matrix's two answer what the page makes of them, and the README's
/// Dashboard section shows each one as the page sends it.
/// </summary>
public sealed partial class DashboardQueriesTests(SampleServer server) : IClassFixture<SampleServer>
{
    private static readonly string s_queriesFile = Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Api", "Dashboard", "wwwroot", "queries.mjs");

    /// <summary>The sample graph's first article is of 24 June 2015, its second of 1 July, its third of 9 June 2017.</summary>
    private static readonly Dictionary<string, string?> s_june2015 = new() { ["from"] = "2015-06-01", ["to"] = "2015-06-30" };

    public static TheoryData<string> QueryNames() => [.. Operations().Keys.Where(name => !Operations()[name].StartsWith("subscription", StringComparison.Ordinal))];

    [Fact]
    public void QueriesFile_HasEveryDashboardOperation()
    {
        Assert.Equal(["ARTICLE_INGESTED", "MEMBERSHIPS", "MEMBERSHIP_HISTORY", "PEOPLE", "STATEMENTS", "TIMELINE", "TIMELINE_IN_RANGE", "TOTALS"], Operations().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(QueryNames))]
    public async Task DashboardQuery_OverTheSampleGraph_AnswersWithoutErrorsWithAndWithoutARangeOrDate(string name)
    {
        string query = Operations()[name];
        // A pair the sample graph has, for the one query about a single pair.
        JsonNode pair = (await server.Host.QueryAsync("{ memberships(first: 1) { nodes { state { id } organization { id } } } }"))["memberships"]!["nodes"]![0]!;
        var variables = new Dictionary<string, string?>
        {
            ["from"] = null,
            ["to"] = null,
            ["after"] = null,
            ["asOf"] = null,
            ["state"] = (string)pair["state"]!["id"]!,
            ["organization"] = (string)pair["organization"]!["id"]!,
        };
        JsonNode all = await server.Host.QueryAsync(query, variables);
        Assert.NotEmpty(all.AsObject());
        if (query.Contains("$from", StringComparison.Ordinal))
        {
            await server.Host.QueryAsync(query, s_june2015);
        }

        if (query.Contains("$asOf", StringComparison.Ordinal))
        {
            await server.Host.QueryAsync(query, new Dictionary<string, string?>(variables) { ["asOf"] = "2015-06-30" });
        }
    }

    /// <summary>
    /// The matrix keeps every membership <c>MEMBERSHIPS</c> returns with a date, and the <c>current</c> ones
    /// without: one status per pair, several only where <c>conflictsWith</c> names them. Belarus observed the
    /// SCO from 2015 and was reported both member and dialogue partner on 2024-07-04.
    /// </summary>
    [Fact]
    public async Task Memberships_AsOfADateOrCurrent_HoldOneStatusPerPairAndNameConflicts()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StatusOverTimeTests.StoreAsync());

        Assert.Equal(["بيلاروسيا OBSERVER", "روسيا MEMBER"], await ScoMatrixColumnAsync(host, "2016-01-01"));
        Assert.Equal(["بيلاروسيا DIALOGUE_PARTNER conflicts MEMBER", "بيلاروسيا MEMBER conflicts DIALOGUE_PARTNER", "روسيا MEMBER"], await ScoMatrixColumnAsync(host, "2025-01-01"));
        Assert.Equal(await ScoMatrixColumnAsync(host, "2025-01-01"), await ScoMatrixColumnAsync(host, asOf: null));
    }

    [Fact]
    public async Task MembershipHistory_OfAPair_ListsEveryAssertedStatusByDate()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await StatusOverTimeTests.StoreAsync());
        JsonNode ids = await host.QueryAsync("""{ state(iso: "BY") { id } organization(name: "شنغهاي") { id } }""");

        JsonNode data = await host.QueryAsync(Operations()["MEMBERSHIP_HISTORY"], new Dictionary<string, string?>
        {
            ["state"] = (string)ids["state"]!["id"]!,
            ["organization"] = (string)ids["organization"]!["id"]!,
        });

        Assert.Equal(
            ["OBSERVER 2015-07-10 False", "MEMBER 2024-07-04 True", "DIALOGUE_PARTNER 2024-07-04 True"],
            data["memberships"]!["nodes"]![0]!["history"]!.AsArray().Select(h => $"{h!["status"]} {h["date"]} {((bool)h["conflict"]! ? "True" : "False")}"));
    }

    /// <summary>The SCO's cells as the page draws them: with a date everything returned, without one the current memberships.</summary>
    private static async Task<List<string>> ScoMatrixColumnAsync(ApiHost host, string? asOf)
    {
        JsonNode data = await host.QueryAsync(Operations()["MEMBERSHIPS"], new Dictionary<string, string?> { ["after"] = null, ["asOf"] = asOf });
        return [.. data["memberships"]!["nodes"]!.AsArray()
            .Where(m => (string)m!["organization"]!["name"]! == "منظمة شنغهاي للتعاون" && (asOf is not null || (bool)m["current"]!))
            .Select(m => $"{m!["state"]!["name"]} {m["status"]}" + string.Concat(m["conflictsWith"]!.AsArray().Select(c => $" conflicts {c!["status"]}")))
            .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Totals_WithARange_CountsOnlyItsArticles()
    {
        JsonNode all = await server.Host.QueryAsync(Operations()["TOTALS"], new Dictionary<string, string?>());
        JsonNode june = await server.Host.QueryAsync(Operations()["TOTALS"], s_june2015);
        // The sample graph's three articles: two of 2015 (one in June) and the SCO accession of 2017.
        Assert.Equal(3, all["articlesInRange"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(1, june["articlesInRange"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public void Readme_DashboardSection_ShowsEveryOperationAsSent()
    {
        string readme = File.ReadAllText(RepositoryPaths.ApiReadme).ReplaceLineEndings("\n");
        int section = readme.IndexOf("\n## Dashboard\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "the API README has no Dashboard section");
        string dashboard = readme[section..readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal)];
        foreach ((string name, string query) in Operations())
        {
            Assert.True(dashboard.Contains($"`{name}`\n```graphql\n{query}\n```", StringComparison.Ordinal), $"the README's Dashboard section does not show {name} as queries.mjs sends it.");
        }
    }

    /// <summary>Each <c>export const NAME = `…`;</c> of queries.mjs.</summary>
    private static Dictionary<string, string> Operations() =>
        ExportedTemplate().Matches(File.ReadAllText(s_queriesFile).ReplaceLineEndings("\n"))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["text"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"export const (?<name>\w+) = `(?<text>[^`]*)`;")]
    private static partial Regex ExportedTemplate();
}
