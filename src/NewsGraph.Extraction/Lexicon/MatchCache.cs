using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Lexicon;

/// <summary>
/// Phrase matches per sentence and token, computed on first use. Extraction asks the same
/// question about the same token many times (is this a title? a cue?); the answer cannot change
/// within an article, so it is looked up once.
/// </summary>
internal sealed class MatchCache<T>
{
    private readonly PhraseIndex<T> _index;
    private readonly IReadOnlyList<Sentence> _sentences;

    /// <summary>Where each sentence's tokens start in <see cref="_slots"/> (one more entry: the end).</summary>
    private readonly int[] _sentenceStarts;

    /// <summary>
    /// Per token of the article: 0 not looked up yet, -1 no match, n &gt; 0 the match <c>_found[n - 1]</c>.
    /// Four bytes a token instead of a nullable match and a flag: the article has six of these caches,
    /// and few tokens match.
    /// </summary>
    private readonly int[] _slots;

    private readonly List<PhraseMatch<T>> _found = [];

    public MatchCache(PhraseIndex<T> index, IReadOnlyList<Sentence> sentences)
    {
        _index = index;
        _sentences = sentences;
        _sentenceStarts = new int[sentences.Count + 1];
        for (int s = 0; s < sentences.Count; s++)
        {
            _sentenceStarts[s + 1] = _sentenceStarts[s] + sentences[s].Tokens.Count;
        }

        _slots = new int[_sentenceStarts[sentences.Count]];
    }

    public PhraseMatch<T>? At(int sentence, int token)
    {
        int start = _sentenceStarts[sentence];
        if (token < 0 || token >= _sentenceStarts[sentence + 1] - start)
        {
            return null;
        }

        ref int slot = ref _slots[start + token];
        if (slot == 0)
        {
            if (_index.Match(_sentences[sentence].Tokens, token) is { } match)
            {
                _found.Add(match);
                slot = _found.Count;
            }
            else
            {
                slot = -1;
            }
        }

        return slot > 0 ? _found[slot - 1] : null;
    }
}
