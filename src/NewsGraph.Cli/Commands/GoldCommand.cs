using System.CommandLine;
using NewsGraph.Evaluation;
using NewsGraph.Evaluation.Corpus;
using NewsGraph.Evaluation.Gold;

namespace NewsGraph.Cli.Commands;

/// <summary><c>newsgraph gold draw|…</c>: the annotated corpus — how it was drawn, and turning it into scorer files.</summary>
internal static class GoldCommand
{
    public static Command Create()
    {
        var root = new Command("gold", "The annotated evaluation corpus: draw, import, rehydrate.");
        root.Subcommands.Add(Draw());
        root.Subcommands.Add(Import());
        root.Subcommands.Add(Rehydrate());
        return root;
    }

    private static Command Draw()
    {
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        var seed = new Option<int?>("--seed") { Description = "The draw's seed (default: the committed draw's)." };
        var extension = new Option<int?>("--extension") { Description = "Extension draw N (2 to 5; corpus/draw-N.tsv): training articles only, excluding every earlier draw's articles and near-copies of them." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the manifest here instead of stdout." };
        var command = new Command("draw", "Draw the articles to annotate from the corpus (seeded, reproducible) and print the manifest.") { corpus, annotations, seed, extension, output };
        command.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("gold draw", async () =>
        {
            AnnotationPaths paths = CommonOptions.AnnotationPathsFrom(parse.GetValue(annotations));
            int? round = parse.GetValue(extension);
            int? seedValue = parse.GetValue(seed);
            DrawSettings settings = round is { } r
                ? DrawSettings.Extension(r, seedValue)
                : new DrawSettings(Seed: seedValue ?? new DrawSettings().Seed);
            var earlier = new List<DrawnArticle>();
            if (round is { } n)
            {
                foreach (string earlierManifest in paths.ManifestsBefore(n))
                {
                    earlier.AddRange(DrawManifest.Parse(await File.ReadAllTextAsync(earlierManifest, cancellationToken).ConfigureAwait(false)));
                }
            }

            var draw = new CorpusDraw(
                settings,
                DrawManifest.ParseCues(await File.ReadAllTextAsync(paths.DrawCues, cancellationToken).ConfigureAwait(false)),
                DrawManifest.ParseUrls(await File.ReadAllTextAsync(paths.DrawExcludedUrls, cancellationToken).ConfigureAwait(false)),
                earlier);
            var articles = new List<CorpusArticle>();
            await foreach (CorpusArticle a in CorpusFile.ReadAsync(parse.GetValue(corpus)!, cancellationToken).ConfigureAwait(false))
            {
                articles.Add(a);
            }

            string manifest = DrawManifest.Format(draw.Draw(articles));
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, manifest, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Console.Out.WriteAsync(manifest).ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    private static Command Import()
    {
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        var agreement = new Option<bool>("--agreement") { Description = "These are second annotations, kept for agreement." };
        var corpusGold = new Argument<DirectoryInfo>("GOLD_DIR") { Description = "Annotators' gold files of drawn corpus articles (snn-NNNNN.json)." };
        var corpusCommand = new Command("corpus", "Store annotators' gold files of corpus articles as standoff files (no article text) in their drawn split.") { corpusGold, corpus, annotations, agreement };
        corpusCommand.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("gold import corpus", async () =>
        {
            var import = new GoldImport(CommonOptions.AnnotationPathsFrom(parse.GetValue(annotations)));
            IReadOnlyList<string> written = await import.ImportCorpusAsync(parse.GetValue(corpusGold)!.FullName, parse.GetValue(corpus)!, parse.GetValue(agreement), cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"imported {written.Count} corpus annotations").ConfigureAwait(false);
            return 0;
        }));
        var articles = new Argument<DirectoryInfo>("ARTICLES_DIR") { Description = "The written articles (.txt)." };
        var writtenGold = new Argument<DirectoryInfo>("GOLD_DIR") { Description = "Their gold files (.json)." };
        var trainOnly = new Option<bool>("--train") { Description = "A batch written for training: every new article goes to train, so dev and blind stay as they are." };
        var writtenCommand = new Command("written", "Store team-written articles with their gold in the split the written draw gives each.") { articles, writtenGold, annotations, agreement, trainOnly };
        writtenCommand.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("gold import written", async () =>
        {
            var import = new GoldImport(CommonOptions.AnnotationPathsFrom(parse.GetValue(annotations)));
            IReadOnlyList<string> written = await import.ImportWrittenAsync(parse.GetValue(articles)!.FullName, parse.GetValue(writtenGold)!.FullName, parse.GetValue(agreement), parse.GetValue(trainOnly), cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"imported {written.Count} written articles").ConfigureAwait(false);
            return 0;
        }));
        return new Command("import", "Bring annotators' gold files into the annotated corpus.") { corpusCommand, writtenCommand };
    }

    private static Command Rehydrate()
    {
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        Option<string> split = CommonOptions.Split();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write SPLIT/articles/*.txt and SPLIT/gold/*.json into.", Required = true };
        var command = new Command("rehydrate", "Write a split's articles and scorer-format gold files (corpus text from the corpus file), for score_extraction.py and check_gold.py.") { split, corpus, annotations, output };
        command.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("gold rehydrate", async () =>
        {
            var annotated = new AnnotatedCorpus(CommonOptions.AnnotationPathsFrom(parse.GetValue(annotations)));
            IReadOnlyList<EvalArticle> all = await annotated.LoadAsync(CommonOptions.SplitsOf(parse.GetValue(split)!), parse.GetValue(corpus), cancellationToken).ConfigureAwait(false);
            string root = parse.GetValue(output)!.FullName;
            foreach (EvalArticle a in all)
            {
                string articles = Directory.CreateDirectory(Path.Combine(root, a.Split, "articles")).FullName;
                string gold = Directory.CreateDirectory(Path.Combine(root, a.Split, "gold")).FullName;
                await File.WriteAllTextAsync(Path.Combine(articles, a.Gold.Article), a.Text, cancellationToken).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.Combine(gold, Path.GetFileNameWithoutExtension(a.Gold.Article) + ".json"), a.Gold.ToJson(), cancellationToken).ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync($"wrote {all.Count} articles with their gold under {root}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
