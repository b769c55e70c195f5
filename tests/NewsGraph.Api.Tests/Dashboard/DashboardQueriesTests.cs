using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsGraph.Api.Tests.Queries;

namespace NewsGraph.Api.Tests.Dashboard;

/// <summary>
/// The operations the dashboard sends (<c>Dashboard/wwwroot/queries.mjs</c>) are the API README's worked
/// example: each one runs against the sample graph without errors, with and without a range, and the
/// README's Dashboard section shows each one as the page sends it.
/// </summary>
public sealed partial class DashboardQueriesTests(SampleServer server) : IClassFixture<SampleServer>
{
    private static readonly string s_queriesFile = Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Api", "Dashboard", "wwwroot", "queries.mjs");

    /// <summary>The sample graph's first article is of 24 June 2015; its second of 1 July.</summary>
    private static readonly Dictionary<string, string?> s_june2015 = new() { ["from"] = "2015-06-01", ["to"] = "2015-06-30" };

    public static TheoryData<string> QueryNames() => [.. Operations().Keys.Where(name => !Operations()[name].StartsWith("subscription", StringComparison.Ordinal))];

    [Fact]
    public void QueriesFile_HasEveryDashboardOperation()
    {
        Assert.Equal(["ARTICLE_INGESTED", "MEMBERSHIPS", "PEOPLE", "STATEMENTS", "TIMELINE", "TIMELINE_IN_RANGE", "TOTALS"], Operations().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(QueryNames))]
    public async Task DashboardQuery_OverTheSampleGraph_AnswersWithoutErrorsWithAndWithoutARange(string name)
    {
        string query = Operations()[name];
        JsonNode all = await server.Host.QueryAsync(query, new Dictionary<string, string?> { ["from"] = null, ["to"] = null, ["after"] = null });
        Assert.NotEmpty(all.AsObject());
        if (query.Contains("$from", StringComparison.Ordinal))
        {
            await server.Host.QueryAsync(query, s_june2015);
        }
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
