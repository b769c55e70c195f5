using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Scoring;
using NewsGraph.Evaluation.Training;

namespace NewsGraph.Evaluation.Tests;

public sealed class TrainingTests
{
    private static readonly (IReadOnlyList<string> Features, bool Label)[] s_examples =
    [
        (["rule", "verb=قال"], true), (["rule", "verb=اكد"], true), (["rule", "verb=قال"], true), (["rule-none", "verb=قال"], false),
        (["rule-none", "verb=اكد"], false), (["rule-other", "verb=قال"], false), (["rule", "verb=اشاد"], false), (["rule-none", "verb=اشاد"], false),
    ];

    [Fact]
    public void Fit_LearnsThatTheRuleFeatureSignalsAPositive()
    {
        (double bias, Dictionary<string, double> weights) = new LogisticRegression(l2: 0.1).Fit(s_examples);

        Assert.True(weights["rule"] > 0.5, $"rule weight {weights["rule"]}");
        Assert.True(weights["rule-none"] < 0, $"rule-none weight {weights["rule-none"]}");
        Assert.True(LogisticRegression.Sigmoid(bias + weights["rule"] + weights["verb=قال"]) > 0.7);
    }

    [Fact]
    public void Fit_IsReproducibleToTheLastDigit_AndStrongerL2ShrinksWeights()
    {
        (double b1, Dictionary<string, double> w1) = new LogisticRegression(l2: 1).Fit(s_examples);
        (double b2, Dictionary<string, double> w2) = new LogisticRegression(l2: 1).Fit(s_examples);
        (_, Dictionary<string, double> strong) = new LogisticRegression(l2: 100).Fit(s_examples);

        Assert.Equal(b1, b2);
        Assert.Equal(w1, w2);
        Assert.True(Math.Abs(strong.GetValueOrDefault("rule")) < Math.Abs(w1["rule"]));
    }

    [Fact]
    public void Platt_OnScoresThatUnderstateConfidence_StretchesThemAndStaysFinite()
    {
        // Scores of ±1 whose labels are right 95 % of the time: a calibrated sigmoid needs a > 1.
        var data = new List<(double, bool)>();
        for (int k = 0; k < 200; k++)
        {
            data.Add((1, k % 20 != 0));
            data.Add((-1, k % 20 == 0));
        }

        (double a, double b) = PlattScaling.Fit(data);

        Assert.InRange(a, 1.5, 5);
        Assert.InRange(Math.Abs(b), 0, 0.2);
        (double sa, double sb) = PlattScaling.Fit([(1, true), (2, true), (-1, false)]); // separable: the ridge keeps it finite
        Assert.True(double.IsFinite(sa) && double.IsFinite(sb) && sa < 20);
    }

    [Fact]
    public void Label_SaysTrueForAMatchOfARequiredItem_NullForAnOptionalOne_FalseOtherwise()
    {
        var gold = new GoldDocument("a.txt",
            [new GoldEntity("Person", "سامي الحربي"), new GoldEntity("Person", "خالد العمري")],
            [new GoldRelation("STATED", "سامي الحربي", Claim: "توسيع التعاون"), new GoldRelation("STATED", "خالد العمري", Claim: "الحل السياسي", Optional: true)]);
        var prediction = new Prediction(
            [new PredictedEntity("p1", "Person", "سامي الحربي", [], null), new PredictedEntity("p2", "Person", "خالد العمري", [], null)],
            [
                new PredictedRelation("STATED", "p1", "c1", "يريد توسيع التعاون", null, null),
                new PredictedRelation("STATED", "p2", "c2", "الحل السياسي ممكن", null, null),
                new PredictedRelation("STATED", "p2", "c3", "توسيع التعاون", null, null),
            ]);

        Assert.Equal([true, null, false], ExtractionScorer.Label(gold, prediction));
    }
}
