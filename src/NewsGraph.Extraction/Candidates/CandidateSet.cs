using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Relations;

namespace NewsGraph.Extraction.Candidates;

/// <summary>Every relation candidate of an article, from the three generators, each once.</summary>
internal static class CandidateSet
{
    public static List<RelationCandidate> Build(ArticleAnalysis analysis, RelationFinder rules)
    {
        var tracker = new SpeakerTracker(rules);
        var statements = new StatementCandidates(analysis, rules, tracker);
        var meetings = new MeetingCandidates(analysis, rules);
        var memberships = new MembershipCandidates(analysis, rules, analysis.Lexicon.MembershipCues);
        var candidates = new List<RelationCandidate>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < analysis.Sentences.Count; s++)
        {
            foreach (RelationCandidate c in statements.In(s).Concat(meetings.In(s)).Concat(memberships.In(s)))
            {
                // The same relation proposed twice (a pair named in two sentences): the rules' proposal wins.
                if (!seen.TryGetValue(c.Key, out int at))
                {
                    seen[c.Key] = candidates.Count;
                    candidates.Add(c);
                }
                else if (c.RuleSays && !candidates[at].RuleSays)
                {
                    candidates[at] = c;
                }
            }

            tracker.After(s);
        }

        return candidates;
    }
}
