using System.Text;

namespace NewsGraph.Evaluation.Gold;

/// <summary>
/// Finds an annotator's phrase in an article as a span of the original text. Annotators copy
/// phrases exactly, but the checker accepts a phrase that matches after the scorer's
/// normalization (another alef, a dropped diacritic), so the search falls back to the normalized
/// text, mapped back to original positions.
/// </summary>
public static class TextSpans
{
    public static ClaimSpan? Find(string text, string phrase)
    {
        int exact = text.IndexOf(phrase, StringComparison.Ordinal);
        if (exact >= 0 && phrase.Length > 0)
        {
            return new ClaimSpan(exact, phrase.Length);
        }

        string wanted = Scoring.ScorerText.Normalize(phrase);
        if (wanted.Length == 0)
        {
            return null;
        }

        (string normalized, List<(int Start, int End)> origin) = NormalizeWithOrigins(text);
        int at = normalized.IndexOf(wanted, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int start = origin[at].Start;
        int end = origin[at + wanted.Length - 1].End;
        return new ClaimSpan(start, end - start);
    }

    /// <summary>
    /// The scorer's normalization applied one original character at a time, keeping for every
    /// output character the original range it came from. Equal to
    /// <see cref="Scoring.ScorerText.Normalize"/> except where NFKC would join characters across a
    /// boundary, which Arabic news text does not need.
    /// </summary>
    internal static (string Normalized, List<(int Start, int End)> Origin) NormalizeWithOrigins(string text)
    {
        var builder = new StringBuilder(text.Length);
        var origin = new List<(int, int)>(text.Length);
        bool pendingSpace = false;
        for (int i = 0; i < text.Length;)
        {
            int width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            string piece = Scoring.ScorerText.Normalize(text.Substring(i, width));
            if (piece.Length == 0)
            {
                // Folded away: a diacritic (dropped) or punctuation or whitespace (a space).
                pendingSpace |= IsSeparator(text.Substring(i, width));
            }
            else
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                    origin.Add((i, i));
                }

                pendingSpace = false;
                foreach (char c in piece)
                {
                    builder.Append(c);
                    origin.Add((i, i + width));
                }
            }

            i += width;
        }

        return (builder.ToString(), origin);
    }

    private static bool IsSeparator(string piece) =>
        piece.Any(char.IsWhiteSpace) || Scoring.ScorerText.Normalize("x" + piece + "x").Contains(' ', StringComparison.Ordinal);
}
