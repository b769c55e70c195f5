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
            if (_lex.Cues.Match(tokens, i) is not { Value: CueKind.Stated } cue)
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
                if (_lastSpeaker is null || s - _lastSpeakerSentence > 3)
                {
                    continue;
                }

                speakers = [_lastSpeaker];
                dropped = true;
            }

            int? claimStart = ClaimStart(s, afterSpeaker, cue.FirstForm, dropped);
            if (claimStart is not { } start || start >= tokens.Count)
            {
                continue;
            }

            int end = ClaimEnd(s, start);
            if (end - start < 3)
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
        for (int i = 0; i < Math.Min(tokens.Count, 4); i++)
        {
            if (_lex.Cues.Match(tokens, i) is not { Value: CueKind.According })
            {
                continue;
            }

            for (int j = i + 1; j < Math.Min(tokens.Count, i + 6); j++)
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
        if (j >= 0 && analysis.Owner[s][j] is { } m && IsSpeaker(m) && m.End == verbIndex)
        {
            int k = m.Start - 1;
            // Only when the subject opens the clause: "وكانت X أعلنت", "X أكد".
            if (k < 0 || tokens[k].Norm is "كان" or "كانت" or "وكان" or "وكانت" || !tokens[k].IsWord)
            {
                return [SpeakerEntity(m)];
            }
        }

        return [];
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

            if (j == from && s_prepositionalComplements.Contains(t.Norm) && TakesPreposition(verb, t.Norm))
            {
                int k = j + 1;
                if (k < tokens.Count && s_complementizers.Contains(tokens[k].Norm))
                {
                    k++;
                }

                return k;
            }

            if (j == from && t.IsWord && !droppedSubject && s_directObjectVerbs.Contains(verb) && !_lex.IsFunctionWord(t.Norm) && analysis.Owner[s][j] is null)
            {
                return j; // أكد معالي الأمين العام ضرورة أن …
            }

            // Adjuncts between subject and content: "في بيان لها اليوم", "للصحفيين عقب اجتماع …".
            if (_lex.Cues.Match(tokens, j) is { Value: CueKind.Stated } && j > from)
            {
                return null;
            }
        }

        return null;
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
            if (_lex.Cues.Match(tokens, j) is { Value: CueKind.Stated } cue && cue.ViaClitic && t.Norm[0] is 'و' or 'ف' && IsClauseVerb(s, j, cue.End))
            {
                return j;
            }

            if (t.Norm is "لكنه" or "لكنها" && j + 1 < tokens.Count && _lex.Cues.Match(tokens, j + 1) is { Value: CueKind.Stated })
            {
                return j;
            }

            if (t.Norm == "كما" && j + 1 < tokens.Count && _lex.Cues.Match(tokens, j + 1) is { Value: CueKind.Stated })
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
            CueKind? kind = _lex.Cues.Match(tokens, i)?.Value;
            phone |= kind == CueKind.Phone;
            future |= kind == CueKind.Future;
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (_lex.Cues.Match(tokens, i) is not { Value: CueKind.Met or CueKind.MetNoun } cue)
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
            if (_lex.Cues.Match(tokens, j) is { Value: CueKind.Future })
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
                if (_lex.Cues.Match(tokens, j) is { Value: CueKind.Stated or CueKind.Met })
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

        for (; j < tokens.Count && j - from < 30; j++)
        {
            Token t = tokens[j];
            if (t.Surface is "." || (_lex.Cues.Match(tokens, j) is { Value: CueKind.Stated or CueKind.Met } && found.Count > 0))
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

    private void FindMemberships(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            string n = tokens[i].Norm;
            bool includes = n is "تضم" or "يضم" or "وتضم" or "ويضم" or "تضمان";
            bool participates = (n is "تشارك" or "ستشارك" or "يشارك" or "سيشارك" or "وتشارك" or "شاركت") && i + 2 < tokens.Count && tokens[i + 1].Norm is "فيها" or "فيه";
            if (!includes && !participates)
            {
                continue;
            }

            EntityInfo? org = OrganizationBefore(s, i);
            if (org is null)
            {
                continue;
            }

            int listStart = i + 1;
            ParseMemberList(s, listStart, org);
        }
    }

    private EntityInfo? OrganizationBefore(int s, int i)
    {
        for (int j = i - 1; j >= Math.Max(0, i - 12); j--)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } m)
            {
                return m.Entity;
            }
        }

        return null;
    }

    /// <summary>
    /// "… تضم 14 دولة هي روسيا والصين … إضافة إلى الهند وإيران … كعضو مراقب وبيلاروس وتركيا … كعضو
    /// شريك في الحوار": states in groups; a status phrase closes the group before it, "إضافة إلى"
    /// starts a new one, and groups without a status phrase are members.
    /// </summary>
    private void ParseMemberList(int s, int from, EntityInfo org)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var group = new List<EntityInfo>();
        var assigned = new List<(EntityInfo State, MembershipStatus Status)>();
        int gap = 0;
        for (int j = from; j < tokens.Count; j++)
        {
            Token t = tokens[j];
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } m)
            {
                group.Add(m.Entity);
                j = m.End - 1;
                gap = 0;
                continue;
            }

            MembershipStatus? status = StatusAt(tokens, j, out int statusEnd);
            if (status is { } st)
            {
                foreach (EntityInfo state in group)
                {
                    assigned.Add((state, st));
                }

                group.Clear();
                j = statusEnd - 1;
                gap = 0;
                continue;
            }

            if (t.Norm is "اضافه" or "بالاضافه" or "فضلا")
            {
                foreach (EntityInfo state in group)
                {
                    assigned.Add((state, MembershipStatus.Member));
                }

                group.Clear();
                continue;
            }

            // The list ends where neither states nor list words follow for a while.
            if (++gap > 4 && (assigned.Count > 0 || group.Count > 0))
            {
                break;
            }
        }

        foreach (EntityInfo state in group)
        {
            assigned.Add((state, MembershipStatus.Member));
        }

        foreach ((EntityInfo state, MembershipStatus status) in assigned)
        {
            _relations.Add(new FoundRelation(RelationType.MemberOf, state, org, s, Status: status));
        }
    }

    private static MembershipStatus? StatusAt(IReadOnlyList<Token> tokens, int j, out int end)
    {
        end = j + 1;
        string n = tokens[j].Norm;
        string next = j + 1 < tokens.Count ? tokens[j + 1].Norm : string.Empty;
        string next2 = j + 2 < tokens.Count ? tokens[j + 2].Norm : string.Empty;
        if (n is "كعضو" or "كاعضاء" or "بصفه" or "بصفتها")
        {
            if (next is "مراقب" or "مراقبين" or "مراقبه")
            {
                end = j + 2;
                return MembershipStatus.Observer;
            }

            if (next is "شريك" or "شركاء" && (next2 is "في" || next2.Contains("حوار", StringComparison.Ordinal)))
            {
                end = j + 4;
                return MembershipStatus.DialoguePartner;
            }

            return MembershipStatus.Member;
        }

        if (n is "كمراقب" or "كمراقبين")
        {
            return MembershipStatus.Observer;
        }

        if (n is "كشريك" or "كشركاء" && next.Contains("حوار", StringComparison.Ordinal))
        {
            end = j + 2;
            return MembershipStatus.DialoguePartner;
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
