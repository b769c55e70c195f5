using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Relations;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// MET candidates: every pair of persons named in a sentence that holds a meeting verb or noun,
/// plus every pair the rules found, with features on where each stands to the cue, what stands
/// between them (مع، بحضور) and what the sentence says about the meeting (a phone call, a plan).
/// </summary>
internal sealed class MeetingCandidates(ArticleAnalysis analysis, RelationFinder rules)
{
    /// <summary>Persons considered per sentence: beyond this a list is attendance, not a meeting table.</summary>
    private const int MaxPersons = 12;

    /// <summary>How many sentences back a meeting's host may have been named.</summary>
    private const int HostReach = 2;

    private static readonly WordSet s_attendance = WordSets.Set("attendance");
    private static readonly WordSet s_with = WordSets.Set("with");
    private static readonly WordSet s_absentParty = WordSets.Set("absent-party");
    private static readonly WordSet s_gatheringVerbs = WordSets.Set("gathering-verbs");
    private static readonly WordSet s_gatheredMeetings = WordSets.Set("gathered-meetings");
    private static readonly WordSet s_delegationHeadVerbs = WordSets.Set("delegation-head-verbs");
    private static readonly WordSet s_delegationSides = WordSets.Set("delegation-sides");

    /// <summary>The cue form a delegation head's sentence gets, as the model sees it.</summary>
    private const string DelegationHeadCue = "ترأس-وفد";

    public IEnumerable<RelationCandidate> In(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        (int cue, string? cueForm, bool phone, bool future, bool moreCue) = FindCue(s, tokens);
        HashSet<(EntityInfo, EntityInfo)> ruled = [.. rules.RelationsIn(s)
            .Where(r => r.Type == RelationType.Met)
            .SelectMany(r => new[] { (r.From, r.To), (r.To, r.From) })];
        HashSet<(EntityInfo, EntityInfo)> phoned = [.. rules.RelationsIn(s)
            .Where(r => r.Type == RelationType.Phoned)
            .SelectMany(r => new[] { (r.From, r.To), (r.To, r.From) })];
        if (cue < 0 && ruled.Count == 0)
        {
            yield break;
        }

        List<Mention> persons = [.. analysis.Mentions[s].Where(m => m.Entity.Kind == NodeKind.Person).DistinctBy(m => m.Entity).Take(MaxPersons)];
        EntityInfo? place = cue >= 0 ? rules.MeetingPlace(s, cue) : null;
        bool pointsBack = cue >= 0 && PointsBack(s, tokens, cue, moreCue);
        for (int a = 0; a < persons.Count; a++)
        {
            for (int b = a + 1; b < persons.Count; b++)
            {
                Mention first = persons[a], second = persons[b];
                var candidate = new RelationCandidate(RelationType.Met, first.Entity, second.Entity, s, $"{s}:met") { Verb = VerbOf(tokens, cue, cueForm), Place = place };
                candidate.RuleSays = ruled.Contains((first.Entity, second.Entity));
                if (cueForm == DelegationHeadCue)
                {
                    DescribeDelegationHeads(candidate, tokens, first, second, persons.Count);
                }
                else
                {
                    Describe(candidate, s, tokens, cue, cueForm, first, second, persons.Count, phone, future, phoned.Contains((first.Entity, second.Entity)));
                    if (moreCue)
                    {
                        candidate.Add("cue-beyond-rules");
                    }

                    if (pointsBack)
                    {
                        candidate.Add($"cue-points-back×sides={Side(first, cue)}×{Side(second, cue)}");
                    }
                }

                yield return candidate;
            }
        }

        if (cue >= 0 && AwaitsAHost(tokens, persons, pointsBack))
        {
            foreach (RelationCandidate candidate in WithHostsBefore(s, cue, cueForm, persons, place, ruled))
            {
                if (moreCue)
                {
                    candidate.Add("cue-beyond-rules");
                }

                yield return candidate;
            }
        }

        // Pairs the rules found whose persons are named in another sentence ("وبحثا …").
        foreach (FoundRelation r in rules.RelationsIn(s).Where(r => r.Type == RelationType.Met))
        {
            if (!persons.Any(m => m.Entity == r.From) || !persons.Any(m => m.Entity == r.To))
            {
                var candidate = new RelationCandidate(RelationType.Met, r.From, r.To, s, $"{s}:met") { Verb = r.Verb, Place = r.Place, RuleSays = true };
                candidate.Add("rule");
                candidate.Add("pair-across-sentences");
                yield return candidate;
            }
        }
    }

    /// <summary>
    /// The sentence's meeting cue (the first of the rules' cues, else "وضم الاجتماع …", else the first
    /// word beyond the rules' cues: <paramref name="tokens"/> index, -1 if none, and its form), and
    /// whether the sentence speaks of a phone call or of a meeting to come.
    /// </summary>
    private (int Cue, string? Form, bool Phone, bool Future, bool BeyondRules) FindCue(int s, IReadOnlyList<Token> tokens)
    {
        int cue = -1;
        string? cueForm = null;
        bool phone = false, future = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            switch (analysis.Cue(s, i))
            {
                case { Value: CueKind.Met or CueKind.MetNoun } c when cue < 0 && analysis.Owner[s][i] is null or { Form: MentionForm.Title }:
                    cue = i;
                    cueForm = Clitics.WithoutConjunction(c.FirstForm);
                    break;
                case { Value: CueKind.Phone }:
                    phone = true;
                    break;
                case { Value: CueKind.Future }:
                    future = true;
                    break;
            }

            // "وضم الاجتماع فلانا وفلانا": the meeting named before, and who it held (ضم is also a membership cue).
            if (cue < 0 && i + 1 < tokens.Count && s_gatheredMeetings.Contains(tokens[i + 1].Norm) && IsGatheringVerb(tokens[i].Norm))
            {
                cue = i + 1;
                cueForm = tokens[i + 1].Norm;
            }
        }

        if (cue < 0 && FirstMoreMeetingCue(s, tokens) is ({ } at, { } form))
        {
            return (at, form, phone, future, true);
        }

        if (cue < 0 && FirstDelegationHead(tokens) is { } head)
        {
            return (head, DelegationHeadCue, phone, future, false);
        }

        return (cue, cueForm, phone, future, false);
    }

    /// <summary>
    /// "ترأس وفد المملكة X، فيما ترأس الوفد اليوناني Y، وترأست الوفد القبرصي Z"، "ويرأس وفد المملكة إلى
    /// الاجتماع X": agency copy names the heads of a meeting's sides without a meeting word in the
    /// sentence. The heads named together met one another; a head named alone met the host named
    /// before (<see cref="AwaitsAHost"/>). Only where no other cue is found, not even one beyond the
    /// rules' ("ترأس وفد قطر في الاجتماع …"), so sentences that name the meeting keep their cue and features.
    /// </summary>
    private static int? FirstDelegationHead(IReadOnlyList<Token> tokens)
    {
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (s_delegationHeadVerbs.Contains(tokens[i].WithoutConjunction) && s_delegationSides.Contains(tokens[i + 1].Norm))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The meeting's verb as the relation records it: the cue's form, or for delegation heads the head verb itself (ترأس).</summary>
    private static string? VerbOf(IReadOnlyList<Token> tokens, int cue, string? cueForm) =>
        cueForm == DelegationHeadCue ? tokens[cue].WithoutConjunction : cueForm;

    /// <summary>
    /// A pair of a sentence that names delegation heads, described by the construction alone: whether
    /// each person follows a head verb closely ("ترأس وفد المملكة السفير X"، "والوفد الأردني Y"). Its own
    /// features rather than the meeting lists' sides and roles, which it would otherwise pull toward
    /// "every two of the list met" for lists of attendees too.
    /// </summary>
    private static void DescribeDelegationHeads(RelationCandidate c, IReadOnlyList<Token> tokens, Mention first, Mention second, int persons)
    {
        c.Add(c.RuleSays ? "rule" : "rule-no");
        c.Add("cue=" + DelegationHeadCue);
        c.Add($"heads={HeadsSide(tokens, first)}×{HeadsSide(tokens, second)}");
        c.Add("persons=" + FeatureBuckets.Count(persons));
    }

    /// <summary>Whether a delegation construction ("ترأس الوفد …"، "، والوفد …") opens within the few words before a person: "head" or "other".</summary>
    private static string HeadsSide(IReadOnlyList<Token> tokens, Mention m)
    {
        for (int k = m.Start - 1; k >= 0 && m.Start - k <= 8; k--)
        {
            if (s_delegationSides.Contains(tokens[k].WithoutConjunction) || s_delegationSides.Contains(tokens[k].Norm))
            {
                return "head";
            }
        }

        return "other";
    }

    /// <summary>
    /// The first meeting word beyond the rules' cues (<see cref="ArabicLexicon.MoreMeetingCues"/>:
    /// "بالمباحثات"، "زيارة"، "مؤتمره الصحافي مع"), read without its proclitic, that no entity holds
    /// (or only a title, as for the rules' cues): where the rules see no meeting, the model still
    /// gets the sentence's pairs to weigh.
    /// </summary>
    private (int At, string Form)? FirstMoreMeetingCue(int s, IReadOnlyList<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsWord && analysis.Owner[s][i] is null or { Form: MentionForm.Title }
                && tokens[i].FirstFormIn(analysis.Lexicon.MoreMeetingCues) is { } form)
            {
                return (i, form);
            }
        }

        return null;
    }

    /// <summary>
    /// "وصل الأمير X إلى عمّان … / وكان في استقباله لدى وصوله الأمير Y"، "عقد الرئيس X اجتماعا مع
    /// مستشاريه … / وضم الاجتماع Y وZ": the meeting's host or guest was named a sentence or two before,
    /// as the subject that opens it. Each person of this sentence is paired with the first person of
    /// each of the two sentences before who is not named here too (the next one named there when the
    /// first is); the model weighs how far back.
    /// </summary>
    private IEnumerable<RelationCandidate> WithHostsBefore(int s, int cue, string? cueForm, List<Mention> persons, EntityInfo? place, HashSet<(EntityInfo, EntityInfo)> ruled)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int back = 1; back <= HostReach && s - back >= 0; back++)
        {
            // The first person there who is not named here: "وصل X … واستعرض مع Y" / "وكان في استقباله
            // X …" — when X is among the receivers, the guest is the next one named before.
            List<Mention> before = [.. analysis.Mentions[s - back].Where(m => m.Entity.Kind == NodeKind.Person).DistinctBy(m => m.Entity)];
            int rank = before.FindIndex(m => !persons.Any(p => p.Entity == m.Entity));
            if (rank < 0)
            {
                continue;
            }

            Mention host = before[rank];

            foreach (Mention guest in persons)
            {
                var candidate = new RelationCandidate(RelationType.Met, host.Entity, guest.Entity, s, $"{s}:met") { Verb = VerbOf(tokens, cue, cueForm), Place = place };
                candidate.RuleSays = ruled.Contains((host.Entity, guest.Entity));
                candidate.Add(candidate.RuleSays ? "rule" : "rule-no");
                candidate.Add("cue=" + (cueForm ?? "none"));
                AddSport(candidate, cueForm);
                candidate.Add("host-sentences-back=" + back);
                candidate.Add($"host-back×cue={back}×{cueForm}");
                candidate.Add("guest=" + Side(guest, cue));
                candidate.Add($"host-form={host.Form}");
                candidate.Add("persons=" + FeatureBuckets.Count(persons.Count));
                if (host.Start <= 2)
                {
                    candidate.Add("host-opens-sentence");
                }

                if (rank > 0)
                {
                    candidate.Add("host-after-one-named-here");
                }

                yield return candidate;
            }
        }
    }

    /// <summary>
    /// Whether this sentence's meeting lacks a party named in it: one person only, or a cue that
    /// points back ("في استقباله"، "في وداعها"; any word beyond the rules' cues with a pronoun: "لدى
    /// زيارته"، "استقبله"), or an attendance list opening it ("وضم الاجتماع …"،
    /// "وحضر اللقاء …"). "استقبل X Y" names both and is left alone.
    /// </summary>
    private static bool AwaitsAHost(IReadOnlyList<Token> tokens, List<Mention> persons, bool pointsBack)
    {
        if (persons.Count == 1 || pointsBack)
        {
            return true;
        }

        int firstPerson = persons.Count > 0 ? persons.Min(m => m.Start) : tokens.Count;
        for (int k = 0; k < firstPerson; k++)
        {
            if (s_attendance.Contains(tokens[k].Norm) || IsGatheringVerb(tokens[k].Norm))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A meeting noun with a pronoun ("في استقباله"، "لدى زيارته"): its other party was named before,
    /// and the persons after it are who received him, together, not a meeting of their own.
    /// </summary>
    private bool PointsBack(int s, IReadOnlyList<Token> tokens, int cue, bool moreCue)
    {
        // The written form, where ة is not ه: "استقباله" points back, "زيارة" does not.
        string written = tokens[cue].Surface;
        return (moreCue || analysis.Cue(s, cue) is { Value: CueKind.MetNoun })
            && (written.EndsWith('ه') || written.EndsWith("ها", StringComparison.Ordinal) || written.EndsWith("هم", StringComparison.Ordinal));
    }

    /// <summary>ضم، شهد، جمع … with or without و (which <see cref="Clitics.WithoutConjunction"/> keeps on a two-letter verb: وضم).</summary>
    private static bool IsGatheringVerb(string norm) =>
        s_gatheringVerbs.Contains(norm) || (norm.Length > 2 && norm[0] == 'و' && s_gatheringVerbs.Contains(norm[1..]));

    private void Describe(
        RelationCandidate c, int s, IReadOnlyList<Token> tokens, int cue, string? cueForm, Mention first, Mention second, int persons, bool phone, bool future, bool phonedByRule)
    {
        c.Add(c.RuleSays ? "rule" : "rule-no");
        c.Add("cue=" + (cueForm ?? "none"));
        AddSport(c, cueForm);
        if (phonedByRule)
        {
            c.Add("rule-phoned");
        }

        if (cue >= 0)
        {
            DescribeCueSides(c, s, tokens, cue, first, second);
        }

        bool with = false, attendance = false;
        for (int k = first.End; k < second.Start; k++)
        {
            with |= s_with.Contains(tokens[k].Norm) && tokens[k].Norm != "و";
            attendance |= s_attendance.Contains(tokens[k].Norm);
        }

        if (with)
        {
            c.Add("with-between");
        }

        if (attendance)
        {
            c.Add("attendance-between");
        }

        for (int k = 0; k < first.Start; k++)
        {
            if (s_attendance.Contains(tokens[k].Norm))
            {
                c.Add("attendance-before");
                break;
            }
        }

        // "حضر الاجتماع X، وY، وZ": the meeting is what they attended, and a list of attendees is not
        // a list of persons who met one another (annotators pair them with the host, if anyone).
        if (cue > 0 && first.Start > cue && Enumerable.Range(Math.Max(0, cue - 3), Math.Min(3, cue)).Any(k => s_attendance.Contains(tokens[k].Norm)))
        {
            c.Add("attendees-of-the-cue");
        }

        if (phone)
        {
            c.Add("phone-in-sentence");
        }

        if (future)
        {
            c.Add("future-in-sentence");
        }

        int absent = (IsAbsent(s, tokens, first) ? 1 : 0) + (IsAbsent(s, tokens, second) ? 1 : 0);
        if (absent > 0)
        {
            c.Add("absent-party=" + absent);
        }

        c.Add("persons=" + FeatureBuckets.Count(persons));
        c.Add("distance=" + FeatureBuckets.Distance(second.Start - first.End));
        // What lies between the two: a long title is no obstacle ("بحث X الممثل الخاص … مع Y"),
        // another person or another verb is.
        int personsBetween = analysis.Mentions[s].Where(m => m.Entity.Kind == NodeKind.Person && m.Start >= first.End && m.End <= second.Start)
            .Select(m => m.Entity).Where(e => e != first.Entity && e != second.Entity).Distinct().Count();
        c.Add("persons-between=" + FeatureBuckets.Count(personsBetween));
        bool verbBetween = Enumerable.Range(first.End, Math.Max(0, second.Start - first.End))
            .Any(k => analysis.Cue(s, k) is { Value: CueKind.Stated or CueKind.Met } && k != cue);
        c.Add(verbBetween ? "other-cue-between" : "no-other-cue-between");
        c.Add($"rule×persons-between={(c.RuleSays ? "rule" : "no")}×{FeatureBuckets.Count(personsBetween)}");
        c.Add($"forms={first.Form}×{second.Form}");
        DescribeWords(c, tokens, cue, first, second);
    }

    /// <summary>
    /// The words around the two persons and the cue, as the model's to weigh: "نظيره" or "مع" before the
    /// second, "بحضور" or "نيابة" two words back, "خلال"/"سيعقد" before the cue. Structure alone left
    /// meetings the weakest type; these took the held-out log loss from 0.3653 to 0.3390 (2026-12-07).
    /// </summary>
    private static void DescribeWords(RelationCandidate c, IReadOnlyList<Token> tokens, int cue, Mention first, Mention second)
    {
        c.AddWord("w-1:first", tokens, first.Start - 1);
        c.AddWord("w-1:second", tokens, second.Start - 1);
        if (cue >= 0)
        {
            c.AddWord("w-1:cue", tokens, cue - 1);
            c.AddWord("w+1:cue", tokens, cue + 1);
        }

        c.AddWord("w+1:second", tokens, second.End);
        if (first.End < second.Start)
        {
            c.AddWord("w+1:first", tokens, first.End);
        }

        c.AddWord("w-2:first", tokens, first.Start - 2);
        c.AddWord("w-2:second", tokens, second.Start - 2);
    }

    /// <summary>
    /// Whether a person is named as someone not there: whose greetings or letter were conveyed, on
    /// whose behalf someone acted ("نقل تحيات خادم الحرمين الشريفين الملك سلمان", "نيابة عن الأمير
    /// فيصل"). Looks a few words back, over a title, up to punctuation or another person.
    /// </summary>
    private bool IsAbsent(int s, IReadOnlyList<Token> tokens, Mention m)
    {
        for (int k = m.Start - 1; k >= 0 && m.Start - k <= 6; k--)
        {
            if (tokens[k].IsPunctuation || (analysis.Owner[s][k] is { } other && other.Entity != m.Entity && other.Entity.Kind == NodeKind.Person))
            {
                return false;
            }

            if (s_absentParty.Contains(tokens[k].Norm) || s_absentParty.Contains(tokens[k].WithoutConjunction))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the two persons stand to the cue.</summary>
    private void DescribeCueSides(RelationCandidate c, int s, IReadOnlyList<Token> tokens, int cue, Mention first, Mention second)
    {
        c.Add("first=" + Side(first, cue));
        c.Add("second=" + Side(second, cue));
        c.Add($"sides={Side(first, cue)}×{Side(second, cue)}");
        if (first.Start == cue + 1 || (cue + 1 < tokens.Count && first.Start == cue + 2 && !tokens[cue + 1].IsWord))
        {
            c.Add("first-right-after-cue");
        }

        // Who stands nearest the cue on each side is its subject or its first object. A verb has a
        // host and guests, and two guests together met no one ("استقبل X Y وZ": Y and Z); a meeting
        // noun has participants, every two of whom met ("اجتماعا ضم X وY وZ").
        string roles = $"{CueRole(s, first, cue)}×{CueRole(s, second, cue)}";
        string kind = analysis.Cue(s, cue) is { Value: CueKind.Met } ? "verb" : "noun";
        c.Add("roles=" + roles);
        c.Add($"roles×cue-kind={roles}×{kind}");
        if (second.Start < tokens.Count && OpensWithAnd(tokens, second.Start))
        {
            c.Add(first.End <= cue ? "second-conjoined" : "second-conjoined-after-cue×" + kind);
        }
    }

    /// <summary>In an article about sport a meeting word often names a match ("لقاء الفريق التركي") and its persons are players.</summary>
    private void AddSport(RelationCandidate c, string? cueForm)
    {
        if (analysis.IsAboutSport)
        {
            c.Add("sport-article");
            c.Add("cue×sport=" + (cueForm ?? "none"));
        }
    }

    private static string Side(Mention m, int cue) => m.End <= cue ? "before" : "after";

    /// <summary>
    /// A person's place among the sentence's persons as seen from the cue: the nearest before it
    /// (its subject: "X التقى"), the nearest after it (its subject or first object: "استقبل X"), or
    /// further off.
    /// </summary>
    private string CueRole(int s, Mention m, int cue)
    {
        List<Mention> persons = [.. analysis.Mentions[s].Where(p => p.Entity.Kind == NodeKind.Person)];
        if (m.End <= cue)
        {
            return persons.Where(p => p.End <= cue).MaxBy(p => p.Start) is { } nearest && nearest.Entity == m.Entity ? "nearest-before" : "further-before";
        }

        return persons.Where(p => p.Start > cue).MinBy(p => p.Start) is { } next && next.Entity == m.Entity ? "nearest-after"
            : persons.Where(p => p.Start > cue && p.Entity != persons.Where(q => q.Start > cue).MinBy(q => q.Start)!.Entity).MinBy(p => p.Start) is { } second && second.Entity == m.Entity ? "second-after"
            : "further-after";
    }

    /// <summary>Whether a mention opens with the conjunction و, as a word or a proclitic ("ونظيره"، "و وزير").</summary>
    private static bool OpensWithAnd(IReadOnlyList<Token> tokens, int start) =>
        (start > 0 && tokens[start - 1].Norm == "و") || (tokens[start].Norm.Length > 3 && tokens[start].Norm[0] == 'و' && tokens[start].Forms.Length > 1);
}
