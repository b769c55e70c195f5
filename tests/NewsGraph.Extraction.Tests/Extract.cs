using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Extraction.Tests;

/// <summary>
/// Runs the extractor over text written in the test and offers lookups on the result. Relations are
/// decided by the rules here: these tests pin down what the rules propose (the candidates the model
/// weighs and the ablation's baseline); the model's decisions are measured on the annotated corpus.
/// </summary>
internal sealed class Extract
{
    private Extract(ArticleGraph graph) => Graph = graph;

    public ArticleGraph Graph { get; }

    public static Extract From(string text, DateOnly? published = null) =>
        new(Rules.Extract(new ArticleInfo(GraphKeys.Article(null, text), text, Published: published)));

    public static ArabicArticleExtractor Rules { get; } = ArabicArticleExtractor.Default.With(new NewsGraph.Extraction.Candidates.ExtractionOptions(NewsGraph.Extraction.Candidates.RelationDecider.Rules));

    /// <summary>Relations decided by the hand-written rules alone, as <c>--decider rules</c> does.</summary>
    public static Extract ByRules(string text) => From(text);

    public IEnumerable<ExtractedEntity> Of(NodeKind kind) => Graph.Entities.Where(e => e.Kind == kind);

    public ExtractedEntity Person(string name) =>
        Of(NodeKind.Person).SingleOrDefault(e => e.Name == name) ?? throw new Xunit.Sdk.XunitException(
            $"no person '{name}'; persons: {string.Join(" | ", Of(NodeKind.Person).Select(p => p.Name))}");

    public string NameOf(string key) => Graph.Entities.Single(e => e.Key == key).Name;

    public IEnumerable<ExtractedRelation> Relations(RelationType type) => Graph.Relations.Where(r => r.Type == type);

    /// <summary>STATED relations as (speaker name, claim text).</summary>
    public IReadOnlyList<(string Speaker, string Claim)> Statements() =>
        Relations(RelationType.Stated).Select(r => (NameOf(r.From), NameOf(r.To))).ToList();

    /// <summary>MET relations as unordered name pairs.</summary>
    public IReadOnlyList<(string A, string B)> Meetings(RelationType type = RelationType.Met) =>
        Relations(type).Select(r => Order(NameOf(r.From), NameOf(r.To))).ToList();

    public static (string, string) Order(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    /// <summary>The MET pairs found, as sorted "A|B" strings, to compare with <see cref="PairSet"/>.</summary>
    public IReadOnlyList<string> MeetingPairSet() => Meetings().Select(m => m.A + "|" + m.B).Order(StringComparer.Ordinal).ToList();

    /// <summary>Unordered pairs of names as sorted "A|B" strings.</summary>
    public static IReadOnlyList<string> PairSet(params (string A, string B)[] pairs) =>
        pairs.Select(p => Order(p.A, p.B)).Select(p => p.Item1 + "|" + p.Item2).Order(StringComparer.Ordinal).ToList();
}
