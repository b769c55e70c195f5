namespace NewsGraph.Extraction.Text;

/// <summary>
/// Splits an article body into sentences that understand wire copy: a single full stop, "!",
/// "?" and "؟" end a sentence, and so does a line break; SANA's ".." (which introduces quoted
/// content) and a decimal point do not. A short line without final punctuation that is followed
/// by more text is a headline (wire copy puts sub-headlines such as "SPEAKER: claim" on their own
/// line). Linear in the input length.
/// </summary>
/// <remarks>
/// A run of text with no sentence end is cut into windows of at most <see cref="MaxSentenceTokens"/>
/// tokens, at the last comma or semicolon of the window's second half when there is one. Real
/// sentences stay whole (wire copy's longest run to about 150 tokens), while a hostile or broken
/// article — a megabyte with no full stop — no longer becomes one sentence that every later step
/// and every relation's evidence carry whole: work and memory per article stay linear and small.
/// </remarks>
public static class SentenceSplitter
{
    private const int MaxHeadlineTokens = 25;

    /// <summary>The longest sentence, in tokens (words and punctuation), before a run is windowed.</summary>
    public const int MaxSentenceTokens = 250;

    public static List<Sentence> Split(string text, int bodyStart = 0)
    {
        var sentences = new List<Sentence>();
        int lineStart = bodyStart;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            SplitLine(text, lineStart, lineEnd, sentences);
            lineStart = lineEnd + 1;
        }

        return sentences;
    }

    private static void SplitLine(string text, int start, int end, List<Sentence> sentences)
    {
        List<Token> tokens = Tokenizer.Tokenize(text, start, end - start);
        if (tokens.Count == 0 || IsBoilerplate(tokens))
        {
            return;
        }

        bool endsWithStop = tokens[^1].Surface is "." or "!" or "?" or "؟" or "..." || tokens[^1].Surface.EndsWith('.');
        bool headline = !endsWithStop && tokens.Count <= MaxHeadlineTokens && tokens.Count >= 3;
        int from = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (IsSentenceEnd(tokens[i]) && !IsAbbreviationStop(tokens, i))
            {
                Add(text, tokens, from, i + 1, headline: false, sentences);
                from = i + 1;
            }
            else if (i + 1 - from >= MaxSentenceTokens)
            {
                int cut = WindowEnd(tokens, from, i + 1);
                Add(text, tokens, from, cut, headline: false, sentences);
                from = cut;
            }
        }

        if (from < tokens.Count)
        {
            Add(text, tokens, from, tokens.Count, headline && from == 0, sentences);
        }
    }

    private static bool IsSentenceEnd(Token token) => token.Surface is "." or "!" or "?" or "؟";

    /// <summary>
    /// The full stop of a title's one-letter abbreviation before a name — "د. محمد عاشور" (doctor),
    /// "أ. سعد", "م. خالد" (engineer) — does not end the sentence, which goes on with the speaker's
    /// name and often with what he said. ("2015 م." after a number is the era and may end it.)
    /// </summary>
    private static bool IsAbbreviationStop(List<Token> tokens, int i)
    {
        if (tokens[i].Surface != "." || i == 0 || i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Word
            || tokens[i - 1].End != tokens[i].Start)
        {
            return false;
        }

        string letter = tokens[i - 1].Surface;
        bool afterNumber = i >= 2 && tokens[i - 2].Kind == TokenKind.Number;
        return letter is "د" or "أ" or "ا" || (letter == "م" && !afterNumber);
    }

    /// <summary>Where a too-long run is cut: after the last comma or semicolon in the window's second half, else at its end.</summary>
    private static int WindowEnd(List<Token> tokens, int from, int to)
    {
        for (int i = to - 1; i > from + (to - from) / 2; i--)
        {
            if (tokens[i].Surface is "،" or "," or "؛" or ";")
            {
                return i + 1;
            }
        }

        return to;
    }

    private static void Add(string text, List<Token> tokens, int from, int to, bool headline, List<Sentence> sentences)
    {
        if (LinkTrailerEnd(tokens, from, to) is { } headlineStart)
        {
            from = headlineStart;
            headline = true;
        }

        // A sentence needs at least one word; stray punctuation is not a sentence.
        bool hasWord = false;
        for (int i = from; i < to && !hasWord; i++)
        {
            hasWord = tokens[i].IsWord;
        }

        if (!hasWord)
        {
            return;
        }

        int start = tokens[from].Start;
        int end = tokens[to - 1].End;
        sentences.Add(new Sentence(sentences.Count, start, end, text[start..end], tokens.GetRange(from, to - from), headline));
    }

    /// <summary>How far into a sentence a link trailer's colon may stand.</summary>
    private const int LinkTrailerReach = 8;

    /// <summary>
    /// A web page's link trailer, "رابط الخبر بصحيفة الوئام: العمل: ضبط 21 مخالفة": the story's own
    /// headline again behind a link label naming the paper, which is no mention of it. Where the
    /// headline starts (after the label's colon), or null for any other sentence.
    /// </summary>
    private static int? LinkTrailerEnd(List<Token> tokens, int from, int to)
    {
        if (to - from < 3 || tokens[from].Norm != "رابط" || tokens[from + 1].Norm != "الخبر")
        {
            return null;
        }

        for (int i = from + 2; i < Math.Min(to, from + LinkTrailerReach); i++)
        {
            if (tokens[i].Surface == ":")
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>Wire boilerplate: "// انتهى //" end marks and time stamps such as "17:54 ت م".</summary>
    private static bool IsBoilerplate(List<Token> tokens)
    {
        int words = 0;
        foreach (Token t in tokens)
        {
            if (t.Kind == TokenKind.Word)
            {
                words++;
                if (t.Norm is not ("انتهي" or "ت" or "م" or "ص" or "س" or "ع"))
                {
                    return false;
                }
            }
            else if (t.Kind is TokenKind.Latin)
            {
                return false;
            }
        }

        return words <= 3;
    }
}
