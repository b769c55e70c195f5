using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// The followers' bookkeeping: a source's state reads back as saved (and saving again replaces it,
/// cleared values included), items marked seen are found with their latest hash and counted per
/// source, and none of it shows in the graph's reads.
/// </summary>
public abstract class SourceStateContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    private static readonly DateTimeOffset s_noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task SaveSourceState_ThenRead_GivesTheStateBackInIdOrder()
    {
        IGraphStore store = await EmptyStoreAsync();
        var feed = new SourceState("feed:http://example.test/rss", FollowedSourceKind.Feed, "http://example.test/rss")
        {
            ETag = "\"v1\"",
            LastModified = "Sun, 06 Dec 2026 12:00:00 GMT",
            LastSuccess = s_noon,
            LastFailure = s_noon.AddMinutes(-5),
            LastError = "HTTP 500 (Internal Server Error)",
            ConsecutiveFailures = 2,
            NextAttempt = s_noon.AddSeconds(30),
        };
        var folder = new SourceState("folder:/srv/drop", FollowedSourceKind.Folder, "/srv/drop") { LastSuccess = s_noon };

        await store.SaveSourceStateAsync(folder, None);
        await store.SaveSourceStateAsync(feed, None);

        Assert.Equal([feed, folder], await store.GetSourceStatesAsync(None));
    }

    [SkippableFact]
    public async Task SaveSourceState_Again_ReplacesEveryValueAndClearsTheError()
    {
        IGraphStore store = await EmptyStoreAsync();
        var failing = new SourceState("feed:http://example.test/atom", FollowedSourceKind.Feed, "http://example.test/atom")
        {
            LastFailure = s_noon,
            LastError = "connection refused",
            ConsecutiveFailures = 3,
            NextAttempt = s_noon.AddMinutes(4),
        };
        await store.SaveSourceStateAsync(failing, None);

        SourceState recovered = failing with { LastError = null, ConsecutiveFailures = 0, NextAttempt = null, LastSuccess = s_noon.AddMinutes(5), ETag = "W/\"2\"" };
        await store.SaveSourceStateAsync(recovered, None);

        Assert.Equal([recovered], await store.GetSourceStatesAsync(None));
    }

    [SkippableFact]
    public async Task MarkItemsSeen_ThenAsk_FindsOnlyThatSourcesItemsWithTheirLatestHash()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.MarkItemsSeenAsync("feed:a", [new SeenItem("urn:item:1", "h1"), new SeenItem("urn:item:2", "h2")], None);
        await store.MarkItemsSeenAsync("feed:b", [new SeenItem("urn:item:3", "h3")], None);
        await store.MarkItemsSeenAsync("feed:a", [new SeenItem("urn:item:2", "h2-changed")], None);

        IReadOnlyDictionary<string, string> seen = await store.GetSeenItemsAsync("feed:a", ["urn:item:1", "urn:item:2", "urn:item:3", "urn:item:4"], None);

        Assert.Equal(
            [("urn:item:1", "h1"), ("urn:item:2", "h2-changed")],
            seen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        Assert.Empty(await store.GetSeenItemsAsync("feed:a", [], None));
    }

    [SkippableFact]
    public async Task GetSourceStates_CountsTheItemsSeenPerSource()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.SaveSourceStateAsync(new SourceState("feed:a", FollowedSourceKind.Feed, "a"), None);
        await store.SaveSourceStateAsync(new SourceState("feed:b", FollowedSourceKind.Feed, "b"), None);
        await store.MarkItemsSeenAsync("feed:a", [new SeenItem("1", "x"), new SeenItem("2", "y")], None);
        await store.MarkItemsSeenAsync("feed:a", [new SeenItem("2", "z")], None);

        IReadOnlyList<SourceState> states = await store.GetSourceStatesAsync(None);

        Assert.Equal([("feed:a", 2L), ("feed:b", 0L)], states.Select(s => (s.Id, s.ItemsSeen)));
    }

    [SkippableFact]
    public async Task SourceState_IsNotPartOfTheGraph_StatsAndExportIgnoreIt()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.SaveSourceStateAsync(new SourceState("folder:/in", FollowedSourceKind.Folder, "/in"), None);
        await store.MarkItemsSeenAsync("folder:/in", [new SeenItem("/in/a.txt", "h")], None);

        GraphStats stats = await store.GetStatsAsync(None);
        Page<Core.Graph.ArticleGraph> exported = await store.ExportArticlesAsync(new PageRequest(First: 10), None);

        Assert.Equal(0, stats.Articles);
        Assert.All(stats.Entities, e => Assert.Equal(0L, e.Count));
        Assert.Empty(exported.Items);
    }
}
