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
    private const string Body =
        "أعلنت وزارة الطاقة اليوم عن إطلاق برنامج وطني جديد لتطوير مصادر الطاقة المتجددة في مختلف مناطق المملكة خلال السنوات الخمس المقبلة. " +
        "وقال وزير الطاقة في مؤتمر صحفي عقده بمقر الوزارة إن البرنامج يهدف إلى رفع حصة الطاقة الشمسية وطاقة الرياح في مزيج الكهرباء الوطني. " +
        "وأوضح الوزير أن المرحلة الأولى تشمل إنشاء ثلاث محطات كبرى في المنطقة الشمالية والمنطقة الشرقية ومنطقة الجوف بطاقة إجمالية تتجاوز ألفي ميغاواط. " +
        "{0} " +
        "وأشار إلى أن البرنامج سيوفر آلاف الوظائف المباشرة وغير المباشرة للمواطنين ويسهم في خفض استهلاك الوقود السائل في محطات التوليد. " +
        "{1} " +
        "واختتم الوزير تصريحه بالتأكيد على أن الاستثمار في الطاقة النظيفة يمثل ركيزة أساسية من ركائز التنمية المستدامة التي تسعى إليها المملكة.";

    private const string Agreements = "وأضاف أن الوزارة وقعت اتفاقيات مع عدد من الشركات المحلية والدولية لتنفيذ المشاريع ونقل التقنية وتدريب الكوادر الوطنية الشابة.";

    private const string Schedule = "ومن المتوقع أن تبدأ أعمال البناء في المحطة الأولى مطلع العام المقبل على أن تدخل الخدمة التجارية بعد ثمانية عشر شهرا من بدء التنفيذ.";

    private const string Original = "https://example.test/spa/energy-program";

    private const string FirstCopy = "https://example.test/hayat/energy-program";

    private const string SecondCopy = "https://example.test/yawm/energy-program";

    private const string OtherStory = "https://example.test/spa/energy-exhibition";

    private static ArticleGraph OriginalArticle => Article(
        Original, "وزارة الطاقة تطلق برنامجا وطنيا للطاقة المتجددة", "الرياض - واس: " + string.Format(null, Body, Agreements, Schedule));

    private static ArticleGraph FirstCopyArticle => Article(
        FirstCopy,
        "ثلاث محطات كبرى للطاقة الشمسية والرياح",
        "جدة - الحياة: " + string.Format(null, Body, "كما كشف عن توقيع الوزارة عقودا مع شركات سعودية وأجنبية لبناء المحطات وتأهيل المهندسين السعوديين.", Schedule));

    private static ArticleGraph SecondCopyArticle => Article(
        SecondCopy,
        "برنامج الطاقة المتجددة يوفر آلاف الوظائف",
        "الدمام - اليوم: " + string.Format(null, Body, Agreements, "ويتوقع أن يبدأ العمل في أولى المحطات العام المقبل وأن تنتج الكهرباء تجاريا خلال عام ونصف."));

    private static ArticleGraph OtherStoryArticle => Article(
        OtherStory,
        "افتتاح معرض دولي للطاقة المتجددة",
        "الرياض - واس: افتتح أمير المنطقة الشرقية اليوم معرضا دوليا للطاقة المتجددة يشارك فيه أكثر من مئتي عارض من ثلاثين دولة. " +
        "ويعرض المشاركون أحدث تقنيات الألواح الشمسية وتوربينات الرياح وأنظمة تخزين الكهرباء في البطاريات. " +
        "وقال رئيس اللجنة المنظمة إن المعرض يستمر أربعة أيام ويتضمن ورش عمل وجلسات حوارية يشارك فيها خبراء ومسؤولون من القطاعين العام والخاص. " +
        "وأكد أن الطلب على حلول الطاقة النظيفة في المنطقة يشهد نموا متسارعا مع توسع المشاريع الحكومية والخاصة في هذا المجال.");

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
