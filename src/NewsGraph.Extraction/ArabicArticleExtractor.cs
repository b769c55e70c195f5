using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
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
public sealed class ArabicArticleExtractor(ArabicLexicon lexicon, NerTagger? ner = null) : IArticleExtractor
{
    private static readonly Lazy<ArabicArticleExtractor> s_default = new(() => new ArabicArticleExtractor(ArabicLexicon.Default, NerTagger.LoadDefault()));

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
        string norm = ArabicText.Normalize(name);
        return lexicon.Places.TryGet(norm, out _) || lexicon.States.TryGet(norm, out _);
    }

    /// <summary>An extractor over the embedded gazetteers and the embedded NER model.</summary>
    public static ArabicArticleExtractor Default => s_default.Value;

    public ArticleGraph Extract(ArticleInfo article)
    {
        ArgumentNullException.ThrowIfNull(article);
        string text = article.Text;
        Dateline? dateline = Oriented(DatelineParser.Parse(text));
        List<Sentence> sentences = SentenceSplitter.Split(text, dateline?.BodyStart ?? 0);
        var analysis = new ArticleAnalysis(lexicon, text, sentences, dateline?.City, ner);
        analysis.Run();
        var finder = new RelationFinder(analysis);
        finder.Run();

        ArticleInfo described = article with
        {
            Dateline = article.Dateline ?? dateline?.City,
            Source = article.Source ?? dateline?.Agency,
            Published = article.Published ?? dateline?.Date,
        };

        if (analysis.DatelinePlace is { } place)
        {
            place.Mentions++;
        }

        var entities = new List<ExtractedEntity>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (EntityInfo e in analysis.Entities.Where(e => e.Mentions > 0).OrderBy(e => e.FirstSentence).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            entities.Add(ToEntity(e, e.Mentions));
            keys.Add(e.Key);
        }

        var relations = new List<ExtractedRelation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ClaimSpan claim in finder.Claims)
        {
            Sentence sentence = sentences[claim.Sentence];
            string claimText = ArticleText.Span(sentence, text, claim.Start, claim.End).Trim();
            string claimKey = GraphKeys.Claim(claim.Speaker.Key, claimText);
            if (keys.Add(claimKey))
            {
                entities.Add(new ExtractedEntity(claimKey, NodeKind.Claim, Clean(claimText), [], [], Mentions: 1));
            }

            EnsureEntity(claim.Speaker, entities, keys);
            var relation = new ExtractedRelation(RelationType.Stated, claim.Speaker.Key, claimKey, sentence.Text, claim.Sentence,
                Date: DateFinder.DateOf(sentence, described.Published), Verb: Clean(claim.Verb));
            if (seen.Add(GraphKeys.Relation(relation.Type, relation.From, relation.To)))
            {
                relations.Add(relation);
            }
        }

        foreach (FoundRelation r in finder.Relations)
        {
            EnsureEntity(r.From, entities, keys);
            EnsureEntity(r.To, entities, keys);
            if (r.Place is not null)
            {
                EnsureEntity(r.Place, entities, keys);
            }

            DateOnly? date = r.Type is RelationType.Met or RelationType.Phoned ? DateFinder.DateOf(sentences[r.Sentence], described.Published) : null;
            string key = GraphKeys.Relation(r.Type, r.From.Key, r.To.Key, date, r.Status, r.Role);
            if (!seen.Add(key))
            {
                continue;
            }

            relations.Add(new ExtractedRelation(r.Type, r.From.Key, r.To.Key, sentences[r.Sentence].Text, r.Sentence,
                Date: date, PlaceKey: r.Place?.Key, Verb: Clean(r.Verb), Status: r.Status, Role: Clean(r.Role)));
        }

        return new ArticleGraph(described, entities, relations);
    }

    private static void EnsureEntity(EntityInfo e, List<ExtractedEntity> entities, HashSet<string> keys)
    {
        if (keys.Add(e.Key))
        {
            entities.Add(ToEntity(e, Math.Max(1, e.Mentions)));
        }
    }

    /// <summary>
    /// An entity as the graph stores it. Names, aliases and titles are cut from the article as
    /// written, so they are cleaned of invisible characters here, where they leave extraction (keys
    /// are made of normalized text, which has none); so are claim texts, verbs and roles above.
    /// Forms that differed only by such a character become one.
    /// </summary>
    private static ExtractedEntity ToEntity(EntityInfo e, int mentions)
    {
        string name = Clean(e.Name);
        return new ExtractedEntity(e.Key, e.Kind, name, CleanForms(e.Aliases, name), CleanForms(e.Titles, null), e.Iso, e.Category, mentions);
    }

    private static string[] CleanForms(IReadOnlyList<string> forms, string? name) =>
        [.. forms.Select(f => Clean(f)).Where(f => f.Length > 0 && f != name).Distinct(StringComparer.Ordinal)];

    /// <summary>Text cut from the article for display (a claim, a verb, a role), without invisible characters.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Clean(string? text) => text is null ? null : InvisibleCharacters.Remove(text).Trim();
}
