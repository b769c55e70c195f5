using NewsGraph.Evaluation.Corpus;
using NewsGraph.Evaluation.Gold;

namespace NewsGraph.Evaluation.Tests;

public sealed class StandoffGoldTests
{
    private const string Content = "استقبل الوزير سامي الحربي نظيره خالد العمري.\nوقال الحربي إن البلدين يعملان على توسيع التعاون.";

    private static readonly DrawnArticle s_drawn = new("snn-00042", 42, "paper", "2015-07", "meeting", "train", "http://example.test/42", CorpusFile.ContentHash(Content));

    private static readonly GoldDocument s_gold = new(
        "snn-00042.txt",
        [new GoldEntity("Person", "سامي الحربي", ["الحربي"]), new GoldEntity("Person", "خالد العمري")],
        [new GoldRelation("MET", "سامي الحربي", To: "خالد العمري"), new GoldRelation("STATED", "سامي الحربي", Claim: "توسيع التعاون", Optional: true)],
        Annotator: "a1");

    [Fact]
    public void FromGold_KeepsNamesAndReplacesClaimsBySpans_WithNoArticleText()
    {
        StandoffGold standoff = StandoffGold.FromGold(s_gold, s_drawn, Content);
        string json = standoff.ToJson();

        Assert.Contains("\"line\": 42", json.Replace(":42", ": 42", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("سامي الحربي", json, StringComparison.Ordinal);
        Assert.DoesNotContain("توسيع التعاون", json, StringComparison.Ordinal);
        Assert.Equal(new ClaimSpan(Content.IndexOf("توسيع", StringComparison.Ordinal), "توسيع التعاون".Length), standoff.Relations[1].Claim);
    }

    [Fact]
    public void Rehydrate_AfterASaveAndLoad_GivesBackTheAnnotatorsGold()
    {
        StandoffGold loaded = StandoffGold.Parse(StandoffGold.FromGold(s_gold, s_drawn, Content).ToJson(), "test");
        GoldDocument back = loaded.Rehydrate(Content);

        Assert.Equal(s_gold.Article, back.Article);
        Assert.Equal(s_gold.Entities, back.Entities, (a, b) => a.Name == b.Name && a.Kind == b.Kind && (a.Aliases ?? []).SequenceEqual(b.Aliases ?? []));
        Assert.Equal(s_gold.Relations, back.Relations);
    }

    [Fact]
    public void Rehydrate_RefusesACorpusLineThatNoLongerHoldsTheArticle()
    {
        StandoffGold standoff = StandoffGold.FromGold(s_gold, s_drawn, Content);
        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => standoff.Rehydrate(Content + " تعديل"));
        Assert.Contains("content hash differs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromGold_NamesTheClaimPhraseItCannotFind()
    {
        GoldDocument bad = s_gold with { Relations = [new GoldRelation("STATED", "سامي الحربي", Claim: "عبارة لم ترد")] };
        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => StandoffGold.FromGold(bad, s_drawn, Content));
        Assert.Contains("عبارة لم ترد", ex.Message, StringComparison.Ordinal);
    }
}
