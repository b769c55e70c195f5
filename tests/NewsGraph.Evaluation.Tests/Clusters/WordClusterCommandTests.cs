using System.Text;
using System.Text.Json;
using NewsGraph.Evaluation.Clusters;
using NewsGraph.Extraction.Ner;

namespace NewsGraph.Evaluation.Tests.Clusters;

public sealed class WordClusterCommandTests : IDisposable
{
    private static readonly string[] s_names = ["زهران", "قطيفان", "مرعي", "شحادة"];
    private static readonly string[] s_villages = ["الصفصاف", "العلالي", "النعيمة", "الحويجة"];

    private static readonly WordClusterOptions s_options = new() { Classes = 6, MinCount = 2, MaxIterations = 10 };

    private readonly string _directory = Directory.CreateTempSubdirectory("ng-clusters-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_TinyCorpus_PutsWordsOfOneRoleInOneCluster()
    {
        string corpus = WriteCorpus();
        string output = Path.Combine(_directory, "clusters.tsv");

        int exit = await WordClusterCommand.RunAsync(TextWriter.Null, [corpus], output, s_options);

        Assert.Equal(0, exit);
        NerWordClusters clusters = NerWordClusters.Read(File.OpenRead(output));
        string[] namePaths = s_names.Select(n => clusters.PathOf(n)!).ToArray();
        string[] villagePaths = s_villages.Select(v => clusters.PathOf(v)!).ToArray();
        Assert.Single(namePaths.Distinct());
        Assert.Single(villagePaths.Distinct());
        Assert.NotEqual(namePaths[0], villagePaths[0]);
        // Clitics stay on the word: "وقال" is a word of its own.
        Assert.NotNull(clusters.PathOf("وقال"));
    }

    [Fact]
    public async Task RunAsync_SameInput_WritesTheSameBytes_GzipWhenAsked()
    {
        string corpus = WriteCorpus();
        string first = Path.Combine(_directory, "first.tsv.gz");
        string second = Path.Combine(_directory, "second.tsv.gz");

        await WordClusterCommand.RunAsync(TextWriter.Null, [corpus], first, s_options);
        await WordClusterCommand.RunAsync(TextWriter.Null, [corpus], second, s_options);

        byte[] bytes = await File.ReadAllBytesAsync(first);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(second));
        Assert.Equal([0x1f, 0x8b], bytes[..2]);
        Assert.True(NerWordClusters.Read(new MemoryStream(bytes)).WordCount > 10);
    }

    [Fact]
    public async Task RunAsync_RareWords_AreNotListed()
    {
        string corpus = WriteCorpus(extra: "كلمة_نادرة_مرة_واحدة");
        string output = Path.Combine(_directory, "clusters.tsv");

        await WordClusterCommand.RunAsync(TextWriter.Null, [corpus], output, s_options);

        string text = await File.ReadAllTextAsync(output);
        Assert.DoesNotContain("نادره", text, StringComparison.Ordinal);
        Assert.All(
            text.Split('\n').Where(l => l.Length > 0 && l[0] != '#'),
            l => Assert.True(long.Parse(l.Split('\t')[2], System.Globalization.CultureInfo.InvariantCulture) >= s_options.MinCount));
    }

    [Fact]
    public async Task RunAsync_JsonLines_LeavesOutAnnotatedAndRepeatedArticles()
    {
        // Every article twice (the copy is skipped), and one article whose URL the draw lists.
        var lines = new List<string>();
        string[] documents = File.ReadAllLines(WriteCorpus());
        for (int i = 0; i < documents.Length; i++)
        {
            lines.Add(Json($"http://example.test/{i}", documents[i]));
            lines.Add(Json($"http://example.test/copy/{i}", documents[i]));
        }

        const string secret = "كلمةالمسودة";
        lines.Add(Json("http://example.test/drawn", string.Join(' ', Enumerable.Repeat(secret, 5))));
        string corpus = Path.Combine(_directory, "corpus.jsonl");
        await File.WriteAllLinesAsync(corpus, lines);
        var annotations = new AnnotationPaths(Path.Combine(_directory, "Annotations"));
        Directory.CreateDirectory(annotations.Corpus);
        await File.WriteAllTextAsync(annotations.DrawManifest, "id\tline\tsource\tmonth\tpool\tsplit\turl\tcontent_sha256\nsnn-1\t1\tx\t2015-07\trandom\tdev\thttp://example.test/drawn\t00\n");
        var log = new StringWriter();
        string output = Path.Combine(_directory, "clusters.tsv");

        int exit = await WordClusterCommand.RunAsync(log, [corpus], output, s_options, annotations);

        Assert.Equal(0, exit);
        Assert.Contains($"{documents.Length} documents ({documents.Length + 1} left out: annotated or repeated)", log.ToString(), StringComparison.Ordinal);
        NerWordClusters clusters = NerWordClusters.Read(File.OpenRead(output));
        Assert.Null(clusters.PathOf(secret));
        Assert.NotNull(clusters.PathOf(s_names[0]));
    }

    [Fact]
    public async Task RunAsync_MissingCorpus_FailsWithAMessage()
    {
        var log = new StringWriter();

        int exit = await WordClusterCommand.RunAsync(log, [Path.Combine(_directory, "none.jsonl")], Path.Combine(_directory, "out.tsv"), s_options);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: corpus file not found", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ObjectiveNeverFalls_AndEveryWordGetsAPath()
    {
        var builder = new WordClusterBuilder();
        foreach (string line in File.ReadAllLines(WriteCorpus()))
        {
            builder.AddText(line);
        }

        var objectives = new List<double>();
        IReadOnlyList<WordClusterEntry> entries = builder.Build(s_options with
        {
            Log = line =>
            {
                int at = line.IndexOf("objective ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    objectives.Add(double.Parse(line[(at + 10)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
                }
            },
        });

        Assert.True(objectives.Count >= 2);
        Assert.Equal(objectives.Order(), objectives);
        Assert.All(entries, e => Assert.Matches("^[01]+$", e.Path));
        Assert.Equal(entries.Count, entries.Select(e => e.Word).Distinct().Count());
        Assert.True(entries.Select(e => e.Path).Distinct().Count() <= s_options.Classes);
    }

    /// <summary>Invented news-like lines: four names and four villages, each in its own frames.</summary>
    private string WriteCorpus(string? extra = null)
    {
        var lines = new List<string>();
        for (int round = 0; round < 3; round++)
        {
            foreach (string name in s_names)
            {
                lines.Add($"وقال {name} إن المشروع اكتمل .");
                lines.Add($"وأكد {name} أن الموسم جيد .");
            }

            foreach (string village in s_villages)
            {
                lines.Add($"ووصل الوفد إلى {village} أمس .");
                lines.Add($"وزار المحافظ {village} أمس .");
            }
        }

        if (extra is not null)
        {
            lines.Add($"وقال {s_names[0]} إن {extra} كانت .");
        }

        // Distinct documents (repeated texts would be skipped as copies).
        for (int i = 0; i < lines.Count; i++)
        {
            lines[i] += (i % 2 == 0 ? " اليوم " : " غدا ") + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string path = Path.Combine(_directory, $"corpus-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
        return path;
    }

    private static string Json(string url, string content) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["source"] = "x", ["url"] = url, ["date_extracted"] = "2015-07-01", ["title"] = "t", ["content"] = content });
}
