using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Tests.Recognition;

/// <summary>
/// Describing words learned from the annotated corpus (gazetteers/learned-titles.tsv holds الفنان،
/// المحامي، الشاعر، الزميل): they announce a person as a title does, and the name after them is a known
/// name or the tagger's span, not the name rules' run. Sentences written for these tests.
/// </summary>
public sealed class LearnedTitleTests
{
    [Fact]
    public void PersonAfterALearnedDescribingWord_CarriesItAsTitle()
    {
        var x = Extract.From("وحضر الحفل الفنان سامي الراشد وعدد من المدعوين من أهالي المنطقة.");

        Assert.Contains("الفنان", x.Person("سامي الراشد").Titles);
    }

    [Fact]
    public void FeminineOfALearnedDescribingWord_AnnouncesAPersonInAList()
    {
        var x = Extract.From("وافتتح المعرض بحضور المخرج يوسف الحربي والشاعرة نورة القحطاني.");

        Assert.Contains("الشاعرة", x.Person("نورة القحطاني").Titles);
    }

    [Fact]
    public void NameAfterALearnedDescribingWord_EndsWhereTheTaggerEndsIt()
    {
        var x = Extract.From("وأثنى المحامي خالد أبو راشد الرأي القانوني في القضية.");

        ExtractedEntity person = Assert.Single(x.Of(NodeKind.Person));
        Assert.Equal("خالد أبو راشد", person.Name);
        Assert.Contains("المحامي", person.Titles);
    }
}
