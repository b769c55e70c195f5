using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Tests;

public sealed class InvisibleCharactersTests
{
    /// <summary>Every character of the list, one per range end, plus U+061C (the Arabic letter mark).</summary>
    public static TheoryData<char> Invisible() =>
    [
        '\u0000', '\u0001', '\u001A', '\u001F', '\u007F', '\u009F', '\u061C', '\u200B', '\u200C', '\u200F',
        '\u202A', '\u202E', '\u2060', '\u2064', '\u2066', '\u2069', '\uFEFF',
    ];

    [Theory]
    [MemberData(nameof(Invisible))]
    public void Remove_CharacterInsideAName_LeavesTheNameAsWritten(char c)
    {
        Assert.True(InvisibleCharacters.IsInvisible(c));
        Assert.Equal("أيمن الصفدي", InvisibleCharacters.Remove($"أيمن الصف{c}دي"));
    }

    [Theory]
    [MemberData(nameof(Invisible))]
    public void PersonKey_CharacterInsideTheName_IsTheKeyWithoutIt(char c) =>
        Assert.Equal(GraphKeys.Person("أيمن الصفدي"), GraphKeys.Person($"أيمن{c} الصف{c}دي{c}"));

    [Theory]
    [InlineData('\r')]
    [InlineData('\v')]
    [InlineData('\f')]
    [InlineData('\u0085')]
    public void Remove_ControlThatSeparatesWords_BecomesASpace(char c) =>
        Assert.Equal("أيمن الصفدي", InvisibleCharacters.Remove($"أيمن{c}الصفدي"));

    [Theory]
    [InlineData("أيمن الصفدي\nوزير\tالخارجية")]
    [InlineData("مرحبا\u200A\u00A0Ayman")]
    [InlineData("")]
    public void Remove_NothingToRemove_ReturnsTheSameText(string text) =>
        Assert.Same(text, InvisibleCharacters.Remove(text));
}
