using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Text;

/// <summary>
/// Splits original text into tokens with their offsets. Words are runs of letters (Arabic or
/// Latin, with diacritics and tatweel kept inside the surface form); numbers may carry decimal
/// points or commas; every punctuation mark is its own token, except that runs of dots stay
/// together so SANA's ".." (which introduces quoted content) can be told from a full stop.
/// Hidden marks between two letters stay inside the word (see <see cref="AfterHiddenMarks"/>).
/// Linear in the input length.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text, int offset = 0, int length = -1)
    {
        int end = length < 0 ? text.Length : offset + length;
        // About one token per six characters of news text: sized so that the list seldom grows.
        var tokens = new List<Token>(Math.Max(4, (end - offset) / 6));
        int i = offset;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                i++;
                continue;
            }

            int start = i;
            TokenKind kind;
            if (IsWordChar(c))
            {
                bool latin = c < 0x0600;
                while (i < end)
                {
                    if (IsWordChar(text[i]))
                    {
                        latin &= text[i] < 0x0600;
                        i++;
                    }
                    else
                    {
                        int next = AfterHiddenMarks(text, i, end);
                        if (next == i)
                        {
                            break;
                        }

                        i = next;
                    }
                }

                kind = latin ? TokenKind.Latin : TokenKind.Word;
            }
            else if (IsDigit(c))
            {
                while (i < end && (IsDigit(text[i]) || (IsNumberSeparator(text[i]) && i + 1 < end && IsDigit(text[i + 1]) && i > start)))
                {
                    i++;
                }

                kind = TokenKind.Number;
            }
            else if (c == '.')
            {
                while (i < end && text[i] == '.')
                {
                    i++;
                }

                kind = TokenKind.Punctuation;
            }
            else
            {
                i++;
                kind = IsQuote(c) ? TokenKind.Quote : TokenKind.Punctuation;
            }

            string surface = text[start..i];
            string norm = kind is TokenKind.Word or TokenKind.Latin or TokenKind.Number ? ArabicText.Normalize(surface) : surface;
            if (norm.Length == 0)
            {
                norm = surface;
            }

            tokens.Add(new Token(start, i, surface, norm, kind));
        }

        return tokens;
    }

    /// <summary>
    /// Where the word goes on when <paramref name="i"/> starts a run of hidden marks (zero-width and
    /// bidirectional format characters, control characters other than whitespace) followed by a
    /// letter: the run is part of the word, so "الصف\u200Bدي" is one word whose normal form is
    /// "الصفدي". Otherwise <paramref name="i"/> itself: the word ends there.
    /// </summary>
    private static int AfterHiddenMarks(string text, int i, int end)
    {
        int j = i;
        while (j < end && IsHiddenMark(text[j]))
        {
            j++;
        }

        return j > i && j < end && IsWordChar(text[j]) ? j : i;
    }

    private static bool IsHiddenMark(char c) =>
        !char.IsWhiteSpace(c) && (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || char.IsControl(c));

    public static bool IsQuote(char c) => c is '"' or '«' or '»' or '“' or '”' or '„' or '\'' or '‘' or '’';

    /// <summary><see cref="ComputeIsWordChar"/> of every UTF-16 code unit: asked for every character of every article.</summary>
    private static readonly bool[] s_wordChars = BuildWordCharTable();

    private static bool[] BuildWordCharTable()
    {
        var table = new bool[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            table[c] = ComputeIsWordChar((char)c);
        }

        return table;
    }

    private static bool IsWordChar(char c) => s_wordChars[c];

    private static bool ComputeIsWordChar(char c) =>
        char.IsLetter(c) || ArabicText.IsDiacritic(c) || c == '\u0640' || (c is >= '\u0600' and <= '\u06FF' && !IsDigit(c) && !char.IsPunctuation(c) && !char.IsSymbol(c));

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9');

    private static bool IsNumberSeparator(char c) => c is '.' or ',' or '٫' or '٬';
}
