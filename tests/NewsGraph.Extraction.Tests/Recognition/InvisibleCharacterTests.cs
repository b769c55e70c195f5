using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Tests.Recognition;

/// <summary>
/// Control characters and zero-width or bidirectional marks inside a name (pasted from the web, or
/// planted to make a second entity or to turn a name around on screen) never reach an entity.
/// </summary>
public sealed class InvisibleCharacterTests
{
    private const string Clean = "التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم المبعوث الأممي بيتر سوندرز.";

    // "الصفدي" and "الخارجية" (a word of the title) each get the character in the middle.
    private static string Planted(string c) =>
        $"التقى وزير الخار{c}جية الأردني أيمن الصف{c}دي في عمان اليوم المبعوث الأممي بيتر سوندرز.";

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u200B")]
    [InlineData("\u202E")]
    [InlineData("\u0001")]
    [InlineData("\uFEFF")]
    [InlineData("\u2066")]
    public void Extract_NameWithInvisibleCharacter_EntityHoldsNoneAndKeyIsTheCleanSpellings(string c)
    {
        ExtractedEntity clean = Extract.From(Clean).Person("أيمن الصفدي");
        var planted = Extract.From(Planted(c));

        ExtractedEntity person = planted.Person("أيمن الصفدي");
        Assert.Equal(clean.Key, person.Key);
        Assert.Equal(clean.Titles, person.Titles);
        foreach (ExtractedEntity entity in planted.Graph.Entities)
        {
            foreach (string text in new[] { entity.Key, entity.Name }.Concat(entity.Aliases).Concat(entity.Titles))
            {
                Assert.DoesNotContain(c, text, StringComparison.Ordinal);
            }
        }

        Assert.All(planted.Graph.Relations, r => Assert.DoesNotContain(c, (r.Verb ?? "") + (r.Role ?? ""), StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_VerbAndRoleWithInvisibleCharacters_AreStoredWithout()
    {
        var planted = Extract.From("وق\u200Bال وزير الخار\u200Fجية الأردني أيمن الصفدي إن الحل السياسي هو الطريق.");
        ExtractedRelation stated = Assert.Single(planted.Relations(RelationType.Stated));
        Assert.Equal("وقال", stated.Verb);
        ExtractedRelation role = Assert.Single(planted.Relations(RelationType.HoldsRole));
        Assert.DoesNotContain("\u200F", role.Role, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_InvisibleCharacters_StayInTheEvidenceSentence()
    {
        // Only what becomes an entity is cleaned; the evidence quotes the article as written.
        var planted = Extract.From(Planted("\u200F"));
        Assert.Contains(planted.Relations(RelationType.Met), r => r.Evidence.Contains('\u200F', StringComparison.Ordinal));
    }
}
