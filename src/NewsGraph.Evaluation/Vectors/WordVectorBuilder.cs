using System.Globalization;
using NewsGraph.Evaluation.Clusters;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Evaluation.Vectors;

/// <summary>Settings for <see cref="WordVectorBuilder.Build"/>. The defaults produced the committed files.</summary>
public sealed record WordVectorOptions
{
    /// <summary>Dimensions kept from the SVD.</summary>
    public int Dimensions { get; init; } = 64;

    /// <summary>Words seen fewer times get no vector (their few contexts place them badly).</summary>
    public int MinCount { get; init; } = 3;

    /// <summary>
    /// Context words: the most frequent ones, each counted apart on the left and on the right
    /// (the side matters for names: a title stands before one, a verb of saying after it).
    /// </summary>
    public int Contexts { get; init; } = 10000;

    /// <summary>Words on each side that count as context, weighted 1 / distance.</summary>
    public int Window { get; init; } = 2;

    /// <summary>Context-distribution smoothing (Levy, Goldberg &amp; Dagan 2015): rare contexts' PMI is not inflated.</summary>
    public double ContextSmoothing { get; init; } = 0.75;

    /// <summary>Vectors are U Σ^p before normalising; p = 0.5 (Levy et al.) weighs the leading dimensions less than U Σ.</summary>
    public double SingularValuePower { get; init; } = 0.5;

    /// <summary>Extra random columns and power iterations of the randomized SVD.</summary>
    public int Oversampling { get; init; } = 16;

    public int PowerIterations { get; init; } = 3;

    public int Seed { get; init; } = 1;

    /// <summary>Key words by <see cref="NerWordClusters.StemKeyOf"/> (proclitics and article off), as the stem clustering does.</summary>
    public bool StemKeys { get; init; }

    /// <summary>Receives progress lines.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>Unit-length word vectors: words in <see cref="NerWordClusters.KeyOf"/> form (descending count), vectors row-major.</summary>
public sealed record WordVectors(IReadOnlyList<string> Words, IReadOnlyList<long> Counts, float[] Vectors, int Dimensions);

/// <summary>
/// Dense distributional word vectors from raw text: positive PMI of (word, left/right context word)
/// counts in a small window, truncated by a randomized SVD (<see cref="RandomizedSvd"/>), rows
/// scaled to unit length. Tokens as the extractor cuts them, in the form the tagger looks up.
/// Documents are kept apart (no window spans two). Deterministic.
/// </summary>
public sealed class WordVectorBuilder : ICorpusSink
{
    private readonly CorpusWordStream _corpus = new();

    /// <summary>Key words by stem (see <see cref="WordVectorOptions.StemKeys"/>); set before adding text.</summary>
    public bool StemKeys { get => _corpus.StemKeys; init => _corpus.StemKeys = value; }

    /// <inheritdoc/>
    public int DocumentCount => _corpus.DocumentCount;

    /// <summary>Tokens added so far.</summary>
    public long TokenCount => _corpus.TokenCount;

    /// <inheritdoc/>
    public void AddText(string text) => _corpus.AddText(text);

    /// <inheritdoc/>
    public void AddTokens(IEnumerable<string> tokens) => _corpus.AddTokens(tokens);

    /// <summary>Builds the vectors of the words seen at least <see cref="WordVectorOptions.MinCount"/> times.</summary>
    public WordVectors Build(WordVectorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Window, 1);

        // Dense ids by count (descending), then ordinal: the first Contexts ids are the contexts.
        int[] listed = _corpus.FrequentWords(options.MinCount);
        if (listed.Length == 0)
        {
            return new WordVectors([], [], [], options.Dimensions);
        }

        int[] stream = _corpus.DenseStream(listed, unlisted: -2);
        int contexts = Math.Min(options.Contexts, listed.Length);
        SparseMatrix ppmi = PpmiMatrix(stream, listed.Length, contexts, options);
        options.Log?.Invoke(string.Create(
            CultureInfo.InvariantCulture,
            $"{DocumentCount:N0} documents, {TokenCount:N0} tokens; {listed.Length:N0} words seen at least {options.MinCount} times × {2 * contexts:N0} contexts, {ppmi.Value.Length:N0} positive PMI cells"));
        cancellationToken.ThrowIfCancellationRequested();

        TruncatedSvd svd = RandomizedSvd.Compute(ppmi, options.Dimensions, options.Oversampling, options.PowerIterations, options.Seed);
        options.Log?.Invoke("singular values: " + string.Join(' ', svd.Values.Take(8).Select(v => v.ToString("F1", CultureInfo.InvariantCulture))) + " …");
        float[] vectors = Normalize(svd, options.SingularValuePower);
        return new WordVectors(listed.Select(w => _corpus.Words[w]).ToList(), listed.Select(w => _corpus.Counts[w]).ToList(), vectors, svd.Count);
    }

    /// <summary>
    /// Rows: words; columns: context c on the left (c) or on the right (contexts + c), counts
    /// weighted 1 / distance; cells hold max(0, log(P(w, c) / (P(w) P_α(c)))).
    /// </summary>
    internal static SparseMatrix PpmiMatrix(int[] stream, int words, int contexts, WordVectorOptions options)
    {
        // One (row, column, distance) key per event, sorted: equal cells become runs. The
        // distance sits in the low byte so the runs of one cell are adjacent.
        long[] events = new long[(long)stream.Length * options.Window * 2];
        int used = 0;
        for (int i = 0; i < stream.Length; i++)
        {
            int w = stream[i];
            if (w < 0)
            {
                continue;
            }

            // Each side stops at a document boundary (-1): no window spans two documents.
            for (int d = 1; d <= options.Window && i - d >= 0 && stream[i - d] != -1; d++)
            {
                AddEvent(events, ref used, w, stream[i - d], 0, contexts, d);
            }

            for (int d = 1; d <= options.Window && i + d < stream.Length && stream[i + d] != -1; d++)
            {
                AddEvent(events, ref used, w, stream[i + d], contexts, contexts, d);
            }
        }

        Array.Sort(events, 0, used);
        return Ppmi(events.AsSpan(0, used), words, 2 * contexts, options.ContextSmoothing);
    }

    private static void AddEvent(long[] events, ref int used, int word, int neighbour, int side, int contexts, int distance)
    {
        // A rare word (-2) or a word outside the context vocabulary is no context; the window
        // still counts it as a position, so distances stay true.
        if (neighbour >= 0 && neighbour < contexts)
        {
            events[used++] = ((long)word << 32) | ((long)(side + neighbour) << 8) | (uint)distance;
        }
    }

    private static SparseMatrix Ppmi(ReadOnlySpan<long> sorted, int words, int columns, double alpha)
    {
        var rowOf = new List<int>();
        var columnOf = new List<int>();
        var weight = new List<double>();
        for (int k = 0; k < sorted.Length;)
        {
            long cell = sorted[k] >> 8;
            double sum = 0;
            while (k < sorted.Length && (sorted[k] >> 8) == cell)
            {
                sum += 1.0 / (sorted[k] & 0xFF);
                k++;
            }

            rowOf.Add((int)(cell >> 24));
            columnOf.Add((int)(cell & 0xFFFFFF));
            weight.Add(sum);
        }

        double[] rowTotal = new double[words];
        double[] columnTotal = new double[columns];
        for (int e = 0; e < weight.Count; e++)
        {
            rowTotal[rowOf[e]] += weight[e];
            columnTotal[columnOf[e]] += weight[e];
        }

        double smoothedTotal = columnTotal.Sum(c => Math.Pow(c, alpha));
        int[] start = new int[words + 1];
        var keptColumn = new List<int>();
        var keptValue = new List<double>();
        int next = 0;
        for (int r = 0; r < words; r++)
        {
            start[r] = keptValue.Count;
            for (; next < weight.Count && rowOf[next] == r; next++)
            {
                int c = columnOf[next];
                // log((n(w,c) / N) / ((n(w) / N) (n(c)^α / Σ n^α))): N cancels.
                double pmi = Math.Log(weight[next] * smoothedTotal / (rowTotal[r] * Math.Pow(columnTotal[c], alpha)));
                if (pmi > 0)
                {
                    keptColumn.Add(c);
                    keptValue.Add(pmi);
                }
            }
        }

        start[words] = keptValue.Count;
        return new SparseMatrix(words, columns, start, [.. keptColumn], [.. keptValue]);
    }

    private static float[] Normalize(TruncatedSvd svd, double power)
    {
        int rows = svd.Left.Length / svd.Count;
        float[] vectors = new float[svd.Left.Length];
        for (int r = 0; r < rows; r++)
        {
            double norm = 0;
            for (int j = 0; j < svd.Count; j++)
            {
                double x = svd.Left[(r * svd.Count) + j] * Math.Pow(svd.Values[j], power);
                norm += x * x;
            }

            double scale = norm > 0 ? 1 / Math.Sqrt(norm) : 0;
            for (int j = 0; j < svd.Count; j++)
            {
                vectors[(r * svd.Count) + j] = (float)(svd.Left[(r * svd.Count) + j] * Math.Pow(svd.Values[j], power) * scale);
            }
        }

        return vectors;
    }
}
