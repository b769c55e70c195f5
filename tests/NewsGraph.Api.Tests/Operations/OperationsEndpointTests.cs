using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Operations;

/// <summary>
/// <c>/metrics</c> and <c>/health</c> on a running host. Counters are compared before and after the
/// work as "moved by at least": hosts of other tests in this process may record too, never less.
/// The class runs alone (<see cref="MetricsCollection"/>): OpenTelemetry merges the same-named meters
/// of every host in the process into one stream, and a host of another test disposing its meter
/// mid-scrape could drop this host's measurements (seen once in a full run).
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class OperationsEndpointTests
{
    private const string Article = "عمان-سانا\nاستقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الياباني يوشيماسا هاياشي.";
    private const string IngestMutation = "mutation($input: [ArticleInput!]!) { ingestArticles(input: $input) { succeeded failed } }";

    [Fact]
    public async Task Metrics_AfterIngestsAndGraphQLRequests_CountersMoveByOutcomeReasonAndCode()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await TempSqliteStore.CreateAsync());
        string before = await ScrapeAsync(host);

        object input = new[] { new { text = Article, url = "https://example.test/metrics-1" }, new { text = " ", url = "https://example.test/metrics-blank" } };
        (HttpStatusCode first, JsonNode? firstBody) = await host.PostAsync(IngestMutation, new { input }, apiKey: ApiHost.ApiKey);
        (HttpStatusCode again, _) = await host.PostAsync(IngestMutation, new { input }, apiKey: ApiHost.ApiKey);
        (HttpStatusCode invalid, _) = await host.PostAsync("{ noSuchField }");
        string after = await ScrapeAsync(host);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(1, firstBody?["data"]?["ingestArticles"]?["failed"]?.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        AssertMoved(before, after, "newsgraph_ingest_articles_total", "write=\"new\"", 1);
        AssertMoved(before, after, "newsgraph_ingest_articles_total", "write=\"unchanged\"", 1);
        AssertMoved(before, after, "newsgraph_ingest_failures_total", "reason=\"rejected\"", 2);
        AssertMoved(before, after, "newsgraph_ingest_extraction_duration_seconds_count", null, 4);
        AssertMoved(before, after, "newsgraph_ingest_write_duration_seconds_count", null, 2);
        AssertMoved(before, after, "newsgraph_graphql_request_duration_seconds_count", "status=\"200\"", 2);
        AssertMoved(before, after, "newsgraph_graphql_request_duration_seconds_count", "status=\"400\"", 1);
        AssertMoved(before, after, "newsgraph_graphql_errors_total", "code=\"GRAPHQL_VALIDATION_FAILED\"", 1);
        Assert.Contains("# TYPE newsgraph_ingest_queue_depth gauge", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_SqliteFileTakenAwayAndBroughtBack_ReadinessFollowsItAndLivenessStaysUp()
    {
        await using TempSqliteStore store = await TempSqliteStore.CreateAsync();
        await using ApiHost host = await ApiHost.StartAsync(store: store);
        string moved = store.DatabasePath + ".away";

        (HttpStatusCode readyBefore, string _) = await GetAsync(host, "/health/ready");
        File.Move(store.DatabasePath, moved);
        (HttpStatusCode readyWhileGone, string goneBody) = await GetAsync(host, "/health/ready");
        (HttpStatusCode liveWhileGone, string _) = await GetAsync(host, "/health/live");
        (HttpStatusCode healthWhileGone, string _) = await GetAsync(host, "/health");
        File.Move(moved, store.DatabasePath);
        (HttpStatusCode readyAfter, string afterBody) = await GetAsync(host, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, readyBefore);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileGone);
        JsonNode gone = JsonNode.Parse(goneBody)!;
        Assert.Equal("Unhealthy", gone["checks"]?["store"]?["status"]?.GetValue<string>());
        Assert.Contains("unable to open database file", gone["checks"]?["store"]?["description"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liveWhileGone);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthWhileGone);
        Assert.Equal(HttpStatusCode.OK, readyAfter);
        Assert.Equal("Healthy", JsonNode.Parse(afterBody)?["status"]?.GetValue<string>());
    }

    private static async Task<string> ScrapeAsync(ApiHost host)
    {
        (HttpStatusCode status, string body) = await GetAsync(host, "/metrics");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(ApiHost host, string path)
    {
        using HttpResponseMessage response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertMoved(string before, string after, string metric, string? label, double atLeast)
    {
        double moved = Sum(after, metric, label) - Sum(before, metric, label);
        Assert.True(moved >= atLeast, $"{metric}{{{label}}} moved by {moved}, expected at least {atLeast}");
    }

    /// <summary>The sum of a metric's samples in Prometheus text format, over the series carrying <paramref name="label"/>.</summary>
    private static double Sum(string scrape, string metric, string? label) => scrape
        .Split('\n')
        .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
        .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}

/// <summary>Tests that read process-wide meters: run after the parallel tests, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "process-wide metrics";
}
