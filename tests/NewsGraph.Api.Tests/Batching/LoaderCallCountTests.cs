using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Tests.Batching;

/// <summary>Nested fields cost one store call per level, whatever the fan-out.</summary>
public sealed class LoaderCallCountTests
{
    [Fact]
    public async Task People_MeetingsAndParticipants_CostOneStoreCallPerLevel()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await RingAsync(20));

        JsonNode data = await host.QueryAsync("""
            { people(first: 20) { nodes { name meetings(first: 10) { totalCount nodes { date participants { name } place { name } } } } } }
            """);

        JsonArray people = data["people"]!["nodes"]!.AsArray();
        Assert.Equal(20, people.Count);
        Assert.All(people, p => Assert.Equal(2, p!["meetings"]!["nodes"]!.AsArray().Count));
        Assert.All(people, p => Assert.Equal(2, p!["meetings"]!["nodes"]![0]!["participants"]!.AsArray().Count));
        Assert.Equal(["FindEntitiesAsync", "FindRelationsForAsync", "GetEntitiesAsync"], host.Reader.Calls);
    }

    [Fact]
    public async Task People_MeetingsFilteredByConfidence_CostOneStoreCallPerLevel()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await RingAsync(20));

        JsonNode data = await host.QueryAsync("""
            { people(first: 20) { nodes { meetings(first: 10, where: { confidence: { gte: 0.5 } }) { totalCount nodes { confidence participants { name } } } } } }
            """);

        // The ring's meetings were scored 0.4 and 0.6 in turn: one of each person's two passes.
        Assert.All(data["people"]!["nodes"]!.AsArray(), p => Assert.Equal(1, p!["meetings"]!["totalCount"]!.GetValue<int>()));
        Assert.Equal(["FindEntitiesAsync", "FindRelationsForAsync", "GetEntitiesAsync"], host.Reader.Calls);
    }

    [Fact]
    public async Task People_FourLevelsDeep_CostFourStoreCalls()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await RingAsync(20));

        await host.QueryAsync("""
            { people(first: 20) { nodes { meetings(first: 10) { nodes { participants { name statements(first: 5) { nodes { text } } } } } } } }
            """);

        Assert.True(host.Reader.Count <= 4, string.Join(", ", host.Reader.Calls));
    }

    [Fact]
    public async Task Neighborhood_DepthThree_CostsOneCallPerLevelPlusNodes()
    {
        await using ApiHost host = await ApiHost.StartAsync(store: await RingAsync(20));
        string id = NewsGraph.Api.Graph.Common.GlobalId.Encode("Person", GraphKeys.Person("p00"));

        JsonNode data = await host.QueryAsync("query($id: ID!) { neighborhood(id: $id, depth: 3, first: 100) { nodes { name } edges { type } } }", new { id });

        Assert.Equal(7, data["neighborhood"]!["nodes"]!.AsArray().Count);
        Assert.Equal(["FindRelationsForAsync", "FindRelationsForAsync", "FindRelationsForAsync", "GetEntitiesAsync"], host.Reader.Calls);
    }

    [Fact]
    public async Task Neighborhood_EdgesAskedNoRelation_ReadsNoProvenance_AndAnswersTheSame()
    {
        var recording = new RecordingStore(await RingAsync(20));
        await using ApiHost host = await ApiHost.StartAsync(store: recording);
        string id = NewsGraph.Api.Graph.Common.GlobalId.Encode("Person", GraphKeys.Person("p00"));

        JsonNode plain = await host.QueryAsync("query($id: ID!) { neighborhood(id: $id, depth: 2) { truncated nodes { id } edges { id type from to } } }", new { id });
        JsonNode withRelation = await host.QueryAsync(
            "query($id: ID!) { neighborhood(id: $id, depth: 2) { truncated nodes { id } edges { id type from to relation { evidence } } } }", new { id });
        await host.QueryAsync("query($id: ID!) { neighborhood(id: $id) { edges { ...E } } } fragment E on GraphEdge { type }", new { id });

        // Two levels without provenance, two with it (the relation's evidence), one with it (a fragment might ask).
        Assert.Equal([true, true, false, false, false], recording.WithoutProvenance);
        Assert.All(withRelation["neighborhood"]!["edges"]!.AsArray(), e => Assert.Single(e!["relation"]!["evidence"]!.AsArray()));
        foreach (JsonNode? edge in withRelation["neighborhood"]!["edges"]!.AsArray())
        {
            edge!.AsObject().Remove("relation");
        }

        Assert.Equal(plain.ToJsonString(), withRelation.ToJsonString());
    }

    [Fact]
    public async Task Connection_TotalCountNotSelected_IsNotRequested()
    {
        var counting = new RecordingStore(await RingAsync(3));
        await using ApiHost host = await ApiHost.StartAsync(store: counting);

        await host.QueryAsync("{ people(first: 2) { nodes { name meetings(first: 1) { nodes { date } } } } }");
        await host.QueryAsync("{ people(first: 2) { totalCount nodes { meetings(first: 1) { totalCount } } } }");

        Assert.Equal([false, false, true, true], counting.IncludeTotals);
    }

    /// <summary>People p00…p(n-1) in a ring: each meets the next one, in Moscow; the meetings scored 0.6 and 0.4 in turn.</summary>
    internal static async Task<TempSqliteStore> RingAsync(int n)
    {
        string place = GraphKeys.Place("موسكو");
        var entities = new List<ExtractedEntity> { new(place, NodeKind.Place, "موسكو", [], []) };
        var relations = new List<ExtractedRelation>();
        for (int i = 0; i < n; i++)
        {
            entities.Add(new ExtractedEntity(GraphKeys.Person($"p{i:00}"), NodeKind.Person, $"p{i:00}", [], []));
            relations.Add(new ExtractedRelation(
                RelationType.Met, GraphKeys.Person($"p{i:00}"), GraphKeys.Person($"p{(i + 1) % n:00}"), $"p{i:00} met p{(i + 1) % n:00}", i, new DateOnly(2015, 1, 1).AddDays(i), place,
                Confidence: i % 2 == 0 ? 0.6 : 0.4));
        }

        var article = new ArticleInfo("https://example.org/ring", "ring", "ring", "https://example.org/ring", "test", null, new DateOnly(2015, 1, 1));
        return await TempSqliteStore.CreateAsync([new ArticleGraph(article, entities, relations)]);
    }

    /// <summary>Records whether each paged read asked for a total count, and each grouped relation read for no provenance.</summary>
    private sealed class RecordingStore(TempSqliteStore inner) : DelegatingStore(inner)
    {
        public List<bool> IncludeTotals { get; } = [];

        public List<bool> WithoutProvenance { get; } = [];

        public override Task<Page<EntityRecord>> FindEntitiesAsync(EntityQuery query, PageRequest page, CancellationToken cancellationToken)
        {
            IncludeTotals.Add(page.IncludeTotal);
            return base.FindEntitiesAsync(query, page, cancellationToken);
        }

        public override Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FindRelationsForAsync(IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, PageRequest page, CancellationToken cancellationToken)
        {
            IncludeTotals.Add(page.IncludeTotal);
            WithoutProvenance.Add(query.WithoutProvenance);
            return base.FindRelationsForAsync(keys, grouping, query, page, cancellationToken);
        }
    }
}
