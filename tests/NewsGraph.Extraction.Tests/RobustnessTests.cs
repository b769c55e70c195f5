using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Tests;

/// <summary>Inputs that are not news articles must give a sane result, never an exception.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("...... !!! ؟؟؟")]
    [InlineData("The quick brown fox jumps over the lazy dog. Moscow and Beijing.")]
    [InlineData("قال")]
    [InlineData("«««««")]
    [InlineData("وزير وزير وزير وزير وزير وزير")]
    [InlineData("<html><body><p>قال الوزير إن</p></body></html>")]
    [InlineData("موسكو-سانا")]
    [InlineData("قال الرئيس 习近平 إن Apple و😀 شركاء في Moscow-سانا ..")]
    [InlineData("\uD800 قال الوزير إن \uDC00")]
    [InlineData("أكد أكد أكد أن أن أن إن إن : : .. .. «« »»")]
    public void Extract_DegenerateInput_GivesAGraphWithoutThrowing(string text)
    {
        ArticleGraph graph = ArabicArticleExtractor.Default.Extract(new ArticleInfo("k", text));
        Assert.NotNull(graph.Entities);
        Assert.All(graph.Relations, r => Assert.Contains(graph.Entities, e => e.Key == r.From));
    }

    [Fact]
    public void Extract_OneWordRepeatedForAMegabyte_Completes()
    {
        string text = string.Join(' ', Enumerable.Repeat("السلام", 150_000));
        ArticleGraph graph = ArabicArticleExtractor.Default.Extract(new ArticleInfo("k", text));
        Assert.Empty(graph.Relations);
    }

    [Fact]
    public void Extract_TwoHundredThousandWordsWithoutAFullStop_CapsEveryEvidenceSentence()
    {
        // The sentence "قال وزير الخارجية سامي الحربي إن التعاون مستمر" over and over, with no full stop:
        // one sentence of the whole text before sentences were windowed, and every relation's evidence.
        string text = string.Join(' ', Enumerable.Repeat("قال وزير الخارجية سامي الحربي إن التعاون مستمر", 25_000));

        ArticleGraph graph = ArabicArticleExtractor.Default.Extract(new ArticleInfo("k", text));

        Assert.NotEmpty(graph.Relations);
        Assert.All(graph.Relations, r => Assert.True(r.Evidence.Length < 2_500, $"evidence of {r.Evidence.Length} characters"));
    }

    [Fact]
    public void Split_ARunLongerThanTheLimit_IsCutAtACommaInTheWindowsSecondHalf()
    {
        string words = string.Join(' ', Enumerable.Repeat("كلمة", 200));
        string text = words + "، " + words + " وأخيرا.";

        List<NewsGraph.Extraction.Text.Sentence> sentences = NewsGraph.Extraction.Text.SentenceSplitter.Split(text);

        Assert.Equal(2, sentences.Count);
        Assert.EndsWith("،", sentences[0].Text, StringComparison.Ordinal);
        Assert.All(sentences, s => Assert.True(s.Tokens.Count <= NewsGraph.Extraction.Text.SentenceSplitter.MaxSentenceTokens));
    }

    [Fact]
    public void Extract_IsDeterministic()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "000_e4a81a792a077d70.txt"));
        string a = ExtractionJson.Serialize(ArabicArticleExtractor.Default.Extract(new ArticleInfo("k", text)));
        string b = ExtractionJson.Serialize(ArabicArticleExtractor.Default.Extract(new ArticleInfo("k", text)));
        Assert.Equal(a, b);
    }
}
