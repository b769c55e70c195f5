using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Tests.Recognition;

/// <summary>
/// Full names learned from the annotated corpus (gazetteers/learned-persons.tsv holds "بان كي مون"
/// and "راجح بادي"): taken whole where the name rules stop short or find nothing. Sentences written
/// for these tests.
/// </summary>
public sealed class KnownPersonTests
{
    [Fact]
    public void KnownNameAfterATitle_IsTakenWhole_AndKeepsItsTitle()
    {
        var x = Extract.From("وقال الأمين العام للأمم المتحدة بان كي مون إن المحادثات ستستأنف الأسبوع المقبل.");

        ExtractedEntity person = Assert.Single(x.Of(NodeKind.Person));
        Assert.Equal("بان كي مون", person.Name);
        Assert.NotEmpty(person.Titles);
        Assert.Contains(x.Statements(), st => st.Speaker == "بان كي مون");
    }

    [Fact]
    public void KnownNameWithoutATitle_IsFound()
    {
        var x = Extract.From("وأكد راجح بادي أن الهدنة ستصمد حتى نهاية الشهر.");

        Assert.Contains(x.Of(NodeKind.Person), p => p.Name == "راجح بادي");
    }

    [Fact]
    public void UnknownName_IsLeftToTheRules()
    {
        var x = Extract.From("وقال الأمين العام للأمم المتحدة بان زي يو إن المحادثات ستستأنف.");

        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name == "بان كي مون");
    }
}
