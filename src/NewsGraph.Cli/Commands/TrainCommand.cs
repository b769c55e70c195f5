using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Lexicon;
using System.CommandLine;
using NewsGraph.Evaluation;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Training;
using NewsGraph.Extraction;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// <c>newsgraph train relations</c>: fits the relation model on the annotated corpus's train split,
/// calibrates it and chooses its thresholds on dev, and writes the file extraction embeds. Run from
/// the repository root; the same data gives the same file, byte for byte.
/// </summary>
internal static class TrainCommand
{
    /// <summary>Where the model lives in the source tree (embedded into NewsGraph.Extraction by the build).</summary>
    private const string ModelPath = "src/NewsGraph.Extraction/Data/relations/relation-model.json";

    /// <summary>Where the organization span model lives in the source tree.</summary>
    private const string SpansPath = "src/NewsGraph.Extraction/Data/entities/organization-spans.json";

    /// <summary>Where the person span model lives in the source tree.</summary>
    private const string PersonSpansPath = "src/NewsGraph.Extraction/Data/entities/person-spans.json";

    /// <summary>Where the learned first names live in the source tree.</summary>
    private const string NamesPath = "src/NewsGraph.Extraction/Data/lexicon/first-names-annotated.txt";

    public static Command Create()
    {
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        var output = new Option<FileInfo>("--out") { Description = $"Where to write the model (default {ModelPath}).", DefaultValueFactory = _ => new FileInfo(ModelPath) };
        var relations = new Command("relations", "Train the relation model (train split), calibrate it and choose thresholds (dev split); prints CV, reliability and dev figures.") { corpus, annotations, output };
        relations.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("train relations", async () =>
        {
            (IReadOnlyList<EvalArticle> train, IReadOnlyList<EvalArticle> dev) = await LoadTrainAndDevAsync(parse, corpus, annotations, cancellationToken).ConfigureAwait(false);
            // Candidates do not depend on who decides; the rules decide here so no earlier model is involved.
            ArabicArticleExtractor extractor = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules));
            IReadOnlyList<LabelledArticle> labelledTrain = CandidateLabelling.Label(train, extractor);
            IReadOnlyList<LabelledArticle> labelledDev = CandidateLabelling.Label(dev, extractor);
            (RelationModel model, string report) = new RelationTrainer(Console.Error).Train(labelledTrain, labelledDev);
            string about = $"Relation model: logistic regression per type over the candidates' features, with boosted trees on its log-odds where 5-fold cross-validation chose them, trained on the train split ({train.Count} articles), " +
                $"Platt-calibrated and thresholded on the dev split ({dev.Count} articles) for precision >= {RelationTrainer.TargetPrecision:F2}. Reproduce: newsgraph train relations.";
            await WriteModelAsync(parse.GetValue(output)!, RelationModelFile.Format(model, about), report, cancellationToken).ConfigureAwait(false);
            return 0;
        }));
        Option<string> namesCorpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> namesAnnotations = CommonOptions.Annotations();
        var namesOutput = new Option<FileInfo>("--out") { Description = $"Where to write the list (default {NamesPath}).", DefaultValueFactory = _ => new FileInfo(NamesPath) };
        var names = new Command("names", "Learn first names from the train split's annotated persons (extraction asks its tagger around known first names).") { namesCorpus, namesAnnotations, namesOutput };
        names.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("train names", async () =>
        {
            IReadOnlyList<EvalArticle> train = await LoadTrainAsync(parse, namesCorpus, namesAnnotations, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> learned = FirstNameMining.FromGold(train.Select(a => a.Gold), ArabicArticleExtractor.Default.Lexicon.IsFunctionWord);
            FileInfo file = parse.GetValue(namesOutput)!;
            await File.WriteAllTextAsync(file.FullName, FirstNameMining.Format(learned, train.Count), cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{learned.Count} first names written to {file.FullName}").ConfigureAwait(false);
            return 0;
        }));
        return new Command("train", "Train extraction models on the annotated corpus.") { relations, names, SpansCommand(), PersonSpansCommand(), GazetteerCommand(), TitlesCommand() };
    }

    private const string LearnedPlacesPath = "src/NewsGraph.Extraction/Data/gazetteers/learned-places.tsv";
    private const string LearnedOrganizationsPath = "src/NewsGraph.Extraction/Data/gazetteers/learned-organizations.tsv";
    private const string LearnedPersonsPath = "src/NewsGraph.Extraction/Data/gazetteers/learned-persons.tsv";

    private const string LearnedTitlesPath = "src/NewsGraph.Extraction/Data/gazetteers/learned-titles.tsv";

    private static Command TitlesCommand()
    {
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        var output = new Option<FileInfo>("--out") { Description = $"Where to write the list (default {LearnedTitlesPath}).", DefaultValueFactory = _ => new FileInfo(LearnedTitlesPath) };
        var command = new Command("titles", "Learn titles and describing words from the words that stand right before the train split's annotated persons.") { corpus, annotations, output };
        command.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("train titles", async () =>
        {
            IReadOnlyList<EvalArticle> train = await LoadTrainAsync(parse, corpus, annotations, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<LearnedTitle> learned = TitleMining.FromArticles(train, ArabicLexicon.HandMade);
            FileInfo file = parse.GetValue(output)!;
            await File.WriteAllTextAsync(file.FullName, TitleMining.Format(learned, train.Count), cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{learned.Count} titles written to {file.FullName}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command GazetteerCommand()
    {
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        var places = new Option<FileInfo>("--places-out") { Description = $"Where to write the places (default {LearnedPlacesPath}).", DefaultValueFactory = _ => new FileInfo(LearnedPlacesPath) };
        var organizations = new Option<FileInfo>("--organizations-out") { Description = $"Where to write the organizations (default {LearnedOrganizationsPath}).", DefaultValueFactory = _ => new FileInfo(LearnedOrganizationsPath) };
        var persons = new Option<FileInfo>("--persons-out") { Description = $"Where to write the persons (default {LearnedPersonsPath}).", DefaultValueFactory = _ => new FileInfo(LearnedPersonsPath) };
        var command = new Command("gazetteer", "Learn place, organization and person names from the train split's annotations (names annotated in two articles or more, and in most articles that contain them).") { corpus, annotations, places, organizations, persons };
        command.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("train gazetteer", async () =>
        {
            IReadOnlyList<EvalArticle> train = await LoadTrainAsync(parse, corpus, annotations, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<LearnedName> learned = GazetteerMining.FromArticles(train, ArabicLexicon.HandMade);
            foreach ((Option<FileInfo> option, string kind) in new[] { (places, "Place"), (organizations, "Organization"), (persons, "Person") })
            {
                FileInfo file = parse.GetValue(option)!;
                await File.WriteAllTextAsync(file.FullName, GazetteerMining.Format(learned, kind, train.Count), cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"{learned.Count(l => l.Kind == kind)} {kind} names written to {file.FullName}").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    private static Command SpansCommand()
    {
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        var output = new Option<FileInfo>("--out") { Description = $"Where to write the model (default {SpansPath}).", DefaultValueFactory = _ => new FileInfo(SpansPath) };
        var spans = new Command("spans", "Train the organization span model (train split) and choose its threshold (dev split); prints CV and dev figures.") { corpus, annotations, output };
        spans.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("train spans", async () =>
        {
            (IReadOnlyList<EvalArticle> train, IReadOnlyList<EvalArticle> dev) = await LoadTrainAndDevAsync(parse, corpus, annotations, cancellationToken).ConfigureAwait(false);
            // Spans are proposed with no span model deciding, so no earlier model shapes what is learned.
            ArabicArticleExtractor proposer = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules, LearnedEntities: false, LearnedPersons: false));
            (SpanModel model, string report) = new SpanTrainer(Console.Error).Train(SpanTrainer.Label(train, proposer), SpanTrainer.Label(dev, proposer));
            string about = $"Organization span model: logistic regression over the features of spans opened by an organization head noun, trained on the train split ({train.Count} articles), " +
                $"thresholded on the dev split ({dev.Count} articles) for span precision >= {SpanTrainer.TargetPrecision:F2}. Reproduce: newsgraph train spans.";
            await WriteModelAsync(parse.GetValue(output)!, SpanTrainer.Format(model, about), report, cancellationToken).ConfigureAwait(false);
            return 0;
        }));
        return spans;
    }

    private static Command PersonSpansCommand()
    {
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        var output = new Option<FileInfo>("--out") { Description = $"Where to write the model (default {PersonSpansPath}).", DefaultValueFactory = _ => new FileInfo(PersonSpansPath) };
        var candidatesOut = new Option<FileInfo?>("--candidates-out") { Description = "Also write every train and dev span with its label, probability and features (TSV), for inspection." };
        var spans = new Command("person-spans",
            "Train the person span model for speakers' and participants' slots (train split) and choose its threshold (dev split); prints CV and dev figures. Run after train spans, before train relations.")
            { corpus, annotations, output, candidatesOut };
        spans.SetAction((parse, cancellationToken) => DataErrors.ReportAsync("train person-spans", async () =>
        {
            (IReadOnlyList<EvalArticle> train, IReadOnlyList<EvalArticle> dev) = await LoadTrainAndDevAsync(parse, corpus, annotations, cancellationToken).ConfigureAwait(false);
            // Slots are proposed with no person span model deciding (the organization model, which runs
            // before, does), so no earlier person model shapes what is learned.
            ArabicArticleExtractor proposer = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules, LearnedPersons: false));
            var trainer = new SpanTrainer(Console.Error, NodeKind.Person, SpanTrainer.PersonTargetPrecision, tieBreakOnHeldOut: true);
            IReadOnlyList<SpanTrainer.SpanGroup> labelledTrain = SpanTrainer.Label(train, proposer, NodeKind.Person);
            IReadOnlyList<SpanTrainer.SpanGroup> labelledDev = SpanTrainer.Label(dev, proposer, NodeKind.Person);
            (SpanModel model, string report) = trainer.Train(labelledTrain, labelledDev);
            if (parse.GetValue(candidatesOut) is { } candidatesFile)
            {
                await File.WriteAllTextAsync(candidatesFile.FullName, SpanTrainer.Describe([.. labelledTrain, .. labelledDev], model), cancellationToken).ConfigureAwait(false);
            }

            string about = $"Person span model: logistic regression over the features of spans opening in the slot of a reporting or meeting cue, trained on the train split ({train.Count} articles), " +
                $"thresholded on the dev split ({dev.Count} articles) for span precision >= {SpanTrainer.PersonTargetPrecision:F2}. Reproduce: newsgraph train person-spans.";
            await WriteModelAsync(parse.GetValue(output)!, SpanTrainer.Format(model, about), report, cancellationToken).ConfigureAwait(false);
            return 0;
        }));
        return spans;
    }

    /// <summary>The train split of the annotated corpus (the miners learn from it alone).</summary>
    private static Task<IReadOnlyList<EvalArticle>> LoadTrainAsync(
        ParseResult parse, Option<string> corpus, Option<DirectoryInfo?> annotations, CancellationToken cancellationToken) =>
        Annotated(parse, annotations).LoadAsync([Splits.Train], parse.GetValue(corpus), cancellationToken);

    /// <summary>The train and dev splits of the annotated corpus (the model trainers fit on one and choose on the other).</summary>
    private static async Task<(IReadOnlyList<EvalArticle> Train, IReadOnlyList<EvalArticle> Dev)> LoadTrainAndDevAsync(
        ParseResult parse, Option<string> corpus, Option<DirectoryInfo?> annotations, CancellationToken cancellationToken)
    {
        AnnotatedCorpus annotated = Annotated(parse, annotations);
        IReadOnlyList<EvalArticle> train = await annotated.LoadAsync([Splits.Train], parse.GetValue(corpus), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<EvalArticle> dev = await annotated.LoadAsync([Splits.Dev], parse.GetValue(corpus), cancellationToken).ConfigureAwait(false);
        return (train, dev);
    }

    private static AnnotatedCorpus Annotated(ParseResult parse, Option<DirectoryInfo?> annotations) =>
        new(CommonOptions.AnnotationPathsFrom(parse.GetValue(annotations)));

    /// <summary>Writes a model file and prints the trainer's report and where the model went.</summary>
    private static async Task WriteModelAsync(FileInfo file, string content, string report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(file.DirectoryName!);
        await File.WriteAllTextAsync(file.FullName, content, cancellationToken).ConfigureAwait(false);
        await Console.Out.WriteAsync(report).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"model written to {file.FullName}").ConfigureAwait(false);
    }
}
