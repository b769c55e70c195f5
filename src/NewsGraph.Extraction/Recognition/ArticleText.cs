using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>Helpers for turning token spans back into display text.</summary>
internal static class ArticleText
{
    /// <summary>The original text of tokens [start, end) of a sentence.</summary>
    public static string Span(Sentence sentence, string text, int start, int end)
    {
        if (start >= end)
        {
            return string.Empty;
        }

        return text[sentence.Tokens[start].Start..sentence.Tokens[end - 1].End];
    }

    /// <summary>
    /// The original text of a span whose first word carries a proclitic that is not part of the
    /// name: "لوزارة الخارجية" → "وزارة الخارجية", "للأمم المتحدة" → "الأمم المتحدة".
    /// </summary>
    public static string SpanWithoutClitic(Sentence sentence, string text, int start, int end, string matchedFirstForm)
    {
        string span = Span(sentence, text, start, end);
        string norm = sentence.Tokens[start].Norm;
        if (norm == matchedFirstForm)
        {
            return span;
        }

        if (norm.EndsWith(matchedFirstForm, StringComparison.Ordinal))
        {
            return span[SkipLetters(span, norm.Length - matchedFirstForm.Length)..]; // بالعراق → العراق
        }

        if (matchedFirstForm.StartsWith("ال", StringComparison.Ordinal) && norm.EndsWith(matchedFirstForm[2..], StringComparison.Ordinal))
        {
            // ل + ال is written لل: "للأمم" → "الأمم", keeping the original hamza of the rest.
            return "ال" + span[SkipLetters(span, norm.Length - (matchedFirstForm.Length - 2))..];
        }

        return span;
    }

    /// <summary>Index just after the first <paramref name="letters"/> base letters (diacritics are skipped with them).</summary>
    private static int SkipLetters(string s, int letters)
    {
        int i = 0;
        while (i < s.Length && letters > 0)
        {
            i++;
            letters--;
            while (i < s.Length && (Core.Text.ArabicText.IsDiacritic(s[i]) || s[i] == '\u0640'))
            {
                i++;
            }
        }

        return i;
    }
}
