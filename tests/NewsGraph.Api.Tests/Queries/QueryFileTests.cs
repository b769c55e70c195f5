using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace NewsGraph.Api.Tests.Queries;

/// <summary>
/// The README's example queries are the <c>.graphql</c> files beside this class: each runs over real
/// HTTP against the sample graph and its result is snapshotted. A <c>NAME.variables.json</c> file
/// gives variables; a value <c>"@Type key"</c> becomes that node's global id.
/// </summary>
public sealed class QueryFileTests : IClassFixture<SampleServer>
{
    private readonly SampleServer _server;

    public QueryFileTests(SampleServer server) => _server = server;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Queries"), "*.graphql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task QueryFile_RunOverHttp_MatchesSnapshot(string name)
    {
        string query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Queries", name + ".graphql"));
        string variablesPath = Path.Combine(AppContext.BaseDirectory, "Queries", name + ".variables.json");
        Dictionary<string, string>? variables = File.Exists(variablesPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(variablesPath))!.ToDictionary(p => p.Key, p => ResolveId(p.Value))
            : null;

        (HttpStatusCode status, JsonNode? body) = await _server.Host.PostAsync(query, variables);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["errors"]);
        Snapshot.Match(JToken.Parse(body.ToJsonString()), SnapshotNameExtension.Create(name));
    }

    [Fact]
    public void Readme_QueriesSection_ShowsEveryQueryFile()
    {
        string readme = File.ReadAllText(RepositoryPaths.ApiReadme).ReplaceLineEndings("\n");
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "NewsGraph.Api.Tests", "Queries"), "*.graphql"))
        {
            string query = File.ReadAllText(file).ReplaceLineEndings("\n").Trim();
            Assert.True(readme.Contains(query, StringComparison.Ordinal), $"README of NewsGraph.Api does not show {Path.GetFileName(file)} verbatim.");
        }
    }

    private static string ResolveId(string value)
    {
        if (!value.StartsWith('@'))
        {
            return value;
        }

        string[] parts = value[1..].Split(' ', 2);
        return GlobalId.Encode(parts[0], parts[1]);
    }
}

/// <summary>One server over the sample graph, shared by a test class.</summary>
public sealed class SampleServer : IAsyncLifetime
{
    public ApiHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
