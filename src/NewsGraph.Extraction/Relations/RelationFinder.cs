using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Relations;

/// <summary>A relation found in the text, before keys and dates are attached.</summary>
internal sealed record FoundRelation(
    RelationType Type,
    EntityInfo From,
    EntityInfo To,
    int Sentence,
    string? Verb = null,
    EntityInfo? Place = null,
    MembershipStatus? Status = null,
    string? Role = null);

/// <summary>
/// Reads relations off an analysed article: statements (who said what), meetings, phone calls,
/// memberships and roles. Works sentence by sentence and keeps the last speaker and the last
/// acting person, so a dropped subject ("وأوضح أن …") goes to whoever was speaking.
/// </summary>
internal sealed class RelationFinder(ArticleAnalysis analysis)
{
    private static readonly HashSet<string> s_complementizers = new(["ان", "انه", "انها", "اننا", "انهم", "انهما", "انني", "بان", "بانه", "بانها", "بانهم", "لان"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_prepositionalComplements = new(["علي", "الي", "من", "عن"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_directObjectVerbs = new(["اكد", "اكدت", "نفي", "نفت", "اعتبر", "اعتبرت", "جدد", "جددت", "اعلن", "اعلنت", "توقعت", "توقع", "طالب", "طالبت"], StringComparer.Ordinal);

    private readonly ArabicLexicon _lex = analysis.Lexicon;
    private readonly List<FoundRelation> _relations = [];
    private EntityInfo? _lastSpeaker;
    private EntityInfo? _lastActor;
    private int _lastSpeakerSentence = -10;

    public IReadOnlyList<FoundRelation> Relations => _relations;

    /// <summary>Claims made, with their speaker: claim entities are created by the caller from the text spans.</summary>
    public List<ClaimSpan> Claims { get; } = [];

    public void Run()
    {
        for (int s = 0; s < analysis.Sentences.Count; s++)
        {
            FindStatements(s);
            FindMeetings(s);
            FindMemberships(s);
            UpdateActor(s);
        }

        FindRoles();
    }

    // ------------------------------------------------------------------ STATED

    private void FindStatements(int s)
    {
        Sentence sentence = analysis.Sentences[s];
        IReadOnlyList<Token> tokens = sentence.Tokens;

        if (sentence.IsHeadline && TryHeadline(s))
        {
            return;
        }

        if (TryAccordingTo(s))
        {
            return;
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (analysis.Cue(s, i) is not { Value: CueKind.Stated } cue)
            {
                continue;
            }

            if (analysis.Owner[s][i] is { Entity.Kind: NodeKind.Person or NodeKind.Organization } && analysis.Owner[s][i]!.Form != MentionForm.Title)
            {
                continue; // the cue word is part of a name
            }

            string verb = tokens[i].Surface;
            List<EntityInfo> speakers = SpeakersAfter(s, cue.End, out int afterSpeaker);
            if (speakers.Count == 0)
            {
                speakers = SpeakerBefore(s, i);
                afterSpeaker = cue.End;
            }

            bool dropped = false;
            if (speakers.Count == 0)
            {
                // A dropped subject ("وأوضح أن …") continues the last speaker; an unrecognized subject
                // ("أكد الطرفان", "أعلنت سلطات محلية") must not be given to anyone.
                if (_lastSpeaker is null || s - _lastSpeakerSentence > 3 || !OpensComplement(s, cue.End) || IsPluralVerb(cue.FirstForm))
                {
                    continue;
                }

                speakers = [_lastSpeaker];
                dropped = true;
            }
            else if (cue.FirstForm is "بين" or "وبين" && !(afterSpeaker < tokens.Count && s_complementizers.Contains(tokens[afterSpeaker].Norm)))
            {
                continue; // بين + speaker is a statement only with أن after it
            }

            if (i > 0 && tokens[i - 1].Norm == "كما" && afterSpeaker >= LastWord(tokens) && i > 4)
            {
                // "… العمليات في منطقة دلتا النيجر، كما أعلن المتحدث X": the content came first.
                int claimEnd = i - 1;
                while (claimEnd > 0 && tokens[claimEnd - 1].IsPunctuation)
                {
                    claimEnd--;
                }

                foreach (EntityInfo speaker in speakers)
                {
                    Claims.Add(new ClaimSpan(speaker, s, 0, claimEnd, verb));
                }

                _lastSpeaker = speakers[0];
                _lastSpeakerSentence = s;
                continue;
            }

            int? claimStart = ClaimStart(s, afterSpeaker, cue.FirstForm, dropped);
            if (claimStart is not { } start || start >= tokens.Count)
            {
                continue;
            }

            int end = ClaimEnd(s, start);
            if (end - start < 2)
            {
                continue;
            }

            foreach (EntityInfo speaker in speakers)
            {
                Claims.Add(new ClaimSpan(speaker, s, start, end, verb));
            }

            _lastSpeaker = speakers[0];
            _lastSpeakerSentence = s;
            i = end - 1;
        }
    }

    /// <summary>"وطالب بعض أعضاء أوبك": a quantifier opens an explicit (if unnamed) subject.</summary>
    private static readonly HashSet<string> s_quantifiers = new(["بعض", "كل", "جميع", "عدد", "عده", "كافه", "غير", "معظم", "اغلب", "احد", "احدي"], StringComparer.Ordinal);

    private static readonly HashSet<string> s_partyNouns = new(["الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الوزيران", "الرئيسان", "الجميع"], StringComparer.Ordinal);

    /// <summary>True when what follows a reporting verb is its content or an adjunct, not an (unrecognized) subject.</summary>
    private bool OpensComplement(int s, int j)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (j >= tokens.Count)
        {
            return false;
        }

        Token t = tokens[j];
        string n = Clitics.WithoutConjunction(t.Norm);
        return t.Surface.StartsWith("..", StringComparison.Ordinal) || t.Surface == ":" || t.Kind == TokenKind.Quote
            || s_complementizers.Contains(t.Norm) || s_prepositionalComplements.Contains(t.Norm)
            || (_lex.IsFunctionWord(t.Norm) && !s_partyNouns.Contains(n) && !s_quantifiers.Contains(n));
    }

    /// <summary>قالوا، اكدوا: a plural verb cannot continue a single speaker.</summary>
    private static bool IsPluralVerb(string form) => form.EndsWith("وا", StringComparison.Ordinal);

    private static int LastWord(IReadOnlyList<Token> tokens)
    {
        int k = tokens.Count;
        while (k > 0 && tokens[k - 1].IsPunctuation)
        {
            k--;
        }

        return k;
    }

    /// <summary>"أنطونوف: “داعش” يقوم بتفريخ الإرهابيين …" — a headline that gives the speaker before a colon.</summary>
    private bool TryHeadline(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        int colon = -1;
        for (int i = 1; i < Math.Min(tokens.Count, 8); i++)
        {
            if (tokens[i].Surface == ":")
            {
                colon = i;
                break;
            }
        }

        if (colon < 0 || analysis.Owner[s][colon - 1] is not { } m || m.End != colon || m.Start > 2 || !IsSpeaker(m))
        {
            return false;
        }

        int end = ClaimEnd(s, colon + 1);
        if (end - colon - 1 < 3)
        {
            return false;
        }

        Claims.Add(new ClaimSpan(SpeakerEntity(m), s, colon + 1, end, ":"));
        return true;
    }

    /// <summary>"ووفقا لإحصاءات وكالة «رويترز»، قتل …" — attribution to a source.</summary>
    private bool TryAccordingTo(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        // Only an attribution that opens the sentence governs it ("ووفقا لـ X، …"); a parenthetical
        // one ("وأكد الجبوري، بحسب البيان، أن …") leaves the main verb in charge.
        for (int i = 0; i < Math.Min(tokens.Count, 2); i++)
        {
            if (analysis.Cue(s, i) is not { Value: CueKind.According })
            {
                continue;
            }

            for (int j = i + 1; j < Math.Min(tokens.Count, i + 5); j++)
            {
                if (analysis.Owner[s][j] is { } m && IsSpeaker(m) && m.Form != MentionForm.Title)
                {
                    int start = m.End;
                    while (start < tokens.Count && !tokens[start].IsWord)
                    {
                        start++;
                    }

                    int end = ClaimEnd(s, start);
                    if (end - start >= 3)
                    {
                        Claims.Add(new ClaimSpan(SpeakerEntity(m), s, start, end, tokens[i].Surface));
                        return true;
                    }

                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>The subject right after a reporting verb: one mention, or several joined by و (أكدت اوبك وروسيا).</summary>
    private List<EntityInfo> SpeakersAfter(int s, int from, out int end)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var speakers = new List<EntityInfo>();
        end = from;
        int j = from;
        // An addressee comes before the subject: "أعلن لوكالة الصحافة الفرنسية المتحدث باسم الجيش".
        while (j < tokens.Count && analysis.Owner[s][j] is { } addressee && addressee.Entity.Kind != NodeKind.Person
            && tokens[j].Norm.StartsWith('ل') && !tokens[j].Norm.StartsWith("ال", StringComparison.Ordinal))
        {
            j = addressee.End;
        }

        // "وأشار البرلماني الألماني نوي": descriptive words before a known person.
        int k = j;
        while (k < tokens.Count && k - j < 3 && (analysis.Owner[s][k] is { Entity.Kind: NodeKind.State, Form: MentionForm.Demonym }
            || (analysis.Owner[s][k] is null && tokens[k].Norm.StartsWith("ال", StringComparison.Ordinal) && !_lex.IsFunctionWord(tokens[k].Norm))))
        {
            k++;
        }

        if (k > j && k < tokens.Count && analysis.Owner[s][k] is { Entity.Kind: NodeKind.Person })
        {
            j = k;
        }

        // "من جهته أكد …", honorifics: the subject may follow a title that resolved to a person.
        while (j < tokens.Count && analysis.Owner[s][j] is { } m && IsSpeaker(m))
        {
            EntityInfo e = SpeakerEntity(m);
            if (!speakers.Contains(e))
            {
                speakers.Add(e);
            }

            j = MentionEnd(s, m);
            end = j;
            if (j < tokens.Count && analysis.Owner[s][j] is { } next && IsSpeaker(next) && tokens[j].Norm.StartsWith('و'))
            {
                continue; // coordinated subject
            }

            break;
        }

        if (speakers.Count == 0 && j < tokens.Count && ShortFormReferent(s, j) is { } referent)
        {
            speakers.Add(referent);
            end = j + 1;
        }

        return speakers;
    }

    /// <summary>Subject before the verb: "وكانت لجنة مكافحة الإرهاب الروسية أعلنت …", "السلطات … أن".</summary>
    private List<EntityInfo> SpeakerBefore(int s, int verbIndex)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        int j = verbIndex - 1;
        if (j > 0 && tokens[j].Norm == "قد")
        {
            j--; // "وكانت وزارة الخارجية المصرية قد أعلنت"
        }

        if (j >= 0 && analysis.Owner[s][j] is { } m && IsSpeaker(m) && m.End == j + 1)
        {
            int k = m.Start - 1;
            // Only when the subject opens the clause: "وكانت X أعلنت", "X أكد".
            if (k < 0 || tokens[k].Norm is "كان" or "كانت" or "وكان" or "وكانت" || !tokens[k].IsWord)
            {
                return [SpeakerEntity(m)];
            }
        }

        // "وكان رئيس الوزراء الإثيوبي دانيئيل تسفاي قد ألقى … كلمة دعا فيها": the sentence opens with
        // its subject (after و/كان) and no other reporting verb intervenes.
        int open = 0;
        while (open < verbIndex && tokens[open].Norm is "و" or "كان" or "كانت" or "وكان" or "وكانت" or "ثم" or "كما")
        {
            open++;
        }

        if (open < verbIndex && analysis.Owner[s][open] is { } opener && opener.Entity.Kind is NodeKind.Person or NodeKind.Organization
            && !Enumerable.Range(open, verbIndex - open).Any(b => analysis.Cue(s, b) is { Value: CueKind.Stated or CueKind.Met }))
        {
            return [opener.Entity];
        }

        // "ويذكر أن نائب البرلمان الألماني، ألكسندر نوي، المنتمي لحزب … أشار": the clause's subject
        // stands earlier, with only modifiers (no other verb) in between.
        for (int b = verbIndex - 1; b >= 0 && verbIndex - b <= 12; b--)
        {
            if (analysis.Cue(s, b) is { Value: CueKind.Stated or CueKind.Met or CueKind.StatedParticiple })
            {
                break;
            }

            if (analysis.Owner[s][b] is { Entity.Kind: NodeKind.Person } person && person.Form != MentionForm.Title
                && (person.Start == 0 || s_complementizers.Contains(tokens[person.Start - 1].Norm) || OpensClause(tokens, person.Start)))
            {
                return [person.Entity];
            }
        }

        return [];
    }

    /// <summary>True when the mention at <paramref name="start"/> opens a clause: after أن (possibly with a title between) or at its start.</summary>
    private static bool OpensClause(IReadOnlyList<Token> tokens, int start)
    {
        for (int b = start - 1; b >= 0 && start - b <= 5; b--)
        {
            if (s_complementizers.Contains(tokens[b].Norm))
            {
                return true;
            }

            if (!tokens[b].IsWord)
            {
                continue;
            }
        }

        return false;
    }

    private int MentionEnd(int s, Mention m)
    {
        // A title mention may have been resolved to a person; the owner array holds the widest span.
        int end = m.End;
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        while (end < tokens.Count && analysis.Owner[s][end] is { } next && next.Entity == m.Entity)
        {
            end = next.End;
        }

        return end;
    }

    private static bool IsSpeaker(Mention m) =>
        m.Entity.Kind is NodeKind.Person or NodeKind.Organization
        || (m.Entity.Kind == NodeKind.State && m.Form is MentionForm.Name)
        || (m.Entity.Kind == NodeKind.Place && m.Entity.MetonymIso is not null);

    private EntityInfo SpeakerEntity(Mention m)
    {
        if (m.Entity.Kind == NodeKind.Place && m.Entity.MetonymIso is { } iso && _lex.StatesByIso.TryGetValue(iso, out StateEntry? state))
        {
            return analysis.GetState(state); // موسكو تبدي مرونة: the capital speaks for the state
        }

        return m.Entity;
    }

    /// <summary>"الوزارة"، "المنظمة": a generic head that refers to the last organization with that head.</summary>
    private EntityInfo? ShortFormReferent(int s, int j)
    {
        Token t = analysis.Sentences[s].Tokens[j];
        string bare = Clitics.WithoutArticle(Clitics.WithoutConjunction(t.Norm));
        if (!t.Norm.Contains("ال", StringComparison.Ordinal) || !_lex.OrganizationHeads.Contains(bare))
        {
            return null;
        }

        for (int k = s; k >= 0; k--)
        {
            for (int idx = analysis.Mentions[k].Count - 1; idx >= 0; idx--)
            {
                Mention m = analysis.Mentions[k][idx];
                if (m.Entity.Kind == NodeKind.Organization && m.Entity.HeadNoun == bare && (k < s || m.End <= j))
                {
                    m.Entity.AddAlias(Clitics.WithoutConjunction(t.Surface));
                    return m.Entity;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Where the stated content starts: after أن/إن, after SANA's "..", after a colon, inside a
    /// quote, after the preposition some verbs take (أكد على، أشار إلى، حذر من، أعرب عن), or — for
    /// verbs that take a direct object (أكد ضرورة …) — right after the subject.
    /// </summary>
    private int? ClaimStart(int s, int from, string verbForm, bool droppedSubject)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        string verb = Clitics.WithoutConjunction(verbForm);
        for (int j = from; j < tokens.Count && j - from <= 30; j++)
        {
            Token t = tokens[j];
            if (t.Surface.StartsWith("..", StringComparison.Ordinal) || t.Surface == ":")
            {
                int k = j + 1;
                while (k < tokens.Count && (tokens[k].Kind == TokenKind.Quote || s_complementizers.Contains(tokens[k].Norm)))
                {
                    k++;
                }

                return k;
            }

            if (t.Kind == TokenKind.Quote && j > from)
            {
                return j + 1;
            }

            if (s_complementizers.Contains(t.Norm) || s_complementizers.Contains(Clitics.WithoutConjunction(t.Norm)))
            {
                return j + 1;
            }

            if (s_prepositionalComplements.Contains(t.Norm) && TakesPreposition(verb, t.Norm) && (j == from || !ComplementizerAhead(tokens, j)))
            {
                int k = j + 1;
                if (k < tokens.Count && s_complementizers.Contains(tokens[k].Norm))
                {
                    k++;
                }

                return k;
            }

            if (j == AfterAdjuncts(tokens, from) && t.IsWord && !droppedSubject && s_directObjectVerbs.Contains(verb) && !_lex.IsFunctionWord(t.Norm)
                && analysis.Owner[s][j] is null && !ComplementizerAhead(tokens, j))
            {
                return j; // أكد معالي الأمين العام ضرورة أن …؛ أعلن الجيش، أمس، تعيين …
            }

            // Adjuncts between subject and content: "في بيان لها اليوم", "للصحفيين عقب اجتماع …".
            if (analysis.Cue(s, j) is { Value: CueKind.Stated } && j > from)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Skips commas and time words between a subject and a direct object: "، أمس، ".</summary>
    private static int AfterAdjuncts(IReadOnlyList<Token> tokens, int from)
    {
        int j = from;
        while (j < tokens.Count && (tokens[j].Surface is "," or "،" || tokens[j].Norm is "امس" or "اليوم" or "الخميس" or "الاربعاء" or "الثلاثاء" or "الاثنين" or "الاحد" or "السبت" or "الجمعه"))
        {
            j++;
        }

        return j;
    }

    /// <summary>True when أن/إن follows within a few words: the content starts there, not at this word.</summary>
    private static bool ComplementizerAhead(IReadOnlyList<Token> tokens, int j)
    {
        for (int k = j + 1; k < tokens.Count && k - j <= 2; k++)
        {
            if (s_complementizers.Contains(tokens[k].Norm))
            {
                return k - j <= 1;
            }
        }

        return false;
    }

    private static bool TakesPreposition(string verb, string preposition) => preposition switch
    {
        "علي" => verb.StartsWith("اكد", StringComparison.Ordinal) || verb.StartsWith("شدد", StringComparison.Ordinal) || verb.StartsWith("يؤكد", StringComparison.Ordinal) || verb.StartsWith("تؤكد", StringComparison.Ordinal),
        "الي" => verb.StartsWith("اشار", StringComparison.Ordinal) || verb.StartsWith("دع", StringComparison.Ordinal) || verb.StartsWith("لفت", StringComparison.Ordinal) || verb.StartsWith("نوه", StringComparison.Ordinal) || verb.StartsWith("يشير", StringComparison.Ordinal) || verb.StartsWith("تشير", StringComparison.Ordinal),
        "من" => verb.StartsWith("حذر", StringComparison.Ordinal),
        "عن" => verb.StartsWith("اعرب", StringComparison.Ordinal) || verb.StartsWith("كشف", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// Where the stated content ends: the end of the sentence, or a new finite reporting clause
    /// ("… لكنه اكد ان", "… وقال إن"). Participial continuations (مضيفا، مشيرا) stay in the claim,
    /// as annotators keep them with the clause they continue.
    /// </summary>
    private int ClaimEnd(int s, int start)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = start + 1; j < tokens.Count; j++)
        {
            Token t = tokens[j];
            if (analysis.Cue(s, j) is { Value: CueKind.Stated } cue && cue.ViaClitic && t.Norm[0] is 'و' or 'ف' && IsClauseVerb(s, j, cue.End))
            {
                return j;
            }

            if (t.Norm is "لكنه" or "لكنها" or "كما" or "حيث" or "ثم" && j + 1 < tokens.Count && analysis.Cue(s, j + 1) is { Value: CueKind.Stated })
            {
                return j;
            }
        }

        int end = tokens.Count;
        while (end > start && tokens[end - 1].IsPunctuation)
        {
            end--;
        }

        return end;
    }

    /// <summary>A reporting verb starts a new clause when a complement or a subject follows it.</summary>
    private bool IsClauseVerb(int s, int verb, int after)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (after >= tokens.Count)
        {
            return false;
        }

        Token t = tokens[after];
        return t.Surface.StartsWith("..", StringComparison.Ordinal) || t.Surface == ":" || s_complementizers.Contains(t.Norm)
            || analysis.Owner[s][after] is { } m && IsSpeaker(m) || s_prepositionalComplements.Contains(t.Norm);
    }

    // ------------------------------------------------------------------ MET and PHONED

    private void FindMeetings(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        bool phone = false;
        bool future = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            CueKind? kind = analysis.Cue(s, i)?.Value;
            phone |= kind == CueKind.Phone;
            future |= kind == CueKind.Future;
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (analysis.Cue(s, i) is not { Value: CueKind.Met or CueKind.MetNoun } cue)
            {
                continue;
            }

            if (analysis.Owner[s][i] is { Form: not MentionForm.Title })
            {
                continue;
            }

            if (future && FutureBefore(s, i))
            {
                continue; // سيلتقي، من المقرر أن يجتمع: announced, not held
            }

            (EntityInfo? subject, int after) = MeetingSubject(s, cue, i);
            if (subject is null)
            {
                continue;
            }

            List<EntityInfo> others = MeetingObjects(s, after, NeedsWith(cue.FirstForm, cue.Value));
            others.Remove(subject);
            if (others.Count == 0)
            {
                continue;
            }

            EntityInfo? place = MeetingPlace(s, i);
            foreach (EntityInfo other in others)
            {
                _relations.Add(new FoundRelation(phone ? RelationType.Phoned : RelationType.Met, subject, other, s, tokens[i].Surface, place));
            }

            _lastActor = subject;
        }

        if (phone)
        {
            FindPhoneCall(s);
        }
    }

    private bool FutureBefore(int s, int index)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = Math.Max(0, index - 6); j <= index; j++)
        {
            if (analysis.Cue(s, j) is { Value: CueKind.Future })
            {
                return true;
            }
        }

        return false;
    }

    private static bool NeedsWith(string form, CueKind kind)
    {
        string verb = Clitics.WithoutConjunction(form);
        return kind == CueKind.MetNoun ? verb is "لقاء" or "اجتماع" or "محادثات" or "مباحثات" : verb.StartsWith("اجتمع", StringComparison.Ordinal) || verb.StartsWith("يجتمع", StringComparison.Ordinal)
            || verb.StartsWith("تجتمع", StringComparison.Ordinal) || verb.Contains("بحث", StringComparison.Ordinal);
    }

    /// <summary>Who holds the meeting: the person after the verb, else the sentence's speaker or last actor.</summary>
    private (EntityInfo? subject, int after) MeetingSubject(int s, PhraseMatch<CueKind> cue, int i)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (cue.Value == CueKind.Met && cue.End < tokens.Count && analysis.Owner[s][cue.End] is { Entity.Kind: NodeKind.Person } m)
        {
            return (m.Entity, MentionEnd(s, m));
        }

        // "محادثات بخاري مع نظيره …": the noun's possessor.
        if (cue.Value == CueKind.MetNoun && cue.End < tokens.Count && analysis.Owner[s][cue.End] is { Entity.Kind: NodeKind.Person } p)
        {
            return (p.Entity, MentionEnd(s, p));
        }

        // Dropped or earlier subject: the speaker of this sentence, else the last person acting.
        EntityInfo? subject = null;
        for (int j = i - 1; j >= 0; j--)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Person } before)
            {
                subject = before.Entity;
                break;
            }
        }

        subject ??= _lastActor ?? _lastSpeaker;
        return (subject, cue.End);
    }

    /// <summary>The people met: after مع for اجتمع/بحث, else the next person(s); coordinated with و.</summary>
    private List<EntityInfo> MeetingObjects(int s, int from, bool needsWith)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var found = new List<EntityInfo>();
        int j = from;
        if (needsWith)
        {
            while (j < tokens.Count && tokens[j].Norm != "مع" && j - from < 25)
            {
                if (analysis.Cue(s, j) is { Value: CueKind.Stated or CueKind.Met })
                {
                    return found;
                }

                j++;
            }

            if (j >= tokens.Count || tokens[j].Norm != "مع")
            {
                return found;
            }

            j++;
        }

        int withStart = j;
        for (; j < tokens.Count && j - from < 30; j++)
        {
            Token t = tokens[j];
            if (needsWith && found.Count == 0 && j - withStart > 8)
            {
                break; // the person met follows مع closely; further on is someone else (بحضور …)
            }

            if (needsWith && found.Count == 0 && analysis.Owner[s][j] is { } first && first.Entity.Kind != NodeKind.Person)
            {
                break; // "لقاء مع طلبة الكلية …": met a group, not a named person
            }

            if (t.Surface is "." || (analysis.Cue(s, j) is { Value: CueKind.Stated or CueKind.Met } && found.Count > 0))
            {
                break;
            }

            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Person } m)
            {
                if (!found.Contains(m.Entity))
                {
                    found.Add(m.Entity);
                }

                j = MentionEnd(s, m) - 1;
                // Another person joined by و continues the list; anything else ends it.
                int k = j + 1;
                if (k < tokens.Count && analysis.Owner[s][k] is { Entity.Kind: NodeKind.Person } && tokens[k].Norm.StartsWith('و'))
                {
                    continue;
                }

                break;
            }

            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } && found.Count == 0 && !needsWith)
            {
                break; // استقبل وفدا من …: met an organization's delegation, not a person
            }
        }

        return found;
    }

    private EntityInfo? MeetingPlace(int s, int from)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = from; j < tokens.Count; j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Place } m && m.Form != MentionForm.Title && j > 0
                && (tokens[j - 1].Norm is "في" || tokens[j].Norm.StartsWith('ب') || tokens[j].Norm.StartsWith("في", StringComparison.Ordinal)))
            {
                return m.Entity;
            }
        }

        return s <= 1 ? analysis.DatelinePlace : null;
    }

    /// <summary>"جرى اتصال هاتفي بين A و B", "تلقى A اتصالا هاتفيا من B".</summary>
    private void FindPhoneCall(int s)
    {
        var persons = analysis.Mentions[s].Where(m => m.Entity.Kind == NodeKind.Person).Select(m => m.Entity).Distinct().ToList();
        if (persons.Count == 2 && !_relations.Exists(r => r.Sentence == s))
        {
            _relations.Add(new FoundRelation(RelationType.Phoned, persons[0], persons[1], s));
        }
    }

    // ------------------------------------------------------------------ MEMBER_OF

    private static readonly HashSet<string> s_includeVerbs = new(["تضم", "يضم", "وتضم", "ويضم", "تضمان", "يضمان", "تشمل", "يشمل"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_participateVerbs = new(["تشارك", "يشارك", "وتشارك", "ويشارك", "ستشارك", "سيشارك", "شاركت", "شارك", "وشارك", "تتمتع", "يتمتع", "وتتمتع"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_listOpeners = new(["هي", "وهي", "وهم", "هم"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_groupBreaks = new(["اضافه", "بالاضافه", "فضلا", "فيما", "بينما", "وكذلك"], StringComparer.Ordinal);

    private void FindMemberships(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            string n = tokens[i].Norm;
            bool trigger = s_includeVerbs.Contains(n)
                || (n is "الاعضاء" or "اعضاء" && ListOpensWithin(tokens, i + 1, 6))
                || (s_participateVerbs.Contains(n) && (ListOpensWithin(tokens, i + 1, 8) || CountryListFollows(s, i + 1)));
            if (trigger && MembershipOrganization(s, i) is { } org)
            {
                i = ParseMemberList(s, i + 1, org);
            }
        }

        FindSingleMemberships(s);
    }

    private static bool ListOpensWithin(IReadOnlyList<Token> tokens, int from, int window)
    {
        for (int j = from; j < tokens.Count && j - from < window; j++)
        {
            if (s_listOpeners.Contains(tokens[j].Norm) || (tokens[j].Norm == "كل" && j + 1 < tokens.Count && tokens[j + 1].Norm == "من") || tokens[j].Surface == ":")
            {
                return true;
            }
        }

        return false;
    }

    private bool CountryListFollows(int s, int from)
    {
        int states = 0;
        for (int j = from; j < analysis.Sentences[s].Tokens.Count && j - from < 12; j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                states++;
                j = m.End - 1;
            }
        }

        return states >= 2;
    }

    /// <summary>
    /// The organization a membership sentence is about: named before the trigger ("منظمة شنغهاي
    /// تضم …"), named after it ("الدول الأعضاء في أوبك وهي …"), or a short form ("في المنظمة") that
    /// refers back to the last organization with that head.
    /// </summary>
    private EntityInfo? MembershipOrganization(int s, int i)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = i - 1; j >= 0; j--)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } m && IsMembershipBody(m.Entity))
            {
                return m.Entity;
            }

            if (ShortFormReferent(s, j) is { } referent && IsMembershipBody(referent))
            {
                return referent;
            }
        }

        for (int j = i + 1; j < Math.Min(tokens.Count, i + 8); j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } m && IsMembershipBody(m.Entity))
            {
                return m.Entity;
            }

            if (ShortFormReferent(s, j) is { } referent && IsMembershipBody(referent))
            {
                return referent;
            }

            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State })
            {
                break;
            }
        }

        return null;
    }

    /// <summary>States belong to international bodies, not to ministries, armies or newspapers.</summary>
    private static bool IsMembershipBody(EntityInfo org) => org.Category is not ("ministry" or "media" or "news_agency" or "party" or "company");

    /// <summary>
    /// Reads a list of member states: "هي روسيا والصين … إضافة إلى الهند وإيران … كعضو مراقب
    /// وبيلاروس … كعضو شريك في الحوار". States come in groups; a status phrase after a group
    /// closes it with that status, one before a group ("بصفة شريك في الحوار كل من …") opens it,
    /// "إضافة إلى"/"فيما" start a new group, and a group without a status phrase is of members.
    /// Returns the index of the last token read.
    /// </summary>
    private int ParseMemberList(int s, int from, EntityInfo org)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var group = new List<EntityInfo>();
        MembershipStatus? groupStatus = null;
        bool skipGroup = false;
        var assigned = new List<(EntityInfo State, MembershipStatus Status)>();
        int gap = 0;
        int j = from;
        for (; j < tokens.Count; j++)
        {
            Token t = tokens[j];
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                group.Add(m.Entity);
                j = m.End - 1;
                gap = 0;
                continue;
            }

            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } other && other.Entity != org && group.Count > 0)
            {
                break; // the list has moved on to another body
            }

            MembershipStatus? status = StatusAt(tokens, j, out int statusEnd, out bool unknownStatus);
            if (status is not null || unknownStatus)
            {
                if (group.Count > 0)
                {
                    Close(group, unknownStatus ? null : status, assigned);
                    groupStatus = null;
                    skipGroup = false;
                }
                else
                {
                    groupStatus = status;
                    skipGroup = unknownStatus;
                }

                j = statusEnd - 1;
                gap = 0;
                continue;
            }

            if (s_groupBreaks.Contains(t.Norm) || s_groupBreaks.Contains(Clitics.WithoutConjunction(t.Norm)) || (t.Norm == "حين" && j > 0 && tokens[j - 1].Norm == "في"))
            {
                if (group.Count > 0)
                {
                    Close(group, skipGroup ? null : groupStatus ?? MembershipStatus.Member, assigned);
                    groupStatus = null;
                    skipGroup = false;
                }

                continue;
            }

            if (t.Surface == "." || (++gap > 5 && (assigned.Count > 0 || group.Count > 0)))
            {
                break;
            }
        }

        if (group.Count > 0)
        {
            Close(group, skipGroup ? null : groupStatus ?? MembershipStatus.Member, assigned);
        }

        foreach ((EntityInfo state, MembershipStatus status) in assigned)
        {
            _relations.Add(new FoundRelation(RelationType.MemberOf, state, org, s, Status: status));
        }

        return j;
    }

    private static void Close(List<EntityInfo> group, MembershipStatus? status, List<(EntityInfo, MembershipStatus)> assigned)
    {
        if (status is { } st)
        {
            foreach (EntityInfo state in group)
            {
                assigned.Add((state, st));
            }
        }

        group.Clear();
    }

    /// <summary>
    /// A status phrase at <paramref name="j"/>: كعضو مراقب، بصفة مراقب، بصفة عضو مراقب، كعضو شريك
    /// في الحوار، بصفة شريك في الحوار، كأعضاء. A status the graph has no name for ("بصفة دولة شريكة")
    /// sets <paramref name="unknown"/> so its states are left out rather than guessed.
    /// </summary>
    private static MembershipStatus? StatusAt(IReadOnlyList<Token> tokens, int j, out int end, out bool unknown)
    {
        end = j + 1;
        unknown = false;
        string n = Clitics.WithoutConjunction(tokens[j].Norm);
        int k = j + 1;
        if (n is "كعضو" or "كاعضاء" or "بصفه" or "بصفتها" or "بوصفها" or "بوصفه" or "كدوله" or "كدول")
        {
            if (k < tokens.Count && tokens[k].Norm is "عضو" or "اعضاء" or "دوله" or "دول")
            {
                k++;
            }

            string next = k < tokens.Count ? tokens[k].Norm : string.Empty;
            if (next is "مراقب" or "مراقبين" or "مراقبه" or "مراقبا")
            {
                end = k + 1;
                return MembershipStatus.Observer;
            }

            if (next is "شريك" or "شركاء" or "شريكا" && k + 1 < tokens.Count && (tokens[k + 1].Norm.Contains("حوار", StringComparison.Ordinal) || (tokens[k + 1].Norm == "في" && k + 2 < tokens.Count && tokens[k + 2].Norm.Contains("حوار", StringComparison.Ordinal))))
            {
                end = tokens[k + 1].Norm == "في" ? k + 3 : k + 2;
                return MembershipStatus.DialoguePartner;
            }

            if (next is "شريكه" or "شريك" or "شريكا" or "شركاء")
            {
                end = k + 1;
                unknown = true;
                return null;
            }

            if (next is "عضو" or "اعضاء" or "كامله" || n is "كعضو" or "كاعضاء")
            {
                end = k;
                return MembershipStatus.Member;
            }

            return null;
        }

        if (n is "كمراقب" or "كمراقبين" or "مراقبين")
        {
            return MembershipStatus.Observer;
        }

        if (n is "كشريك" or "كشركاء" && k < tokens.Count && tokens[k].Norm.Contains("حوار", StringComparison.Ordinal))
        {
            end = k + 1;
            return MembershipStatus.DialoguePartner;
        }

        return null;
    }

    /// <summary>
    /// One state at a time: "X، بوصفه عضوا مؤسسا في ORG", "انضمام X وY إلى ORG", "X التي انضمت
    /// إليها", "X تقدمت رسميا بطلب العضوية في ORG" (applicant), "الدول التي طلبت الانضمام".
    /// </summary>
    private void FindSingleMemberships(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            string n = Clitics.WithoutConjunction(tokens[i].Norm);
            MembershipStatus? status = null;
            bool statesBefore = true;
            if (n is "عضوا" or "عضو" && i + 1 < tokens.Count && (tokens[i + 1].Norm == "في" || (i + 2 < tokens.Count && tokens[i + 2].Norm == "في")))
            {
                status = MembershipStatus.Member;
            }
            else if (n is "انضمت" or "انضم" or "انضمتا")
            {
                status = MembershipStatus.Member;
            }
            else if (n is "انضمام" && !PrecededByRequest(tokens, i))
            {
                status = MembershipStatus.Member;
                statesBefore = false;
            }
            else if (n is "تقدمت" or "طلبت" or "تقدمتا" && RequestsMembership(tokens, i))
            {
                status = MembershipStatus.Applicant;
            }

            if (status is not { } st)
            {
                continue;
            }

            List<EntityInfo> states = statesBefore ? StatesBefore(s, i) : StatesAfter(s, i + 1);
            if (states.Count == 0)
            {
                continue;
            }

            EntityInfo? org = OrganizationAfter(s, i + 1) ?? MembershipOrganization(s, i);
            if (org is null)
            {
                continue;
            }

            foreach (EntityInfo state in states)
            {
                if (!_relations.Exists(r => r.Type == RelationType.MemberOf && r.From == state && r.To == org && r.Sentence == s))
                {
                    _relations.Add(new FoundRelation(RelationType.MemberOf, state, org, s, Status: st));
                }
            }
        }
    }

    private static bool PrecededByRequest(IReadOnlyList<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Norm is "طلب" or "طلبات" or "بطلب" or "ملف" or "رغبه" or "رغبتها" or "بالانضمام";

    private static bool RequestsMembership(IReadOnlyList<Token> tokens, int i)
    {
        for (int j = i + 1; j < tokens.Count && j - i <= 6; j++)
        {
            if (tokens[j].Norm.Contains("عضويه", StringComparison.Ordinal) || tokens[j].Norm.Contains("انضمام", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>States right before a verb, coordinated with و or commas ("البوسنة والهرسك وجورجيا وأوكرانيا تقدمت").</summary>
    private List<EntityInfo> StatesBefore(int s, int i)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var states = new List<EntityInfo>();
        int j = i - 1;
        int skipped = 0;
        while (j >= 0 && skipped <= 6)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                states.Insert(0, m.Entity);
                j = m.Start - 1;
                skipped = 0;
                continue;
            }

            if (states.Count > 0 && !(tokens[j].Surface is "،" or ",") && !(tokens[j].Norm is "من" or "بين" or "الدول" or "التي" or "كل"))
            {
                break;
            }

            skipped++;
            j--;
        }

        return states;
    }

    private List<EntityInfo> StatesAfter(int s, int from)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var states = new List<EntityInfo>();
        for (int j = from; j < tokens.Count && j - from < 12; j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                states.Add(m.Entity);
                j = m.End - 1;
            }
            else if (tokens[j].Norm is "الي" || analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization })
            {
                break;
            }
        }

        return states;
    }

    private EntityInfo? OrganizationAfter(int s, int from)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = from; j < tokens.Count && j - from < 10; j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } m && IsMembershipBody(m.Entity))
            {
                return m.Entity;
            }

            if (ShortFormReferent(s, j) is { } referent && IsMembershipBody(referent))
            {
                return referent;
            }

            if (tokens[j].Norm is "اليها" or "اليه")
            {
                return MembershipOrganization(s, from - 1);
            }
        }

        return null;
    }

    // ------------------------------------------------------------------ HOLDS_ROLE

    /// <summary>A title naming an organization or a state is a role there: أنطونوف — نائب وزير الدفاع الروسي → Russia.</summary>
    private void FindRoles()
    {
        foreach (EntityInfo person in analysis.Entities.Where(e => e.Kind == NodeKind.Person).ToList())
        {
            foreach (TitleSpan title in person.TitleSpans)
            {
                Mention? holder = analysis.Mentions[title.Sentence].FirstOrDefault(m => m.Start >= title.Start && m.End <= title.End && m.Entity.Kind == NodeKind.Organization)
                    ?? analysis.Mentions[title.Sentence].FirstOrDefault(m => m.Start >= title.Start && m.End <= title.End && m.Entity.Kind == NodeKind.State);
                if (holder is not null)
                {
                    string role = ArticleText.SpanWithoutClitic(analysis.Sentences[title.Sentence], analysis.Text, title.Start, title.End, title.FirstForm);
                    _relations.Add(new FoundRelation(RelationType.HoldsRole, person, holder.Entity, title.Sentence, Role: role));
                }
            }
        }
    }

    private void UpdateActor(int s)
    {
        foreach (Mention m in analysis.Mentions[s])
        {
            if (m.Entity.Kind == NodeKind.Person && m.Form is MentionForm.Name && m.Start <= 2)
            {
                _lastActor = m.Entity;
            }
        }
    }
}

/// <summary>A stated claim: speaker, sentence and token span of the content, and the reporting verb.</summary>
internal sealed record ClaimSpan(EntityInfo Speaker, int Sentence, int Start, int End, string Verb);
