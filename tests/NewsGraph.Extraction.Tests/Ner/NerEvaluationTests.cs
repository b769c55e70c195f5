using NewsGraph.Extraction.Ner;

namespace NewsGraph.Extraction.Tests.Ner;

public sealed class NerEvaluationTests
{
    [Fact]
    public void Score_ExactSpansOnly_CountAsTruePositives()
    {
        string[] gold = ["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG"];
        string[] predicted = ["B-PERS", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG"];

        NerScore score = NerEvaluation.Score(gold, predicted);

        Assert.Equal(new NerClassScore("PERS", 0, 1, 1), score.Classes[0]);
        Assert.Equal(new NerClassScore("LOC", 1, 0, 0), score.Classes[1]);
        Assert.Equal(new NerClassScore("ORG", 1, 0, 0), score.Classes[2]);
        Assert.Equal(2.0 / 3, score.Overall.Precision, 6);
    }

    [Fact]
    public void Spans_LikeScoreNerPy_IAfterOOpensASpanAndMiscIsIgnored()
    {
        string[] tags = ["I-LOC", "I-LOC", "O", "B-MISC", "I-MISC", "I-PERS", "B-PERS", "I-ORG"];

        var spans = NerEvaluation.Spans(tags);

        Assert.Equal([(0, 2, "LOC"), (5, 6, "PERS"), (6, 7, "PERS"), (7, 8, "ORG")], spans.OrderBy(s => s.Start));
    }

    [Fact]
    public void Repair_InsideWithoutBegin_BecomesBegin()
    {
        string[] repaired = NerTags.Repair(["O", "I-LOC", "I-LOC", "B-PERS", "I-ORG", "weird", "I-PERS"], out int count);

        Assert.Equal(["O", "B-LOC", "I-LOC", "B-PERS", "B-ORG", "O", "B-PERS"], repaired);
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task ReadAsync_AnercorpLayout_SplitsAfterDotsAndAtBlankLines()
    {
        string text = "قال\tO\nسمير\tB-PERS\n.\tO\nفي\tO\nحلب\tB-LOC\n\nوأضاف\tO\n";

        IReadOnlyList<TaggedSentence> sentences = await NerCorpus.ReadAsync(new StringReader(text), CancellationToken.None);

        Assert.Equal(3, sentences.Count);
        Assert.Equal(["قال", "سمير", "."], sentences[0].Tokens);
        Assert.Equal(["O", "B-LOC"], sentences[1].Tags);
        Assert.Equal(["وأضاف"], sentences[2].Tokens);
    }
}
