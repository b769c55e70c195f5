using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Training;

/// <summary>A candidate with its gold label (null: it matches only optional gold, so it teaches nothing) and where it came from.</summary>
public sealed record LabelledCandidate(string Article, int Index, CandidateView Candidate, bool? Label)
{
    public RelationType Type => Candidate.Type;
}

/// <summary>One article's candidates, labelled, with the graph they came from (to score decisions against the gold).</summary>
public sealed record LabelledArticle(Gold.EvalArticle Article, ArticleGraph Graph, IReadOnlyList<LabelledCandidate> Candidates);
