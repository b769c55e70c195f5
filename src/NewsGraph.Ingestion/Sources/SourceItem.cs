namespace NewsGraph.Ingestion.Sources;

/// <summary>One item read from a source: an article, or the reason an input could not be read.</summary>
public sealed record SourceItem(ArticleInput? Article, string Origin, string? Error)
{
    public static SourceItem Ok(ArticleInput article) => new(article, article.Origin, null);

    public static SourceItem Failed(string origin, string error) => new(null, origin, error);
}
