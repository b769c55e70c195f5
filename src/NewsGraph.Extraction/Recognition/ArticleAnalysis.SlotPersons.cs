using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// Pass 3c: the speaker or participant slot of a reporting or meeting cue — where a missed name
/// costs a relation — when no pass has claimed the word there: right after the cue ("وقال ويل
/// تيرنر"، "أكد يانيس فاروفاكيس"، "وأضاف زاده") or behind what may stand between a cue and a name
/// (<see cref="FindPersonSlots"/>: "وتقول الأستاذة نوال"، "وقالت لها ويلما تانسي"). The tagger reads a window of a few words from the slot; every
/// span of one to five free words opening there is a candidate, described by what the tagger said,
/// which word lists its words are in, what follows it and how often its last word recurs in the
/// article, and the person span model (<see cref="SpanModel"/>, <c>newsgraph train person-spans</c>)
/// takes the likeliest span per slot when it is confident enough. Without the model the tagger's
/// span is vetted by the name rules, as before the model (only right after the cue). Only these
/// windows are tagged: tagging whole sentences quartered extraction throughput.
/// </summary>
internal sealed partial class ArticleAnalysis
{
    private const int MaxSlotSpanTokens = MaxNameTokens + 1;

    /// <summary>How many titles, describing words or demonyms a slot may stand behind its cue.</summary>
    private const int MaxSlotSkips = 2;

    /// <summary>Every person span candidate considered, with its features and probability (for training and inspection; empty unless asked for).</summary>
    public List<SpanCandidate> PersonSpanCandidates { get; } = [];

    private readonly List<(int Slot, string After)> _personSlots = [];

    private readonly List<int> _personSlotAnchors = [];

    private static readonly WordSet s_addresseePronouns = WordSets.Set("addressee-pronouns");

    private void FindSlotPersons(int s)
    {
        if (_ner is null || !FindPersonSlots(s))
        {
            return;
        }

        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        IReadOnlyList<string> tags = NerWindowTags(s, _ner, _personSlotAnchors);
        foreach ((int slot, string after) in _personSlots)
        {
            if (Owner[s][slot] is not null)
            {
                continue; // taken by the span of an earlier slot
            }

            (int Start, int End)? name = _personSpans is not null || _keepSpanCandidates ? DecideSlotSpan(s, slot, after, tags) : null;
            if (_personSpans is null && after == "cue" && tags[slot] == "B-PERS")
            {
                // The rules' decision, as before the span model: the tagger's span, vetted.
                name = AcceptTaggedName(s, slot, PersonSpanEnd(tags, slot, tokens.Count), requireFirstName: false);
            }

            if (name is { } span && !NamedAfter(s, span.Start))
            {
                EntityInfo person = _personSpans is null ? AddPerson(s, span.Start, span.End) : AddPerson(s, span.Start, span.End, SlotConjunction(s, span.Start));
                AttachTitleAfter(s, span.End, person);
            }
        }
    }

    /// <summary>
    /// The slots of sentence <paramref name="s"/> into <see cref="_personSlots"/>: the free word after a
    /// reporting or meeting cue, and the free word after what may stand between the cue and a name —
    /// a title the title pass found no name behind ("وتقول الأستاذة نوال"), a describing word
    /// ("وقال الفلكي ملهم هندي"), a demonym ("شدد المدرب الروماني ريجيكامب"), مع after a meeting cue.
    /// Any مع after a meeting verb or noun opens such a chain too, as far from its cue as it stands
    /// ("بحث X، الاثنين، مع وزير الخارجية الصومالي عبد الرحمن …"، "أجرى محادثات مع …").
    /// </summary>
    private bool FindPersonSlots(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        _personSlots.Clear();
        _personSlotAnchors.Clear();
        int meeting = FirstMeetingCue(s);
        for (int j = 0; j < tokens.Count; j++)
        {
            int k;
            string after;
            CueKind cueKind;
            if (Cue(s, j) is { Value: CueKind.Stated or CueKind.Met } cue)
            {
                (k, after, cueKind) = (cue.End, "cue", cue.Value);
            }
            else if (meeting >= 0 && j > meeting && tokens[j].Norm == "مع")
            {
                // "بحث X، الاثنين، مع وزير الخارجية الصومالي عبد الرحمن محمد ورسمي"، "محادثات مع …":
                // the other party of a meeting the sentence names, however far from its cue.
                (k, after, cueKind) = (j + 1, "with", CueKind.Met);
            }
            else
            {
                continue;
            }

            int cueEnd = k;
            bool reporting = cueKind == CueKind.Stated && after == "cue";
            for (int step = 0; step <= MaxSlotSkips && k < tokens.Count; step++)
            {
                // A name the learned or well-known lists hold is left to their passes, which key it by the full name.
                if (IsFreeNameWord(s, k) && Cue(s, k) is null && Title(s, k) is null && !_personSlotAnchors.Contains(k)
                    && _knownPersons.At(s, k) is null && _wellKnownPersons.At(s, k) is null)
                {
                    _personSlots.Add((k, after));
                    _personSlotAnchors.Add(k);
                }

                (int Length, string Kind)? skip = SkippableBeforeName(s, k, cueKind);
                if (skip is null)
                {
                    break;
                }

                k += skip.Value.Length;
                after = skip.Value.Kind;
            }

            if (reporting)
            {
                AddSlotsBeforeContent(s, cueEnd);
            }
        }

        // The tagger's windows are built from the anchors in order; slots read backwards come after the chains.
        _personSlotAnchors.Sort();
        return _personSlots.Count > 0;
    }

    /// <summary>How far after a reporting cue its content's opener is looked for, for <see cref="AddSlotsBeforeContent"/>.</summary>
    private const int ContentOpenerReach = 14;

    /// <summary>How many words right before the content's opener may be a name.</summary>
    private const int MaxNameWordsBeforeContent = 4;

    /// <summary>
    /// Slots read backwards from what was said: "قال المحلل السياسي الصومالي حسن شيخ علي إن …"،
    /// "وأشار القيادي في المقاومة الشعبية بالجنوب شلال علي شابع إلى أن …" — a title too long for the
    /// forward chain of <see cref="SkippableBeforeName"/>, the name standing right before إن/أن, a colon
    /// or a quotation mark. Every free word among the last few before the opener that has no article
    /// opens a slot, earliest first; the span model decides which, if any, names someone.
    /// </summary>
    private void AddSlotsBeforeContent(int s, int from)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int opener = -1;
        for (int k = from; k < tokens.Count && k - from <= ContentOpenerReach; k++)
        {
            if (Cue(s, k) is not null || tokens[k].Surface is "." or "؟" or "!")
            {
                return; // another clause, or the sentence ends first
            }

            if (s_complementizerWords.Contains(tokens[k].Norm) || tokens[k].Surface == ":" || tokens[k].Kind == TokenKind.Quote)
            {
                opener = tokens[k].Norm == "ان" && k > from && tokens[k - 1].Norm is "الي" or "علي" ? k - 1 : k; // "إلى أن"
                break;
            }
        }

        if (opener < 0)
        {
            return;
        }

        int end = opener > from && tokens[opener - 1].Surface is "،" or "," ? opener - 1 : opener;
        int start = end;
        int words = 0;
        while (start > from && words < MaxNameWordsBeforeContent && IsFreeNameWord(s, start - 1))
        {
            start--;
            words += s_nameParticles.Contains(tokens[start].Norm) ? 0 : 1; // "محمد بن هادي الشمراني": بن is no word of its own
        }

        if (start == end || start == from || _personSlotAnchors.Exists(a => a >= start && a < end))
        {
            return; // no name-like words, or they follow the cue at once or a chain from it reached them (the forward slot's)
        }

        // The first slot of the run is told apart from the later ones: a name opens the run far more
        // often than it starts inside it.
        string kind = "before-content";
        for (int p = start; p < end; p++)
        {
            if (!tokens[p].Norm.StartsWith("ال", StringComparison.Ordinal) && !_personSlotAnchors.Contains(p) && Title(s, p) is null
                && _knownPersons.At(s, p) is null && _wellKnownPersons.At(s, p) is null)
            {
                _personSlots.Add((p, kind));
                _personSlotAnchors.Add(p);
                kind = "before-content-inner";
            }
        }
    }

    /// <summary>Where the sentence's first meeting verb or noun stands (-1: none).</summary>
    private int FirstMeetingCue(int s)
    {
        for (int j = 0; j < Sentences[s].Tokens.Count; j++)
        {
            if (Cue(s, j) is { Value: CueKind.Met or CueKind.MetNoun })
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>What may stand between a cue and a name at <paramref name="k"/>, and how many words it takes.</summary>
    private (int Length, string Kind)? SkippableBeforeName(int s, int k, CueKind cue)
    {
        Token t = Sentences[s].Tokens[k];
        if (Owner[s][k] is { } m)
        {
            return m.Form == MentionForm.Demonym && m.End == k + 1 ? (1, "demonym") : null;
        }

        if (Title(s, k) is { } title)
        {
            return (title.Length, "title");
        }

        if (!t.IsWord)
        {
            return null;
        }

        if (s_addresseePronouns.Contains(t.Norm))
        {
            return (1, "pronoun");
        }

        if (cue == CueKind.Met && t.Norm == "مع")
        {
            return (1, "with");
        }

        return t.Norm.StartsWith("ال", StringComparison.Ordinal) && !_lex.IsFunctionWord(t.Norm) && Cue(s, k) is null ? (1, "descriptor") : null;
    }

    /// <summary>A one-word demonym or place with the article (التركي، المصري، السويد): family names too.</summary>
    private bool IsFamilyNameReadAsPlace(int s, int j) =>
        Owner[s][j] is { Entity.Kind: NodeKind.State or NodeKind.Place } m && m.Start == j && m.End == j + 1
        && Sentences[s].Tokens[j].Norm.StartsWith("ال", StringComparison.Ordinal);

    private bool IsFreeNameWord(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        return j < tokens.Count && tokens[j].IsWord && Owner[s][j] is null && (!_lex.IsFunctionWord(tokens[j].Norm) || IsNameDespiteFolding(tokens[j]))
            && !s_addresseePronouns.Contains(tokens[j].Norm);
    }

    /// <summary>The spans opening at <paramref name="slot"/>, scored by the model when there is one; the likeliest when it reaches the threshold.</summary>
    private (int Start, int End)? DecideSlotSpan(int s, int slot, string after, IReadOnlyList<string> tags)
    {
        List<SpanCandidate> spans = SlotSpans(s, slot, after, tags);
        if (_keepSpanCandidates)
        {
            PersonSpanCandidates.AddRange(spans);
        }

        return _personSpans?.Choose(spans) is { } best ? (best.Start, best.End) : null;
    }

    private List<SpanCandidate> SlotSpans(int s, int slot, string after, IReadOnlyList<string> tags)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        var spans = new List<SpanCandidate>();
        int taggerEnd = tags[slot] == "B-PERS" ? PersonSpanEnd(tags, slot, tokens.Count) : slot;
        // What the name rules make of the tagger's span: everything they know, as one feature.
        (int Start, int End)? ruled = tags[slot] == "B-PERS" ? AcceptTaggedName(s, slot, taggerEnd, requireFirstName: false) : null;
        for (int end = slot + 1; end <= Math.Min(tokens.Count, slot + MaxSlotSpanTokens); end++)
        {
            int last = end - 1;
            Token t = tokens[last];
            if (last > slot && IsFamilyNameReadAsPlace(s, last))
            {
                // "منصور التركي": a family name the gazetteer read as a demonym or place may close the
                // name (AddPerson takes it back from the state or place), and nothing goes on after it.
                var closed = new SpanCandidate(s, slot, end, tokens[slot].Norm);
                DescribeSlotSpan(closed, after, tags[slot], taggerEnd, ruled);
                closed.Features.Add("closes-with-place-word");
                spans.Add(closed);
                break;
            }

            bool particle = s_nameParticles.Contains(t.Norm);
            // A name never runs over punctuation, a claimed word, a title, a cue or a function word.
            if (!t.IsWord || Owner[s][last] is not null || (last > slot && (Title(s, last) is not null || Cue(s, last) is not null))
                || (!particle && !IsNameDespiteFolding(t) && _lex.IsFunctionWord(t.Norm)))
            {
                break;
            }

            if (particle)
            {
                continue; // "فيصل بن": a particle does not end a name
            }

            var c = new SpanCandidate(s, slot, end, tokens[slot].Norm);
            DescribeSlotSpan(c, after, tags[slot], taggerEnd, ruled);
            spans.Add(c);
        }

        return spans;
    }

    private void DescribeSlotSpan(SpanCandidate c, string after, string tag, int taggerEnd, (int Start, int End)? ruled)
    {
        IReadOnlyList<Token> tokens = Sentences[c.Sentence].Tokens;
        int length = c.End - c.Start;
        string next = c.End < tokens.Count ? WordShape(c.Sentence, c.End) : "end";
        string agreement = tag != "B-PERS" ? "none" : taggerEnd == c.End ? "same" : taggerEnd > c.End ? "longer" : "shorter";
        List<string> f = c.Features;
        f.Add("length=" + length);
        f.Add("after=" + after);
        f.Add("tag=" + tag);
        f.Add("tagger-span=" + agreement);
        f.Add($"tagger-span×length={agreement}×{Math.Min(length, 3)}");
        f.Add("rules=" + (ruled is null ? "none" : ruled == (c.Start, c.End) ? "same" : "other"));
        f.Add("next=" + next);
        f.Add($"length×next={Math.Min(length, 3)}×{next}");
        string first = NameWordClassAt(c.Sentence, c.Start);
        string lastClass = NameWordClassAt(c.Sentence, c.End - 1);
        f.Add("first=" + first);
        f.Add($"first×length={first}×{Math.Min(length, 3)}");
        f.Add($"first×tag={first}×{tag}");
        if (length > 1)
        {
            f.Add("last=" + lastClass);
            for (int k = c.Start + 1; k < c.End - 1; k++)
            {
                f.Add("inner=" + NameWordClassAt(c.Sentence, k));
            }
        }

        int recurs = WordCount(tokens[c.End - 1].Norm);
        f.Add($"last-recurs×length={Math.Min(recurs, 3)}×{Math.Min(length, 2)}");
        if (length == 1 && FindPersonBySurname(SingleWordPersonNorm(tokens[c.Start].Norm)) is not null)
        {
            f.Add("surname-of-someone-named");
        }

        if (length == 1 && first == "first-name" && OpensNameOfSomeoneNamed(tokens[c.Start].Norm))
        {
            f.Add("first-name-of-someone-named"); // "وقال خالد" after "خالد الفيصل": annotators seldom list a first name alone
        }

        if (tokens[c.Start].Norm.Length > 3 && tokens[c.Start].Forms.Length > 1)
        {
            f.Add("first-clitic=" + tokens[c.Start].Norm[0]);
        }
    }

    /// <summary>
    /// <see cref="NameWordClass"/> of token <paramref name="j"/> of sentence <paramref name="s"/>, kept:
    /// a slot's five spans share their first word and most of their others.
    /// </summary>
    private string NameWordClassAt(int s, int j)
    {
        _nameWordClasses ??= new string?[]?[Sentences.Count];
        string?[] classes = _nameWordClasses[s] ??= new string?[Sentences[s].Tokens.Count];
        return classes[j] ??= NameWordClass(Sentences[s].Tokens[j]);
    }

    /// <summary>Per sentence and token, its <see cref="NameWordClass"/> once asked (allocated when a span is first described).</summary>
    private string?[]?[]? _nameWordClasses;

    /// <summary>A coarse description of a word that may be part of a name: which lists know it and how it looks.</summary>
    private string NameWordClass(Token t)
    {
        string n = t.Norm;
        return IsFirstName(t) ? "first-name"
            : _lex.GivenNames.Contains(n) ? "given"
            : _lex.NeverPersonWords.Contains(n) ? "never-person"
            : IsCommonNotName(n) ? "common"
            : HasTanween(t) ? "tanween"
            : n.Length <= 2 ? "short"
            : n.StartsWith("ال", StringComparison.Ordinal) ? (IsNisbaAdjective(n) ? "definite-nisba" : "definite")
            : LooksLikeImperfectVerb(n) ? "maybe-verb"
            : "other";
    }

    private bool OpensNameOfSomeoneNamed(string firstName)
    {
        string norm = PersonNorm(firstName);
        foreach (EntityInfo e in _entities.Values)
        {
            if (e.Kind == NodeKind.Person && e.Name.IndexOf(' ', StringComparison.Ordinal) is > 0 and int space
                && string.Equals(PersonNorm(e.Name[..space]), norm, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name a person span candidate would give (for training and inspection).</summary>
    public string PersonSpanText(SpanCandidate c) => PersonSurface(c.Sentence, c.Start, c.End, SlotConjunction(c.Sentence, c.Start));

    /// <summary>
    /// Whether a و opening a slot's first word is a conjunction: only when a first name remains
    /// ("ومحمد") and the whole word is none. Right after its cue a subject seldom carries one, and
    /// names that open with و are many ("وانتشوب"، "وارنر"، "وليم"). A preposition on a first name
    /// ("لفيصل") goes as everywhere.
    /// </summary>
    private bool SlotConjunction(int s, int j)
    {
        string n = Sentences[s].Tokens[j].Norm;
        return n.Length > 3 && !_lex.FirstNames.Contains(n) && ((n[0] is 'و' or 'ف' && _lex.FirstNames.Contains(n.AsSpan(1))) || IsPrepositionOnName(n));
    }

    /// <summary>How often each word occurs in the article; counted when a span candidate first asks.</summary>
    private WordOccurrences? _wordOccurrences;

    private int WordCount(string norm) => (_wordOccurrences ??= new WordOccurrences(Sentences)).Count(norm);
}
