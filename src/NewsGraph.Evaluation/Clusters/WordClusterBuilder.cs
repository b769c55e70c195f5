using System.Globalization;
using System.Text;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Evaluation.Clusters;

/// <summary>Settings for <see cref="WordClusterBuilder.Build"/>. The defaults produced the committed clusters.</summary>
public sealed record WordClusterOptions
{
    /// <summary>Flat classes found by the exchange algorithm: the leaves of the tree.</summary>
    public int Classes { get; init; } = 1000;

    /// <summary>
    /// Words seen fewer times are clustered as one pseudo-word and not listed (their contexts
    /// are too few to place them, and leaving them out keeps the file small).
    /// </summary>
    public int MinCount { get; init; } = 3;

    /// <summary>
    /// Most exchange passes over the vocabulary. On SaudiNewsNet a pass after the tenth still moves
    /// about 1 % of the words but changes the objective by under 0.01 %; twenty passes scored a
    /// little better on fold 1 than ten (0.814 against 0.806, within seed noise).
    /// </summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>Stop when a pass moves no more than this share of the words.</summary>
    public double MinMovedShare { get; init; } = 0.001;

    /// <summary>Key words by <see cref="NerWordClusters.StemKeyOf"/> (proclitics and article off) instead of <see cref="NerWordClusters.KeyOf"/>.</summary>
    public bool StemKeys { get; init; }

    /// <summary>Receives progress lines.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>One listed word: its bit-string path, its <see cref="NerWordClusters.KeyOf"/> form and its count.</summary>
public sealed record WordClusterEntry(string Path, string Word, long Count);

/// <summary>
/// Brown-style word clusters from raw text: tokens as the extractor's tokenizer cuts them, in
/// the form the NER tagger looks up (<see cref="NerWordClusters.KeyOf"/>); flat classes by the
/// exchange algorithm, then Brown's agglomerative merges over those classes for the bit-string
/// tree. Documents are kept apart (no bigram spans two). Deterministic.
/// </summary>
public sealed class WordClusterBuilder : ICorpusSink
{
    private readonly CorpusWordStream _corpus = new();

    /// <summary>Key words by stem (see <see cref="WordClusterOptions.StemKeys"/>); set before adding text.</summary>
    public bool StemKeys { get => _corpus.StemKeys; init => _corpus.StemKeys = value; }

    /// <inheritdoc/>
    public int DocumentCount => _corpus.DocumentCount;

    /// <summary>Tokens added so far.</summary>
    public long TokenCount => _corpus.TokenCount;

    /// <inheritdoc/>
    public void AddText(string text) => _corpus.AddText(text);

    /// <inheritdoc/>
    public void AddTokens(IEnumerable<string> tokens) => _corpus.AddTokens(tokens);

    /// <summary>Clusters the words seen so far; entries ordered by path, then count (descending), then word.</summary>
    public IReadOnlyList<WordClusterEntry> Build(WordClusterOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinCount, 1);

        // Dense ids by count (descending), then ordinal: the exchange visits frequent words first.
        int[] listed = _corpus.FrequentWords(options.MinCount);
        if (listed.Length == 0)
        {
            return [];
        }

        long rareCount = _corpus.Counts.Where(c => c < options.MinCount).Sum();
        int rare = rareCount > 0 ? listed.Length : -1;
        int vocabulary = listed.Length + (rare >= 0 ? 1 : 0);
        int[] stream = _corpus.DenseStream(listed, rare);

        options.Log?.Invoke(string.Create(
            CultureInfo.InvariantCulture,
            $"{DocumentCount:N0} documents, {TokenCount:N0} tokens, {_corpus.Words.Count:N0} word forms; {listed.Length:N0} seen at least {options.MinCount} times ({rareCount:N0} tokens of rarer words clustered as one)"));

        BigramCounts bigrams = BigramCounts.Count(stream, vocabulary);
        (int[] classOf, long[] classBigrams) = ExchangeClustering.Run(bigrams, options.Classes, options.MaxIterations, options.MinMovedShare, options.Log, cancellationToken);
        int classes = (int)Math.Sqrt(classBigrams.Length);
        string[] paths = BrownHierarchy.Paths(classBigrams, classes, options.Log, cancellationToken);

        return listed
            .Select((w, dense) => new WordClusterEntry(paths[classOf[dense]], _corpus.Words[w], _corpus.Counts[w]))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenByDescending(e => e.Count)
            .ThenBy(e => e.Word, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The cluster file text: '#' header lines, then <c>path TAB word TAB count</c> per entry.</summary>
    public static string Format(IEnumerable<string> header, IEnumerable<WordClusterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        foreach (string line in header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        foreach (WordClusterEntry entry in entries)
        {
            text.Append(entry.Path).Append('\t').Append(entry.Word).Append('\t').Append(entry.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }
}
