using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// How often a normalized word occurs among an article's word tokens (the person span features ask
/// whether a name's last word recurs). The first words asked are counted by a scan each: a few dozen
/// words per article, cheaper than hashing every word. Past <see cref="MaxScannedWords"/> words every
/// word is counted in one pass instead: one scan per word made a long text quadratic (4 MB of articles
/// run together: three quarters of 96 s were spent scanning).
/// </summary>
internal sealed class WordOccurrences(IReadOnlyList<Sentence> sentences)
{
    /// <summary>
    /// How many words are counted one scan each before the whole article is counted at once. A scan
    /// of the signatures costs a fraction of hashing every word (at 16, counting all words took a third
    /// of this class's time on 8–12 KB articles; the scans a twentieth).
    /// </summary>
    private const int MaxScannedWords = 64;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>The normalized form of every word token, in article order; gathered at the first question.</summary>
    private string[]? _words;

    /// <summary>
    /// Per entry of <see cref="_words"/>: its <see cref="Signature"/>. A scan compares these ints,
    /// packed and vectorized, instead of following every token to its string (most of a scan's time
    /// was those reads); only the few words with the asked word's signature are compared in full.
    /// </summary>
    private int[]? _signatures;

    private bool _allWordsCounted;

    /// <summary>How many word tokens of the article are <paramref name="norm"/>.</summary>
    public int Count(string norm)
    {
        if (_counts.TryGetValue(norm, out int count))
        {
            return count;
        }

        if (_allWordsCounted)
        {
            return 0;
        }

        (string[] words, int[] signatures) = Gather();
        if (_counts.Count >= MaxScannedWords)
        {
            CountAllWords(words);
            return _counts.GetValueOrDefault(norm);
        }

        int signature = Signature(norm);
        ReadOnlySpan<int> rest = signatures;
        int offset = 0;
        while (rest.IndexOf(signature) is int at && at >= 0)
        {
            count += string.Equals(words[offset + at], norm, StringComparison.Ordinal) ? 1 : 0;
            offset += at + 1;
            rest = rest[(at + 1)..];
        }

        _counts[norm] = count;
        return count;
    }

    private (string[] Words, int[] Signatures) Gather()
    {
        if (_words is not null && _signatures is not null)
        {
            return (_words, _signatures);
        }

        var words = new List<string>();
        foreach (Sentence sentence in sentences)
        {
            foreach (Token t in sentence.Tokens)
            {
                if (t.IsWord)
                {
                    words.Add(t.Norm);
                }
            }
        }

        _words = [.. words];
        _signatures = new int[_words.Length];
        for (int i = 0; i < _words.Length; i++)
        {
            _signatures[i] = Signature(_words[i]);
        }

        return (_words, _signatures);
    }

    private void CountAllWords(string[] words)
    {
        _counts.Clear();
        foreach (string word in words)
        {
            _counts[word] = _counts.GetValueOrDefault(word) + 1;
        }

        _allWordsCounted = true;
    }

    /// <summary>
    /// The word's length and the low bytes of its first and last letters in one int: equal words have
    /// equal signatures, and different words of a text seldom do.
    /// </summary>
    private static int Signature(string word) =>
        word.Length == 0 ? 0 : (Math.Min(word.Length, 0x7FFF) << 16) | ((word[0] & 0xFF) << 8) | (word[^1] & 0xFF);
}
