using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Tests.Recognition;

/// <summary>Places after a place noun, and places and bodies named with their type noun, in sentences written for these tests.</summary>
public sealed class PlaceAndBodyNameTests
{
    [Theory]
    [InlineData("وقالت قناة الجزيرة إن مراسلها وصل إلى المدينة صباح اليوم.", "قناة الجزيرة", "الجزيرة")]
    [InlineData("وأعلنت حركة حماس رفضها للمقترح الجديد.", "حركة حماس", "حماس")]
    public void BodyNamedWithItsTypeNoun_IsAlsoKnownByTheNameAlone(string text, string name, string shortName)
    {
        var x = Extract.From(text);
        ExtractedEntity body = Assert.Single(x.Of(NodeKind.Organization), e => e.Name == name);
        Assert.Contains(shortName, body.Aliases);
    }

    [Fact]
    public void PlaceNamedWithItsTypeNoun_IsAlsoKnownByTheNameAlone()
    {
        var x = Extract.From("وزار الوفد منطقة جازان واطلع على المشروعات الجديدة فيها.");
        ExtractedEntity place = Assert.Single(x.Of(NodeKind.Place), e => e.Name.Contains("جازان", StringComparison.Ordinal));
        Assert.Contains("جازان", place.Aliases.Append(place.Name));
        Assert.Contains("منطقة جازان", place.Aliases.Append(place.Name));
    }

    [Fact]
    public void BodyThatIsPartOfAnother_IsNotKnownByTheOthersName()
    {
        var x = Extract.From("وتوجه الوفد إلى مقر بعثة الاتحاد الأوروبي في العاصمة.");
        Assert.DoesNotContain(x.Of(NodeKind.Organization), e => e.Name.StartsWith("بعثة", StringComparison.Ordinal) && e.Aliases.Contains("الاتحاد الأوروبي"));
    }

    [Fact]
    public void UnlistedNameAfterMintaqa_IsAPlace()
    {
        var x = Extract.From("وتدور اشتباكات عنيفة في منطقة زاخولي منذ يومين.");
        ExtractedEntity place = Assert.Single(x.Of(NodeKind.Place));
        Assert.Equal("زاخولي", place.Name);
        Assert.Contains("منطقة زاخولي", place.Aliases);
    }

    [Fact]
    public void DefiniteWordAfterMintaqa_IsNoPlace()
    {
        var x = Extract.From("وقال الضابط إن الجنود انسحبوا من منطقة العمليات أمس.");
        Assert.Empty(x.Of(NodeKind.Place));
    }

    [Fact]
    public void CompassWord_EndsAHeadedPlaceName()
    {
        var x = Extract.From("وسقطت قذيفة على بلدة كفرتاخا شمال المدينة ليلا.");
        ExtractedEntity place = Assert.Single(x.Of(NodeKind.Place));
        Assert.Equal("كفرتاخا", place.Name);
    }
}
