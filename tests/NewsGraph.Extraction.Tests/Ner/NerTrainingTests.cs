using NewsGraph.Extraction.Ner;

namespace NewsGraph.Extraction.Tests.Ner;

public sealed class NerTrainingTests
{
    /// <summary>A handful of invented sentences; names chosen so that no gazetteer lists them.</summary>
    internal static readonly string[] Tiny =
    [
        "قال [PERS زهران قطيفان] في [LOC بلدة الصفصاف] إن المشروع اكتمل .",
        "وأعلنت [ORG شركة الندى للتقنية] عن منتج جديد في [LOC بلدة الصفصاف] .",
        "والتقى [PERS زهران قطيفان] بممثلي [ORG شركة الندى للتقنية] أمس .",
        "وأكد [PERS مرعي البطاينة] أن [ORG جمعية الوادي الأخضر] ستدعم المزارعين .",
        "وزار [PERS مرعي البطاينة] [LOC قرية العلالي] لتفقد المحاصيل .",
        "يذكر أن الموسم كان جيدا هذا العام .",
    ];

    private static readonly NerTrainingOptions s_tinyOptions = new() { Epochs = 10, Seed = 7, MinFeatureCount = 1, Shuffles = 2 };

    [Fact]
    public void Train_TinyCorpus_LearnsItsOwnSentences()
    {
        var data = Tiny.Select(NerTestText.Parse).ToList();

        var tagger = new NerTagger(NerTraining.Train(data, s_tinyOptions));

        foreach (TaggedSentence sentence in data)
        {
            Assert.Equal(sentence.Tags, tagger.Tag(sentence.Tokens));
        }
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesByteIdenticalModels()
    {
        var data = Tiny.Select(NerTestText.Parse).ToList();

        byte[] first = Save(NerTraining.Train(data, s_tinyOptions));
        byte[] second = Save(NerTraining.Train(data, s_tinyOptions));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_DifferentSeed_ChangesTheShuffleAndSoTheWeights()
    {
        var data = Tiny.Select(NerTestText.Parse).ToList();

        byte[] first = Save(NerTraining.Train(data, s_tinyOptions));
        byte[] other = Save(NerTraining.Train(data, s_tinyOptions with { Seed = 8 }));

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void SaveLoad_RoundTrip_KeepsTagsAndBytes()
    {
        var data = Tiny.Select(NerTestText.Parse).ToList();
        NerModel model = NerTraining.Train(data, s_tinyOptions with { Description = "round trip" });
        byte[] bytes = Save(model);

        NerModel loaded = NerModel.Load(new MemoryStream(bytes));

        Assert.Equal("round trip", loaded.Description);
        Assert.Equal(model.Tags, loaded.Tags);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.Equal(model.Gazetteer.Entries, loaded.Gazetteer.Entries);
        Assert.Equal(bytes, Save(loaded));
        foreach (TaggedSentence sentence in data)
        {
            Assert.Equal(new NerTagger(model).Tag(sentence.Tokens), new NerTagger(loaded).Tag(sentence.Tokens));
        }
    }

    [Fact]
    public void LoadDefault_EmbeddedModel_LoadsWithThreeTypesAndItsGazetteer()
    {
        NerModel model = NerModel.LoadDefault();

        Assert.Contains("B-PERS", model.Tags);
        Assert.Contains("I-LOC", model.Tags);
        Assert.Contains("B-ORG", model.Tags);
        Assert.True(model.Gazetteer.Entries.Count > 1000);
        Assert.Contains("ANERCorp", model.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 })]
    public void Load_NotAModel_ThrowsInvalidData(byte[] bytes)
    {
        Assert.ThrowsAny<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Load_TruncatedModel_ThrowsInvalidData()
    {
        byte[] bytes = Save(NerTraining.Train(Tiny.Select(NerTestText.Parse), s_tinyOptions));

        Assert.ThrowsAny<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));
    }

    [Fact]
    public void Train_MiscAndInvalidBio_AreHandled()
    {
        // MISC is learned but reported as O; an I- that starts a span is read as B-.
        var data = new List<TaggedSentence>
        {
            new(["زار", "وفد", "فرنسي", "مهرجان", "قرطاج", "."], ["O", "O", "B-MISC", "O", "I-LOC", "O"]),
        };

        var tagger = new NerTagger(NerTraining.Train(data, s_tinyOptions));
        IReadOnlyList<string> tags = tagger.Tag(data[0].Tokens);

        Assert.Equal(["O", "O", "O", "O", "B-LOC", "O"], tags);
    }

    internal static byte[] Save(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
