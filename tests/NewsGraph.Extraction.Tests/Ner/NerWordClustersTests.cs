using System.IO.Compression;
using System.Text;
using NewsGraph.Extraction.Ner;

namespace NewsGraph.Extraction.Tests.Ner;

public sealed class NerWordClustersTests
{
    /// <summary>Invented names: persons under 0010…, villages under 1100…; the context alone cannot tell them apart.</summary>
    private const string ClusterText = """
        # a comment line
        001000	زهران	40
        001000	قطيفان	30
        001011	مرعي	25
        001011	بطاينه	9
        110000	صفصاف	12
        110000	علالي	11
        110011	نعيمه	8
        110011	حويجه	7
        0111	زار	500
        0111	امس	400
        """;

    private static readonly NerTrainingOptions s_options = new() { Epochs = 10, Seed = 3, MinFeatureCount = 1, Shuffles = 1, SecondStage = false };

    [Fact]
    public void Parse_ListsWordsByTheirKeyForm()
    {
        NerWordClusters clusters = NerWordClusters.Parse(ClusterText);

        Assert.Equal(10, clusters.WordCount);
        Assert.Equal(["001000", "001011", "110000", "110011", "0111"], clusters.Paths);
        Assert.Equal("001000", clusters.PathOf("زهران"));
        // Looked up as the tagger normalizes: diacritics, alef forms and ta marbuta folded.
        Assert.Equal("001011", clusters.PathOf("بطاينة"));
        Assert.Equal("110011", clusters.PathOf("نُعيمة"));
        Assert.Null(clusters.PathOf("القاهرة"));
        Assert.Null(clusters.PathOf(null));
    }

    [Fact]
    public void KeyOf_IsTheTaggersNormalizedForm()
    {
        Assert.Equal("احمد", NerWordClusters.KeyOf("أَحمد"));
        Assert.Equal("والرئيس", NerWordClusters.KeyOf("والرئيس"));
        Assert.Equal("،", NerWordClusters.KeyOf("،"));
        Assert.Equal("<empty>", NerWordClusters.KeyOf(string.Empty));
    }

    [Fact]
    public void Read_GzipOrPlain_GiveTheSameClustersAndFingerprint()
    {
        byte[] plain = Encoding.UTF8.GetBytes(ClusterText);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        NerWordClusters fromPlain = NerWordClusters.Read(new MemoryStream(plain));
        NerWordClusters fromGzip = NerWordClusters.Read(new MemoryStream(compressed.ToArray()));

        Assert.Equal(fromPlain.Fingerprint, fromGzip.Fingerprint);
        Assert.Equal(64, fromPlain.Fingerprint.Length);
        Assert.Equal(fromPlain.Paths, fromGzip.Paths);
        Assert.NotEqual(fromPlain.Fingerprint, NerWordClusters.Parse(ClusterText + "\n1111\tجديد\t3\n").Fingerprint);
    }

    [Theory]
    [InlineData("0101\tكلمة")]
    [InlineData("01a1\tكلمة\t3")]
    [InlineData("0101\tكلمة\t0")]
    [InlineData("\tكلمة\t3")]
    public void Parse_BadLine_ThrowsInvalidData(string line)
    {
        Assert.Throws<InvalidDataException>(() => NerWordClusters.Parse("0000\tفي\t9\n" + line + "\n"));
    }

    [Fact]
    public void Empty_ListsNothingAndHasNoFingerprint()
    {
        Assert.Equal(0, NerWordClusters.Empty.WordCount);
        Assert.Equal(string.Empty, NerWordClusters.Empty.Fingerprint);
        Assert.Null(NerWordClusters.Empty.PathOf("زهران"));
    }

    [Fact]
    public void LoadDefault_EmbeddedClusters_ListManyWordsAndPlaceCommonNames()
    {
        NerWordClusters clusters = NerWordClusters.LoadDefault();

        Assert.True(clusters.WordCount > 50_000);
        Assert.True(clusters.Paths.Count > 500);
        Assert.NotNull(clusters.PathOf("محمد"));
        Assert.NotNull(clusters.PathOf("الرياض"));
        // Given names share more of their path with each other than with a city.
        Assert.True(SharedPrefix(clusters.PathOf("محمد")!, clusters.PathOf("عبدالله")!) > SharedPrefix(clusters.PathOf("محمد")!, clusters.PathOf("الرياض")!));
    }

    [Fact]
    public void Train_WithClusters_TagsUnseenWordsLikeTheirClusterMates()
    {
        // Training shows two persons and two villages in the same frame: "زار X امس".
        var data = TwoPersonsAndTwoVillagesInOneFrame();
        NerWordClusters clusters = NerWordClusters.Parse(ClusterText);

        var tagger = new NerTagger(NerTraining.Train(data, s_options with { Clusters = clusters }));

        // قطيفان shares a cluster with زهران, بطاينه only the 4-bit prefix 0010 with both persons; likewise the villages.
        Assert.Equal(["O", "B-PERS", "O", "O"], tagger.Tag(["زار", "قطيفان", "امس", "."]));
        Assert.Equal(["O", "B-PERS", "O", "O"], tagger.Tag(["زار", "بطاينة", "امس", "."]));
        Assert.Equal(["O", "B-LOC", "O", "O"], tagger.Tag(["زار", "نعيمة", "امس", "."]));
        Assert.Equal(["O", "B-LOC", "O", "O"], tagger.Tag(["زار", "حويجه", "امس", "."]));
    }

    [Fact]
    public void Train_WithClusters_LooksUpTheFormWithoutProclitics()
    {
        var data = new[]
        {
            "زار [PERS زهران] امس .",
            "زار [LOC صفصاف] امس .",
        }.Select(NerTestText.Parse).ToList();
        NerWordClusters clusters = NerWordClusters.Parse(ClusterText);

        var tagger = new NerTagger(NerTraining.Train(data, s_options with { Clusters = clusters }));

        // Neither "وقطيفان" nor "وعلالي" is listed; without و each is, in the cluster of the
        // person (زهران) or the village (صفصاف) the tagger was trained on.
        Assert.Equal(["O", "B-PERS", "O", "O"], tagger.Tag(["زار", "وقطيفان", "امس", "."]));
        Assert.Equal(["O", "B-LOC", "O", "O"], tagger.Tag(["زار", "وعلالي", "امس", "."]));
    }

    [Fact]
    public void SaveLoad_ModelWithClusters_NeedsTheSameClusters()
    {
        var data = NerTrainingTests.Tiny.Select(NerTestText.Parse).ToList();
        NerWordClusters clusters = NerWordClusters.Parse(ClusterText);
        NerModel model = NerTraining.Train(data, s_options with { Clusters = clusters });
        byte[] bytes = NerTrainingTests.Save(model);

        NerModel loaded = NerModel.Load(new MemoryStream(bytes), clusters);

        Assert.Equal(clusters.Fingerprint, loaded.Clusters.Fingerprint);
        Assert.Equal(bytes, NerTrainingTests.Save(loaded));
        Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes)));
        Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes), NerWordClusters.Empty));
        Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes), NerWordClusters.Parse(ClusterText + "\n1111\tجديد\t3\n")));
    }

    [Fact]
    public void SaveLoad_ModelWithoutClusters_LoadsWithoutThem()
    {
        var data = NerTrainingTests.Tiny.Select(NerTestText.Parse).ToList();
        NerModel model = NerTraining.Train(data, s_options with { Clusters = NerWordClusters.Empty });

        NerModel loaded = NerModel.Load(new MemoryStream(NerTrainingTests.Save(model)));

        Assert.Same(NerWordClusters.Empty, loaded.Clusters);
    }

    [Fact]
    public void LoadDefault_EmbeddedModel_UsesTheEmbeddedClusters()
    {
        NerModel model = NerModel.LoadDefault();

        Assert.Equal(NerWordClusters.LoadDefault().Fingerprint, model.Clusters.Fingerprint);
        Assert.NotEmpty(model.Clusters.Fingerprint);
    }

    [Fact]
    public void WithExtras_TagsByTheFurtherClustering_AndTheModelNeedsAllOfThem()
    {
        // The first clustering cannot tell the invented names apart (one cluster); the further one can.
        const string Flat = "0000\tزهران\t40\n0000\tقطيفان\t30\n0000\tمرعي\t25\n0000\tصفصاف\t12\n0000\tعلالي\t11\n0000\tحويجه\t7\n0111\tزار\t500\n0111\tامس\t400\n";
        var data = TwoPersonsAndTwoVillagesInOneFrame();
        NerWordClusters first = NerWordClusters.Parse(Flat);
        NerWordClusters extra = NerWordClusters.Parse(ClusterText);
        NerWordClusters both = first.WithExtras([extra]);

        NerModel model = NerTraining.Train(data, s_options with { Clusters = both });
        var tagger = new NerTagger(model);

        Assert.Equal([extra], both.Extras);
        Assert.Equal(first.Fingerprint + "+" + extra.Fingerprint, both.Fingerprint);
        Assert.Same(first, first.WithExtras([]));
        Assert.Equal(["O", "B-PERS", "O", "O"], tagger.Tag(["زار", "قطيفان", "امس", "."]));
        Assert.Equal(["O", "B-LOC", "O", "O"], tagger.Tag(["زار", "حويجه", "امس", "."]));
        byte[] bytes = NerTrainingTests.Save(model);
        Assert.Equal(bytes, NerTrainingTests.Save(NerModel.Load(new MemoryStream(bytes), first.WithExtras([extra]))));
        Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes), first));
        Assert.Throws<ArgumentException>(() => both.WithExtras([extra]));
        Assert.Throws<ArgumentException>(() => NerWordClusters.Empty.WithExtras([extra]));
    }

    [Fact]
    public void Binarized_TagsByTheClearDimensions_AndRejectsOddCodes()
    {
        // Three dimensions, written as "positive flags, negative flags": persons are clearly
        // positive in all three, villages clearly negative (مرعي and علالي in two of them); زار
        // and امس say nothing. The first clustering cannot tell the names apart.
        const string Flat = "0000\tزهران\t40\n0000\tقطيفان\t30\n0000\tمرعي\t25\n0000\tصفصاف\t12\n0000\tعلالي\t11\n0000\tحويجه\t7\n0111\tزار\t500\n0111\tامس\t400\n";
        const string Binary = "# kind: binarized\n111000\tزهران\t40\n111000\tقطيفان\t30\n110000\tمرعي\t25\n000111\tصفصاف\t12\n000011\tعلالي\t11\n000111\tحويجه\t7\n000000\tزار\t500\n000000\tامس\t400\n";
        NerWordClusters binary = NerWordClusters.Parse(Binary);
        NerWordClusters both = NerWordClusters.Parse(Flat).WithExtras([binary]);

        var tagger = new NerTagger(NerTraining.Train(TwoPersonsAndTwoVillagesInOneFrame(), s_options with { Clusters = both }));

        Assert.True(binary.Binarized);
        Assert.False(NerWordClusters.Parse(Flat).Binarized);
        Assert.Equal("110000", binary.PathOf("مرعي"));
        Assert.Equal(["O", "B-PERS", "O", "O"], tagger.Tag(["زار", "قطيفان", "امس", "."]));
        Assert.Equal(["O", "B-LOC", "O", "O"], tagger.Tag(["زار", "حويجه", "امس", "."]));
        Assert.Throws<InvalidDataException>(() => NerWordClusters.Parse("# kind: binarized\n101\tزار\t5\n"));
    }

    [Fact]
    public void LoadDefault_EmbeddedClusters_HaveTheFurtherClustering()
    {
        NerWordClusters clusters = NerWordClusters.LoadDefault();

        Assert.Equal(2, clusters.Extras.Count);
        Assert.True(clusters.Extras[0].WordCount > clusters.WordCount);
        Assert.NotNull(clusters.Extras[0].PathOf("محمد"));
        Assert.False(clusters.Extras[0].KeyedByStem);
        Assert.True(clusters.Extras[1].KeyedByStem);
        Assert.NotNull(clusters.Extras[1].PathOf(NerWordClusters.StemKeyOf("والرياض")));
    }

    private static int SharedPrefix(string a, string b)
    {
        int k = 0;
        while (k < a.Length && k < b.Length && a[k] == b[k])
        {
            k++;
        }

        return k;
    }

    /// <summary>Two persons and two villages in the same frame, "زار X امس": only clusters can tell unseen names apart.</summary>
    private static List<TaggedSentence> TwoPersonsAndTwoVillagesInOneFrame() =>
        new[]
        {
            "زار [PERS زهران] امس .",
            "زار [LOC صفصاف] امس .",
            "زار [PERS مرعي] امس .",
            "زار [LOC علالي] امس .",
        }.Select(NerTestText.Parse).ToList();
}
