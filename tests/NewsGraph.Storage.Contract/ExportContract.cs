using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Export for copying: stored articles come back as the graphs that produce the stored graph, in
/// article-key order with forward cursor pages. Upserting them into an empty store gives the same
/// reads (ingestion times aside). A server-backed factory may reuse one database, so a test reads
/// everything it needs from one store before it asks for the next.
/// </summary>
public abstract class ExportContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    [SkippableFact]
    public async Task ExportArticles_AllPagesIntoAnEmptyStore_GiveIdenticalReads()
    {
        IGraphStore source = await SeededStoreAsync();
        string expected = await SnapshotAsync(source, includeArticles: false);
        string expectedArticles = Json(WithoutIngestTime(await ArticlesAsync(source, new ArticleQuery())));
        List<ArticleGraph> exported = await ExportAllAsync(source, pageSize: 3);

        IGraphStore target = await EmptyStoreAsync();
        foreach (ArticleGraph[] chunk in exported.Chunk(2))
        {
            await target.UpsertAsync(chunk, None);
        }

        Assert.Equal(expected, await SnapshotAsync(target, includeArticles: false));
        Assert.Equal(expectedArticles, Json(WithoutIngestTime(await ArticlesAsync(target, new ArticleQuery()))));
        Assert.Equal(expected, await SnapshotAsync(target, includeArticles: false));
    }

    [SkippableFact]
    public async Task ExportArticles_Pages_AreInKeyOrderDisjointAndFlagged()
    {
        IGraphStore store = await SeededStoreAsync();

        Page<ArticleGraph> first = await store.ExportArticlesAsync(new PageRequest(First: 4, IncludeTotal: true), None);
        Page<ArticleGraph> second = await store.ExportArticlesAsync(new PageRequest(First: 4, After: first.EndCursor), None);

        Assert.Equal([A1, A2, A3, A4], first.Items.Select(i => i.Node.Article.Key));
        Assert.Equal((true, false, 7L), (first.HasNextPage, first.HasPreviousPage, first.TotalCount));
        Assert.Equal([A5, A6, A7], second.Items.Select(i => i.Node.Article.Key));
        Assert.Equal((false, true, (long?)null), (second.HasNextPage, second.HasPreviousPage, second.TotalCount));
    }

    [SkippableFact]
    public async Task ExportArticles_OneArticle_GivesItsOwnContributionBack()
    {
        IGraphStore store = await SeededStoreAsync();

        ArticleGraph a2 = (await store.ExportArticlesAsync(new PageRequest(First: 1, After: Cursor.Encode(A1, A1)), None)).Items.Single().Node;

        Assert.Equal(Article2.Article, a2.Article);
        Assert.Equal(
            Article2.Entities.OrderBy(e => e.Key, StringComparer.Ordinal),
            a2.Entities,
            new JsonEquality<ExtractedEntity>());
        Assert.Equal(
            Article2.Relations.OrderBy(r => r.SentenceIndex),
            a2.Relations,
            new JsonEquality<ExtractedRelation>());
    }

    [SkippableFact]
    public async Task ExportArticles_AfterAChangedExtraction_GivesTheNewContribution()
    {
        IGraphStore store = await SeededStoreAsync();
        ArticleGraph changed = Article7 with { Entities = [Person("أناتولي أنطونوف", 4, ["أنطونوف", "السفير"], ["السفير الروسي"])] };
        await store.UpsertAsync([changed], None);

        Page<ArticleGraph> page = await store.ExportArticlesAsync(new PageRequest(First: 10, After: Cursor.Encode(A6, A6)), None);

        ArticleGraph a7 = Assert.Single(page.Items).Node;
        Assert.Equal(changed.Entities, a7.Entities, new JsonEquality<ExtractedEntity>());
        Assert.Empty(a7.Relations);
    }

    [SkippableFact]
    public async Task ExportArticles_EmptyStoreOrBackwardRequest_IsEmptyOrRejected()
    {
        IGraphStore store = await EmptyStoreAsync();

        Page<ArticleGraph> page = await store.ExportArticlesAsync(new PageRequest(First: 5, IncludeTotal: true), None);

        Assert.Equal((0, false, false, 0L), (page.Items.Count, page.HasNextPage, page.HasPreviousPage, page.TotalCount));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExportArticlesAsync(new PageRequest(Last: 2), None));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ExportArticlesAsync(new PageRequest(First: 2, After: "%%%"), None));
    }

    /// <summary>Every exported article, page by page.</summary>
    protected static async Task<List<ArticleGraph>> ExportAllAsync(IGraphReader store, int pageSize)
    {
        var all = new List<ArticleGraph>();
        string? after = null;
        while (true)
        {
            Page<ArticleGraph> page = await store.ExportArticlesAsync(new PageRequest(First: pageSize, After: after), None);
            all.AddRange(page.Items.Select(i => i.Node));
            if (!page.HasNextPage)
            {
                return all;
            }

            after = page.EndCursor;
        }
    }

    private static List<ArticleRecord> WithoutIngestTime(Page<ArticleRecord> page) =>
        [.. page.Items.Select(i => i.Node with { IngestedAt = DateTimeOffset.UnixEpoch })];
}
