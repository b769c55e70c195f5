using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Scoring;

namespace NewsGraph.Evaluation.Tests;

public sealed class ScorerTextTests
{
    [Theory]
    [InlineData("أكّد الوزيرُ", "اكد الوزير")]
    [InlineData("إلى «الأمم المتحدة»", "الي الامم المتحده")]
    [InlineData("مدينة  آمنة ـــ اليوم", "مدينه امنه اليوم")]
    [InlineData("(أوبك) - غير مستعدة…", "اوبك غير مستعده")]
    [InlineData("ﻻ", "لا")]
    public void Normalize_FoldsWhatTheReferenceScorerFolds(string text, string expected) =>
        Assert.Equal(expected, ScorerText.Normalize(text));

    [Fact]
    public void Normalize_KeepsDigitsAndOtherPunctuation()
    {
        // The reference scorer leaves Arabic-Indic digits and a slash alone; so must we.
        Assert.Equal("٢٠١٥/7", ScorerText.Normalize("٢٠١٥/7"));
    }

    [Fact]
    public void Find_ReturnsTheExactSpanWhenThePhraseIsCopiedExactly()
    {
        const string text = "وقال الوزير إن التعاون سيتوسع.";
        ClaimSpan span = TextSpans.Find(text, "التعاون سيتوسع")!;
        Assert.Equal("التعاون سيتوسع", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Find_FallsBackToTheNormalizedTextAndMapsBackToTheOriginal()
    {
        const string text = "وأكّد أنّ «المنظمة» تكتسب الأهمية.";
        ClaimSpan span = TextSpans.Find(text, "ان المنظمة تكتسب")!;
        Assert.Equal("أنّ «المنظمة» تكتسب", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Find_ReturnsNullForAPhraseTheArticleDoesNotHold() =>
        Assert.Null(TextSpans.Find("نص قصير", "عبارة غائبة"));
}
