namespace NewsGraph.Extraction.Text;

public enum TokenKind
{
    Word,
    Number,
    Latin,
    Punctuation,
    Quote,
}

/// <summary>
/// A token of the original text: its span (for evidence and display) and its normalized form
/// (for matching). <see cref="Bare"/> is the normalized form without a leading conjunction or
/// preposition clitic, when the rest is still a plausible word.
/// </summary>
public sealed record Token(int Start, int End, string Surface, string Norm, TokenKind Kind)
{
    public bool IsWord => Kind is TokenKind.Word or TokenKind.Latin;

    public bool IsPunctuation => Kind is TokenKind.Punctuation or TokenKind.Quote;

    /// <summary>The normalized form and its forms without a proclitic (see <see cref="Lexicon.Clitics.Forms"/>), computed once.</summary>
    public string[] Forms => _forms ??= Lexicon.Clitics.Forms(Norm);

    private string[]? _forms;

    /// <summary>
    /// <see cref="Norm"/> without a leading و or ف (<see cref="Lexicon.Clitics.WithoutConjunction"/>), computed once:
    /// a dozen passes ask it of most tokens, and each call made a new string of every word that opens with و.
    /// </summary>
    public string WithoutConjunction => _withoutConjunction ??= Lexicon.Clitics.WithoutConjunction(Norm);

    private string? _withoutConjunction;

    /// <summary>The first of <see cref="Forms"/> that <paramref name="words"/> holds, else null. A loop, not LINQ: it runs for most tokens.</summary>
    public string? FirstFormIn(IReadOnlySet<string> words)
    {
        foreach (string form in Forms)
        {
            if (words.Contains(form))
            {
                return form;
            }
        }

        return null;
    }

    public override string ToString() => Surface;
}

/// <summary>A sentence: its position in the article, its original text and its tokens.</summary>
public sealed record Sentence(int Index, int Start, int End, string Text, IReadOnlyList<Token> Tokens, bool IsHeadline);
