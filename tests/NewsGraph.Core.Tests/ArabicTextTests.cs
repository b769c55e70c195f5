using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Tests;

public sealed class ArabicTextTests
{
    [Fact]
    public void Normalize_UnpairedSurrogate_DoesNotThrow() =>
        Assert.Equal("قال x", ArabicText.Normalize("قال \uD800x"));

    [Fact]
    public void Normalize_NullOrBlank_IsEmpty()
    {
        Assert.Equal(string.Empty, ArabicText.Normalize(null));
        Assert.Equal(string.Empty, ArabicText.Normalize("  \t\n "));
    }

    [Fact]
    public void PersonKey_IgnoresSpellingVariants() =>
        Assert.Equal(GraphKeys.Person("أناتولي أنطونوف"), GraphKeys.Person("اناتولى انطونوف"));

    [Fact]
    public void MeetingKey_IsTheSameInEitherOrder()
    {
        var day = new DateOnly(2015, 6, 9);
        Assert.Equal(GraphKeys.Relation(RelationType.Met, "person:a", "person:b", day), GraphKeys.Relation(RelationType.Met, "person:b", "person:a", day));
        Assert.NotEqual(GraphKeys.Relation(RelationType.Met, "person:a", "person:b", day), GraphKeys.Relation(RelationType.Met, "person:a", "person:b", day.AddDays(1)));
    }

    [Fact]
    public void MembershipKey_DependsOnStatus() =>
        Assert.NotEqual(
            GraphKeys.Relation(RelationType.MemberOf, "state:IN", "org:sco", status: MembershipStatus.Observer),
            GraphKeys.Relation(RelationType.MemberOf, "state:IN", "org:sco", status: MembershipStatus.Member));

    [Fact]
    public void ArticleKey_IsTheUrlWhenKnownElseTheTextHash()
    {
        Assert.Equal("https://example.org/a", GraphKeys.Article(" https://example.org/a ", "نص"));
        Assert.Equal(GraphKeys.Article(null, "قال الوزير"), GraphKeys.Article(null, "قالَ الوزيرُ"));
        Assert.Equal(64, GraphKeys.Article(null, "نص").Length);
    }

    [Theory]
    [InlineData("أکد وزیر الخارجیة", "اكد وزير الخارجيه")]
    [InlineData("ظریف", "ظريف")]
    public void Normalize_PersianKehehAndYeh_FoldToTheArabicLetters(string text, string expected) =>
        Assert.Equal(expected, ArabicText.Normalize(text));
}
