namespace NewsGraph.Core.Graph;

/// <summary>
/// Turns one article into its graph. Implementations are pure: no I/O, deterministic for the
/// same input, safe to call from several threads at once.
/// </summary>
public interface IArticleExtractor
{
    ArticleGraph Extract(ArticleInfo article);
}
