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
    private void FindTaggedPersons(int s)
    {
        // Tagging costs more than the rest of extraction: only sentences where a first name stands
        // unclaimed are tagged, which is where an untitled name can be.
        if (_ner is null || !HasUnclaimedFirstName(s))
        {
            return;
        }

        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        IReadOnlyList<string> tags = NerTags(s, _ner);
        int i = 0;
        while (i < tokens.Count)
        {
            if (tags[i] != "B-PERS")
            {
                i++;
                continue;
            }

            int end = i + 1;
            while (end < tokens.Count && tags[end] == "I-PERS")
            {
                end++;
            }

            if (AcceptTaggedName(s, i, end) is { } name && !NamedAfter(s, name.start))
            {
                EntityInfo person = AddPerson(s, name.start, name.end);
                i = AttachTitleAfter(s, name.end, person);
                continue;
            }

            i = end;
        }
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

    /// <summary>A first name (or و/ف + a first name) that no entity owns; "علي" only as written with ي (not على).</summary>
    private bool HasUnclaimedFirstName(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int j = 0; j < tokens.Count; j++)
        {
            if (Owner[s][j] is null && tokens[j].IsWord && IsFirstName(tokens[j]))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsFirstName(Token t)
    {
        string n = t.Norm;
        if (n.Length > 3 && n[0] is 'و' or 'ف' && !_lex.FirstNames.Contains(n))
        {
            n = n[1..];
        }

        return _lex.FirstNames.Contains(n) && (n != "علي" || t.Surface.EndsWith('ي'));
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
            || (end - start == 2 && s_nameParticles.Contains(Clitics.WithoutConjunction(tokens[start].Norm)))
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

        return (start, end);
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
        norm.Length > 3 && (norm[0] == 'ل' || (norm[0] == 'ب' && !_lex.FirstNames.Contains(norm))) && _lex.FirstNames.Contains(norm[1..]);

    /// <summary>The first word may carry the conjunction (AddPerson drops it) but not a preposition or the article.</summary>
    private bool CannotStartNameEvenCoordinated(Token t)
    {
        string n = t.Norm;
        return !_lex.FirstNames.Contains(n) && n.StartsWith("ال", StringComparison.Ordinal);
    }

    /// <summary>
    /// After a title whose name the rules turned down (a first name that is also a word: "الدكتور
    /// مساعد العيبان"; a lone surname: "الرئيس السيسي"), the tagger's person span at
    /// <paramref name="start"/>, if any. Asked only when the word there could open a name.
    /// </summary>
    private (int start, int end)? TaggedNameAfterTitle(int s, int start)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (_ner is null || start >= tokens.Count || !tokens[start].IsWord || Owner[s][start] is not null
            || _lex.IsFunctionWord(tokens[start].Norm) || (!IsFirstName(tokens[start]) && _lex.CommonWords.Contains(tokens[start].Norm)))
        {
            return null;
        }

        IReadOnlyList<string> tags = NerTags(s, _ner);
        if (tags[start] != "B-PERS")
        {
            return null;
        }

        int end = start + 1;
        while (end < tokens.Count && tags[end] == "I-PERS")
        {
            end++;
        }

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
