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
    private const int Reach = 24;

    /// <summary>How far into a headline a colon may stand and still introduce what a speaker said.</summary>
    private const int HeadlineColonReach = 14;

    private static readonly WordSet s_partyNouns = new(WordSets.Get("party-nouns"));
    private static readonly WordSet s_complementizers = new(WordSets.Get("complementizers"));
    private static readonly WordSet s_prepositionalComplements = new(WordSets.Get("prepositional-complements"));
    private static readonly WordSet s_jointSubjectNouns = new(WordSets.Get("joint-subject-nouns"));
    private static readonly WordSet s_dualReportingVerbs = new(WordSets.Get("dual-reporting-verbs"));

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

    private static readonly WordSet s_sayingParticiples = new(WordSets.Get("saying-participles"));

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

    /// <summary>Words that attribute the content before them to the source after them.</summary>
    private static readonly WordSet s_attributions = new(WordSets.Get("attributions"));

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
        // A speaker may be proposed for several reasons (written after the verb, and the last person
        // named): the first reason with a written mention sets the distance features, every reason is a feature.
        var speakers = new Dictionary<string, (EntityInfo Entity, string Position, Mention? Mention, List<string> Reasons)>(StringComparer.Ordinal);
        void Offer(EntityInfo e, string position, Mention? mention)
        {
            if (e.Kind is not (NodeKind.Person or NodeKind.Organization or NodeKind.State))
            {
                return;
            }

            if (speakers.TryGetValue(e.Key, out var known))
            {
                known.Reasons.Add(position);
                if (known.Mention is null && mention is not null)
                {
                    speakers[e.Key] = (e, position, mention, known.Reasons);
                }
            }
            else
            {
                speakers[e.Key] = (e, position, mention, [position]);
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

        if (tracker.LastPerson is { } last)
        {
            Offer(last, "last-person", null);
        }

        if (tracker.LastHeardPerson is { } heard)
        {
            Offer(heard, "last-heard-person", null);
        }

        if ((nearestAfter ?? nearestBefore) is { Entity.Kind: NodeKind.Person } subject)
        {
            tracker.Heard(rules.SpeakerEntity(subject), s);
        }

        // Who was named last before the verb, in this sentence or the two before: "وذكر البرنامج أن"
        // (a short form of the body named before), "وأضافت في بيان".
        foreach (EntityInfo e in NamedBefore(s, cue))
        {
            Offer(e, e.Kind == NodeKind.Person ? "named-before-person" : "named-before-body", null);
        }

        // "وأكد وزير خارجية مصر أن"، "وقالت الوزارة إن": a subject written as a title or a body's head noun
        // that recognition left unresolved, its words differing from how the referent was introduced.
        if (ShortFormReferent(s, cue, cueEnd) is { } referent)
        {
            Offer(referent, referent.Kind == NodeKind.Person ? "title-subject" : "head-noun-subject", null);
        }

        // "وأكد الجانبان": the two persons named last.
        bool partyNounSubject = cueEnd < tokens.Count && s_partyNouns.Contains(tokens[cueEnd].Norm);
        if (partyNounSubject)
        {
            foreach (EntityInfo e in NamedBefore(s, cue, persons: 2))
            {
                Offer(e, "party-noun", null);
            }
        }

        // "وأكد الوزيران"، "أن الجانبين أكدا"، "وشددا": two parties speak together — the two persons of
        // the last meeting, or the last two persons named, however many sentences back.
        string? joint = JointCue(s, cue, cueEnd);
        if (joint is not null)
        {
            foreach (EntityInfo e in JointReferents(s, cue))
            {
                Offer(e, "joint", null);
            }
        }

        // A headline's speaker is often introduced in full only in the body below it.
        if (tokens[cue].Surface == ":")
        {
            foreach (EntityInfo e in NamedAfter(s, sentences: 3))
            {
                Offer(e, "headline-protagonist", null);
            }
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
        foreach ((EntityInfo speaker, string position, Mention? mention, List<string> reasons) in speakers.Values)
        {
            var candidate = new RelationCandidate(RelationType.Stated, speaker, speaker, s, group) { Claim = claim, Verb = verb, SharedClause = joint is not null || partyNounSubject };
            candidate.RuleSays = ruled.Any(c => c.Speaker == speaker);
            Describe(candidate, s, cue, cueEnd, verb, claim, position, mention, mention == nearestAfter, mention == nearestBefore, writtenSubject, ruled.Length);
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

            yield return candidate;
        }
    }

    /// <summary>
    /// The referent of an unowned subject right after the verb: for a title, the person named last
    /// whose titles share its first word (وزير، أمير، اللاعب); for a definite head noun (الوزارة،
    /// المنظمة), the body named last with that head. Null when the subject is neither.
    /// </summary>
    private EntityInfo? ShortFormReferent(int s, int cue, int cueEnd)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (cueEnd >= tokens.Count || analysis.Owner[s][cueEnd] is not null || !tokens[cueEnd].IsWord)
        {
            return null;
        }

        if (analysis.ParseTitle(s, cueEnd) is { HasHead: true } title)
        {
            string head = EntityInfo.TitleWord(tokens[title.Start].Norm);
            return LastNamedBefore(s, cue, e => e.Kind == NodeKind.Person && e.TitleWords.Contains(head));
        }

        string norm = tokens[cueEnd].Norm;
        return norm.StartsWith("ال", StringComparison.Ordinal) && norm.Length > 4
            ? LastNamedBefore(s, cue, e => e.Kind == NodeKind.Organization && e.HeadNoun == norm[2..])
            : null;
    }

    /// <summary>The entity mentioned last before the verb, in this sentence or any before it, that <paramref name="wanted"/> accepts.</summary>
    private EntityInfo? LastNamedBefore(int s, int cue, Func<EntityInfo, bool> wanted)
    {
        for (int k = s; k >= 0; k--)
        {
            List<Mention> mentions = analysis.Mentions[k];
            for (int index = mentions.Count - 1; index >= 0; index--)
            {
                Mention m = mentions[index];
                if ((k < s || m.End <= cue) && RelationFinder.IsSpeaker(m) && rules.SpeakerEntity(m) is { } e && wanted(e))
                {
                    return e;
                }
            }
        }

        return null;
    }

    /// <summary>Why a clause has two speakers, or null: a dual verb, or a dual or party noun next to the verb.</summary>
    private string? JointCue(int s, int cue, int cueEnd)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (s_dualReportingVerbs.Contains(tokens[cue].WithoutConjunction))
        {
            return "dual-verb";
        }

        if (cueEnd < tokens.Count && s_jointSubjectNouns.Contains(tokens[cueEnd].Norm))
        {
            return "noun-after";
        }

        return cue > 0 && s_jointSubjectNouns.Contains(tokens[cue - 1].Norm) ? "noun-before" : null;
    }

    /// <summary>
    /// The two parties of a joint clause: the two persons of the last meeting the rules found up to
    /// this sentence, else the last two different persons named before the verb (up to
    /// <see cref="JointReach"/> sentences back).
    /// </summary>
    private IEnumerable<EntityInfo> JointReferents(int s, int cue)
    {
        for (int k = s; k >= Math.Max(0, s - JointReach); k--)
        {
            if (rules.RelationsIn(k).LastOrDefault(r => r.Type is RelationType.Met && r.From.Kind == NodeKind.Person && r.To.Kind == NodeKind.Person) is { } met)
            {
                return [met.From, met.To];
            }
        }

        var people = new List<EntityInfo>(2);
        for (int k = s; k >= Math.Max(0, s - JointReach) && people.Count < 2; k--)
        {
            foreach (Mention m in analysis.Mentions[k].Where(m => k < s || m.End <= cue).Reverse())
            {
                if (m.Entity.Kind == NodeKind.Person && !people.Contains(m.Entity) && people.Count < 2)
                {
                    people.Add(m.Entity);
                }
            }
        }

        return people.Count == 2 ? people : [];
    }

    /// <summary>جاء في + a document (بيان، تقرير، رسالة …): what the document says follows.</summary>
    private static bool IsDocumentSaying(IReadOnlyList<Token> tokens, int i) =>
        tokens[i].WithoutConjunction == "جاء" && i + 2 < tokens.Count && tokens[i + 1].Norm == "في"
            && s_sayingDocuments.Contains(tokens[i + 2].Norm);

    private static readonly WordSet s_sayingDocuments = new(WordSets.Get("saying-documents"));

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

    private static readonly WordSet s_betweenObjects = new(WordSets.Get("between-objects"));

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

    /// <summary>The last person and the last body named before token <paramref name="cue"/> (this sentence or the two before), or the last <paramref name="persons"/> persons.</summary>
    private IEnumerable<EntityInfo> NamedBefore(int s, int cue, int persons = 0)
    {
        var found = new List<EntityInfo>();
        for (int k = s; k >= Math.Max(0, s - 2); k--)
        {
            // Last mention first, without buffering a filtered copy of the sentence's mentions.
            List<Mention> mentions = analysis.Mentions[k];
            for (int index = mentions.Count - 1; index >= 0; index--)
            {
                Mention m = mentions[index];
                if ((k == s && m.End > cue) || !RelationFinder.IsSpeaker(m))
                {
                    continue;
                }

                EntityInfo e = rules.SpeakerEntity(m);
                bool wanted = persons > 0
                    ? e.Kind == NodeKind.Person && found.Count < persons
                    : found.All(f => (f.Kind == NodeKind.Person) != (e.Kind == NodeKind.Person));
                if (wanted && !found.Contains(e))
                {
                    found.Add(e);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The first persons and the first bodies (states included) named in the next few sentences,
    /// up to three of each: a wire's lead names the agency and the state before the spokesman.
    /// </summary>
    private IEnumerable<EntityInfo> NamedAfter(int s, int sentences)
    {
        List<EntityInfo> named = Enumerable.Range(s + 1, Math.Max(0, Math.Min(sentences, analysis.Sentences.Count - s - 1)))
            .SelectMany(k => analysis.Mentions[k])
            .Where(m => RelationFinder.IsSpeaker(m) && m.Form == MentionForm.Name)
            .Select(m => rules.SpeakerEntity(m))
            .Distinct()
            .ToList();
        return named.Where(e => e.Kind == NodeKind.Person).Take(3).Concat(named.Where(e => e.Kind != NodeKind.Person).Take(3));
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
