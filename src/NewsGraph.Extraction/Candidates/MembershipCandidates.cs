using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Relations;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// MEMBER_OF candidates: every pair of a state and an organization named in a sentence that speaks
/// of membership (data: <c>membership-cues.txt</c>) or in which the rules found one, with the status
/// the nearest status phrase gives (or the rules'), and features on the list the state stands in.
/// </summary>
internal sealed class MembershipCandidates(ArticleAnalysis analysis, RelationFinder rules, IReadOnlySet<string> membershipCues)
{
    private const int MaxStates = 40;
    private const int MaxOrganizations = 6;

    public IEnumerable<RelationCandidate> In(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var ruled = rules.RelationsIn(s).Where(r => r.Type == RelationType.MemberOf)
            .GroupBy(r => (r.From, r.To)).ToDictionary(g => g.Key, g => g.First().Status);
        List<string> cues = [.. tokens.Select(t => Lexicon.Clitics.WithoutConjunction(t.Norm)).Where(membershipCues.Contains).Distinct()];
        if (cues.Count == 0 && ruled.Count == 0)
        {
            yield break;
        }

        List<Mention> states = [.. analysis.Mentions[s].Where(m => m.Entity.Kind == NodeKind.State).DistinctBy(m => m.Entity).Take(MaxStates)];
        List<Mention> organizations = [.. analysis.Mentions[s].Where(m => m.Entity.Kind == NodeKind.Organization).DistinctBy(m => m.Entity).Take(MaxOrganizations)];
        foreach (Mention state in states)
        {
            foreach (Mention org in organizations)
            {
                bool rule = ruled.TryGetValue((state.Entity, org.Entity), out MembershipStatus? ruleStatus);
                MembershipStatus status = (rule ? ruleStatus : null) ?? NearestStatus(tokens, state) ?? MembershipStatus.Member;
                var candidate = new RelationCandidate(RelationType.MemberOf, state.Entity, org.Entity, s, $"{s}:{state.Entity.Key}") { Status = status, RuleSays = rule };
                Describe(candidate, tokens, state, org, states, cues, rule);
                yield return candidate;
            }
        }

        // "وتضم [المنظمة] في عضويتها X وY": a list whose organization was named in the sentences before.
        if (cues.Count > 0 && states.Count > 0)
        {
            foreach (EntityInfo org in PreviousOrganizations(s).Where(o => organizations.All(m => m.Entity != o)))
            {
                foreach (Mention state in states)
                {
                    MembershipStatus status = NearestStatus(tokens, state) ?? MembershipStatus.Member;
                    var candidate = new RelationCandidate(RelationType.MemberOf, state.Entity, org, s, $"{s}:{state.Entity.Key}") { Status = status };
                    candidate.Add("rule-no");
                    candidate.Add("status=" + status);
                    candidate.Add("organization-previous-sentence");
                    candidate.Add("states=" + FeatureBuckets.Count(states.Count));
                    candidate.Add("organization-category=" + (org.Category ?? "none"));
                    foreach (string cue in cues)
                    {
                        candidate.Add("cue=" + cue);
                    }

                    yield return candidate;
                }
            }
        }

        // Memberships the rules read off a list whose organization is named in another sentence.
        foreach (FoundRelation r in rules.RelationsIn(s).Where(r => r.Type == RelationType.MemberOf))
        {
            if (!organizations.Any(m => m.Entity == r.To) || !states.Any(m => m.Entity == r.From))
            {
                var candidate = new RelationCandidate(RelationType.MemberOf, r.From, r.To, s, $"{s}:{r.From.Key}") { Status = r.Status, RuleSays = true };
                candidate.Add("rule");
                candidate.Add("status=" + r.Status);
                candidate.Add("organization-elsewhere");
                yield return candidate;
            }
        }
    }

    /// <summary>Organizations named in the two sentences before, nearest last.</summary>
    private IEnumerable<EntityInfo> PreviousOrganizations(int s) =>
        Enumerable.Range(Math.Max(0, s - 2), Math.Min(2, s)).SelectMany(k => analysis.Mentions[k])
            .Where(m => m.Entity.Kind == NodeKind.Organization).Select(m => m.Entity).Distinct().Take(MaxOrganizations);

    /// <summary>The status a status phrase gives within a few words after the state (else before it).</summary>
    private static MembershipStatus? NearestStatus(IReadOnlyList<Token> tokens, Mention state)
    {
        for (int k = state.End; k < Math.Min(tokens.Count, state.End + 8); k++)
        {
            if (RelationFinder.StatusAt(tokens, k, out _, out _) is { } status)
            {
                return status;
            }
        }

        for (int k = state.Start - 1; k >= Math.Max(0, state.Start - 8); k--)
        {
            if (RelationFinder.StatusAt(tokens, k, out _, out _) is { } status)
            {
                return status;
            }
        }

        return null;
    }

    private static void Describe(RelationCandidate c, IReadOnlyList<Token> tokens, Mention state, Mention org, List<Mention> states, List<string> cues, bool rule)
    {
        c.Add(rule ? "rule" : "rule-no");
        c.Add("status=" + c.Status);
        c.Add(org.Start < state.Start ? "organization-before" : "organization-after");
        int distance = org.Start < state.Start ? state.Start - org.End : org.Start - state.End;
        c.Add("distance=" + FeatureBuckets.Distance(distance));
        c.Add("states=" + FeatureBuckets.Count(states.Count));
        c.Add("state-form=" + state.Form);
        c.Add("organization-category=" + (org.Entity.Category ?? "none"));
        bool inList = states.Any(o => o != state && (Math.Abs(o.Start - state.End) <= 2 || Math.Abs(state.Start - o.End) <= 2));
        c.Add(inList ? "in-list" : "alone");
        bool parenthesis = state.Start > 0 && tokens.Take(state.Start).Any(t => t.Surface == "(") && tokens.Skip(state.End).Any(t => t.Surface == ")");
        if (parenthesis)
        {
            c.Add("in-parentheses");
        }

        foreach (string cue in cues)
        {
            c.Add("cue=" + cue);
        }
    }
}
