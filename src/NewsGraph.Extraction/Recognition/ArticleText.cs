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
        Token first = sentence.Tokens[start];
        int extra = first.Norm.Length - matchedFirstForm.Length;
        if (extra <= 0)
        {
            return span;
        }

        bool restoresArticle = matchedFirstForm.StartsWith("ال", StringComparison.Ordinal) && !first.Norm.EndsWith(matchedFirstForm, StringComparison.Ordinal);
        int letters = restoresArticle ? extra + 1 : extra;
        int cut = SkipLetters(span, letters);
        return restoresArticle ? "ا" + span[(cut - 1)..] : span[cut..];
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
