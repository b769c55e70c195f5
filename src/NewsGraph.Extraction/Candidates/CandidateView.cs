using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// A relation candidate as training and evaluation tools see it: the relation it would assert
/// (keys into the article graph's entities, the claim's text for STATED), its features, the rules'
/// verdict, the model's probability (when a model decided), whether extraction kept it and whether
/// its reporting clause has two speakers by its grammar.
/// </summary>
public sealed record CandidateView(
    RelationType Type,
    string FromKey,
    string ToKey,
    string? ClaimText,
    MembershipStatus? Status,
    string Group,
    IReadOnlyList<string> Features,
    bool RuleSays,
    double? Probability,
    bool Kept,
    bool SharedClause = false);

/// <summary>An article's extraction with every candidate: the graph holds the entities of all of them.</summary>
public sealed record CandidateExtraction(ArticleGraph Graph, IReadOnlyList<CandidateView> Candidates, IReadOnlyList<SpanView> OrganizationSpans, IReadOnlyList<SpanView> PersonSpans);

/// <summary>A candidate organization span as tools see it: its text (without a proclitic), features, probability and whether it was taken.</summary>
public sealed record SpanView(int Sentence, int Start, int End, string Text, IReadOnlyList<string> Features, double Probability, bool Kept);
