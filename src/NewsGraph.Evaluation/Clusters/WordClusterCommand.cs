using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using NewsGraph.Evaluation.Corpus;
using NewsGraph.Extraction.Ner;

namespace NewsGraph.Evaluation.Clusters;

/// <summary>
/// <c>newsgraph ner clusters --corpus FILE… --out FILE</c>: word clusters for the NER tagger from
/// unlabelled text. Dev-time tooling (it reads and writes files); the tagger only reads the
/// result, embedded in NewsGraph.Extraction. Exit codes: 0 success, 1 failure (message on the
/// output writer).
/// </summary>
public static class WordClusterCommand
{
    /// <summary>
    /// Reads every corpus file — <c>.jsonl</c>/<c>.jsonl.gz</c> (SaudiNewsNet: each line's
    /// <c>content</c> one document), <c>.tsv</c> (token per line, first column; a blank line ends a
    /// document), anything else plain text (each non-empty line one document) — clusters, and
    /// writes <paramref name="outPath"/> (gzip-compressed when it ends in <c>.gz</c>). Articles
    /// listed by <paramref name="excluded"/> (the annotated draw and the shared dev set) and second
    /// copies of an article's text are left out, so no evaluation article informs the features.
    /// </summary>
    public static async Task<int> RunAsync(
        TextWriter output,
        IReadOnlyList<string> corpusPaths,
        string outPath,
        WordClusterOptions options,
        AnnotationPaths? excluded = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(corpusPaths);
        ArgumentNullException.ThrowIfNull(options);
        if (corpusPaths.Count == 0)
        {
            await output.WriteLineAsync("error: give at least one --corpus FILE").ConfigureAwait(false);
            return 1;
        }

        foreach (string path in corpusPaths)
        {
            if (!File.Exists(path))
            {
                await output.WriteLineAsync($"error: corpus file not found: {path}").ConfigureAwait(false);
                return 1;
            }
        }

        IReadOnlySet<string> excludedUrls = await ExcludedUrlsAsync(excluded, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var builder = new WordClusterBuilder { StemKeys = options.StemKeys };
        var seenContent = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<string>();
        foreach (string path in corpusPaths)
        {
            int before = builder.DocumentCount;
            int skipped = await AddFileAsync(builder, path, excludedUrls, seenContent, cancellationToken).ConfigureAwait(false);
            string line = string.Create(
                CultureInfo.InvariantCulture,
                $"{Path.GetFileName(path)}: {builder.DocumentCount - before:N0} documents ({skipped:N0} left out: annotated or repeated)");
            sources.Add(line);
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        var logged = options with { Log = line => output.WriteLine(line) };
        IReadOnlyList<WordClusterEntry> entries = await Task.Run(() => builder.Build(logged, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            await output.WriteLineAsync($"error: no word occurs {options.MinCount} times or more").ConfigureAwait(false);
            return 1;
        }

        string[] header =
        [
            "Word clusters for the NewsGraph NER tagger: path<TAB>word<TAB>count (Brown-style bit strings; words in NerWordClusters.KeyOf form).",
            string.Create(CultureInfo.InvariantCulture, $"newsgraph ner clusters: {options.Classes} classes (exchange algorithm, then Brown merges), min count {options.MinCount}, at most {options.MaxIterations} passes."),
            .. sources,
            string.Create(CultureInfo.InvariantCulture, $"{builder.TokenCount:N0} tokens; {entries.Count:N0} words listed."),
            .. (options.StemKeys ? ["key: stem"] : Array.Empty<string>()),
            "Derived from the corpus above: see src/NewsGraph.Extraction/Data/ner/SOURCES.md for its licence.",
        ];
        string text = WordClusterBuilder.Format(header, entries);
        await WriteAsync(outPath, text, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{entries.Count:N0} words in {entries.Select(e => e.Path).Distinct().Count():N0} clusters; wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes) in {clock.Elapsed.TotalSeconds:F0} s")).ConfigureAwait(false);
        return 0;
    }

    internal static async Task<IReadOnlySet<string>> ExcludedUrlsAsync(AnnotationPaths? paths, CancellationToken cancellationToken)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        if (paths is null)
        {
            return urls;
        }

        if (File.Exists(paths.DrawManifest))
        {
            string manifest = await File.ReadAllTextAsync(paths.DrawManifest, cancellationToken).ConfigureAwait(false);
            urls.UnionWith(DrawManifest.Parse(manifest).Select(d => d.Url));
        }

        if (File.Exists(paths.DrawExcludedUrls))
        {
            urls.UnionWith(DrawManifest.ParseUrls(await File.ReadAllTextAsync(paths.DrawExcludedUrls, cancellationToken).ConfigureAwait(false)));
        }

        return urls;
    }

    internal static async Task<int> AddFileAsync(ICorpusSink builder, string path, IReadOnlySet<string> excludedUrls, HashSet<string> seenContent, CancellationToken cancellationToken)
    {
        int skipped = 0;
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
        {
            await foreach (CorpusArticle article in CorpusFile.ReadAsync(path, cancellationToken).ConfigureAwait(false))
            {
                if (excludedUrls.Contains(article.Url) || !seenContent.Add(CorpusFile.ContentHash(article.Content)))
                {
                    skipped++;
                    continue;
                }

                builder.AddText(article.Content);
            }

            return skipped;
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            var tokens = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                string row = line.TrimEnd('\r');
                if (row.Length == 0)
                {
                    builder.AddTokens(tokens);
                    tokens.Clear();
                    continue;
                }

                int tab = row.IndexOf('\t', StringComparison.Ordinal);
                tokens.Add(tab < 0 ? row : row[..tab]);
            }

            builder.AddTokens(tokens);
            return skipped;
        }

        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!seenContent.Add(CorpusFile.ContentHash(line)))
            {
                skipped++;
                continue;
            }

            builder.AddText(line);
        }

        return skipped;
    }

    internal static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        byte[] bytes = new UTF8Encoding(false).GetBytes(text);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (file.ConfigureAwait(false))
        {
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                // No file name or time stamp in the header: the bytes depend only on the text.
                var gzip = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true);
                await using (gzip.ConfigureAwait(false))
                {
                    await gzip.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
