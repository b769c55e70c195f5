using NewsGraph.Core.Graph;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Scoring;
using NewsGraph.Extraction;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Training;

/// <summary>
/// Runs candidate generation over annotated articles and labels every candidate against the gold
/// with the scorer's own matching, so the model learns exactly what the evaluation rewards.
/// </summary>
public static class CandidateLabelling
{
    public static IReadOnlyList<LabelledArticle> Label(IReadOnlyList<EvalArticle> articles, ArabicArticleExtractor extractor)
    {
        var labelled = new LabelledArticle[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            EvalArticle article = articles[i];
            CandidateExtraction extraction = extractor.ExtractCandidates(Scoring.Evaluation.AsExtracted(article));
            Prediction prediction = AsPrediction(extraction.Graph, extraction.Candidates);
            bool?[] labels = ExtractionScorer.Label(article.Gold, prediction);
            labelled[i] = new LabelledArticle(article, extraction.Graph,
                [.. extraction.Candidates.Select((c, k) => new LabelledCandidate(article.Id, k, c, labels[k]))]);
        });
        return labelled;
    }

    /// <summary>Candidates read as a prediction: every candidate a relation of the graph's entities.</summary>
    public static Prediction AsPrediction(ArticleGraph graph, IEnumerable<CandidateView> candidates)
    {
        Prediction entities = Prediction.FromGraph(graph with { Relations = [] });
        return entities with
        {
            Relations = [.. candidates.Select(c => new PredictedRelation(
                GraphNames.TypeName(c.Type), c.FromKey, c.ToKey, c.ClaimText, c.Status is { } s ? GraphNames.StatusName(s) : null, null))],
        };
    }
}
