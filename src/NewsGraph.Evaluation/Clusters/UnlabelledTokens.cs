using NewsGraph.Evaluation.Corpus;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Evaluation.Clusters;

/// <summary>
/// Unlabelled text for the NER tagger's corpus profile (<c>newsgraph ner train|cv --corpus</c>):
/// the corpus's articles in file order, tokenized as extraction tokenizes them, until a token
/// budget is reached. As for the word clusters, the annotated articles (and the shared dev set)
/// and second copies of an article's text are left out, so no evaluation article informs the model.
/// </summary>
public static class UnlabelledTokens
{
    /// <summary>How many tokens the profile reads by default: a third of SaudiNewsNet (the whole corpus measured no better).</summary>
    public const long DefaultTokenBudget = 3_000_000;

    /// <summary>Whole articles of <paramref name="corpusPath"/> (.jsonl or .jsonl.gz) until at least <paramref name="tokenBudget"/> tokens are read.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ReadAsync(
        string corpusPath,
        AnnotationPaths? excluded,
        long tokenBudget = DefaultTokenBudget,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpusPath);
        IReadOnlySet<string> excludedUrls = await WordClusterCommand.ExcludedUrlsAsync(excluded, cancellationToken).ConfigureAwait(false);
        var seenContent = new HashSet<string>(StringComparer.Ordinal);

        // Token strings are shared: a few hundred thousand distinct words stand for millions of tokens.
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = new List<IReadOnlyList<string>>();
        long tokens = 0;
        await foreach (CorpusArticle article in CorpusFile.ReadAsync(corpusPath, cancellationToken).ConfigureAwait(false))
        {
            if (tokens >= tokenBudget)
            {
                break;
            }

            if (excludedUrls.Contains(article.Url) || !seenContent.Add(CorpusFile.ContentHash(article.Content)))
            {
                continue;
            }

            List<Token> words = Tokenizer.Tokenize(article.Content);
            string[] document = new string[words.Count];
            for (int i = 0; i < words.Count; i++)
            {
                string surface = words[i].Surface;
                if (!interned.TryGetValue(surface, out string? shared))
                {
                    shared = surface;
                    interned.Add(surface, shared);
                }

                document[i] = shared;
            }

            documents.Add(document);
            tokens += document.Length;
        }

        return documents;
    }
}
