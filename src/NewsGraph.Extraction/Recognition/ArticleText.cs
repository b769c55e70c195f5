using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>Helpers for turning token spans back into display text.</summary>
internal static class ArticleText
{
    private static readonly Lexicon.WordSet s_claimOpeners = Lexicon.WordSets.Set("claim-openers");
    private static readonly Lexicon.WordSet s_prepositionalComplements = Lexicon.WordSets.Set("prepositional-complements");

    /// <summary>
    /// The text of a claim: its span, widened back over the words that open the verb's complement
    /// right before it — a complementizer (أن، إن، بأن، أنه …) and a preposition the verb takes
    /// before it or alone (إلى أن، على، من، عن), quotes between them skipped. Recognition starts a
    /// claim where the content begins, after those words; the claim's text keeps them, so that it
    /// reads as what the verb reports ("أن المشروع سيزيد …", "من رسائل نصية احتيالية") and holds
    /// any phrase of it an annotator copied, opener included.
    /// </summary>
    public static string ClaimText(Sentence sentence, string text, int start, int end)
    {
        int from = start;
        bool complementizerSeen = false;
        for (int k = start - 1; k >= 0; k--)
        {
            Token t = sentence.Tokens[k];
            if (t.Kind == TokenKind.Quote)
            {
                continue;
            }

            string bare = t.WithoutConjunction;
            if (!complementizerSeen && (s_claimOpeners.Contains(t.Norm) || s_claimOpeners.Contains(bare)))
            {
                from = k;
                complementizerSeen = true;
                continue;
            }

            if (s_prepositionalComplements.Contains(t.Norm))
            {
                from = k;
            }

            break;
        }

        // A claim that starts after an aside starts with its comma ("ونوّه الراشد، بالدعم …"): not part of what was said.
        while (from < end - 1 && sentence.Tokens[from].IsPunctuation && sentence.Tokens[from].Kind != TokenKind.Quote)
        {
            from++;
        }

        return Span(sentence, text, from, end).Trim();
    }

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
