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
