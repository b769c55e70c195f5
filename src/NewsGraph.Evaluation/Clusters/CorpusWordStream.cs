using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Evaluation.Clusters;

/// <summary>
/// Unlabelled text as the distributional builders (clusters, vectors) read it: each token in the form
/// the NER tagger looks up (<see cref="NerWordClusters.KeyOf"/>, or its stem key), numbered in order of
/// first sight, with its count, and the whole text as one stream of those numbers, −1 between documents
/// (so no bigram or window spans two).
/// </summary>
public sealed class CorpusWordStream : ICorpusSink
{
    private readonly Dictionary<string, int> _idOf = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private readonly List<long> _counts = [];
    private readonly List<int> _stream = [];

    /// <summary>Key words by stem (<see cref="NerWordClusters.StemKeyOf"/>); set before adding text.</summary>
    public bool StemKeys { get; set; }

    /// <summary>Word forms by id.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Occurrences by id.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>Every token's id in text order, −1 after each document.</summary>
    public IReadOnlyList<int> Stream => _stream;

    /// <inheritdoc/>
    public int DocumentCount { get; private set; }

    /// <summary>Tokens added so far.</summary>
    public long TokenCount { get; private set; }

    /// <summary>
    /// The ids of the words seen at least <paramref name="minCount"/> times, by count (descending), then
    /// ordinal: a builder's dense numbering, frequent words first.
    /// </summary>
    public int[] FrequentWords(int minCount) => Enumerable.Range(0, _words.Count)
        .Where(w => _counts[w] >= minCount)
        .OrderByDescending(w => _counts[w])
        .ThenBy(w => _words[w], StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// <see cref="Stream"/> renumbered: each word by its position in <paramref name="listed"/>, a word not
    /// listed as <paramref name="unlisted"/>; −1 still ends each document.
    /// </summary>
    public int[] DenseStream(int[] listed, int unlisted)
    {
        int[] denseOf = new int[_words.Count];
        Array.Fill(denseOf, unlisted);
        for (int i = 0; i < listed.Length; i++)
        {
            denseOf[listed[i]] = i;
        }

        int[] stream = new int[_stream.Count];
        for (int i = 0; i < stream.Length; i++)
        {
            stream[i] = _stream[i] < 0 ? -1 : denseOf[_stream[i]];
        }

        return stream;
    }

    /// <inheritdoc/>
    public void AddText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        AddTokens(Tokenizer.Tokenize(text).Select(t => t.Surface));
    }

    /// <inheritdoc/>
    public void AddTokens(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        bool any = false;
        foreach (string token in tokens)
        {
            string key = StemKeys ? NerWordClusters.StemKeyOf(token) : NerWordClusters.KeyOf(token);
            if (!_idOf.TryGetValue(key, out int id))
            {
                id = _words.Count;
                _idOf.Add(key, id);
                _words.Add(key);
                _counts.Add(0);
            }

            _counts[id]++;
            _stream.Add(id);
            TokenCount++;
            any = true;
        }

        if (any)
        {
            _stream.Add(-1);
            DocumentCount++;
        }
    }
}
