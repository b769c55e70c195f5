using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Relations;

/// <summary>MET and PHONED: meetings held in person, and phone calls apart from them.</summary>
internal sealed partial class RelationFinder
{
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

            // "وكان الوزيران التقيا في قطر … مع نظيرهما الأمريكي جون كيري": the two people named last.
            if (cue.Value == CueKind.Met && DualSubject(s, i, cue.End) is { } pair)
            {
                EntityInfo? where = MeetingPlace(s, i);
                RelationType type = phone ? RelationType.Phoned : RelationType.Met;
                _relations.Add(new FoundRelation(type, pair.First, pair.Second, s, tokens[i].Surface, where));
                int objectsFrom = cue.End < tokens.Count && s_dualPersonNouns.Contains(tokens[cue.End].Norm) ? cue.End + 1 : cue.End;
                foreach (EntityInfo other in MeetingObjects(s, objectsFrom, NeedsWith(cue.FirstForm, cue.Value), pair.First))
                {
                    if (other == pair.Second)
                    {
                        continue;
                    }

                    _relations.Add(new FoundRelation(type, pair.First, other, s, tokens[i].Surface, where));
                    _relations.Add(new FoundRelation(type, pair.Second, other, s, tokens[i].Surface, where));
                }

                continue;
            }

            (EntityInfo? subject, int after) = MeetingSubject(s, cue, i);
            if (subject is not { Kind: NodeKind.Person })
            {
                continue; // people meet; a ministry that "received" someone is no meeting of two persons
            }

            bool between = cue.Value == CueKind.MetNoun && cue.End < tokens.Count && tokens[cue.End].Norm == "بين";
            List<EntityInfo> others = MeetingObjects(s, after, NeedsWith(cue.FirstForm, cue.Value) && !between, subject);
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

    private static bool IsVisitVerb(string form)
    {
        string verb = Clitics.WithoutConjunction(form);
        return verb.StartsWith("زار", StringComparison.Ordinal) || verb.StartsWith("يزور", StringComparison.Ordinal) || verb.StartsWith("تزور", StringComparison.Ordinal);
    }

    /// <summary>Heads of a region or local body that can be a verb's subject (normalized): ولاية، محافظة، بلدية …</summary>
    private static readonly WordSet s_bodyOrPlaceHeads = WordSets.Set("body-or-place-heads");

    /// <summary>Dual nouns for two people: الوزيران، الرئيسان … (not الجانبان, which may be delegations or states).</summary>
    private static readonly WordSet s_dualPersonNouns = WordSets.Set("dual-person-nouns");

    /// <summary>
    /// A dual subject right before the verb ("وكان الوزيران التقيا") or right after it ("التقى
    /// الرئيسان"): the last two different persons named in this or the two sentences before.
    /// </summary>
    private (EntityInfo First, EntityInfo Second)? DualSubject(int s, int verb, int afterVerb)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        bool before = verb > 0 && s_dualPersonNouns.Contains(tokens[verb - 1].Norm);
        bool after = afterVerb < tokens.Count && s_dualPersonNouns.Contains(tokens[afterVerb].Norm);
        if (!before && !after)
        {
            return null;
        }

        var people = new List<EntityInfo>(2);
        for (int k = s; k >= 0 && s - k <= 2 && people.Count < 2; k--)
        {
            for (int m = analysis.Mentions[k].Count - 1; m >= 0 && people.Count < 2; m--)
            {
                Mention mention = analysis.Mentions[k][m];
                if (mention.Entity.Kind == NodeKind.Person && (k < s || mention.End <= verb) && !people.Contains(mention.Entity))
                {
                    people.Add(mention.Entity);
                }
            }
        }

        return people.Count == 2 ? (people[1], people[0]) : null;
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
        return kind == CueKind.MetNoun ? verb is "لقاء" or "اجتماع" or "محادثات" or "مباحثات" or "المؤتمر" or "مؤتمر" or "مؤتمرا" : verb.StartsWith("اجتمع", StringComparison.Ordinal) || verb.StartsWith("يجتمع", StringComparison.Ordinal)
            || verb.StartsWith("تجتمع", StringComparison.Ordinal) || verb.Contains("بحث", StringComparison.Ordinal);
    }

    /// <summary>Who holds the meeting: the person after the verb, else the sentence's speaker or last actor.</summary>
    private (EntityInfo? subject, int after) MeetingSubject(int s, PhraseMatch<CueKind> cue, int i)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        // "والتقى بمعالي …": after the verb's preposition ب comes the person met, not the subject.
        bool metWithBa = cue.End < tokens.Count && tokens[cue.End].Norm.Length > 3 && tokens[cue.End].Norm[0] == 'ب'
            && analysis.Owner[s][cue.End] is { Entity.Kind: NodeKind.Person };

        // "كما استقبل رئيس … X"، "واستقبل أيضا X": "also received" continues the last actor; X is the guest.
        if (_lastActor is not null && cue.Value == CueKind.Met
            && ((i > 0 && tokens[i - 1].Norm == "كما") || (cue.End < tokens.Count && tokens[cue.End].Norm == "ايضا")))
        {
            return (_lastActor, cue.End < tokens.Count && tokens[cue.End].Norm == "ايضا" ? cue.End + 1 : cue.End);
        }
        // "واستقبلت ولاية غرب كردفان وفدا …": a place, state or body right after the verb is its
        // subject; nobody met anybody in person.
        // (Not after زار, whose object is the place: "زار واشنطن والتقى الرئيس الأميركي".)
        if (cue.Value == CueKind.Met && cue.End < tokens.Count && tokens[cue.End].Norm[0] is not ('ب' or 'ل' or 'ف') && !IsVisitVerb(cue.FirstForm)
            && ((analysis.Owner[s][cue.End] is { Entity.Kind: NodeKind.Place or NodeKind.State or NodeKind.Organization } body && body.Start == cue.End)
                || (analysis.Owner[s][cue.End] is null && (s_bodyOrPlaceHeads.Contains(tokens[cue.End].Norm) || _lex.OrganizationHeads.Contains(tokens[cue.End].Norm)))))
        {
            return (null, cue.End);
        }

        // "لقاء بين عبدالعزيز الدوسري، وخالد الدبل": the two named after بين met each other.
        if (cue.Value == CueKind.MetNoun && cue.End + 1 < tokens.Count && tokens[cue.End].Norm == "بين"
            && analysis.Owner[s][cue.End + 1] is { Entity.Kind: NodeKind.Person } firstParty)
        {
            return (firstParty.Entity, MentionEnd(s, firstParty));
        }

        // "وقال رينزي، الذي التقى الرئيس الفلسطيني محمود عباس": the relative clause's antecedent met the person after the verb.
        if (cue.Value == CueKind.Met && i > 1 && tokens[i - 1].Norm is "الذي" or "التي")
        {
            return (RelativeClauseAntecedent(s, i - 1), cue.End);
        }

        if (cue.Value == CueKind.Met && !metWithBa && cue.End < tokens.Count && analysis.Owner[s][cue.End] is { Entity.Kind: NodeKind.Person } m)
        {
            return (m.Entity, MentionEnd(s, m));
        }

        // "محادثات بخاري مع نظيره …": the noun's possessor.
        if (cue.Value == CueKind.MetNoun && cue.End < tokens.Count && analysis.Owner[s][cue.End] is { Entity.Kind: NodeKind.Person } p)
        {
            return (p.Entity, MentionEnd(s, p));
        }

        // "خلال استقبال X … Y": the bare noun needs its possessor right after it; "حفل استقبال" or
        // "استقبال الحجاج" is no meeting of anyone.
        if (Clitics.WithoutConjunction(cue.FirstForm) == "استقبال")
        {
            return (null, cue.End);
        }

        // Dropped or earlier subject: the speaker of this sentence, else the last person acting.
        // The subject of the verb that opens the sentence comes first: in "وعقد كيري اجتماعا مع
        // الرئيس السيسي بعد أن شارك في محادثات … مع شكري" the talks are Kerry's, not Sisi's.
        EntityInfo? subject = i > 2 && analysis.SubjectAfterVerb(s, 0) is { Entity.Kind: NodeKind.Person } opener && opener.End <= i
            ? opener.Entity
            : null;
        for (int j = i - 1; j >= 0 && subject is null; j--)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Person } before)
            {
                subject = before.Entity;
                break;
            }
        }

        // "عقد اجتماعا مع …" names its subject in the sentence; an earlier actor is a guess too far.
        if (subject is null && Clitics.WithoutConjunction(cue.FirstForm) == "اجتماعا")
        {
            return (null, cue.End);
        }

        subject ??= _lastActor ?? _lastSpeaker;
        if (subject is null && cue.Value == CueKind.Met && !metWithBa)
        {
            // Nobody acted before (the article's first meeting): a subject whose long title the rules
            // could not read ("استقبل معالي المستشار في الديوان الملكي … الدكتور X") is the first
            // person after the verb.
            for (int j = cue.End; j < tokens.Count && j - cue.End <= 20; j++)
            {
                if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Person } first)
                {
                    return (first.Entity, MentionEnd(s, first));
                }
            }
        }

        return (subject, cue.End);
    }

    /// <summary>The people met: after مع for اجتمع/بحث, else the next person(s); coordinated with و.</summary>
    private List<EntityInfo> MeetingObjects(int s, int from, bool needsWith, EntityInfo subject)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var found = new List<EntityInfo>();
        int j = from;
        // "اجتمع وزير الخارجية X ونظيره البرتغالي Y": a coordinated subject met each other, مع or not.
        int next = j < tokens.Count && tokens[j].Surface is "," or "،" ? j + 1 : j;
        if (needsWith && next < tokens.Count && tokens[next].Norm.StartsWith('و') && analysis.Owner[s][next] is { Entity.Kind: NodeKind.Person } partner
            && partner.Entity != subject)
        {
            found.Add(partner.Entity);
            return found;
        }

        if (needsWith)
        {
            while (j < tokens.Count && tokens[j].Norm != "مع" && j - from < 25)
            {
                if (analysis.Cue(s, j) is { Value: CueKind.Stated or CueKind.Met or CueKind.MetNoun })
                {
                    return found; // the مع further on belongs to another clause's meeting
                }

                // "لقاء وزير الشؤون الاجتماعية X، بالأمير Y": ب before the person met does what مع does.
                if (j <= from + 1 && tokens[j].Norm.Length > 3 && tokens[j].Norm[0] == 'ب' && analysis.Owner[s][j] is { Entity.Kind: NodeKind.Person } withBa
                    && withBa.Entity != subject)
                {
                    found.Add(withBa.Entity);
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

            if (found.Count == 0 && t.Norm is "الذي" or "التي" or "الذين")
            {
                break; // "بالأمين العام لحزب … الذي يؤيد صالح": a relative clause describes the unnamed guest
            }

            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Person } self && self.Entity == subject)
            {
                // The rest of the subject's own title and name ("معالي المستشار … الدكتور عبدالله …").
                j = MentionEnd(s, self) - 1;
                continue;
            }

            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Person } m)
            {
                if (!found.Contains(m.Entity))
                {
                    found.Add(m.Entity);
                }

                j = MentionEnd(s, m) - 1;
                // Another person joined by و (after a comma or not) continues the list; anything else ends it.
                int k = j + 1;
                if (k < tokens.Count && tokens[k].Surface is "," or "،")
                {
                    k++;
                }

                if (k < tokens.Count && analysis.Owner[s][k] is { Entity.Kind: NodeKind.Person } && tokens[k].Norm.StartsWith('و'))
                {
                    j = k - 1;
                    continue;
                }

                break;
            }

            // استقبل وفدا من …: met an organization's delegation, not a person. An organization named
            // where the meeting took place ("في مقر وزارة العمل") does not end the search.
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Organization } org && found.Count == 0 && !needsWith
                && !(j > from && IsWhereTheMeetingWas(tokens, org.Start)) && IsDelegationOf(tokens, org.Start, from))
            {
                // "… وفدا من وزارة الخارجية الأمريكية برئاسة مساعد الوزير جون سميث": the head of the
                // delegation is a named person, and met.
                if (DelegationHead(s, org.End) is { } head && head != subject)
                {
                    found.Add(head);
                }

                break;
            }
        }

        return found;
    }

    /// <summary>
    /// "استقبل وفدا من …"، "استقبل وفد الهيئة": the organization is who came (a delegation), so no named
    /// person is the one met. (An organization inside a title — "الأمين العام لمجلس التعاون الدكتور X" —
    /// or right after the verb does not end the search.)
    /// </summary>
    private static bool IsDelegationOf(IReadOnlyList<Token> tokens, int orgStart, int from)
    {
        for (int k = Math.Max(from, orgStart - 3); k < orgStart; k++)
        {
            if (tokens[k].Norm.StartsWith("وفد", StringComparison.Ordinal) || tokens[k].Norm == "من")
            {
                return true;
            }
        }

        return orgStart == from;
    }

    /// <summary>The person named after "برئاسة" within a few words of <paramref name="from"/> (a delegation's head), if any.</summary>
    private EntityInfo? DelegationHead(int s, int from)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = from; j < tokens.Count && j - from <= 8; j++)
        {
            if (tokens[j].Surface is "." || analysis.Cue(s, j) is { Value: CueKind.Stated or CueKind.Met })
            {
                return null;
            }

            if (tokens[j].Norm is "برئاسه" or "يراسه" or "يترأسه" or "يتراسه")
            {
                for (int k = j + 1; k < tokens.Count && k - j <= 8; k++)
                {
                    if (analysis.Owner[s][k] is { Entity.Kind: NodeKind.Person } head)
                    {
                        return head.Entity;
                    }
                }

                return null;
            }
        }

        return null;
    }

    /// <summary>The words before an organization's name say where: "في مقر …"، "بمقر …"، "في …".</summary>
    private static bool IsWhereTheMeetingWas(IReadOnlyList<Token> tokens, int orgStart) =>
        orgStart > 0 && tokens[orgStart - 1].Norm is "مقر" or "بمقر" or "في" or "داخل" or "بديوان" or "ديوان" or "مبني" or "بمبني";

    internal EntityInfo? MeetingPlace(int s, int from)
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
}
