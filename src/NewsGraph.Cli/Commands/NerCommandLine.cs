using System.CommandLine;
using NewsGraph.Evaluation.Clusters;
using NewsGraph.Evaluation.Vectors;
using NewsGraph.Extraction.Ner;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// <c>newsgraph tag --format conll FILE</c> (BIO tags for one token per line) and
/// <c>newsgraph ner train|cv|clusters</c> (the reproducible training of the bundled model and of
/// the word clusters and vectors it uses).
/// </summary>
internal static class NerCommandLine
{
    public static Command Tag()
    {
        var format = new Option<string>("--format") { Description = "Output format (conll).", DefaultValueFactory = _ => "conll" };
        var file = new Argument<FileInfo>("FILE") { Description = "One token per line (anything after a tab is ignored); blank lines separate sentences." };
        var command = new Command("tag", "Tag tokens with PERS/LOC/ORG in BIO (token<TAB>tag per line).") { format, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(format) is not "conll")
            {
                await Console.Error.WriteLineAsync("newsgraph tag: only --format conll is supported").ConfigureAwait(false);
                return 2;
            }

            FileInfo input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                await Console.Error.WriteLineAsync($"newsgraph tag: {input.FullName}: no such file").ConfigureAwait(false);
                return 1;
            }

            using var reader = new StreamReader(input.FullName, System.Text.Encoding.UTF8);
            Console.OutputEncoding = new System.Text.UTF8Encoding(false);
            return await NerCommands.RunTagAsync(reader, Console.Out, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static Command Ner()
    {
        var data = new Option<FileInfo>("--data") { Description = "Training data: token<TAB>BIO-tag per line (ANERcorp format).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model (.model.gz).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Random seed (training is deterministic for a seed).", DefaultValueFactory = _ => 1 };
        Option<string?> clusters = ClustersOption();
        var train = new Command("train", "Train the NER model.") { data, output, epochs, seed, clusters };
        train.SetAction((parse, cancellationToken) => NerCommands.RunTrainAsync(
            Console.Out, parse.GetValue(data)!.FullName, parse.GetValue(output)!.FullName, parse.GetValue(epochs), parse.GetValue(seed), cancellationToken, ClustersPath(parse.GetValue(clusters))));

        var cvData = new Option<FileInfo>("--data") { Description = "Training data (ANERcorp format).", Required = true };
        var folds = new Option<int>("--folds") { Description = "Number of folds.", DefaultValueFactory = _ => 5 };
        var split = new Option<NerFoldSplit>("--split")
        {
            Description = "contiguous: folds are blocks in corpus order (text the model has never seen); shuffled: sentences dealt at random (the textbook split; names recur across folds).",
            DefaultValueFactory = _ => NerFoldSplit.Contiguous,
        };
        var cvSeed = new Option<int>("--seed") { Description = "Random seed for training and for the shuffled split.", DefaultValueFactory = _ => 1 };
        Option<string?> cvClusters = ClustersOption();
        var onlyFold = new Option<int?>("--fold") { Description = "Run this fold alone (1-based; design choices are judged on fold 1); default all folds." };
        var cv = new Command("cv", "Cross-validate: train on k-1 folds, tag the held-out one, score per class.") { cvData, folds, split, cvSeed, cvClusters, onlyFold };
        cv.SetAction((parse, cancellationToken) => NerCommands.RunCrossValidationAsync(
            Console.Out,
            parse.GetValue(cvData)!.FullName,
            parse.GetValue(folds),
            seed: parse.GetValue(cvSeed),
            split: parse.GetValue(split),
            cancellationToken: cancellationToken,
            clustersPath: ClustersPath(parse.GetValue(cvClusters)),
            onlyFold: parse.GetValue(onlyFold)));
        return new Command("ner", "Train and evaluate the named-entity tagger.") { train, cv, Clusters(), Vectors() };
    }

    private static Option<string?> ClustersOption() => new("--clusters")
    {
        Description = $"Word clusters for the cluster features: a file written by `newsgraph ner clusters` (FILE,FILE2,… adds further clusterings with features of their own), or {NerCommands.NoClusters}; default the embedded ones.",
    };

    private static string? ClustersPath(string? value) =>
        value is null or NerCommands.NoClusters ? value : string.Join(',', value.Split(',').Select(Path.GetFullPath));

    private static Command Clusters()
    {
        var corpus = new Option<FileInfo[]>("--corpus")
        {
            Description = "Unlabelled text: .jsonl(.gz) with a content field per line, .tsv token per line, or plain text (a document per line). Repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the clusters (path<TAB>word<TAB>count; .gz compresses).", Required = true };
        var defaults = new WordClusterOptions();
        var classes = new Option<int>("--classes") { Description = "Leaf clusters (exchange classes).", DefaultValueFactory = _ => defaults.Classes };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times are not listed.", DefaultValueFactory = _ => defaults.MinCount };
        var iterations = new Option<int>("--iterations") { Description = "Most exchange passes.", DefaultValueFactory = _ => defaults.MaxIterations };
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        annotations.Description = "The annotated corpus whose articles (and the shared dev set) are left out (default: the Annotations folder beside the executable).";
        var stems = new Option<bool>("--stems") { Description = "Cluster the words' stems (proclitics and article off) instead of the words." };
        var command = new Command("clusters", "Learn word clusters for the tagger from unlabelled text (deterministic).") { corpus, output, classes, minCount, iterations, annotations, stems };
        command.SetAction((parse, cancellationToken) => WordClusterCommand.RunAsync(
            Console.Out,
            parse.GetValue(corpus)!.Select(f => f.FullName).ToList(),
            parse.GetValue(output)!.FullName,
            defaults with { Classes = parse.GetValue(classes), MinCount = parse.GetValue(minCount), MaxIterations = parse.GetValue(iterations), StemKeys = parse.GetValue(stems) },
            CommonOptions.AnnotationPathsFrom(parse.GetValue(annotations)),
            cancellationToken));
        return command;
    }
    private static Command Vectors()
    {
        var corpus = new Option<FileInfo[]>("--corpus")
        {
            Description = "Unlabelled text, as for `ner clusters`. Repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the vectors (word<TAB>count<TAB>components × 127; .gz compresses).", Required = true };
        var signCodes = new Option<FileInfo?>("--sign-codes") { Description = "Also write the vectors' sign bits as a cluster file (path<TAB>word<TAB>count)." };
        var treeCodes = new Option<FileInfo?>("--tree-codes") { Description = "Also write a divisive 2-means tree over the vectors as a cluster file." };
        var binaryCodes = new Option<FileInfo?>("--binary-codes") { Description = "Also write the binarized vectors (clearly positive / negative dimensions) as a cluster file the tagger reads as such." };
        var defaults = new WordVectorOptions();
        var dimensions = new Option<int>("--dimensions") { Description = "Dimensions kept from the SVD.", DefaultValueFactory = _ => defaults.Dimensions };
        var window = new Option<int>("--window") { Description = "Context words on each side.", DefaultValueFactory = _ => defaults.Window };
        var contexts = new Option<int>("--contexts") { Description = "Most frequent words used as contexts (each side apart).", DefaultValueFactory = _ => defaults.Contexts };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times get no vector.", DefaultValueFactory = _ => defaults.MinCount };
        var seed = new Option<int>("--seed") { Description = "Seed of the random projection.", DefaultValueFactory = _ => defaults.Seed };
        var vectorStems = new Option<bool>("--stems") { Description = "Vectors of the words' stems (proclitics and article off) instead of the words." };
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        annotations.Description = "The annotated corpus whose articles (and the shared dev set) are left out (default: the Annotations folder beside the executable).";
        var command = new Command("vectors", "Learn word vectors (PPMI + randomized SVD) for the tagger from unlabelled text (deterministic).")
        {
            corpus, output, signCodes, treeCodes, binaryCodes, dimensions, window, contexts, minCount, seed, vectorStems, annotations,
        };
        command.SetAction((parse, cancellationToken) => WordVectorCommand.RunAsync(
            Console.Out,
            parse.GetValue(corpus)!.Select(f => f.FullName).ToList(),
            parse.GetValue(output)!.FullName,
            parse.GetValue(signCodes)?.FullName,
            parse.GetValue(treeCodes)?.FullName,
            parse.GetValue(binaryCodes)?.FullName,
            defaults with
            {
                Dimensions = parse.GetValue(dimensions),
                Window = parse.GetValue(window),
                Contexts = parse.GetValue(contexts),
                MinCount = parse.GetValue(minCount),
                Seed = parse.GetValue(seed),
                StemKeys = parse.GetValue(vectorStems),
            },
            CommonOptions.AnnotationPathsFrom(parse.GetValue(annotations)),
            cancellationToken));
        return command;
    }
}
