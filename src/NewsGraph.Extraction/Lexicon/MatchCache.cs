using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Lexicon;

/// <summary>
/// Phrase matches per sentence and token, computed on first use. Extraction asks the same
/// question about the same token many times (is this a title? a cue?); the answer cannot change
/// within an article, so it is looked up once.
/// </summary>
internal sealed class MatchCache<T>(PhraseIndex<T> index, IReadOnlyList<Sentence> sentences)
{
    private readonly PhraseMatch<T>?[][] _values = sentences.Select(s => new PhraseMatch<T>?[s.Tokens.Count]).ToArray();
    private readonly bool[][] _known = sentences.Select(s => new bool[s.Tokens.Count]).ToArray();

    public PhraseMatch<T>? At(int sentence, int token)
    {
        if (token < 0 || token >= _values[sentence].Length)
        {
            return null;
        }

        if (!_known[sentence][token])
        {
            _values[sentence][token] = index.Match(sentences[sentence].Tokens, token);
            _known[sentence][token] = true;
        }

        return _values[sentence][token];
    }
}
