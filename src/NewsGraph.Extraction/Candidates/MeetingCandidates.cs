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

    private static readonly HashSet<string> s_attendance = WordSets.Get("attendance");
    private static readonly HashSet<string> s_with = WordSets.Get("with");

    public IEnumerable<RelationCandidate> In(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
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
        }

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
        for (int a = 0; a < persons.Count; a++)
        {
            for (int b = a + 1; b < persons.Count; b++)
            {
                Mention first = persons[a], second = persons[b];
                var candidate = new RelationCandidate(RelationType.Met, first.Entity, second.Entity, s, $"{s}:met") { Verb = cueForm, Place = place };
                candidate.RuleSays = ruled.Contains((first.Entity, second.Entity));
                Describe(candidate, s, tokens, cue, cueForm, first, second, persons.Count, phone, future, phoned.Contains((first.Entity, second.Entity)));
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

    private void Describe(
        RelationCandidate c, int s, IReadOnlyList<Token> tokens, int cue, string? cueForm, Mention first, Mention second, int persons, bool phone, bool future, bool phonedByRule)
    {
        c.Add(c.RuleSays ? "rule" : "rule-no");
        c.Add("cue=" + (cueForm ?? "none"));
        if (phonedByRule)
        {
            c.Add("rule-phoned");
        }

        if (cue >= 0)
        {
            c.Add("first=" + Side(first, cue));
            c.Add("second=" + Side(second, cue));
            c.Add($"sides={Side(first, cue)}×{Side(second, cue)}");
            if (first.Start == cue + 1 || (cue + 1 < tokens.Count && first.Start == cue + 2 && !tokens[cue + 1].IsWord))
            {
                c.Add("first-right-after-cue");
            }
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

        if (phone)
        {
            c.Add("phone-in-sentence");
        }

        if (future)
        {
            c.Add("future-in-sentence");
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
    }

    private static string Side(Mention m, int cue) => m.End <= cue ? "before" : "after";
}
