using NewsGraph.Core.Graph;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Training;
using NewsGraph.Extraction;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Tests;

public sealed class SpanTrainingTests
{
    private static readonly ArabicArticleExtractor s_proposer =
        ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules, LearnedEntities: false));

    [Fact]
    public void Label_MarksTheSpanWhoseTextIsAGoldOrganization_AndNoOther()
    {
        // Written for this test; the gold names the organization by an alias with different hamza and ta marbuta.
        var article = new EvalArticle("w-1", Parts.Written, "spa", "train",
            "الرياض - واس\nأعلنت أمانة منطقة الباحة أن أعمال صيانة الطرق ستنتهي الشهر المقبل.",
            new GoldDocument("w-1.txt", [new GoldEntity("Organization", "امانة الباحة", Aliases: ["امانه منطقه الباحه"]), new GoldEntity("Place", "الباحة")], []));

        SpanTrainer.SpanGroup group = Assert.Single(SpanTrainer.Label([article], s_proposer));

        (SpanView span, bool label) = Assert.Single(group.Spans, s => s.Label);
        Assert.Equal("أمانة منطقة الباحة", span.Text);
        Assert.True(group.Spans.Count > 1);
    }

    [Fact]
    public void Label_Persons_MarksTheSlotSpanWhoseTextIsAGoldPerson()
    {
        // Written for this test: a speaker no title or first-name list announces.
        var article = new EvalArticle("w-2", Parts.Written, "reuters", "train",
            "لندن - رويترز\nوقالت لها ويلما تانسي إن الطريق إلى الحل ما زال طويلا.",
            new GoldDocument("w-2.txt", [new GoldEntity("Person", "ويلما تانسي"), new GoldEntity("Place", "لندن")], []));
        ArabicArticleExtractor proposer = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules, LearnedPersons: false));

        SpanTrainer.SpanGroup group = Assert.Single(SpanTrainer.Label([article], proposer, NodeKind.Person));

        (SpanView span, _) = Assert.Single(group.Spans, s => s.Label);
        Assert.Equal("ويلما تانسي", span.Text);
        Assert.Contains(group.Spans, s => s.Span.Text == "ويلما" && !s.Label);
    }

    [Fact]
    public void ScoreAt_CountsTheLikeliestSpanPerHead_AgainstTheGold()
    {
        static SpanView Span(int start, int end, string feature) => new(0, start, end, "x", [feature], 0, false);
        var right = new SpanTrainer.SpanGroup("a", [(Span(0, 2, "short"), false), (Span(0, 3, "good"), true)]);
        var wrongChoice = new SpanTrainer.SpanGroup("a", [(Span(5, 7, "good"), false), (Span(5, 8, "short"), true)]);
        var nothingGold = new SpanTrainer.SpanGroup("b", [(Span(1, 3, "bad"), false)]);
        var model = new SpanModel(0, new Dictionary<string, double> { ["good"] = 3, ["short"] = -1, ["bad"] = -3 }, 0.5);

        var counts = SpanTrainer.ScoreAt([right, wrongChoice, nothingGold], model);

        Assert.Equal((1, 1, 1), (counts.Tp, counts.Fp, counts.Fn));
    }
}
