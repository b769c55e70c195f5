using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Candidates;

/// <summary>How a speaker stands to its clause, as the model's features.</summary>
internal sealed partial class StatementCandidates
{
    /// <summary>Every other reason the speaker was proposed for, how far back the tracker saw them, and the joint clause.</summary>
    private void DescribeReasons(RelationCandidate candidate, int s, string position, List<string> reasons, string? joint)
    {
        foreach (string reason in reasons.Where(r => r != position).Distinct())
        {
            candidate.Add("also=" + reason);
        }

        if (reasons.Contains("last-person"))
        {
            candidate.Add("last-person-back=" + FeatureBuckets.Count(s - tracker.LastPersonSentence));
        }

        if (reasons.Contains("last-heard-person"))
        {
            candidate.Add("last-heard-back=" + FeatureBuckets.Count(s - tracker.LastHeardSentence));
        }

        if (joint is not null)
        {
            candidate.Add("joint-clause=" + joint);
            candidate.Add($"joint-clause×referent={reasons.Contains("joint")}");
        }
    }

    /// <summary>
    /// The words right around the speaker, as the model's to weigh: "عن"/"لـ"/"مع" before a name that is
    /// no subject, "إن"/"أن"/a comma after one that is.
    /// </summary>
    private static void DescribeSpeakerWords(RelationCandidate c, IReadOnlyList<Token> tokens, Mention mention)
    {
        c.AddWord("w-1:speaker", tokens, mention.Start - 1);
        c.AddWord("w+1:speaker", tokens, mention.End);
        c.AddWord("w-2:speaker", tokens, mention.Start - 2);
        c.AddWord("w+2:speaker", tokens, mention.End + 1);
    }

    private void Describe(
        RelationCandidate c, int s, int cue, int cueEnd, string verb, (int Start, int End) claim, string position, Mention? mention,
        bool nearestAfter, bool nearestBefore, bool writtenSubject, int ruledCount)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        string kind = c.From.Kind.ToString();
        string rule = c.RuleSays ? "rule" : ruledCount > 0 ? "rule-other" : "rule-none";
        c.Add(rule);
        c.Add($"{rule}×kind={kind}");
        c.Add($"{rule}×pos={position}");
        c.Add("verb=" + VerbForm(analysis.Cue(s, cue) is { } cueMatch ? cueMatch.FirstForm : tokens[cue].Norm));
        c.Add("w-1:verb=" + (cue > 0 ? tokens[cue - 1].Norm : "^"));
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
            DescribeSpeakerWords(c, tokens, mention);
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
            c.Add("nearest-after×kind=" + kind);
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

        string verbNorm = tokens[cue].WithoutConjunction;
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

        if (c.From == tracker.LastBody)
        {
            c.Add("is-last-body");
        }

        // "وأضاف البيان"، "وقالت الوزارة"، "وأوضح المصدر": the word after the verb, when it is no
        // name, says who speaks for whom (a statement, a ministry's short form, a source).
        if (cueEnd < tokens.Count && !writtenSubject && tokens[cueEnd].Norm.Length > 2)
        {
            c.Add($"word-after-verb={tokens[cueEnd].WithoutConjunction}×kind={kind}");
        }

        c.Add("claim-length=" + FeatureBuckets.Distance(claim.End - claim.Start));
        c.AddWord("w+1:verb", tokens, cueEnd);
        c.AddWord("w-1:claim", tokens, claim.Start - 1);
        c.AddWord("claim-last", tokens, claim.End - 1);
        string opener = ClaimOpener(tokens, claim.Start);
        c.Add("opener=" + opener);
        c.Add($"opener×kind={opener}×{kind}");
    }

    /// <summary>
    /// What opens the claim: أن/إن (a clause is reported), a colon or a quote (words are quoted), the
    /// preposition a verb takes (أعلن عن، دعا إلى), or nothing (a direct object: "أكد ضرورة …"). How a
    /// content is introduced says how surely it is reported speech.
    /// </summary>
    private static string ClaimOpener(IReadOnlyList<Token> tokens, int start)
    {
        for (int k = start - 1; k >= 0 && k >= start - 2; k--)
        {
            Token t = tokens[k];
            if (t.Kind == TokenKind.Quote)
            {
                return "quote";
            }

            if (t.Surface == ":" || t.Surface.StartsWith("..", StringComparison.Ordinal))
            {
                return "colon";
            }

            string word = t.WithoutConjunction;
            if (s_complementizers.Contains(word))
            {
                return "complementizer";
            }

            if (s_prepositionalComplements.Contains(word))
            {
                return "preposition-" + word;
            }

            if (t.IsWord)
            {
                break;
            }
        }

        return "none";
    }
}
