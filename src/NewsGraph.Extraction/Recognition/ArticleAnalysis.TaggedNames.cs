using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// Pass 3b: persons that neither a title nor a verb announces — list items ("وعادل الجبير وزير
/// الخارجية"), appositions ("أحد أبرز المرشحين هو صديق خان"), names after a verb of another kind
/// ("سيخلف بوريس جونسون"). The NER tagger decides; the rules only choose where to ask it and veto
/// spans that cannot be names.
/// </summary>
internal sealed partial class ArticleAnalysis
{
    private const int WindowBefore = 1;
    private const int WindowAfter = 5;

    private void FindTaggedPersons(int s)
    {
        if (_ner is null)
        {
            return;
        }

        // Tagging costs more than the rest of extraction: only the words around an unclaimed first
        // name are tagged (a name accepted here starts with one), not whole sentences.
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        List<int> anchors = [];
        for (int j = 0; j < tokens.Count; j++)
        {
            if (Owner[s][j] is null && tokens[j].IsWord && IsFirstName(tokens[j]) && CouldContinueTaggedName(s, j + 1))
            {
                anchors.Add(j);
            }
        }

        if (anchors.Count == 0)
        {
            return;
        }

        IReadOnlyList<string> tags = NerWindowTags(s, _ner, anchors);
        int resumeAt = 0;
        foreach (int i in anchors)
        {
            if (i < resumeAt || Owner[s][i] is not null || tags[i] != "B-PERS")
            {
                continue;
            }

            int end = PersonSpanEnd(tags, i, tokens.Count);
            if (AcceptTaggedName(s, i, end) is { } name && !NamedAfter(s, name.start))
            {
                EntityInfo person = AddPerson(s, name.start, name.end);
                resumeAt = AttachTitleAfter(s, name.end, person);
            }
        }
    }

    /// <summary>
    /// The cheap half of <see cref="AcceptTaggedName"/> for the word after a first name: a name of
    /// two words or more needs a free word there that is no function word, ordinary word, title or
    /// cue. Most first names in running text fail it and are never tagged.
    /// </summary>
    private bool CouldContinueTaggedName(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (j >= tokens.Count || !tokens[j].IsWord || Owner[s][j] is not null)
        {
            return false;
        }

        Token t = tokens[j];
        if (s_nameParticles.Contains(t.Norm) || _lex.FirstNames.Contains(t.Norm))
        {
            return true;
        }

        return !_lex.IsFunctionWord(t.Norm) && !IsCommonNotName(t.Norm) && Title(s, j) is null && Cue(s, j) is null
            && !(LooksLikeImperfectVerb(t.Norm) && !_lex.GivenNames.Contains(t.Norm));
    }

    private readonly Dictionary<(int Sentence, int From, int To), string[]> _windowTags = [];

    private readonly List<(int From, int To)> _windows = [];

    private readonly List<(int From, int To)> _freshWindows = [];

    private readonly List<string> _windowWords = new(64);

    /// <summary>
    /// Tags for sentence <paramref name="s"/>: the whole sentence's when already computed, else
    /// each window of a few words around the anchors tagged on its own ("O" elsewhere).
    /// </summary>
    private IReadOnlyList<string> NerWindowTags(int s, NerTagger ner, IReadOnlyList<int> anchors)
    {
        if (_nerTags[s] is { } whole)
        {
            return whole;
        }

        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        var tags = new string[tokens.Count];
        Array.Fill(tags, "O");

        // All windows go to the tagger in one call, each closed by "." so that each is decoded as a
        // sequence of its own (the tagger cuts after "."), which saves the per-call set-up.
        // The lists are the analysis's own, cleared per call: this runs for most sentences.
        List<(int From, int To)> windows = _windows;
        windows.Clear();
        int k = 0;
        while (k < anchors.Count)
        {
            int from = Math.Max(0, anchors[k] - WindowBefore);
            int to = Math.Min(tokens.Count, anchors[k] + WindowAfter);
            while (k + 1 < anchors.Count && anchors[k + 1] - WindowBefore <= to)
            {
                k++;
                to = Math.Min(tokens.Count, anchors[k] + WindowAfter);
            }

            windows.Add((from, to));
            k++;
        }

        // A window's tags depend on its words alone (the tagger extracts features and decodes within
        // a segment, and "." closes one), so a window asked about again is not tagged again.
        List<string> words = _windowWords;
        words.Clear();
        List<(int From, int To)> fresh = _freshWindows;
        fresh.Clear();
        foreach ((int from, int to) in windows)
        {
            if (_windowTags.ContainsKey((s, from, to)))
            {
                continue;
            }

            fresh.Add((from, to));
            for (int j = from; j < to; j++)
            {
                words.Add(tokens[j].Surface);
            }

            words.Add(".");
        }

        if (fresh.Count > 0)
        {
            IReadOnlyList<string> windowTags = ner.TagLocally(words);
            int at = 0;
            foreach ((int from, int to) in fresh)
            {
                var window = new string[to - from];
                for (int j = 0; j < window.Length; j++)
                {
                    window[j] = windowTags[at++];
                }

                _windowTags[(s, from, to)] = window;
                at++; // the "." that closed the window
            }
        }

        foreach ((int from, int to) in windows)
        {
            _windowTags[(s, from, to)].CopyTo(tags, from);
        }

        return tags;
    }

    /// <summary>"جامع الإمام تركي بن عبدالله": a name after a building's head (and an honorific) names the building.</summary>
    private bool NamedAfter(int s, int start)
    {
        int k = start;
        while (k > 0 && (Title(s, k - 1) is not null || s_namingHonorifics.Contains(Sentences[s].Tokens[k - 1].Norm)))
        {
            k--;
        }

        return AfterNamingHead(s, k);
    }

    /// <summary>
    /// First names in the lists that running text far more often uses as ordinary words (الآن،
    /// أكبر، أنا، رمضان، باسم): never where the tagger is asked (measured on 4,000 corpus articles:
    /// hundreds of lookups each, almost no names).
    /// </summary>
    private static readonly WordSet s_mostlyWords = WordSets.Set("mostly-words");

    /// <summary>
    /// A first name, or و/ف + a first name. "علي" and "آنا" count only as written so (IsNameDespiteFolding):
    /// on, and I, normalize to the same letters and are function words.
    /// </summary>
    private bool IsFirstName(Token t)
    {
        string n = t.Norm;
        if (IsNameDespiteFolding(t))
        {
            return true;
        }

        // The first-name lists first: most words are not in them, and then the word lists are not
        // asked (the same answer as asking them first, in fewer lookups; this runs for every free word).
        bool listed = _lex.FirstNames.Contains(n) || (n.Length > 3 && n[0] is 'و' or 'ف' && _lex.FirstNames.Contains(n.AsSpan(1)));
        return listed && !s_mostlyWords.Contains(n) && !_lex.IsFunctionWord(n);
    }

    /// <summary>
    /// The tagger's span [start, end) as a name, trimmed of a trailing short or common word, or null:
    /// two to six words, all free, none a function word, title or cue, opening with a first name.
    /// </summary>
    private (int start, int end)? AcceptTaggedName(int s, int start, int end, bool requireFirstName = true)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        // "محمد بن سلمان ود." — the tagger runs a name into "و + د." (and Dr.) or a common word after it.
        while (end - start > 2 && (tokens[end - 1].Norm.Length <= 2 || IsCommonNotName(tokens[end - 1].Norm) || CannotContinueName(tokens[end - 1], end - 1 - start)))
        {
            end--;
        }

        // "فيصل بن": a particle does not end a name.
        while (end - start > 1 && s_nameParticles.Contains(tokens[end - 1].Norm))
        {
            end--;
        }

        if (end - start < 2 || end - start > MaxNameTokens + 2 || (requireFirstName && !IsFirstName(tokens[start])) || CannotStartNameEvenCoordinated(tokens[start])
            || (end - start == 2 && s_nameParticles.Contains(tokens[start].WithoutConjunction))
            || IsPrepositionOnName(tokens[start].Norm) || AfterUnknownWord(s, start))
        {
            return null; // "عبد رب"، "وعبد الله" alone: half a name at best; "لمحمد …": to someone
        }

        for (int j = start; j < end; j++)
        {
            Token t = tokens[j];
            bool particle = s_nameParticles.Contains(t.Norm);
            // A one-word title can be a first name the tagger saw as one (مساعد = assistant, and a name).
            bool titleAsName = j == start && Title(s, j) is { Length: 1 };
            if (!t.IsWord || Owner[s][j] is not null || (Title(s, j) is not null && !titleAsName) || Cue(s, j) is not null
                || (!particle && !IsNameDespiteFolding(t) && _lex.IsFunctionWord(t.Norm))
                || (j > start && !particle && CannotContinueName(t, j - start) && !(j == start + 1 && t.Norm.StartsWith("ال", StringComparison.Ordinal))))
            {
                return null;
            }

            // "حسن الجوار"، "هلال أحمر"، "سلطان ينزل": after the first name, an ordinary word or a verb
            // means the tagger read a phrase as a name.
            // "معاذ الله"، "محمد صل الله عليه وسلم", "رضا الناس" likewise.
            if (j > start && !particle && !_lex.FirstNames.Contains(t.Norm)
                && (IsCommonNotName(t.Norm) || (LooksLikeImperfectVerb(t.Norm) && !_lex.GivenNames.Contains(t.Norm))
                    || t.Norm.Length <= 2 || (t.Norm == "الله" && tokens[j - 1].Norm is not ("عبد" or "وعبد")) || (t.Norm.StartsWith("ال", StringComparison.Ordinal) && _lex.NeverPersonWords.Contains(t.Norm))))
            {
                return null;
            }
        }

        return (start, FamilyNameAfter(s, start, end) ? end + 1 : end);
    }

    /// <summary>
    /// "قالت الدكتورة مريم حسن العلوي، إن"، "عبدالله محمد الخليفي، رئيس": the tagger stops before a
    /// family name with the article that is also an ordinary word (a nisba, a noun). Right after two
    /// name words and before a comma, a full stop, أن/إن or a title, it closes the name (not after a
    /// family name with the article: "نجيب السيهاتي العرض").
    /// </summary>
    private bool FamilyNameAfter(int s, int start, int end)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (end >= tokens.Count || end - start > MaxNameTokens || !tokens[end].IsWord || Owner[s][end] is not null
            || Title(s, end) is not null || Cue(s, end) is not null || _lex.IsFunctionWord(tokens[end].Norm) || DateWords.TryWeekday(tokens[end].Norm, out _)
            || tokens[end - 1].Norm.StartsWith("ال", StringComparison.Ordinal))
        {
            return false;
        }

        List<int> words = [.. Enumerable.Range(start, end - start)];
        return IsFamilyNameBeforeBoundary(s, words, end);
    }

    /// <summary>
    /// "والمتطرف خاس محمد تشارانوف"، "أكد بخاري دان مالام": an unclaimed word that is no ordinary word
    /// right before the span is likely the start of the same name, which the tagger cut short.
    /// </summary>
    private bool AfterUnknownWord(int s, int start)
    {
        if (start == 0)
        {
            return false;
        }

        Token before = Sentences[s].Tokens[start - 1];
        return before.IsWord && Owner[s][start - 1] is null && !_lex.IsFunctionWord(before.Norm) && !_lex.CommonWords.Contains(before.Norm)
            && !_lex.NeverPersonWords.Contains(before.Norm) && Title(s, start - 1) is null && Cue(s, start - 1) is null && !before.Norm.StartsWith("ال", StringComparison.Ordinal);
    }

    /// <summary>ل or ب glued to a first name ("لمحمد"): a preposition on a name, which a name does not start with.</summary>
    private bool IsPrepositionOnName(string norm) =>
        norm.Length > 3 && (norm[0] == 'ل' || (norm[0] == 'ب' && !_lex.FirstNames.Contains(norm))) && _lex.FirstNames.Contains(norm.AsSpan(1));

    /// <summary>The first word may carry the conjunction (AddPerson drops it) but not a preposition, the article or an imperfect verb ("يصافح").</summary>
    private bool CannotStartNameEvenCoordinated(Token t)
    {
        string n = t.Norm;
        return !_lex.FirstNames.Contains(n) && (n.StartsWith("ال", StringComparison.Ordinal) || IsImperfectVerbNotName(n));
    }

    /// <summary>
    /// After a title whose name the rules turned down (a first name that is also a word: "الدكتور
    /// مساعد العيبان"; a lone surname: "الرئيس السيسي"), the tagger's person span at
    /// <paramref name="start"/>, if any. Asked only when the word there could open a name.
    /// </summary>
    private (int start, int end)? TaggedNameAfterTitle(int s, int start)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (_ner is null || start >= tokens.Count || !tokens[start].IsWord || Owner[s][start] is not null || _lex.IsFunctionWord(tokens[start].Norm))
        {
            return null;
        }

        // Asked only where a name is plausible: a first name or an unknown word that a name could
        // continue ("السناتور لامار ألكسندر"), or a lone family name with the article that is no
        // ordinary word.
        Token first = tokens[start];
        bool familyName = first.Norm.StartsWith("ال", StringComparison.Ordinal) && !_lex.CommonWords.Contains(first.Norm) && !_lex.NeverPersonWords.Contains(first.Norm);
        if (!familyName && !((IsFirstName(first) || !_lex.CommonWords.Contains(first.Norm)) && CouldContinueTaggedName(s, start + 1)))
        {
            return null;
        }

        IReadOnlyList<string> tags = NerWindowTags(s, _ner, [start]);
        if (tags[start] != "B-PERS")
        {
            return null;
        }

        int end = PersonSpanEnd(tags, start, tokens.Count);
        if (end - start == 1)
        {
            // A lone family name after a title ("الرئيس السيسي"): with the article, not an ordinary
            // word, a verb or a body's head. (A lone given name — "الأمير فيصل" — is too ambiguous a key.)
            Token only = tokens[start];
            return only.Norm.StartsWith("ال", StringComparison.Ordinal) && !IsCommonNotName(only.Norm) && !_lex.NeverPersonWords.Contains(only.Norm) && !_lex.OrganizationHeads.Contains(only.Norm)
                && Title(s, start) is null && Cue(s, start) is null && !CannotContinueName(only, 0) && !IsPrepositionalCommonWord(only)
                ? (start, end)
                : null;
        }

        return AcceptTaggedName(s, start, end, requireFirstName: false);
    }
}
