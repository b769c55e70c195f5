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
internal sealed partial class StatementCandidates(ArticleAnalysis analysis, RelationFinder rules, SpeakerTracker tracker)
{
    /// <summary>How far from the verb a written speaker is looked for, in tokens.</summary>
    private const int Reach = 24;

    /// <summary>How far into a headline a colon may stand and still introduce what a speaker said.</summary>
    private const int HeadlineColonReach = 14;

    private static readonly WordSet s_partyNouns = WordSets.Set("party-nouns");
    private static readonly WordSet s_complementizers = WordSets.Set("complementizers");
    private static readonly WordSet s_prepositionalComplements = WordSets.Set("prepositional-complements");
    private static readonly WordSet s_jointSubjectNouns = WordSets.Set("joint-subject-nouns");
    private static readonly WordSet s_dualReportingVerbs = WordSets.Set("dual-reporting-verbs");

    /// <summary>How many sentences back two persons named last may be the parties of "الجانبان".</summary>
    private const int JointReach = 8;

    private readonly ILookup<(int Sentence, int Cue), ClaimSpan> _ruleClaims = rules.Claims.ToLookup(c => (c.Sentence, c.Cue));

    private readonly ILookup<int, int> _ruleClauses = rules.Claims.Select(c => (c.Sentence, c.Cue)).Distinct().ToLookup(c => c.Sentence, c => c.Cue);

    public IEnumerable<RelationCandidate> In(int s)
    {
        Sentence sentence = analysis.Sentences[s];
        IReadOnlyList<Token> tokens = sentence.Tokens;
        var clauses = new SortedSet<int>(_ruleClauses[s]);
        for (int i = 0; i < tokens.Count; i++)
        {
            bool reporting = analysis.Cue(s, i) is { Value: CueKind.Stated } || IsMoreReportingVerb(tokens[i]);
            if (reporting && analysis.Owner[s][i] is not { Entity.Kind: NodeKind.Person or NodeKind.Organization, Form: not MentionForm.Title }
                && !(tokens[i].Norm is "بين" or "وبين" && !IntroducesContent(s, i + 1) && !PersonThenContent(s, i + 1)))
            {
                clauses.Add(i);
            }
            else if (ContentAfterAttribution(s, i) is not null)
            {
                // "ووفقا للبيانات المنشورة على موقع الهيئة، فإن …", "وبحسب التقرير فإن …": what the source
                // says follows فإن, wherever the attribution stands.
                clauses.Add(i);
            }
            else if (IsDocumentSaying(tokens, i))
            {
                // "وجاء في بيان للوزارة أن …", "وجاء في البيان: …": the statement's owner speaks (a body
                // near, or the one that spoke last).
                clauses.Add(i);
            }
            else if (s_sayingParticiples.Contains(tokens[i].WithoutConjunction) && (clauses.Count == 0 || clauses.Min > i))
            {
                // "وعلق الوزير عبر تويتر قائلا: …": after a verb that does not report, قائلا is the
                // only reporting word; after one that does, it continues that clause (annotated optional).
                clauses.Add(i);
            }
        }

        // "وزير الزراعة الروسي من القاهرة: شحنات القمح …": a headline's colon opens what its speaker said.
        if (analysis.Sentences[s].IsHeadline || s == 0)
        {
            for (int i = 1; i < Math.Min(tokens.Count - 2, HeadlineColonReach); i++)
            {
                if (tokens[i].Surface == ":")
                {
                    clauses.Add(i);
                    break;
                }
            }
        }

        foreach (int cue in clauses)
        {
            foreach (RelationCandidate candidate in ForClause(s, cue, clauses))
            {
                yield return candidate;
            }
        }

        // "… تراجع الإنتاج، بحسب وزارة الطاقة": the content came first, its source after بحسب/حسب/وفقا لـ.
        for (int i = 3; i < tokens.Count - 1; i++)
        {
            if (s_attributions.Contains(tokens[i].Norm) && !clauses.Contains(i)
                && Enumerable.Range(i + 1, Math.Min(3, tokens.Count - i - 1)).Select(k => analysis.Owner[s][k]).FirstOrDefault(m => m is not null && RelationFinder.IsSpeaker(m)) is { } source)
            {
                int end = i;
                while (end > 0 && !tokens[end - 1].IsWord)
                {
                    end--;
                }

                int start = clauses.GetViewBetween(0, i).Cast<int?>().LastOrDefault() is { } before ? before + 1 : 0;
                if (end - start >= 3)
                {
                    var candidate = new RelationCandidate(RelationType.Stated, rules.SpeakerEntity(source), rules.SpeakerEntity(source), s, $"{s}:{i}")
                    {
                        Claim = (start, end),
                        Verb = tokens[i].Surface,
                    };
                    candidate.Add("rule-none");
                    candidate.Add("attribution-after-content");
                    candidate.Add("kind=" + candidate.From.Kind);
                    candidate.Add("claim-length=" + FeatureBuckets.Distance(end - start));
                    yield return candidate;
                }
            }
        }
    }

    private static readonly WordSet s_sayingParticiples = WordSets.Set("saying-participles");

    /// <summary>Words that attribute the content before them to the source after them.</summary>
    private static readonly WordSet s_attributions = WordSets.Set("attributions");

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
        var offers = new SpeakerOffers();
        foreach (ClaimSpan c in ruled)
        {
            offers.Offer(c.Speaker, "ruled", null);
        }

        (Mention? nearestAfter, Mention? nearestBefore) = OfferWrittenSpeakers(offers, s, cue, cueEnd, claim);
        (bool partyNounSubject, string? joint) = OfferUnwrittenSpeakers(offers, s, cue, cueEnd, nearestAfter ?? nearestBefore);
        bool writtenSubject = nearestAfter is { } na && na.Start - cueEnd <= 1;
        foreach ((EntityInfo speaker, string position, Mention? mention, List<string> reasons) in offers.All)
        {
            var candidate = new RelationCandidate(RelationType.Stated, speaker, speaker, s, group) { Claim = claim, Verb = verb, SharedClause = joint is not null || partyNounSubject };
            candidate.RuleSays = ruled.Any(c => c.Speaker == speaker);
            Describe(candidate, s, cue, cueEnd, verb, claim, position, mention, mention == nearestAfter, mention == nearestBefore, writtenSubject, ruled.Length);
            DescribeReasons(candidate, s, position, reasons, joint);
            yield return candidate;
        }
    }
}
