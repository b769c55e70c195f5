using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Candidates;

/// <summary>What a reporting clause is and where what it says starts and ends: verbs beyond the rules' cue list, attributions, بين, and the content span of a clause the rules left alone.</summary>
internal sealed partial class StatementCandidates
{
    /// <summary>Whether the token is in <c>more-reporting-verbs.txt</c>, with or without its conjunction (see <see cref="VerbForm"/>).</summary>
    private bool IsMoreReportingVerb(Token t)
    {
        // As VerbForm(t.Norm), without a new string per token: this runs for every token of every sentence.
        string norm = t.Norm;
        IReadOnlySet<string> verbs = analysis.Lexicon.MoreReportingVerbs;
        return (norm.Length == 3 && norm[0] is 'و' or 'ف' && verbs.Contains(norm[1..])) || verbs.Contains(t.WithoutConjunction);
    }

    /// <summary>
    /// A verb without its conjunction. Against the closed list of <c>more-reporting-verbs.txt</c>, "وحث"
    /// is و + حث, although a word of three letters keeps its و elsewhere (وقع، ولد).
    /// </summary>
    private string VerbForm(string norm) =>
        norm.Length == 3 && norm[0] is 'و' or 'ف' && analysis.Lexicon.MoreReportingVerbs.Contains(norm[1..]) ? norm[1..] : Clitics.WithoutConjunction(norm);

    /// <summary>How far after an attribution (بحسب، وفقا لـ) its فإن may stand.</summary>
    private const int AttributionReach = 16;

    /// <summary>
    /// Where the content starts when an attribution at <paramref name="i"/> is followed by فإن before
    /// any other clause: the word after فإن (or after فإنه, which is part of the content's subject).
    /// </summary>
    private int? ContentAfterAttribution(int s, int i)
    {
        if (analysis.Cue(s, i) is not { Value: CueKind.According })
        {
            return null;
        }

        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int j = i + 1; j < Math.Min(tokens.Count - 2, i + AttributionReach); j++)
        {
            if (s_factualComplementizers.Contains(tokens[j].Norm))
            {
                return tokens[j].Norm.Length > 3 ? j : j + 1;
            }

            if (analysis.Cue(s, j) is { Value: CueKind.Stated })
            {
                return null; // "وبحسب البيان، أكد الوزير أن …": the verb governs
            }
        }

        return null;
    }

    /// <summary>فإن and its forms with a pronoun (the pronoun is then the content's subject).</summary>
    private static readonly HashSet<string> s_factualComplementizers = ["فان", "فانه", "فانها", "فانهم"];

    /// <summary>جاء في + a document (بيان، تقرير، رسالة …): what the document says follows.</summary>
    private static bool IsDocumentSaying(IReadOnlyList<Token> tokens, int i) =>
        tokens[i].WithoutConjunction == "جاء" && i + 2 < tokens.Count && tokens[i + 1].Norm == "في"
            && s_sayingDocuments.Contains(tokens[i + 2].Norm);

    private static readonly WordSet s_sayingDocuments = WordSets.Set("saying-documents");

    /// <summary>"بين" is a reporting verb only when أن follows, at once or after its subject; else it is "between".</summary>
    private bool IntroducesContent(int s, int j)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        // "أن التجارة الثنائية بين البلدين يمكن أن تتضاعف": between the two countries, or between states.
        if (j < tokens.Count && (s_betweenObjects.Contains(tokens[j].Norm) || analysis.Owner[s][j] is { Entity.Kind: NodeKind.State or NodeKind.Place }))
        {
            return false;
        }

        if (j < tokens.Count && analysis.Owner[s][j] is { } subject)
        {
            j = rules.MentionEnd(s, subject);
        }

        return rules.ComplementizerSoonAfter(s, j);
    }

    private static readonly WordSet s_betweenObjects = WordSets.Set("between-objects");

    /// <summary>How far after a person who follows "بين" its أن may stand.</summary>
    private const int ExplainedContentReach = 24;

    /// <summary>
    /// "وبين العواجي عقب اجتماعه مع رئيس مجلس إدارة الشركة، أن …", "بدوره، بين لـ«الاقتصادية» اندرياس جينى،
    /// مدير …، أن …": "بين" with a person as its subject (after an addressee at most) explains, its أن
    /// further away than <see cref="IntroducesContent"/> looks, as long as no other clause opens first.
    /// </summary>
    private bool PersonThenContent(int s, int j)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        int k = j;
        while (k < tokens.Count && k - j < 4 && analysis.Owner[s][k] is not { Entity.Kind: NodeKind.Person })
        {
            k++;
        }

        if (k >= tokens.Count || analysis.Owner[s][k] is not { Entity.Kind: NodeKind.Person } subject)
        {
            return false;
        }

        for (int c = rules.MentionEnd(s, subject); c < tokens.Count && c - k <= ExplainedContentReach; c++)
        {
            if (s_complementizers.Contains(tokens[c].Norm))
            {
                return true;
            }

            if (analysis.Cue(s, c) is { Value: CueKind.Stated } || tokens[c].Surface is "." or "؟" or "!" or ":")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>How many words a title may hold before the person it names, for <see cref="PersonAfterLongTitle"/>.</summary>
    private const int LongTitleReach = 12;

    /// <summary>
    /// Where the subject ends when a person is named within <see cref="LongTitleReach"/> words after the verb
    /// with only words between — no punctuation, no complementizer, no other clause; else null.
    /// </summary>
    private int? PersonAfterLongTitle(int s, int cueEnd)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int k = cueEnd; k < tokens.Count && k - cueEnd <= LongTitleReach; k++)
        {
            if (analysis.Owner[s][k] is { Entity.Kind: NodeKind.Person } person)
            {
                return k > cueEnd ? rules.MentionEnd(s, person) : null;
            }

            if (!tokens[k].IsWord || s_complementizers.Contains(tokens[k].Norm) || analysis.Cue(s, k) is not null)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The content of a clause the rules left alone: after the verb and its subject, to the clause's end.</summary>
    private (int, int)? GenericSpan(int s, int cue, int cueEnd, string verb, SortedSet<int> clauses)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (tokens[cue].Surface == ":")
        {
            return (cue + 1, rules.ClaimEnd(s, cue + 1));
        }

        if (ContentAfterAttribution(s, cue) is { } content)
        {
            return (content, rules.ClaimEnd(s, content));
        }

        List<EntityInfo> subject = rules.SpeakersAfter(s, cueEnd, out int afterSubject);
        // "وأكد الجانبان حرصهما على …": the party noun is the written subject, and what follows it the
        // verb's object — the claim starts there, not after a preposition that belongs to the object.
        bool partySubject = subject.Count == 0 && cueEnd < tokens.Count && s_partyNouns.Contains(tokens[cueEnd].Norm);
        // "وحث وزير الطاقة الإماراتي على …": a title standing alone for its holder is the subject too.
        int? titleSubjectEnd = subject.Count == 0 && !partySubject && cueEnd < tokens.Count && analysis.Owner[s][cueEnd] is null
            && analysis.ParseTitle(s, cueEnd) is { HasHead: true } title ? title.End : null;
        int from = subject.Count > 0 ? afterSubject : partySubject ? cueEnd + 1 : titleSubjectEnd ?? cueEnd;
        // Where the rules see no content opener — or one at the very end (a trailing "..") — the
        // content starts right after the verb and its subject.
        // "حث المتحدث الرسمي باسم انتخابات أعضاء المجالس البلدية المهندس جديع القحطاني الشباب على …": a
        // title too long for the rules' title reading, the person it names still the subject.
        if (subject.Count == 0 && !partySubject && PersonAfterLongTitle(s, cueEnd) is { } titledEnd)
        {
            from = titledEnd;
        }

        int nextClause = clauses.GetViewBetween(cue + 1, int.MaxValue).Cast<int?>().FirstOrDefault() ?? int.MaxValue;
        // An opener beyond the next clause belongs to that clause ("وقالت موغيريني في مؤتمر صحفي لقد بذل
        // الاتحاد …، مشيرة إلى أن …"): this clause's content then starts after its subject.
        int start = rules.ClaimStart(s, from, tokens[cue].Norm, subject.Count == 0 && !partySubject) is { } opener && opener < tokens.Count - 1 && opener < nextClause ? opener : from;
        if (start >= tokens.Count)
        {
            return null;
        }

        int end = rules.ClaimEnd(s, start);
        return (start, Math.Min(end, Math.Max(start + 1, nextClause)));
    }
}
