using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Relations;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// STATED candidates: for every reporting clause (a reporting verb, a headline's colon, وفقا لـ),
/// every speaker that could be its subject — persons, bodies and states named in the sentence
/// near the verb, and the speakers a dropped subject may continue — each with the clause's content
/// span and features describing how the speaker stands to the verb. The rules' choice is one
/// feature among them.
/// </summary>
internal sealed class StatementCandidates(ArticleAnalysis analysis, RelationFinder rules, SpeakerTracker tracker)
{
    /// <summary>How far from the verb a written speaker is looked for, in tokens.</summary>
    private const int Reach = 14;

    private readonly ILookup<(int Sentence, int Cue), ClaimSpan> _ruleClaims = rules.Claims.ToLookup(c => (c.Sentence, c.Cue));

    public IEnumerable<RelationCandidate> In(int s)
    {
        Sentence sentence = analysis.Sentences[s];
        IReadOnlyList<Token> tokens = sentence.Tokens;
        var clauses = new SortedSet<int>(_ruleClaims.Where(g => g.Key.Sentence == s).Select(g => g.Key.Cue));
        for (int i = 0; i < tokens.Count; i++)
        {
            bool reporting = analysis.Cue(s, i) is { Value: CueKind.Stated } || analysis.Lexicon.MoreReportingVerbs.Contains(Clitics.WithoutConjunction(tokens[i].Norm));
            if (reporting && analysis.Owner[s][i] is not { Entity.Kind: NodeKind.Person or NodeKind.Organization, Form: not MentionForm.Title })
            {
                clauses.Add(i);
            }
        }

        foreach (int cue in clauses)
        {
            foreach (RelationCandidate candidate in ForClause(s, cue, clauses))
            {
                yield return candidate;
            }
        }
    }

    private IEnumerable<RelationCandidate> ForClause(int s, int cue, SortedSet<int> clauses)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        ClaimSpan[] ruled = [.. _ruleClaims[(s, cue)]];
        string verb = ruled.Length > 0 ? ruled[0].Verb : tokens[cue].Surface;
        int cueEnd = analysis.Cue(s, cue)?.End ?? cue + 1;
        (int Start, int End)? span = ruled.Length > 0 ? (ruled[0].Start, ruled[0].End) : GenericSpan(s, cue, cueEnd, verb, clauses);
        if (span is not { } claim || claim.End - claim.Start < 2)
        {
            yield break;
        }

        string group = $"{s}:{cue}";
        var speakers = new Dictionary<string, (EntityInfo Entity, string Position, Mention? Mention)>(StringComparer.Ordinal);
        void Offer(EntityInfo e, string position, Mention? mention)
        {
            if (e.Kind is NodeKind.Person or NodeKind.Organization or NodeKind.State)
            {
                speakers.TryAdd(e.Key, (e, position, mention));
            }
        }

        foreach (ClaimSpan c in ruled)
        {
            Offer(c.Speaker, "ruled", null);
        }

        Mention? nearestAfter = null;
        Mention? nearestBefore = null;
        foreach (Mention m in analysis.Mentions[s])
        {
            if (!RelationFinder.IsSpeaker(m) || (m.Start >= claim.Start && m.End <= claim.End && m.Start > cueEnd + 3))
            {
                continue;
            }

            if (m.Start >= cueEnd && m.Start - cueEnd <= Reach)
            {
                nearestAfter ??= m;
                Offer(rules.SpeakerEntity(m), "after", m);
            }
            else if (m.End <= cue && cue - m.End <= Reach)
            {
                nearestBefore = m;
                Offer(rules.SpeakerEntity(m), "before", m);
            }
        }

        if (tracker.LastPerson is { } last && s - tracker.LastPersonSentence <= 3)
        {
            Offer(last, "last-person", null);
        }

        if (tracker.LastBody is { } body)
        {
            Offer(body, "last-body", null);
        }

        if (tracker.PreviousOpeningSubject is { } opener)
        {
            Offer(opener, "previous-opening", null);
        }

        bool writtenSubject = nearestAfter is { } na && na.Start - cueEnd <= 1;
        foreach ((EntityInfo speaker, string position, Mention? mention) in speakers.Values)
        {
            var candidate = new RelationCandidate(RelationType.Stated, speaker, speaker, s, group) { Claim = claim, Verb = verb };
            candidate.RuleSays = ruled.Any(c => c.Speaker == speaker);
            Describe(candidate, s, cue, cueEnd, verb, claim, position, mention, mention == nearestAfter, mention == nearestBefore, writtenSubject, ruled.Length);
            yield return candidate;
        }
    }

    /// <summary>The content of a clause the rules left alone: after the verb and its subject, to the clause's end.</summary>
    private (int, int)? GenericSpan(int s, int cue, int cueEnd, string verb, SortedSet<int> clauses)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        List<EntityInfo> subject = rules.SpeakersAfter(s, cueEnd, out int afterSubject);
        int from = subject.Count > 0 ? afterSubject : cueEnd;
        // Where the rules see no content opener — or one at the very end (a trailing "..") — the
        // content starts right after the verb and its subject.
        int start = rules.ClaimStart(s, from, tokens[cue].Norm, subject.Count == 0) is { } opener && opener < tokens.Count - 1 ? opener : from;
        if (start >= tokens.Count)
        {
            return null;
        }

        int end = rules.ClaimEnd(s, start);
        int nextClause = clauses.GetViewBetween(cue + 1, int.MaxValue).Cast<int?>().FirstOrDefault() ?? int.MaxValue;
        return (start, Math.Min(end, Math.Max(start + 1, nextClause)));
    }

    private void Describe(
        RelationCandidate c, int s, int cue, int cueEnd, string verb, (int Start, int End) claim, string position, Mention? mention,
        bool nearestAfter, bool nearestBefore, bool writtenSubject, int ruledCount)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        string kind = c.From.Kind.ToString();
        c.Add(c.RuleSays ? "rule" : ruledCount > 0 ? "rule-other" : "rule-none");
        c.Add("verb=" + Clitics.WithoutConjunction(analysis.Cue(s, cue) is { } cueMatch ? cueMatch.FirstForm : tokens[cue].Norm));
        if (analysis.Cue(s, cue) is null && tokens[cue].Surface != ":")
        {
            c.Add("verb-beyond-rules");
        }
        c.Add("kind=" + kind);
        c.Add("pos=" + position);
        c.Add($"pos×kind={position}×{kind}");
        if (mention is not null)
        {
            c.Add("form=" + mention.Form);
            int distance = position == "after" ? mention.Start - cueEnd : cue - mention.End;
            c.Add($"dist={position}:{FeatureBuckets.Distance(distance)}");
            bool comma = false;
            (int from, int to) = position == "after" ? (cueEnd, mention.Start) : (mention.End, cue);
            for (int k = from; k < to; k++)
            {
                comma |= tokens[k].Surface is "," or "،";
            }

            if (comma)
            {
                c.Add("comma-between");
            }

            if (mention.Start >= claim.Start && mention.End <= claim.End)
            {
                c.Add("inside-claim");
            }
        }

        if (nearestAfter)
        {
            c.Add("nearest-after");
        }

        if (nearestBefore)
        {
            c.Add("nearest-before");
        }

        if (!writtenSubject)
        {
            c.Add("no-subject-after-verb");
            c.Add($"no-subject×pos={position}");
        }

        string verbNorm = Clitics.WithoutConjunction(tokens[cue].Norm);
        if (verbNorm.EndsWith('ت') || verbNorm.StartsWith('ت'))
        {
            c.Add($"feminine-verb×kind={kind}");
        }

        if (cue <= 1)
        {
            c.Add("verb-opens-sentence");
        }

        if (analysis.Sentences[s].IsHeadline)
        {
            c.Add("headline");
        }

        if (tokens[cue].Surface == ":")
        {
            c.Add("colon");
        }

        if (c.From == tracker.LastPerson)
        {
            c.Add("is-last-person");
        }

        if (c.From == tracker.PreviousOpeningSubject)
        {
            c.Add("is-previous-opening");
        }

        c.Add("claim-length=" + FeatureBuckets.Distance(claim.End - claim.Start));
    }
}
