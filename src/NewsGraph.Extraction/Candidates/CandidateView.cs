using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// A relation candidate as training and evaluation tools see it: the relation it would assert
/// (keys into the article graph's entities, the claim's text for STATED), its features, the rules'
/// verdict, the model's probability (when a model decided) and whether extraction kept it.
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
    bool Kept);

/// <summary>An article's extraction with every candidate: the graph holds the entities of all of them.</summary>
public sealed record CandidateExtraction(ArticleGraph Graph, IReadOnlyList<CandidateView> Candidates);
