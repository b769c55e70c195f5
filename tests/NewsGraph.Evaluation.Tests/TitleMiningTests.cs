using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Training;
using NewsGraph.Extraction.Lexicon;

namespace NewsGraph.Evaluation.Tests;

/// <summary>Articles written for these tests: invented people after describing words in one-line news.</summary>
public sealed class TitleMiningTests
{
    private static EvalArticle Article(string id, string text, params GoldEntity[] entities) =>
        new(id, Parts.Written, "spa", "train", text, new GoldDocument(id + ".txt", entities, []));

    private static GoldEntity Person(string name) => new("Person", name);

    private static IReadOnlyList<LearnedTitle> Mine(params EvalArticle[] articles) => TitleMining.FromArticles(articles, ArabicLexicon.HandMade);

    [Fact]
    public void DescribingWordBeforePersonsInThreeArticles_IsLearned_WithClitic_AndFeminineFolded()
    {
        IReadOnlyList<LearnedTitle> learned = Mine(
            Article("a", "غنى المطرب سامي الراشد في الحفل.", Person("سامي الراشد")),
            Article("b", "وأحيا المطرب فهد العلي ليلة طربية.", Person("فهد العلي")),
            Article("c", "شكرا للمطرب ماجد السالم والمطربة هند الزين.", Person("ماجد السالم"), Person("هند الزين")));

        LearnedTitle title = Assert.Single(learned);
        Assert.Equal(("المطرب", 3, 3, 3, 3), (title.Word, title.Articles, title.Before, title.Followed, title.Occurs));
    }

    [Fact]
    public void WordThatMostlyStandsWithoutAPersonAfterIt_OrIsATitleAlready_IsNotLearned()
    {
        IReadOnlyList<LearnedTitle> learned = Mine(
            Article("a", "قال المطرب سامي الراشد إن المطرب الجيد نادر.", Person("سامي الراشد")),
            Article("b", "وأحيا المطرب فهد العلي ليلة والمطرب الآخر غاب.", Person("فهد العلي")),
            Article("c", "وغنى المطرب ماجد السالم ثم المطرب الشاب ثم المطرب الكبير.", Person("ماجد السالم")),
            Article("d", "وقال الدكتور سعد الماجد إن …", Person("سعد الماجد")),
            Article("e", "وأكد الدكتور علي الحسن أن …", Person("علي الحسن")),
            Article("f", "وأوضح الدكتور ناصر الفهد أن …", Person("ناصر الفهد")));

        Assert.Empty(learned);
    }

    [Fact]
    public void WordAnnotatorsWriteInsidePersonsNames_AsOftenAsBeforeThem_IsAFamilyName_NotLearned()
    {
        IReadOnlyList<LearnedTitle> learned = Mine(
            Article("a", "وصل الشريف سامي الراشد إلى الحفل.", Person("سامي الراشد")),
            Article("b", "واستقبل الشريف فهد العلي ضيوفه.", Person("فهد العلي")),
            Article("c", "وقال الشريف ماجد السالم إن الحفل نجح.", Person("ماجد السالم")),
            Article("d", "وأكد محمود الشريف أن …", Person("محمود الشريف")),
            Article("e", "وأوضح علي الشريف أن …", Person("علي الشريف")),
            Article("f", "وقال خالد الشريف إن …", Person("خالد الشريف")));

        Assert.Empty(learned);
    }

    [Fact]
    public void Format_WritesAHeaderAndOneRowPerTitle()
    {
        string text = TitleMining.Format([new LearnedTitle("المطرب", 3, 3, 3, 3)], 10);

        string[] rows = [.. text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))];
        Assert.Equal(["title\tarticles\tbefore\tfollowed\toccurs", "المطرب\t3\t3\t3\t3"], rows);
    }
}
