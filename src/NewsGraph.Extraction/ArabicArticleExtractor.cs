using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Candidates;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Relations;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction;

/// <summary>
/// Extracts the knowledge graph of one Arabic news article: dateline, sentences, entities (by
/// gazetteers, name patterns, titles and verbs, with in-article coreference) and relations
/// (statements, meetings, phone calls, memberships, roles), each relation with its evidence
/// sentence. Pure and deterministic; safe to share between threads.
/// </summary>
public sealed class ArabicArticleExtractor(
    ArabicLexicon lexicon, NerTagger? ner = null, RelationModel? model = null, ExtractionOptions? options = null, SpanModel? organizationSpans = null,
    SpanModel? personSpans = null) : IArticleExtractor
{
    private static readonly Lazy<ArabicArticleExtractor> s_default = new(() =>
        new ArabicArticleExtractor(ArabicLexicon.Default, NerTagger.LoadDefault(), RelationModel.LoadDefault(), organizationSpans: SpanModel.LoadOrganizations(),
            personSpans: SpanModel.LoadPersons()));

    private readonly ExtractionOptions _options = options ?? ExtractionOptions.Default;

    /// <summary>
    /// "عين اليوم – الخرطوم": some papers put their own name first and the city second, the
    /// reverse of SANA's "موسكو-سانا". When only the second part is a known place, they swap.
    /// </summary>
    private Dateline? Oriented(Dateline? dateline)
    {
        if (dateline?.Agency is not { Length: > 0 } agency || IsKnownPlace(dateline.City) || !IsKnownPlace(agency))
        {
            return dateline;
        }

        return dateline with { City = agency, Agency = dateline.City };
    }

    private bool IsKnownPlace(string name)
    {
        string norm = Core.Text.ArabicText.Normalize(name);
        return lexicon.Places.TryGet(norm, out _) || lexicon.States.TryGet(norm, out _);
    }

    /// <summary>An extractor over the embedded gazetteers, NER model and relation model.</summary>
    public static ArabicArticleExtractor Default => s_default.Value;

    /// <summary>The same extractor deciding relations another way (the rules alone, or a confidence floor).</summary>
    public ArabicArticleExtractor With(ExtractionOptions other) => new(lexicon, ner, model, other, organizationSpans, personSpans);

    /// <summary>The lexicon in use (gazetteers, word lists).</summary>
    public ArabicLexicon Lexicon => lexicon;

    /// <summary>The relation model in use, if any.</summary>
    public RelationModel? Model => model;

    public ArticleGraph Extract(ArticleInfo article) => Run(article, withCandidates: false).Graph;

    /// <summary>The extraction with every relation candidate, its features and the decision on it (for training and evaluation).</summary>
    public CandidateExtraction ExtractCandidates(ArticleInfo article) => Run(article, withCandidates: true);

    private CandidateExtraction Run(ArticleInfo article, bool withCandidates)
    {
        ArgumentNullException.ThrowIfNull(article);
        string text = article.Text;
        FrontMatter? front = FrontMatter.Parse(text);
        int start = front?.BodyStart ?? 0;
        Dateline? dateline = Oriented(DatelineParser.Parse(text, start));
        List<Sentence> sentences = SentenceSplitter.Split(text, dateline?.BodyStart ?? start);
        var analysis = new ArticleAnalysis(lexicon, text, sentences, dateline?.City, ner, _options.LearnedEntities ? organizationSpans : null, keepSpanCandidates: withCandidates,
            personSpans: _options.LearnedEntities && _options.LearnedPersons ? personSpans : null);
        analysis.Run();
        var finder = new RelationFinder(analysis);
        finder.Run();
        List<RelationCandidate> candidates = CandidateSet.Build(analysis, finder);
        List<RelationCandidate> kept = CandidateDecider.Decide(candidates, model, _options);

        ArticleInfo described = article with
        {
            Title = article.Title ?? front?.Title,
            Dateline = article.Dateline ?? dateline?.City,
            Source = article.Source ?? front?.Source ?? dateline?.Agency,
            Published = article.Published ?? front?.Date ?? dateline?.Date ?? DatelineParser.PublishedDate(text, start),
        };

        if (analysis.DatelinePlace is { } place)
        {
            place.Mentions++;
        }

        var output = new GraphOutput(text, sentences, described.Published, analysis.Mentions);
        foreach (EntityInfo e in analysis.Entities.Where(e => e.Mentions > 0).OrderBy(e => e.FirstSentence).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            output.Ensure(e);
        }

        bool scored = _options.Decider == RelationDecider.Model && model is not null;
        foreach (RelationCandidate c in kept)
        {
            output.Add(c, scored ? c.Probability : null);
        }

        // Phone calls and roles are not scored (no gold to learn them from): the rules decide.
        foreach (FoundRelation r in finder.Relations.Where(r => r.Type is RelationType.Phoned or RelationType.HoldsRole))
        {
            output.Add(r);
        }

        var graph = new ArticleGraph(described, output.Entities, output.Relations);
        if (!withCandidates)
        {
            return new CandidateExtraction(graph, [], [], []);
        }

        var keptSet = new HashSet<RelationCandidate>(kept);
        var views = new List<CandidateView>(candidates.Count);
        foreach (RelationCandidate c in candidates)
        {
            output.Ensure(c.From);
            output.Ensure(c.To);
            views.Add(new CandidateView(c.Type, c.From.Key, c.To.Key, c.Claim is { } span ? output.ClaimText(c.Sentence, span) : null, c.Status,
                c.Group, c.Features, c.RuleSays, scored ? c.Probability : null, keptSet.Contains(c), c.SharedClause));
        }

        List<SpanView> spans = [.. analysis.OrganizationSpanCandidates.Select(c => new SpanView(
            c.Sentence, c.Start, c.End, ArticleText.SpanWithoutClitic(sentences[c.Sentence], text, c.Start, c.End, c.FirstForm), c.Features, c.Probability, c.Kept))];
        List<SpanView> personSpanViews = [.. analysis.PersonSpanCandidates.Select(c => new SpanView(
            c.Sentence, c.Start, c.End, analysis.PersonSpanText(c), c.Features, c.Probability, c.Kept))];
        return new CandidateExtraction(graph with { Entities = output.Entities }, views, spans, personSpanViews);
    }

    /// <summary>
    /// The entities and relations of the output graph, each once, claims made from their spans. Every
    /// text that leaves extraction as a name, alias, title, claim, verb or role is cleaned of
    /// invisible characters (controls, zero-width and bidi marks) here, the one place output is made.
    /// </summary>
    private sealed class GraphOutput(string text, List<Sentence> sentences, DateOnly? published, IReadOnlyList<Mention>[] mentions)
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private readonly HashSet<string> _relationKeys = new(StringComparer.Ordinal);

        public List<ExtractedEntity> Entities { get; } = [];

        public List<ExtractedRelation> Relations { get; } = [];

        public void Ensure(EntityInfo e)
        {
            if (_keys.Add(e.Key))
            {
                string name = Clean(e.Name);
                Entities.Add(new ExtractedEntity(e.Key, e.Kind, name, CleanForms(e.Aliases, name), CleanForms(e.Titles, null), e.Iso, e.Category, Math.Max(1, e.Mentions)));
            }
        }

        public string ClaimText(int sentence, (int Start, int End) span) => ArticleText.ClaimText(sentences[sentence], text, span.Start, span.End);

        public void Add(RelationCandidate c, double? confidence)
        {
            Sentence sentence = sentences[c.Sentence];
            Ensure(c.From);
            if (c.Type == RelationType.Stated)
            {
                string claimText = ClaimText(c.Sentence, c.Claim!.Value);
                string claimKey = GraphKeys.Claim(c.From.Key, claimText);
                if (_keys.Add(claimKey))
                {
                    Entities.Add(new ExtractedEntity(claimKey, NodeKind.Claim, Clean(claimText), [], [], Mentions: 1));
                }

                // What was said may name other days; when it was said is read outside the claim.
                EventDate? said = DateFinder.EventDateOf(sentence, published, c.Claim);
                AddRelation(new ExtractedRelation(RelationType.Stated, c.From.Key, claimKey, sentence.Text, c.Sentence,
                    Date: said?.Date, Verb: Clean(c.Verb), Confidence: confidence, DatePrecision: said?.Precision, DateSource: said?.Source),
                    GraphKeys.Relation(RelationType.Stated, c.From.Key, claimKey));
                return;
            }

            Ensure(c.To);
            if (c.Place is not null)
            {
                Ensure(c.Place);
            }

            EventDate? date = DatedFrom(c.Type, c.Sentence, c.From);
            AddRelation(new ExtractedRelation(c.Type, c.From.Key, c.To.Key, sentence.Text, c.Sentence,
                Date: date?.Date, PlaceKey: c.Place?.Key, Verb: Clean(c.Verb), Status: c.Status, Confidence: confidence,
                DatePrecision: date?.Precision, DateSource: date?.Source),
                GraphKeys.Relation(c.Type, c.From.Key, c.To.Key, date?.Date, c.Status));
        }

        public void Add(FoundRelation r)
        {
            Ensure(r.From);
            Ensure(r.To);
            if (r.Place is not null)
            {
                Ensure(r.Place);
            }

            EventDate? date = DatedFrom(r.Type, r.Sentence, r.From);
            AddRelation(new ExtractedRelation(r.Type, r.From.Key, r.To.Key, sentences[r.Sentence].Text, r.Sentence,
                Date: date?.Date, PlaceKey: r.Place?.Key, Verb: Clean(r.Verb), Status: r.Status, Role: Clean(r.Role),
                DatePrecision: date?.Precision, DateSource: date?.Source),
                GraphKeys.Relation(r.Type, r.From.Key, r.To.Key, date?.Date, r.Status, r.Role));
        }

        /// <summary>
        /// A relation's date: for a membership or a role whose holder is named in the clause that
        /// says when it began ("وتتمتع روسيا بصفة مراقب منذ عام 2005"), that date; otherwise, and for
        /// every other type, when its sentence's event happened.
        /// </summary>
        private EventDate? DatedFrom(RelationType type, int s, EntityInfo holder)
        {
            if (type is RelationType.MemberOf or RelationType.HoldsRole
                && DateFinder.StatusStartOf(sentences[s], published) is { } start
                && mentions[s].Any(m => m.Entity == holder && m.Start >= start.From && m.End <= start.To))
            {
                return start.Date;
            }

            return DateFinder.EventDateOf(sentences[s], published);
        }

        private static string[] CleanForms(IReadOnlyList<string> forms, string? name) =>
            [.. forms.Select(f => Clean(f)).Where(f => f.Length > 0 && f != name).Distinct(StringComparer.Ordinal)];

        /// <summary>Text cut from the article for display (a claim, a verb, a role), without invisible characters.</summary>
        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
        private static string? Clean(string? text) => text is null ? null : InvisibleCharacters.Remove(text).Trim();

        private void AddRelation(ExtractedRelation relation, string key)
        {
            if (_relationKeys.Add(key))
            {
                Relations.Add(relation);
            }
        }
    }
}
