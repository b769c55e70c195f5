using NewsGraph.Evaluation.Corpus;
using NewsGraph.Evaluation.Gold;

namespace NewsGraph.Evaluation.Tests;

public sealed class CorpusDrawTests
{
    private static readonly (string Pool, string Cue)[] s_cues =
    [
        (CorpusDraw.Membership, "عضويه"), (CorpusDraw.Meeting, "استقبل"), (CorpusDraw.Statement, "قال"),
    ];

    /// <summary>Four papers over two months, with texts of every pool; one duplicate and one excluded URL.</summary>
    private static List<CorpusArticle> Corpus()
    {
        string[] bodies =
        [
            "وقال المتحدث إن الاجتماع كان مثمرا في كل ما بحثه الطرفان من مسائل.",
            "واستقبل الأمير ضيفه في قصره مساء أمس وبحثا العلاقات الثنائية بين البلدين.",
            "وطلبت الدولة عضوية المنظمة رسميا في اجتماعها الأخير الذي عقد في العاصمة.",
            "وارتفعت أسعار الخضار في الأسواق المحلية مع بداية الموسم الصيفي الحار جدا.",
        ];
        var corpus = new List<CorpusArticle>();
        int line = 0;
        foreach (string paper in new[] { "alpha", "beta", "gamma", "delta" })
        {
            for (int i = 0; i < 40; i++)
            {
                string month = i / 4 % 2 == 0 ? "2015-07" : "2015-08";
                corpus.Add(new CorpusArticle(line++, paper, $"http://example.test/{paper}/{i}", month + "-01 10:00:00", "t", bodies[i % 4] + $" رقم {paper} {i}"));
            }
        }

        corpus.Add(corpus[0] with { Line = line++, Url = "http://example.test/copy" });
        return corpus;
    }

    private static CorpusDraw Draw(int seed = 7) =>
        new(new DrawSettings(Seed: seed, PerCuePool: 10, Random: 15, MinChars: 10), s_cues, new HashSet<string> { "http://example.test/alpha/1" });

    [Fact]
    public void Draw_IsTheSameEveryTime_AndChangesWithTheSeed()
    {
        Assert.Equal(Draw().Draw(Corpus()), Draw().Draw(Corpus()));
        Assert.NotEqual(Draw().Draw(Corpus()).Select(d => d.Line), Draw(seed: 8).Draw(Corpus()).Select(d => d.Line));
    }

    [Fact]
    public void Draw_FillsEachPoolFromArticlesWithItsCues_AndTakesTheRandomThirdFromAllTheRest()
    {
        IReadOnlyList<DrawnArticle> drawn = Draw().Draw(Corpus());
        Dictionary<int, CorpusArticle> byLine = Corpus().ToDictionary(a => a.Line);

        Assert.Equal(45, drawn.Count);
        Assert.Equal(45, drawn.Select(d => d.Line).Distinct().Count());
        Assert.All(drawn.Where(d => d.Pool == CorpusDraw.Membership), d => Assert.Contains("عضوية", byLine[d.Line].Content, StringComparison.Ordinal));
        Assert.All(drawn.Where(d => d.Pool == CorpusDraw.Meeting), d => Assert.Contains("استقبل", byLine[d.Line].Content, StringComparison.Ordinal));
        Assert.Equal(15, drawn.Count(d => d.Pool == CorpusDraw.Random));
    }

    [Fact]
    public void Draw_SpreadsEachCuePoolOverEveryPaperAndMonth()
    {
        IReadOnlyList<DrawnArticle> meeting = Draw().Draw(Corpus()).Where(d => d.Pool == CorpusDraw.Meeting).ToList();

        Assert.Equal(4, meeting.Select(d => d.Source).Distinct().Count());
        Assert.InRange(meeting.Count(d => d.Month == "2015-07"), 1, 9);
    }

    [Fact]
    public void Draw_LeavesOutExcludedUrlsAndSecondCopies()
    {
        IReadOnlyList<DrawnArticle> drawn = Draw().Draw(Corpus());

        Assert.DoesNotContain(drawn, d => d.Url is "http://example.test/alpha/1" or "http://example.test/copy");
    }

    [Fact]
    public void Draw_GivesAFifthOfEachPoolToBlindAndAFifthToDev()
    {
        IReadOnlyList<DrawnArticle> drawn = Draw().Draw(Corpus());

        foreach (IGrouping<string, DrawnArticle> pool in drawn.GroupBy(d => d.Pool))
        {
            Assert.Equal((int)Math.Round(pool.Count() * 0.2), pool.Count(d => d.Split == Splits.Blind));
            Assert.Equal((int)Math.Round(pool.Count() * 0.2), pool.Count(d => d.Split == Splits.Dev));
        }
    }

    [Fact]
    public void Manifest_RoundTrips()
    {
        IReadOnlyList<DrawnArticle> drawn = Draw().Draw(Corpus());
        Assert.Equal(drawn, DrawManifest.Parse(DrawManifest.Format(drawn)));
    }

    [Fact]
    public void ExtensionDraw_TakesTrainOnly_AndNeverAnEarlierArticleItsCopyOrANearCopy()
    {
        List<CorpusArticle> corpus = Corpus();
        IReadOnlyList<DrawnArticle> first = Draw().Draw(corpus);
        CorpusArticle earlier = corpus.First(a => a.Line == first[0].Line);
        string longText = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"كلمة{i}"));
        corpus[first[0].Line] = earlier with { Content = longText };
        int exact = corpus.Count, near = corpus.Count + 1;
        corpus.Add(earlier with { Line = exact, Url = "http://example.test/exact" });
        corpus.Add(earlier with { Line = near, Url = "http://example.test/near", Content = longText + " وأضاف المصدر" });
        var extension = new CorpusDraw(DrawSettings.Extension(2) with { PerCuePool = 10, Random = 200, MinChars = 10 }, s_cues, new HashSet<string> { "http://example.test/alpha/1" }, first);

        IReadOnlyList<DrawnArticle> drawn = extension.Draw(corpus);

        Assert.NotEmpty(drawn);
        Assert.All(drawn, d => Assert.Equal(Splits.Train, d.Split));
        Assert.Empty(drawn.Select(d => d.Line).Intersect(first.Select(d => d.Line)));
        Assert.DoesNotContain(drawn, d => d.Line == exact || d.Line == near);
        Assert.Equal(corpus.Count - first.Count - 2 - 1, drawn.Count); // every other article, less the corpus's own second copy
    }

    [Fact]
    public void AssignWrittenSplits_GivesEachAgencyAThirdBlindAndASixthDev_ByNameAlone()
    {
        string[] files = [.. Enumerable.Range(1, 12).Select(i => $"sana-{i:D2}.txt"), .. Enumerable.Range(1, 12).Select(i => $"kuna-{i:D2}.txt")];
        IReadOnlyDictionary<string, string> split = GoldImport.AssignWrittenSplits(files);

        Assert.Equal(split, GoldImport.AssignWrittenSplits(files.Reverse()));
        foreach (string agency in new[] { "sana", "kuna" })
        {
            Assert.Equal(4, split.Count(s => s.Key.StartsWith(agency, StringComparison.Ordinal) && s.Value == Splits.Blind));
            Assert.Equal(2, split.Count(s => s.Key.StartsWith(agency, StringComparison.Ordinal) && s.Value == Splits.Dev));
        }
    }

    [Fact]
    public async Task ImportWrittenAsync_ForTraining_PutsNewArticlesInTrain_AndAStoredArticleKeepsItsSplit()
    {
        string root = Path.Combine(Path.GetTempPath(), "newsgraph-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            var paths = new AnnotationPaths(Path.Combine(root, "Annotations"));
            string[] firstBatch = [.. Enumerable.Range(1, 12).Select(i => $"sana-{i:D2}.txt")];
            IReadOnlyDictionary<string, string> drawn = GoldImport.AssignWrittenSplits(firstBatch);
            string blindOne = drawn.First(p => p.Value == Splits.Blind).Key;
            await new GoldImport(paths).ImportWrittenAsync(WriteBatch(Path.Combine(root, "first"), firstBatch), Path.Combine(root, "first"), agreement: false);

            // The second batch: twelve new articles and a corrected gold file of a blind one.
            string[] secondBatch = [.. Enumerable.Range(13, 12).Select(i => $"sana-{i:D2}.txt"), blindOne];
            await new GoldImport(paths).ImportWrittenAsync(WriteBatch(Path.Combine(root, "second"), secondBatch), Path.Combine(root, "second"), agreement: false, trainOnly: true);

            foreach (string file in secondBatch.Take(12))
            {
                Assert.True(File.Exists(Path.Combine(paths.Written, Splits.Train, "articles", file)), file);
                Assert.True(File.Exists(Path.Combine(paths.Written, Splits.Train, "gold", Path.ChangeExtension(file, ".json"))), file);
            }

            Assert.True(File.Exists(Path.Combine(paths.Written, Splits.Blind, "articles", blindOne)));
            Assert.False(File.Exists(Path.Combine(paths.Written, Splits.Train, "articles", blindOne)));
            Assert.Equal(
                firstBatch.Count(f => drawn[f] == Splits.Blind),
                Directory.GetFiles(Path.Combine(paths.Written, Splits.Blind, "articles")).Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        static string WriteBatch(string dir, IEnumerable<string> files)
        {
            Directory.CreateDirectory(dir);
            foreach (string file in files)
            {
                File.WriteAllText(Path.Combine(dir, file), "دمشق-سانا\nالتقى سمير حداد رامي خوري.");
                File.WriteAllText(Path.Combine(dir, Path.ChangeExtension(file, ".json")),
                    $$"""{"article": "{{file}}", "entities": [{"kind": "Person", "name": "سمير حداد"}], "relations": []}""");
            }

            return dir;
        }
    }
}
