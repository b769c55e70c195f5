using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using NewsGraph.Storage.Contract;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>
/// <see cref="Neo4jReprintBackfill"/> on the test server: a graph as builds before reprint linking (no
/// fingerprints, links or band nodes) and before reprint counting (no <c>originalCount</c>) left it is
/// brought up to what writing it now gives, by <see cref="Neo4jGraphStore.InitializeAsync"/>, and a
/// second initialization changes nothing.
/// </summary>
public sealed class Neo4jReprintBackfillTests : IAsyncLifetime
{
    private const string Original = "https://example.test/spa/energy-program";

    private const string Copy = "https://example.test/hayat/energy-program";

    private const string Other = "https://example.test/spa/energy-exhibition";

    private static readonly CancellationToken s_none = CancellationToken.None;

    private static readonly string Minister = GraphKeys.Person("وزير الطاقة");

    private static readonly string Ambassador = GraphKeys.Person("سفير ألمانيا");

    private readonly Neo4jStoreFactory _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [SkippableFact]
    public async Task InitializeAsync_GraphStoredBeforeReprints_LinksAndCountsItAsWrittenNow_AndAgainChangesNothing()
    {
        Neo4jGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([Story(Original, ReprintStory.OriginalText, 2, 1)], s_none);
        await store.UpsertAsync([Story(Copy, ReprintStory.FirstCopyText, 3, 2), Story(Other, ReprintStory.OtherStoryText, 1, 3)], s_none);
        string written = await AggregatesAsync(store);
        await ForgetReprintsAsync(store, [Original, Copy, Other]);
        Assert.Equal(0, (await store.GetStatsAsync(s_none)).Reprints);
        Assert.Empty(await store.GetTopEntitiesAsync(null, EntityRanking.Meetings, 10, null, null, DateBasis.Published, s_none));

        await store.InitializeAsync(s_none);
        string backfilled = await AggregatesAsync(store);
        long bands = await CountAsync(store, "MATCH (b:ArticleBand) RETURN count(b) AS n");
        await store.InitializeAsync(s_none);

        Assert.Equal(written, backfilled);
        Assert.Equal(1, (await store.GetStatsAsync(s_none)).Reprints);
        Assert.Equal(2L * TextFingerprint.Bands, bands); // the two originals': only originals are linked to
        Assert.Equal(backfilled, await AggregatesAsync(store));
        Assert.Equal(bands, await CountAsync(store, "MATCH (b:ArticleBand) RETURN count(b) AS n"));
        Assert.Equal(0L, await CountAsync(store, "MATCH ()-[r]->() WHERE exists(r.articles) AND NOT exists(r.originalCount) RETURN count(r) AS n"));
    }

    [SkippableFact]
    public async Task InitializeAsync_ReprintsStoredBeforeTheReprintLabel_AreLabelledAndCounted_AndAStaleLabelGoes()
    {
        Neo4jGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([Story(Original, ReprintStory.OriginalText, 2, 1)], s_none);
        await store.UpsertAsync([Story(Copy, ReprintStory.FirstCopyText, 3, 2), Story(Other, ReprintStory.OtherStoryText, 1, 3)], s_none);
        Assert.Equal(1, (await store.GetStatsAsync(s_none)).Reprints);

        // What a build before the label left: the link without the label; and a label without a link.
        await store.Transport.RunAsync(
            [
                new CypherStatement("MATCH (a:Reprint) REMOVE a:Reprint"),
                new CypherStatement("MATCH (a:Article {key: $key}) SET a:Reprint", new Dictionary<string, object?> { ["key"] = Other }),
            ],
            Neo4jAccessMode.Write,
            s_none);
        Assert.Equal(1, (await store.GetStatsAsync(s_none)).Reprints);
        Assert.Equal(0L, await CountAsync(store, $"MATCH (a:Reprint {{key: '{Copy}'}}) RETURN count(a) AS n"));

        await store.InitializeAsync(s_none);

        Assert.Equal(1, (await store.GetStatsAsync(s_none)).Reprints);
        Assert.Equal(1L, await CountAsync(store, $"MATCH (a:Reprint {{key: '{Copy}'}}) RETURN count(a) AS n"));

        // Removing the original hands its copy on: an original again, without the label.
        await store.RemoveArticlesAsync([Original], s_none);
        Assert.Equal(0, (await store.GetStatsAsync(s_none)).Reprints);
        Assert.Equal(0L, await CountAsync(store, "MATCH (a:Reprint) RETURN count(a) AS n"));
    }

    [SkippableFact]
    public async Task InitializeAsync_OlderCopyOfALinkedStory_IsLinkedToItAsIfItArrivedNow()
    {
        // The original also reports the meeting by its own day (5 March): a relation only it asserts.
        Neo4jGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([Story(Original, ReprintStory.OriginalText, 2, 5)], s_none);
        await store.UpsertAsync([Story(Copy, ReprintStory.FirstCopyText, 3, 2)], s_none);

        // The original stored before linking existed, the copy after it (linked to nothing, its original having no bands).
        await ForgetReprintsAsync(store, [Original]);
        await store.Transport.RunAsync([new CypherStatement("MATCH (a:Article) REMOVE a.reprintOf")], Neo4jAccessMode.Write, s_none);

        // Builds before only originals had band nodes gave the copy, linked to nothing, its bands.
        string[] copyBands = [.. TextFingerprint.Of(ReprintStory.FirstCopyText)!.BandKeys().Distinct(StringComparer.Ordinal)];
        await store.Transport.RunAsync(
            [new CypherStatement("UNWIND $bands AS band CREATE (:ArticleBand {band: band, article: $key, name: band})", new Dictionary<string, object?> { ["bands"] = copyBands, ["key"] = Copy })],
            Neo4jAccessMode.Write,
            s_none);
        await store.Transport.RunAsync([new CypherStatement("MATCH ()-[r]->() WHERE exists(r.articles) SET r.originalCount = size(r.articles)")], Neo4jAccessMode.Write, s_none);

        await store.InitializeAsync(s_none);

        Assert.Equal([new ReprintLink(Original, Copy)], await store.GetReprintLinksAsync([Copy], s_none));
        Assert.Equal(
            [new RankedEntity(Minister, 3), new RankedEntity(Ambassador, 1)],
            await store.GetTopEntitiesAsync(null, EntityRanking.Mentions, 10, null, null, DateBasis.Published, s_none));
        // The copy's two meetings; the one only the original (now a reprint) asserts no longer counts.
        Assert.Equal(2, (await store.GetTimelineAsync(RelationType.Met, TimeInterval.Month, null, null, s_none)).Sum(b => b.Count));
    }

    /// <summary>
    /// What the builds before reprint linking and counting stored: no fingerprint, link or band node for
    /// <paramref name="articles"/>, and no <c>originalCount</c>/<c>originalDates</c> on any relation.
    /// </summary>
    private static async Task ForgetReprintsAsync(Neo4jGraphStore store, string[] articles)
    {
        var keys = new Dictionary<string, object?> { ["keys"] = articles };
        await store.Transport.RunAsync(
            [
                new CypherStatement("UNWIND $keys AS k MATCH (a:Article {key: k}) REMOVE a.fingerprint, a.reprintOf, a:Reprint", keys),
                new CypherStatement("UNWIND $keys AS k MATCH (b:ArticleBand {article: k}) DELETE b", keys),
                new CypherStatement("MATCH ()-[r]->() REMOVE r.originalCount, r.originalDates"),
            ],
            Neo4jAccessMode.Write,
            s_none);
    }

    /// <summary>
    /// A copy of the story: the minister named <paramref name="ministerMentions"/> times meeting the
    /// ambassador, dated 1 March by every copy and by its own day (<paramref name="day"/> of March) too.
    /// </summary>
    private static ArticleGraph Story(string key, string text, int ministerMentions, int day)
    {
        DateOnly published = new(2026, 3, day);
        const string Evidence = "والتقى وزير الطاقة سفير ألمانيا.";
        return new ArticleGraph(
            new ArticleInfo(key, text, Url: key, Published: published),
            [new(Minister, NodeKind.Person, "وزير الطاقة", [], [], Mentions: ministerMentions), new(Ambassador, NodeKind.Person, "سفير ألمانيا", [], [])],
            [new(RelationType.Met, Minister, Ambassador, Evidence, 1, new DateOnly(2026, 3, 1)), new(RelationType.Met, Minister, Ambassador, Evidence, 4, published)]);
    }

    private static async Task<string> AggregatesAsync(Neo4jGraphStore store)
    {
        var parts = new List<object>
        {
            await store.GetStatsAsync(s_none),
            await store.GetReprintLinksAsync([Original, Copy, Other], s_none),
            await store.GetTimelineAsync(RelationType.Met, TimeInterval.Day, null, null, s_none),
            await store.GetTimelineAsync(null, TimeInterval.Day, null, null, s_none),
            await store.GetCoMentionedAsync(Minister, null, 10, s_none),
        };
        foreach (EntityRanking by in Enum.GetValues<EntityRanking>())
        {
            parts.Add(await store.GetTopEntitiesAsync(null, by, 10, null, null, DateBasis.Published, s_none));
            parts.Add(await store.GetTopEntitiesAsync(null, by, 10, new DateOnly(2026, 3, 2), null, DateBasis.Published, s_none));
        }

        return JsonSerializer.Serialize(parts);
    }

    private static async Task<long> CountAsync(Neo4jGraphStore store, string statement) =>
        (await store.Transport.RunAsync([new CypherStatement(statement)], Neo4jAccessMode.Read, s_none))[0].Rows[0][0].GetInt64();

    private async Task<Neo4jGraphStore> EmptyStoreAsync() => (Neo4jGraphStore)await _stores.CreateEmptyStoreAsync(s_none);
}
