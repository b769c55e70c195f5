using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Training;
using NewsGraph.Extraction.Lexicon;

namespace NewsGraph.Evaluation.Tests;

/// <summary>Articles written for these tests: invented places and clubs in one-line news.</summary>
public sealed class GazetteerMiningTests
{
    private static EvalArticle Article(string id, string text, params GoldEntity[] entities) =>
        new(id, Parts.Written, "spa", "train", text, new GoldDocument(id + ".txt", entities, []));

    private static IReadOnlyList<LearnedName> Mine(params EvalArticle[] articles) => GazetteerMining.FromArticles(articles, ArabicLexicon.HandMade);

    [Fact]
    public void NameAnnotatedInTwoArticles_IsLearned_WithItsWrittenFormAndCounts()
    {
        IReadOnlyList<LearnedName> learned = Mine(
            Article("a", "افتتح المحافظ مشروعا في وادي زهران اليوم.", new GoldEntity("Place", "وادي زهران")),
            Article("b", "وصلت الأمطار إلى وادي زهران، بحسب الأرصاد.", new GoldEntity("Place", "وادي زهران")));

        LearnedName name = Assert.Single(learned);
        Assert.Equal(("وادي زهران", "Place", 2, 2), (name.Written, name.Kind, name.Annotated, name.Occurs));
    }

    [Fact]
    public void NameAnnotatedInThreeOfFiveArticlesThatContainIt_IsLearned_TwoOfFourIsNot()
    {
        EvalArticle[] threeOfFive =
        [
            Article("a", "وصل الوفد إلى سهل المرجان صباحا.", new GoldEntity("Place", "سهل المرجان")),
            Article("b", "هطلت أمطار على سهل المرجان أمس.", new GoldEntity("Place", "سهل المرجان")),
            Article("c", "افتتح المحافظ طريقا في سهل المرجان.", new GoldEntity("Place", "سهل المرجان")),
            Article("d", "وقال إن سهل المرجان واسع."),
            Article("e", "ويمتد سهل المرجان حتى البحر."),
        ];
        EvalArticle[] twoOfFour =
        [
            Article("f", "فاز فريق النجم الأخضر أمس.", new GoldEntity("Organization", "النجم الأخضر")),
            Article("g", "تعادل النجم الأخضر مع ضيفه.", new GoldEntity("Organization", "النجم الأخضر")),
            Article("h", "وظهر النجم الأخضر في السماء."),
            Article("i", "ورسم الطفل النجم الأخضر."),
        ];

        LearnedName name = Assert.Single(Mine([.. threeOfFive, .. twoOfFour]));
        Assert.Equal(("سهل المرجان", 3, 5), (name.Written, name.Annotated, name.Occurs));
    }

    [Fact]
    public void NameAnnotatedOnce_OrMostlyLeftUnannotated_OrOfTwoKinds_IsNotLearned()
    {
        EvalArticle once = Article("a", "زار الوفد بلدة القرين الجديدة.", new GoldEntity("Place", "القرين الجديدة"));
        EvalArticle[] mostlyPlain =
        [
            Article("b", "فاز نادي الفجر الساطع أمس.", new GoldEntity("Organization", "الفجر الساطع")),
            Article("c", "تعادل الفجر الساطع مع ضيفه.", new GoldEntity("Organization", "الفجر الساطع")),
            Article("d", "بدا الفجر الساطع فوق المدينة."),
            Article("e", "ومع الفجر الساطع خرج الصيادون."),
            Article("f", "وكان الفجر الساطع جميلا."),
        ];
        EvalArticle[] twoKinds =
        [
            Article("g", "وصل الوفد إلى مرفأ السلام.", new GoldEntity("Place", "مرفأ السلام")),
            Article("h", "عاد الوفد من مرفأ السلام.", new GoldEntity("Place", "مرفأ السلام")),
            Article("i", "وقالت مرفأ السلام للشحن إن …", new GoldEntity("Organization", "مرفأ السلام")),
        ];

        Assert.Empty(Mine([once, .. mostlyPlain, .. twoKinds]));
    }

    [Fact]
    public void OrganizationOpeningWithAHeadNoun_OrAListedName_IsLeftToTheRules()
    {
        IReadOnlyList<LearnedName> learned = Mine(
            Article("a", "أعلنت وزارة الشؤون البلدية والقروية أمس.", new GoldEntity("Organization", "وزارة الشؤون البلدية والقروية"), new GoldEntity("Organization", "الأمم المتحدة")),
            Article("b", "وقالت وزارة الشؤون البلدية والقروية إن الأمم المتحدة …", new GoldEntity("Organization", "وزارة الشؤون البلدية والقروية"), new GoldEntity("Organization", "الأمم المتحدة")));

        Assert.Empty(learned);
    }

    [Fact]
    public void Format_WritesAHeaderAndOneRowPerNameOfTheKind()
    {
        string text = GazetteerMining.Format([new LearnedName("وادي زهران", "وادي زهران", "Place", 2, 2), new LearnedName("نادي", "نادي", "Organization", 2, 2)], "Place", 10);

        string[] rows = [.. text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))];
        Assert.Equal(["name\twritten\tannotated\toccurs", "وادي زهران\tوادي زهران\t2\t2"], rows);
    }
}
