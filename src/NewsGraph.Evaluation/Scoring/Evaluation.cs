using NewsGraph.Core.Graph;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Extraction;

namespace NewsGraph.Evaluation.Scoring;

/// <summary>Scores a set of annotated articles: pooled, per part, per source, with every error named.</summary>
public static class Evaluation
{
    /// <summary>What <c>newsgraph extract</c> does with one file: the text alone, no title or metadata.</summary>
    public static Prediction Extract(ArabicArticleExtractor extractor, EvalArticle article) =>
        Prediction.FromGraph(extractor.Extract(AsExtracted(article)));

    /// <summary>The article as <c>newsgraph extract FILE</c> sees it: its text and file name only.</summary>
    public static ArticleInfo AsExtracted(EvalArticle article) =>
        new(GraphKeys.Article(null, article.Text), article.Text, File: article.Id + ".txt");

    public static EvalResult Run(IReadOnlyList<EvalArticle> articles, Func<EvalArticle, Prediction> predict)
    {
        var scores = new ArticleScore[articles.Count];
        Parallel.For(0, articles.Count, i => scores[i] = ExtractionScorer.Score(articles[i].Gold, predict(articles[i])));
        var result = new EvalResult();
        for (int i = 0; i < articles.Count; i++)
        {
            result.Add(articles[i], scores[i]);
        }

        return result;
    }

    /// <summary>Relation and entity agreement between first and second annotations, the second read as a prediction.</summary>
    public static EvalResult Agreement(IReadOnlyList<(EvalArticle First, GoldDocument Second)> pairs)
    {
        var result = new EvalResult();
        foreach ((EvalArticle first, GoldDocument second) in pairs)
        {
            result.Add(first, ExtractionScorer.Score(first.Gold, Prediction.FromGold(second, first.Text)));
        }

        return result;
    }
}

/// <summary>Tallies of an evaluation: all articles, per part, per source, and the errors by article.</summary>
public sealed class EvalResult
{
    public Tally All { get; } = new();

    public SortedDictionary<string, Tally> ByPart { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Tally> BySource { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> ArticlesBySource { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> ArticlesByPart { get; } = new(StringComparer.Ordinal);

    public List<(EvalArticle Article, ScoringError Error)> Errors { get; } = [];

    public int Articles { get; private set; }

    public void Add(EvalArticle article, ArticleScore score)
    {
        Articles++;
        All.Add(score.Tally);
        Bucket(ByPart, article.Part).Add(score.Tally);
        Bucket(BySource, article.Source).Add(score.Tally);
        ArticlesBySource[article.Source] = ArticlesBySource.GetValueOrDefault(article.Source) + 1;
        ArticlesByPart[article.Part] = ArticlesByPart.GetValueOrDefault(article.Part) + 1;
        Errors.AddRange(score.Errors.Select(e => (article, e)));
    }

    public IReadOnlyDictionary<ErrorKind, int> ErrorCounts() =>
        Enum.GetValues<ErrorKind>().ToDictionary(k => k, k => Errors.Count(e => e.Error.Kind == k));

    private static Tally Bucket(SortedDictionary<string, Tally> map, string key)
    {
        if (!map.TryGetValue(key, out Tally? t))
        {
            map[key] = t = new Tally();
        }

        return t;
    }
}
