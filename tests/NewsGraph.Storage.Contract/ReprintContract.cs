using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Contract;

/// <summary>
/// Reprints (<see cref="ReprintLinks"/>): a copy of a stored story is linked to it, another story on the
/// same subject is not, writing the same content again changes no link, and removing an original hands
/// its reprints to the earliest remaining one. The dispatches are written for these tests: one story,
/// two copies (each with its own headline and dateline and one sentence rewritten), and a second story
/// on the same subject sharing its vocabulary.
/// </summary>
public abstract class ReprintContract<TFactory> : GraphStoreContract<TFactory>
    where TFactory : IGraphStoreFactory, new()
{
    private const string Original = "https://example.test/spa/energy-program";

    private const string FirstCopy = "https://example.test/hayat/energy-program";

    private const string SecondCopy = "https://example.test/yawm/energy-program";

    private const string OtherStory = "https://example.test/spa/energy-exhibition";

    private static ArticleGraph OriginalArticle => Article(
        Original, "وزارة الطاقة تطلق برنامجا وطنيا للطاقة المتجددة", ReprintStory.OriginalText);

    private static ArticleGraph FirstCopyArticle => Article(
        FirstCopy,
        "ثلاث محطات كبرى للطاقة الشمسية والرياح",
        ReprintStory.FirstCopyText);

    private static ArticleGraph SecondCopyArticle => Article(
        SecondCopy,
        "برنامج الطاقة المتجددة يوفر آلاف الوظائف",
        ReprintStory.SecondCopyText);

    private static ArticleGraph OtherStoryArticle => Article(OtherStory, "افتتاح معرض دولي للطاقة المتجددة", ReprintStory.OtherStoryText);

    private static string[] AllKeys => [Original, FirstCopy, SecondCopy, OtherStory];

    [SkippableFact]
    public async Task Upsert_CopyOfAStoredStory_IsLinkedToItAndAnotherStoryIsNot()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);

        await store.UpsertAsync([FirstCopyArticle, OtherStoryArticle], None);

        Assert.Equal([new ReprintLink(FirstCopy, Original)], await store.GetReprintLinksAsync([Original], None));
        Assert.Equal([new ReprintLink(FirstCopy, Original)], await store.GetReprintLinksAsync([FirstCopy], None));
        Assert.Empty(await store.GetReprintLinksAsync([OtherStory], None));
    }

    [SkippableFact]
    public async Task Upsert_CopiesInOneBatch_AreLinkedToTheFirstInBatchOrder()
    {
        IGraphStore store = await EmptyStoreAsync();

        await store.UpsertAsync([OriginalArticle, OtherStoryArticle, FirstCopyArticle, SecondCopyArticle], None);

        Assert.Equal(
            [new ReprintLink(FirstCopy, Original), new ReprintLink(SecondCopy, Original)],
            await store.GetReprintLinksAsync(AllKeys, None));
    }

    [SkippableFact]
    public async Task Upsert_SameContentAgain_ChangesNoLink()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([FirstCopyArticle, OtherStoryArticle], None);
        await store.UpsertAsync([SecondCopyArticle], None);
        IReadOnlyList<ReprintLink> before = await store.GetReprintLinksAsync(AllKeys, None);

        UpsertResult again = await store.UpsertAsync([SecondCopyArticle, OtherStoryArticle, OriginalArticle, FirstCopyArticle], None);

        // The original once more with a different extraction: its text, and so its fingerprint, is the same.
        ArticleGraph reExtracted = OriginalArticle with { Entities = [new ExtractedEntity(GraphKeys.Person("وزير الطاقة"), NodeKind.Person, "وزير الطاقة", [], [])] };
        UpsertResult replaced = await store.UpsertAsync([reExtracted], None);

        Assert.Equal((0, 4), (again.ArticlesWritten, again.ArticlesUnchanged));
        Assert.Equal(1, replaced.ArticlesWritten);
        Assert.Equal(
            [new ReprintLink(FirstCopy, Original), new ReprintLink(SecondCopy, Original)],
            before);
        Assert.Equal(before, await store.GetReprintLinksAsync(AllKeys, None));
    }

    [SkippableFact]
    public async Task Remove_Original_HandsItsReprintsToTheEarliestRemainingOne()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([FirstCopyArticle, OtherStoryArticle], None);
        await store.UpsertAsync([SecondCopyArticle], None);

        await store.RemoveArticlesAsync([Original], None);

        Assert.Equal([new ReprintLink(SecondCopy, FirstCopy)], await store.GetReprintLinksAsync(AllKeys, None));
        Assert.Equal([new ReprintLink(SecondCopy, FirstCopy)], await store.GetReprintLinksAsync([SecondCopy], None));
    }

    [SkippableFact]
    public async Task Remove_OriginalWithItsEarliestReprint_LeavesTheNextOneTheOriginal()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([FirstCopyArticle], None);
        await store.UpsertAsync([SecondCopyArticle], None);

        await store.RemoveArticlesAsync([Original, FirstCopy], None);
        await store.UpsertAsync([OriginalArticle], None);

        // The second copy is now the original the story's first text comes back to.
        Assert.Equal([new ReprintLink(Original, SecondCopy)], await store.GetReprintLinksAsync(AllKeys, None));
    }

    [SkippableFact]
    public async Task Upsert_OriginalRewrittenAsAnotherStory_HandsItsReprintsOn()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([FirstCopyArticle], None);
        await store.UpsertAsync([SecondCopyArticle], None);

        await store.UpsertAsync([Article(Original, "افتتاح معرض دولي للطاقة المتجددة", OtherStoryArticle.Article.Text)], None);

        Assert.Equal([new ReprintLink(SecondCopy, FirstCopy)], await store.GetReprintLinksAsync(AllKeys, None));
    }

    [SkippableFact]
    public async Task Upsert_CopyAfterItsOriginalWasRewritten_IsLinkedToTheReprintHandedOn()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([FirstCopyArticle], None);
        await store.UpsertAsync([SecondCopyArticle], None);
        await store.UpsertAsync([Article(Original, "افتتاح معرض دولي للطاقة المتجددة", OtherStoryArticle.Article.Text)], None);
        await store.RemoveArticlesAsync([SecondCopy], None);

        // The first copy became the story's original when the original's text changed: a copy arriving now finds it.
        await store.UpsertAsync([SecondCopyArticle], None);

        Assert.Equal([new ReprintLink(SecondCopy, FirstCopy)], await store.GetReprintLinksAsync(AllKeys, None));
    }

    [SkippableFact]
    public async Task Remove_Reprint_LeavesItsOriginalWithoutIt()
    {
        IGraphStore store = await EmptyStoreAsync();
        await store.UpsertAsync([OriginalArticle], None);
        await store.UpsertAsync([FirstCopyArticle, SecondCopyArticle], None);

        await store.RemoveArticlesAsync([FirstCopy], None);

        Assert.Equal([new ReprintLink(SecondCopy, Original)], await store.GetReprintLinksAsync(AllKeys, None));
    }

    private static ArticleGraph Article(string url, string title, string text) =>
        new(new ArticleInfo(url, text, Title: title, Url: url, Source: new Uri(url).Host, Published: new DateOnly(2026, 3, 1)), [], []);
}
