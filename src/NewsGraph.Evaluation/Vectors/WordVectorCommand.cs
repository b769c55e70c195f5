using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsGraph.Evaluation.Clusters;

namespace NewsGraph.Evaluation.Vectors;

/// <summary>
/// <c>newsgraph ner vectors --corpus FILE… --out FILE [--sign-codes FILE] [--tree-codes FILE] [--binary-codes FILE]</c>:
/// dense word vectors for the NER tagger from unlabelled text (<see cref="WordVectorBuilder"/>),
/// and their quantisations as bit-string paths in the word-cluster file format, which the tagger
/// reads as further clusterings. Dev-time tooling. Exit codes: 0 success, 1 failure.
/// </summary>
public static class WordVectorCommand
{
    /// <summary>Path length of the code files: the tagger's longest cluster prefix is 20 bits.</summary>
    public const int CodeBits = 20;

    /// <summary>
    /// Reads the corpus files as <c>newsgraph ner clusters</c> does (the same articles left out),
    /// builds the vectors and writes them: <c>word TAB count TAB</c> and the unit vector's
    /// components × 127, rounded, space-separated; code files as <c>path TAB word TAB count</c>.
    /// </summary>
    public static async Task<int> RunAsync(
        TextWriter output,
        IReadOnlyList<string> corpusPaths,
        string outPath,
        string? signCodesPath,
        string? treeCodesPath,
        string? binaryCodesPath,
        WordVectorOptions options,
        AnnotationPaths? excluded = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(corpusPaths);
        ArgumentNullException.ThrowIfNull(options);
        if (corpusPaths.Count == 0 || corpusPaths.Any(p => !File.Exists(p)))
        {
            await output.WriteLineAsync("error: give --corpus FILE (existing files)").ConfigureAwait(false);
            return 1;
        }

        IReadOnlySet<string> excludedUrls = await WordClusterCommand.ExcludedUrlsAsync(excluded, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var builder = new WordVectorBuilder { StemKeys = options.StemKeys };
        var seenContent = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<string>();
        foreach (string path in corpusPaths)
        {
            int before = builder.DocumentCount;
            int skipped = await WordClusterCommand.AddFileAsync(builder, path, excludedUrls, seenContent, cancellationToken).ConfigureAwait(false);
            string line = string.Create(
                CultureInfo.InvariantCulture,
                $"{Path.GetFileName(path)}: {builder.DocumentCount - before:N0} documents ({skipped:N0} left out: annotated or repeated)");
            sources.Add(line);
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        var logged = options with { Log = line => output.WriteLine(line) };
        WordVectors vectors = await Task.Run(() => builder.Build(logged, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (vectors.Words.Count == 0)
        {
            await output.WriteLineAsync($"error: no word occurs {options.MinCount} times or more").ConfigureAwait(false);
            return 1;
        }

        string settings = string.Create(
            CultureInfo.InvariantCulture,
            $"newsgraph ner vectors: {vectors.Dimensions} dimensions, window ±{options.Window} (1/distance, left and right apart), {options.Contexts:N0} context words, min count {options.MinCount}, PPMI with context smoothing {options.ContextSmoothing}, randomized SVD (oversampling {options.Oversampling}, {options.PowerIterations} power iterations, seed {options.Seed}), U Σ^{options.SingularValuePower}, unit length.");
        string[] common =
        [
            settings,
            .. sources,
            string.Create(CultureInfo.InvariantCulture, $"{builder.TokenCount:N0} tokens; {vectors.Words.Count:N0} words listed."),
            .. (options.StemKeys ? ["key: stem"] : Array.Empty<string>()),
            "Derived from the corpus above (CC BY-NC-SA 4.0): see src/NewsGraph.Extraction/Data/ner/SOURCES.md for its licence.",
        ];
        await WordClusterCommand.WriteAsync(outPath, FormatVectors(common, vectors), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes)").ConfigureAwait(false);
        await WriteCodesAsync(output, signCodesPath, "sign bits of the leading dimensions", VectorCodes.SignPaths(vectors.Vectors, vectors.Dimensions, CodeBits), common, vectors, cancellationToken).ConfigureAwait(false);
        string[]? tree = treeCodesPath is null ? null : VectorCodes.BisectingPaths(vectors.Vectors, vectors.Dimensions, CodeBits, options.Seed);
        await WriteCodesAsync(output, treeCodesPath, "divisive 2-means tree (principal-direction splits, Lloyd refinement)", tree, common, vectors, cancellationToken).ConfigureAwait(false);
        string[]? binary = binaryCodesPath is null ? null : VectorCodes.BinarizedPaths(vectors.Vectors, vectors.Dimensions);
        await WriteCodesAsync(output, binaryCodesPath, "binarized: per dimension clearly positive, then clearly negative", binary, [.. common, "kind: binarized"], vectors, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed.TotalSeconds:F0} s")).ConfigureAwait(false);
        return 0;
    }

    private static async Task WriteCodesAsync(TextWriter output, string? path, string kind, string[]? paths, string[] common, WordVectors vectors, CancellationToken cancellationToken)
    {
        if (path is null || paths is null)
        {
            return;
        }

        string[] header =
        [
            $"Word vector codes for the NewsGraph NER tagger: path<TAB>word<TAB>count ({kind}, up to {2 * vectors.Dimensions} bits; words in NerWordClusters.KeyOf form).",
            .. common,
        ];
        IEnumerable<WordClusterEntry> entries = vectors.Words
            .Select((w, i) => new WordClusterEntry(paths[i], w, vectors.Counts[i]))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenByDescending(e => e.Count)
            .ThenBy(e => e.Word, StringComparer.Ordinal);
        await WordClusterCommand.WriteAsync(path, WordClusterBuilder.Format(header, entries), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {path} ({paths.Distinct().Count():N0} distinct paths, {new FileInfo(path).Length:N0} bytes)")).ConfigureAwait(false);
    }

    /// <summary>'#' header lines, then <c>word TAB count TAB</c> and the components × 127 (rounded), space-separated.</summary>
    internal static string FormatVectors(IEnumerable<string> header, WordVectors vectors)
    {
        var text = new StringBuilder();
        foreach (string line in header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        for (int i = 0; i < vectors.Words.Count; i++)
        {
            text.Append(vectors.Words[i]).Append('\t').Append(vectors.Counts[i].ToString(CultureInfo.InvariantCulture)).Append('\t');
            for (int j = 0; j < vectors.Dimensions; j++)
            {
                int q = (int)Math.Round(vectors.Vectors[(i * vectors.Dimensions) + j] * 127f, MidpointRounding.AwayFromZero);
                text.Append(j == 0 ? string.Empty : " ").Append(q.ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
