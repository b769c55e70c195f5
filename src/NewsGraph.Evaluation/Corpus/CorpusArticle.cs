namespace NewsGraph.Evaluation.Corpus;

/// <summary>
/// One line of a SaudiNewsNet-style JSON Lines corpus. <see cref="Line"/> is 0-based and, with the
/// content's hash, is how annotations refer to an article without copying its text.
/// </summary>
public sealed record CorpusArticle(int Line, string Source, string Url, string Date, string Title, string Content)
{
    /// <summary>The month the article was crawled, "yyyy-MM".</summary>
    public string Month => Date.Length >= 7 ? Date[..7] : Date;
}
