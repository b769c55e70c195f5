using System.Globalization;
using System.Buffers;
using System.Text;

namespace NewsGraph.Core.Text;

/// <summary>
/// Arabic normalization for matching and keys. Display and evidence always keep the original
/// text; this form is only compared. It folds what writers vary freely: diacritics and tatweel,
/// alef/hamza forms (أ إ آ ٱ → ا), alef maqsura (ى → ي), ta marbuta (ة → ه), Eastern Arabic and
/// Persian digits, punctuation and runs of whitespace. It matches the dev-set scorer's folding.
/// </summary>
public static class ArabicText
{
    /// <summary>
    /// <see cref="Fold"/> of every UTF-16 code unit, computed once: folding asks several Unicode
    /// category questions per character, and extraction normalizes every token of every article.
    /// </summary>
    private static readonly char[] s_folded = BuildFoldTable();

    /// <summary>Texts up to this long are folded in a stack buffer (tokens, names, phrases); longer ones in a rented array.</summary>
    private const int StackBufferLength = 256;

    /// <summary>Normalizes <paramref name="text"/> for comparison; null and blank give "".</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string composed = Compose(text);
        char[]? rented = null;
        Span<char> buffer = composed.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(composed.Length));
        int length = 0;
        bool pendingSpace = false;
        foreach (char raw in composed)
        {
            char c = s_folded[raw];
            if (c == '\0')
            {
                continue;
            }

            if (c == ' ')
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        ReadOnlySpan<char> normalized = buffer[..length];
        // Most tokens are already in normal form: hand back the same string rather than a copy.
        string result = normalized.SequenceEqual(composed) ? composed : new string(normalized);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            table[c] = Fold((char)c);
        }

        return table;
    }

    /// <summary>NFKC, except that text with unpaired surrogates (which NFKC refuses) is folded as is.</summary>
    private static string Compose(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>
    /// Folds one character: '\0' drops it (diacritics, tatweel, format marks, control characters), ' ' marks a
    /// separator (whitespace, punctuation), anything else is the character to keep.
    /// </summary>
    public static char Fold(char c)
    {
        // Surrogates (emoji, or broken text) carry nothing names or claims are matched on; control
        // characters that do not separate words are as invisible as the format marks, so a name
        // with one inside keys like the name without it.
        if (IsDiacritic(c) || c == '\u0640' || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
            || (char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            return '\0';
        }

        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ':
                return 'ا';
            case 'ى' or 'ی' or 'ې':
                // Persian and Urdu yeh (ی U+06CC) and the Pashto one: IRNA-style copy writes them in Arabic text.
                return 'ي';
            case 'ک' or 'ڪ':
                return 'ك'; // Persian keheh (ک U+06A9): "أکد" is "أكد"
            case 'ۀ' or 'ە':
                return 'ه';
            case 'ة':
                return 'ه';
            case >= '\u0660' and <= '\u0669':
                return (char)('0' + (c - '\u0660'));
            case >= '\u06F0' and <= '\u06F9':
                return (char)('0' + (c - '\u06F0'));
        }

        if (char.IsWhiteSpace(c) || IsPunctuation(c))
        {
            return ' ';
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>Arabic harakat, tanwin, shadda, sukun, dagger alef and Quranic marks.</summary>
    public static bool IsDiacritic(char c) =>
        c is (>= '\u0610' and <= '\u061A') or (>= '\u064B' and <= '\u065F') or '\u0670' or (>= '\u06D6' and <= '\u06ED');

    /// <summary>True for Arabic letters (the base block and the presentation forms after NFKC).</summary>
    public static bool IsArabicLetter(char c) =>
        c is (>= '\u0621' and <= '\u063A') or (>= '\u0641' and <= '\u064A') or '\u0671' or (>= '\u067E' and <= '\u06D3');

    private static bool IsPunctuation(char c) =>
        char.IsPunctuation(c) || char.IsSymbol(c) || c is '\u061B' or '\u060C' or '\u061F' or '\u06D4';
}
