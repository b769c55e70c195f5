using System.Text.Json.Nodes;

namespace NewsGraph.Cli.Tests;

/// <summary>
/// <c>newsgraph eval</c> and <c>newsgraph gold</c> on a miniature annotated corpus (the evaluation
/// tests' fixtures): two corpus articles and one written article in dev, one corpus article in
/// blind, and one article annotated twice. Figures that depend on how good extraction is are not
/// asserted here; what the gold holds is.
/// </summary>
public sealed class EvalCommandTests
{
    private static readonly string s_fixtures = Path.Combine(AppContext.BaseDirectory, "EvalFixtures");

    private static readonly string s_annotations = Path.Combine(s_fixtures, "annotations");

    private static readonly string s_corpus = Path.Combine(s_fixtures, "corpus.jsonl");

    [Fact]
    public async Task Eval_Dev_ScoresEveryGoldItemOfBothParts_PerTypeAndSource()
    {
        NewsGraphProcess.Result run = await NewsGraphProcess.RunAsync(["eval", "--annotations", s_annotations, "--corpus", s_corpus, "--split", "dev", "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        JsonNode dev = JsonNode.Parse(run.Stdout)!["dev"]!;
        Assert.Equal(3, (int)dev["articles"]!);
        Assert.Equal(2, Found(dev, "relation:MET"));
        Assert.Equal(3, Found(dev, "relation:STATED"));
        Assert.Equal(3, Found(dev, "relation:MEMBER_OF"));
        Assert.Equal(["kuna", "paper-a", "paper-b"], dev["sources"]!.AsObject().Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["corpus", "written"], dev["parts"]!.AsObject().Select(s => s.Key));
        Assert.NotNull(dev["errors"]!["wrong_speaker"]);
    }

    [Fact]
    public async Task Eval_Summary_CountsSplitsPartsSourcesAndAgreement()
    {
        NewsGraphProcess.Result run = await NewsGraphProcess.RunAsync(["eval", "--summary", "--format", "json", "--annotations", s_annotations, "--corpus", s_corpus]);

        Assert.Equal(0, run.ExitCode);
        JsonNode summary = JsonNode.Parse(run.Stdout)!;
        Assert.Equal(3, (int)summary["splits"]!["dev"]!["articles"]!);
        Assert.Equal(2, (int)summary["splits"]!["dev"]!["corpus"]!);
        Assert.Equal(1, (int)summary["splits"]!["dev"]!["written"]!);
        Assert.Equal(1, (int)summary["splits"]!["blind"]!["corpus"]!);
        Assert.Equal(0, (int)summary["splits"]!["train"]!["articles"]!);
        Assert.Equal(3, (int)summary["sources"]!);
        // The second annotator agrees on the meeting and names the same claim with another phrase of its sentence.
        Assert.Equal(1.0, (double)summary["agreement"]!["MET"]!);
        Assert.Equal(1.0, (double)summary["agreement"]!["STATED"]!);
        Assert.Equal(1, (int)summary["agreement"]!["articles"]!);
    }

    [Fact]
    public async Task Eval_RefusesToListTheBlindSplitsErrors()
    {
        NewsGraphProcess.Result run = await NewsGraphProcess.RunAsync(["eval", "--annotations", s_annotations, "--corpus", s_corpus, "--split", "blind", "--errors"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("refused for the blind split", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Eval_WithoutTheCorpusFile_SaysWhichFileToPass()
    {
        NewsGraphProcess.Result run = await NewsGraphProcess.RunAsync(["eval", "--annotations", s_annotations, "--corpus", "/nonexistent/corpus.jsonl.gz"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pass --corpus FILE", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoldImport_RefusesAFileThatIsNotInTheDraw_WithItsName()
    {
        string work = Directory.CreateTempSubdirectory("newsgraph-gold-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work, "x.json"), """{"article": "snn-99999.txt", "entities": [], "relations": []}""");
            NewsGraphProcess.Result run = await NewsGraphProcess.RunAsync(["gold", "import", "corpus", work, "--annotations", s_annotations, "--corpus", s_corpus]);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("'snn-99999' is not in the draw manifest", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task Eval_Text_ListsErrorsOfTheDevSplitWithTheArticle()
    {
        NewsGraphProcess.Result run = await NewsGraphProcess.RunAsync(["eval", "--annotations", s_annotations, "--corpus", s_corpus, "--split", "dev", "--errors"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("split dev: 3 articles (corpus 2, written 1)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("relation errors: missed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoldRehydrate_ThenImport_GivesBackTheSameStandoffFiles()
    {
        string work = Directory.CreateTempSubdirectory("newsgraph-gold-").FullName;
        try
        {
            NewsGraphProcess.Result rehydrated = await NewsGraphProcess.RunAsync(["gold", "rehydrate", "--annotations", s_annotations, "--corpus", s_corpus, "--split", "all", "--out", work]);
            Assert.Equal(0, rehydrated.ExitCode);
            string gold = await File.ReadAllTextAsync(Path.Combine(work, "dev", "gold", "snn-00000.json"));
            Assert.Contains("\"claim\": \"توسيع التعاون الاقتصادي بينهما\"", gold.Replace("\"claim\":\"", "\"claim\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(work, "dev", "articles", "kuna-01.txt")));
            Assert.True(File.Exists(Path.Combine(work, "blind", "articles", "snn-00002.txt")));

            string copy = Path.Combine(work, "annotations");
            CopyDirectory(s_annotations, copy);
            File.Delete(Path.Combine(copy, "corpus", "dev", "snn-00000.json"));
            File.Delete(Path.Combine(work, "dev", "gold", "kuna-01.json"));
            NewsGraphProcess.Result imported = await NewsGraphProcess.RunAsync(["gold", "import", "corpus", Path.Combine(work, "dev", "gold"), "--annotations", copy, "--corpus", s_corpus]);

            Assert.Equal(0, imported.ExitCode);
            Assert.Contains("imported 2 corpus annotations", imported.Stdout, StringComparison.Ordinal);
            Assert.Equal(
                Canonical(Path.Combine(s_annotations, "corpus", "dev", "snn-00000.json")),
                Canonical(Path.Combine(copy, "corpus", "dev", "snn-00000.json")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task TrainRelations_TwiceOnTheSameData_WritesTheSameModelByteForByte()
    {
        string work = Directory.CreateTempSubdirectory("newsgraph-train-").FullName;
        try
        {
            string annotations = AnnotationsWithDevAsTrain(work);
            string[] first = ["train", "relations", "--annotations", annotations, "--corpus", s_corpus, "--out", Path.Combine(work, "a.json")];
            string[] second = ["train", "relations", "--annotations", annotations, "--corpus", s_corpus, "--out", Path.Combine(work, "b.json")];

            NewsGraphProcess.Result a = await NewsGraphProcess.RunAsync(first);
            NewsGraphProcess.Result b = await NewsGraphProcess.RunAsync(second);

            Assert.Equal(0, a.ExitCode);
            Assert.Equal(0, b.ExitCode);
            Assert.Contains("candidate recall on train", a.Stdout, StringComparison.Ordinal);
            Assert.Contains("reliability on dev", a.Stdout, StringComparison.Ordinal);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(work, "a.json")), await File.ReadAllBytesAsync(Path.Combine(work, "b.json")));
            Extraction.Candidates.RelationModel model = Extraction.Candidates.RelationModel.Parse(await File.ReadAllTextAsync(Path.Combine(work, "a.json")));
            Assert.Equal(3, model.Types.Count);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task TrainSpans_TwiceOnTheSameData_WritesTheSameModelByteForByte()
    {
        string work = Directory.CreateTempSubdirectory("newsgraph-train-spans-").FullName;
        try
        {
            string annotations = AnnotationsWithDevAsTrain(work);
            await WriteSpanTrainingArticleAsync(Path.Combine(annotations, "written", "train"));

            NewsGraphProcess.Result a = await NewsGraphProcess.RunAsync(["train", "spans", "--annotations", annotations, "--corpus", s_corpus, "--out", Path.Combine(work, "a.json")]);
            NewsGraphProcess.Result b = await NewsGraphProcess.RunAsync(["train", "spans", "--annotations", annotations, "--corpus", s_corpus, "--out", Path.Combine(work, "b.json")]);

            Assert.Equal(0, a.ExitCode);
            Assert.Equal(0, b.ExitCode);
            Assert.Contains("5-fold CV on train", a.Stdout, StringComparison.Ordinal);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(work, "a.json")), await File.ReadAllBytesAsync(Path.Combine(work, "b.json")));
            Extraction.Candidates.SpanModel model = Extraction.Candidates.SpanModel.Parse(await File.ReadAllTextAsync(Path.Combine(work, "a.json")));
            Assert.NotEmpty(model.Weights);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The fixture's annotations copied under <paramref name="work"/>, its dev articles serving as train and dev both: enough to exercise every training step.</summary>
    private static string AnnotationsWithDevAsTrain(string work)
    {
        string annotations = Path.Combine(work, "annotations");
        CopyDirectory(s_annotations, annotations);
        CopyDirectory(Path.Combine(s_annotations, "corpus", "dev"), Path.Combine(annotations, "corpus", "train"));
        CopyDirectory(Path.Combine(s_annotations, "written", "dev"), Path.Combine(annotations, "written", "train"));
        return annotations;
    }

    /// <summary>
    /// The fixture's organizations are all in the gazetteer, which the span model never sees; this
    /// article (written for the test) names bodies that open with a head noun and are in no
    /// gazetteer, with a gold extent each, so there are spans to learn from.
    /// </summary>
    private static async Task WriteSpanTrainingArticleAsync(string writtenTrain)
    {
        Directory.CreateDirectory(Path.Combine(writtenTrain, "articles"));
        Directory.CreateDirectory(Path.Combine(writtenTrain, "gold"));
        await File.WriteAllTextAsync(Path.Combine(writtenTrain, "articles", "kuna-02.txt"),
            "الجهراء - 4 - 5 (كونا) -- أعلنت أمانة منطقة الجهراء أن أعمال صيانة الطرق ستنتهي الشهر المقبل.\n" +
            "وقالت إدارة الأرصاد الجوية إن الأمطار ستستمر حتى نهاية الأسبوع.\n" +
            "وعقدت غرفة تجارة وصناعة الجهراء اجتماعها السنوي.\n");
        await File.WriteAllTextAsync(Path.Combine(writtenTrain, "gold", "kuna-02.json"), """
            {
              "article": "kuna-02.txt",
              "annotator": "fixture-1",
              "entities": [
                { "kind": "Organization", "name": "أمانة منطقة الجهراء" },
                { "kind": "Organization", "name": "إدارة الأرصاد الجوية" },
                { "kind": "Organization", "name": "غرفة تجارة وصناعة الجهراء" },
                { "kind": "Organization", "name": "كونا", "optional": true },
                { "kind": "Place", "name": "الجهراء" }
              ],
              "relations": [
                { "type": "STATED", "from": "إدارة الأرصاد الجوية", "claim": "الأمطار ستستمر حتى نهاية الأسبوع" }
              ]
            }
            """);
    }

    private static int Found(JsonNode split, string counter)
    {
        JsonNode c = split["counters"]![counter]!;
        return (int)c["tp"]! + (int)c["fn"]!;
    }

    private static string Canonical(string path) => JsonNode.Parse(File.ReadAllText(path))!.ToJsonString();

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
