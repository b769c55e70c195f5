using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NewsGraph.Extraction.Ner;

/// <summary>
/// The NER verbs of the command line, kept here so the CLI only wires arguments:
/// <c>newsgraph ner train</c>, <c>newsgraph ner cv</c> and <c>newsgraph tag --format conll</c>.
/// Training and cross-validation read and write files — they are tooling, run by a person; the
/// tagger itself does no I/O. Exit codes: 0 success, 1 failure (message on the output writer).
/// </summary>
public static class NerCommands
{
    /// <summary>Where <see cref="RunCrossValidationAsync"/> writes fold files when no directory is given (git-ignored).</summary>
    public const string DefaultCrossValidationDirectory = "artifacts/ner-cv";

    /// <summary>Pass as a clusters path to train without word clusters.</summary>
    public const string NoClusters = "none";

    /// <summary>
    /// <c>newsgraph ner train --data FILE --out FILE [--epochs N] [--seed N] [--clusters FILE|none]</c>;
    /// without <paramref name="clustersPath"/> the embedded word clusters are used.
    /// </summary>
    public static async Task<int> RunTrainAsync(
        TextWriter output,
        string dataPath,
        string modelPath,
        int? epochs = null,
        int? seed = null,
        CancellationToken cancellationToken = default,
        string? clustersPath = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<TaggedSentence>? data = await ReadDataAsync(output, dataPath, cancellationToken).ConfigureAwait(false);
        NerWordClusters? clusters = await ReadClustersAsync(output, clustersPath).ConfigureAwait(false);
        if (data is null || clusters is null)
        {
            return 1;
        }

        var defaults = new NerTrainingOptions();
        int epochCount = epochs ?? defaults.Epochs;
        int seedValue = seed ?? defaults.Seed;
        var options = defaults with
        {
            Epochs = epochCount,
            Seed = seedValue,
            Clusters = clusters,
            Description = string.Create(
                CultureInfo.InvariantCulture,
                $"averaged perceptron on {Path.GetFileName(dataPath)} ({data.Count} sentences, {data.Sum(s => s.Tokens.Count)} tokens); epochs {epochCount}; seed {seedValue}; feature set {NerFeatureExtractor.Version}"),
            Log = line => output.WriteLine(line),
        };

        var clock = Stopwatch.StartNew();
        NerModel model = await Task.Run(() => NerTraining.Train(data, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        TimeSpan trainingTime = clock.Elapsed;

        string? directory = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var file = new FileStream(modelPath, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (file.ConfigureAwait(false))
        {
            model.Save(file);
        }

        long size = new FileInfo(modelPath).Length;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"trained in {trainingTime.TotalSeconds:F1} s: {model.FeatureCount} features, {model.Tags.Count} tags; wrote {modelPath} ({size} bytes)")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// <c>newsgraph ner cv --data FILE --folds 5 [--split contiguous|shuffled] [--clusters FILE|none]</c>;
    /// writes foldN.gold.tsv, foldN.pred.tsv and pooled.gold.tsv / pooled.pred.tsv (score them with
    /// score_ner.py) and prints per-class P/R/F1 per fold and pooled.
    /// </summary>
    public static async Task<int> RunCrossValidationAsync(
        TextWriter output,
        string dataPath,
        int folds = 5,
        string? outputDirectory = null,
        int? epochs = null,
        int? seed = null,
        NerFoldSplit split = NerFoldSplit.Contiguous,
        CancellationToken cancellationToken = default,
        string? clustersPath = null,
        int? onlyFold = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (onlyFold is { } only && (only < 1 || only > folds))
        {
            await output.WriteLineAsync("error: --fold must be between 1 and --folds").ConfigureAwait(false);
            return 1;
        }

        if (folds < 2)
        {
            await output.WriteLineAsync("error: --folds must be at least 2").ConfigureAwait(false);
            return 1;
        }

        IReadOnlyList<TaggedSentence>? data = await ReadDataAsync(output, dataPath, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return 1;
        }

        NerWordClusters? clusters = await ReadClustersAsync(output, clustersPath).ConfigureAwait(false);
        if (clusters is null)
        {
            return 1;
        }

        var defaults = new NerTrainingOptions();
        var options = defaults with { Epochs = epochs ?? defaults.Epochs, Seed = seed ?? defaults.Seed, Clusters = clusters };
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{folds}-fold {split.ToString().ToLowerInvariant()} cross-validation on {data.Count} sentences, {data.Sum(s => s.Tokens.Count)} tokens; epochs {options.Epochs}; seed {options.Seed}")).ConfigureAwait(false);

        NerCrossValidationResult result = await Task.Run(
            () => NerCrossValidation.Run(data, folds, options, split: split, cancellationToken: cancellationToken, onlyFold: onlyFold),
            cancellationToken).ConfigureAwait(false);

        string directory = outputDirectory ?? DefaultCrossValidationDirectory;
        Directory.CreateDirectory(directory);
        foreach (NerFoldResult fold in result.Folds)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"fold{fold.Fold}");
            await WriteTagsAsync(Path.Combine(directory, name + ".gold.tsv"), fold.Gold, null, cancellationToken).ConfigureAwait(false);
            await WriteTagsAsync(Path.Combine(directory, name + ".pred.tsv"), fold.Gold, fold.Predicted, cancellationToken).ConfigureAwait(false);
        }

        var pooledGold = result.Folds.SelectMany(f => f.Gold).ToList();
        await WriteTagsAsync(Path.Combine(directory, "pooled.gold.tsv"), pooledGold, null, cancellationToken).ConfigureAwait(false);
        await WriteTagsAsync(Path.Combine(directory, "pooled.pred.tsv"), pooledGold, result.Folds.SelectMany(f => f.Predicted).ToList(), cancellationToken).ConfigureAwait(false);

        var report = new StringBuilder();
        foreach (NerFoldResult fold in result.Folds)
        {
            int tokens = fold.Gold.Sum(s => s.Tokens.Count);
            report.AppendLine(CultureInfo.InvariantCulture, $"fold {fold.Fold}: {fold.Gold.Count} sentences, {tokens} tokens; trained in {fold.TrainingTime.TotalSeconds:F1} s ({fold.FeatureCount} features); tagged at {tokens / Math.Max(fold.TaggingTime.TotalSeconds, 1e-9):F0} tokens/s");
            AppendScore(report, fold.Score);
        }

        report.AppendLine("pooled:");
        AppendScore(report, result.Pooled);
        report.AppendLine(CultureInfo.InvariantCulture, $"fold files in {Path.GetFullPath(directory)}");
        await output.WriteAsync(report.ToString()).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// <c>newsgraph tag --format conll FILE</c> with the embedded model: one token per line
    /// (anything after a tab is ignored; a trailing CR is dropped), blank lines are breaks between
    /// texts and are echoed; prints <c>token&lt;TAB&gt;tag</c> for every token, in order.
    /// </summary>
    public static Task<int> RunTagAsync(TextReader input, TextWriter output, CancellationToken cancellationToken) =>
        RunTagAsync(NerTagger.LoadDefault(), input, output, cancellationToken);

    /// <inheritdoc cref="RunTagAsync(TextReader, TextWriter, CancellationToken)"/>
    public static async Task<int> RunTagAsync(NerTagger tagger, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var tokens = new List<string>();
        var segmenter = new NerSegmenter();

        async Task FlushAsync()
        {
            if (tokens.Count == 0)
            {
                return;
            }

            IReadOnlyList<string> tags = tagger.Tag(tokens);
            var text = new StringBuilder();
            for (int i = 0; i < tokens.Count; i++)
            {
                text.Append(tokens[i]).Append('\t').Append(tags[i]).Append('\n');
            }

            await output.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            tokens.Clear();
            segmenter = new NerSegmenter();
        }

        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            string row = line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
            if (row.Length == 0)
            {
                await FlushAsync().ConfigureAwait(false);
                await output.WriteAsync('\n').ConfigureAwait(false);
                continue;
            }

            int tab = row.IndexOf('\t', StringComparison.Ordinal);
            string token = tab < 0 ? row : row[..tab];
            tokens.Add(token);

            // Flush where the tagger would close a block anyway: memory stays flat on huge input
            // and the tags are exactly those of one Tag call over the whole text.
            if (segmenter.Add(token).BlockEnds)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static async Task<NerWordClusters?> ReadClustersAsync(TextWriter output, string? path)
    {
        // FILE,FILE2,…: a first clustering and further ones with features of their own.
        if (path is not null && path.Contains(',', StringComparison.Ordinal))
        {
            var read = new List<NerWordClusters>();
            foreach (string part in path.Split(','))
            {
                NerWordClusters? one = await ReadClustersAsync(output, part).ConfigureAwait(false);
                if (one is null)
                {
                    return null;
                }

                read.Add(one);
            }

            if (read.Count - 1 > NerWordClusters.MaxExtras)
            {
                await output.WriteLineAsync($"error: at most {NerWordClusters.MaxExtras} further clusterings").ConfigureAwait(false);
                return null;
            }

            return read[0].WithExtras(read.Skip(1).ToList());
        }

        if (path is null)
        {
            return NerWordClusters.LoadDefault();
        }

        if (string.Equals(path, NoClusters, StringComparison.Ordinal))
        {
            return NerWordClusters.Empty;
        }

        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"error: clusters file not found: {path}").ConfigureAwait(false);
            return null;
        }

        try
        {
            using FileStream file = File.OpenRead(path);
            return NerWordClusters.Read(file);
        }
        catch (InvalidDataException exception)
        {
            await output.WriteLineAsync($"error: {path}: {exception.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<IReadOnlyList<TaggedSentence>?> ReadDataAsync(TextWriter output, string dataPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(dataPath))
        {
            await output.WriteLineAsync($"error: data file not found: {dataPath}").ConfigureAwait(false);
            return null;
        }

        using var reader = new StreamReader(dataPath, Encoding.UTF8);
        IReadOnlyList<TaggedSentence> data = await NerCorpus.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
        if (data.Count == 0)
        {
            await output.WriteLineAsync($"error: no tokens in {dataPath}").ConfigureAwait(false);
            return null;
        }

        return data;
    }

    private static async Task WriteTagsAsync(string path, IReadOnlyList<TaggedSentence> sentences, IReadOnlyList<string>? predicted, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await using (writer.ConfigureAwait(false))
        {
            IEnumerable<TaggedSentence> rows = sentences;
            if (predicted is not null)
            {
                int offset = 0;
                var relabelled = new List<TaggedSentence>(sentences.Count);
                foreach (TaggedSentence sentence in sentences)
                {
                    relabelled.Add(new TaggedSentence(sentence.Tokens, predicted.Skip(offset).Take(sentence.Tokens.Count).ToArray()));
                    offset += sentence.Tokens.Count;
                }

                rows = relabelled;
            }

            await NerCorpus.WriteAsync(writer, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AppendScore(StringBuilder report, NerScore score)
    {
        foreach (NerClassScore type in score.Classes)
        {
            report.Append("  ").AppendLine(type.ToString());
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"  NER F1={score.Overall.F1:F3} P={score.Overall.Precision:F3} R={score.Overall.Recall:F3}");
    }
}
