using System.Text;
using NewsGraph.Extraction.Ner;

namespace NewsGraph.Extraction.Tests.Ner;

public sealed class NerCommandsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "newsgraph-ner-tests-" + Guid.NewGuid().ToString("N"));

    public NerCommandsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunTagAsync_ConllInput_EchoesTokensAndBlankLinesWithOneTagEach()
    {
        string input = "استقبل\nوزير\nالخارجية\nسامح\tB-PERS\tignored\nشكري\r\nفي\nالقاهرة\n.\n\n\nوقال\nالرئيس\n \n\tO\n";
        var output = new StringWriter();

        int exit = await NerCommands.RunTagAsync(new StringReader(input), output, CancellationToken.None);

        Assert.Equal(0, exit);
        string[] inLines = input.Replace("\r", string.Empty).TrimEnd('\n').Split('\n');
        string[] outLines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(inLines.Length, outLines.Length);
        for (int i = 0; i < inLines.Length; i++)
        {
            if (inLines[i].Length == 0)
            {
                Assert.Equal(string.Empty, outLines[i]);
                continue;
            }

            string token = inLines[i].Split('\t')[0];
            string[] fields = outLines[i].Split('\t');
            Assert.Equal(2, fields.Length);
            Assert.Equal(token, fields[0]);
        }

        string[] tags = outLines.Where(l => l.Length > 0).Select(l => l.Split('\t')[1]).ToArray();
        NerTestText.AssertValidBio(tags);
        Assert.Equal(["B-PERS", "I-PERS"], tags[3..5]);
    }

    [Fact]
    public async Task RunTagAsync_LongText_GivesTheSameTagsAsOneTagCall()
    {
        // Streaming flushes at block ends; the tags must not depend on that.
        var tokens = Enumerable.Range(0, 400).SelectMany(_ => NerTestText.Gold.Select(NerTestText.Parse).SelectMany(s => s.Tokens)).Take(6000).ToList();
        var output = new StringWriter();

        await NerCommands.RunTagAsync(new StringReader(string.Join('\n', tokens) + "\n"), output, CancellationToken.None);

        string[] streamed = output.ToString().TrimEnd('\n').Split('\n').Select(l => l.Split('\t')[1]).ToArray();
        Assert.Equal(NerTagger.LoadDefault().Tag(tokens), streamed);
    }

    [Fact]
    public async Task RunTrainAsync_SmallFile_WritesALoadableModel()
    {
        string data = await WriteCorpusAsync();
        string model = Path.Combine(_directory, "out", "tiny.model.gz");
        var output = new StringWriter();

        int exit = await NerCommands.RunTrainAsync(output, data, model, epochs: 5, seed: 3);

        Assert.Equal(0, exit);
        await using FileStream stream = File.OpenRead(model);
        NerModel loaded = NerModel.Load(stream);
        Assert.Contains("epochs 5; seed 3", loaded.Description, StringComparison.Ordinal);
        Assert.Contains("trained in", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunTrainAsync_MissingFile_FailsWithAMessage()
    {
        var output = new StringWriter();

        int exit = await NerCommands.RunTrainAsync(output, Path.Combine(_directory, "nope.tsv"), Path.Combine(_directory, "m.gz"));

        Assert.Equal(1, exit);
        Assert.StartsWith("error:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCrossValidationAsync_SmallFile_WritesFoldFilesAndScores()
    {
        string data = await WriteCorpusAsync();
        string folder = Path.Combine(_directory, "cv");
        var output = new StringWriter();

        int exit = await NerCommands.RunCrossValidationAsync(output, data, folds: 3, outputDirectory: folder, epochs: 3);

        Assert.Equal(0, exit);
        string report = output.ToString();
        Assert.Contains("pooled:", report, StringComparison.Ordinal);
        Assert.Contains("PERS  P=", report, StringComparison.Ordinal);
        int goldLines = File.ReadAllLines(Path.Combine(folder, "pooled.gold.tsv")).Length;
        Assert.Equal(File.ReadAllLines(data).Length, goldLines);
        Assert.Equal(goldLines, File.ReadAllLines(Path.Combine(folder, "pooled.pred.tsv")).Length);
        for (int fold = 1; fold <= 3; fold++)
        {
            Assert.Equal(
                File.ReadAllLines(Path.Combine(folder, $"fold{fold}.gold.tsv")).Select(l => l.Split('\t')[0]),
                File.ReadAllLines(Path.Combine(folder, $"fold{fold}.pred.tsv")).Select(l => l.Split('\t')[0]));
        }
    }

    [Fact]
    public async Task RunCrossValidationAsync_Shuffled_SaysSoAndTagsEverySentence()
    {
        string data = await WriteCorpusAsync();
        string folder = Path.Combine(_directory, "cv-shuffled");
        var output = new StringWriter();

        int exit = await NerCommands.RunCrossValidationAsync(output, data, folds: 3, outputDirectory: folder, epochs: 3, split: NerFoldSplit.Shuffled);

        Assert.Equal(0, exit);
        Assert.Contains("3-fold shuffled cross-validation", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllLines(data).Select(l => l.Split('\t')[0]).Order(StringComparer.Ordinal),
            File.ReadAllLines(Path.Combine(folder, "pooled.pred.tsv")).Select(l => l.Split('\t')[0]).Order(StringComparer.Ordinal));
    }

    private async Task<string> WriteCorpusAsync()
    {
        // ANERcorp layout: token<TAB>tag, no blank lines; sentences end at ".".
        var sentences = Enumerable.Range(0, 4).SelectMany(_ => NerTrainingTests.Tiny.Concat(NerTestText.Gold)).Select(NerTestText.Parse);
        string path = Path.Combine(_directory, "corpus.tsv");
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await using (writer)
        {
            await NerCorpus.WriteAsync(writer, sentences, CancellationToken.None);
        }

        return path;
    }
}
