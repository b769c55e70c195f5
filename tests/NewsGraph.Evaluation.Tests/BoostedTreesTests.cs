using NewsGraph.Core.Graph;
using NewsGraph.Evaluation.Training;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Tests;

public sealed class BoostedTreesTests
{
    /// <summary>
    /// A relation asserted when exactly one of two cues is present (exclusive or): no weights over the
    /// two features can say it, trees over them can. Forty of each combination, in a fixed order.
    /// </summary>
    private static readonly (IReadOnlyList<string> Features, bool Label)[] s_exclusive = [.. Enumerable.Range(0, 160).Select(i => (i % 4) switch
    {
        0 => ((IReadOnlyList<string>)["cue=a", "noise=" + (i % 3)], true),
        1 => (["cue=b", "noise=" + (i % 3)], true),
        2 => (["cue=a", "cue=b", "noise=" + (i % 3)], false),
        _ => (["noise=" + (i % 3)], false),
    })];

    private static readonly BoostingSettings s_settings = new(100, 2, 0.3, 1, 1);

    [Fact]
    public void TreesOnTheLinearModel_LearnWhatItsWeightsCannot()
    {
        TypeModel linear = CrossValidatedTrees.Fit(s_exclusive, l2: 1, settings: null);
        TypeModel boosted = CrossValidatedTrees.Fit(s_exclusive, l2: 1, s_settings);

        Assert.InRange(linear.Probability(["cue=a"]), 0.3, 0.7);
        Assert.InRange(linear.Probability(["cue=a", "cue=b"]), 0.3, 0.7);
        Assert.True(boosted.Probability(["cue=a", "noise=1"]) > 0.85, $"{boosted.Probability(["cue=a", "noise=1"])}");
        Assert.True(boosted.Probability(["cue=b", "noise=0"]) > 0.85);
        Assert.True(boosted.Probability(["cue=a", "cue=b", "noise=2"]) < 0.15);
        Assert.True(boosted.Probability(["noise=2"]) < 0.15);
        Assert.NotEmpty(boosted.Trees!);
    }

    [Fact]
    public void Fit_IsReproducible_AndTheModelFileReadsBackToTheSameScores()
    {
        TypeModel first = CrossValidatedTrees.Fit(s_exclusive, l2: 1, s_settings) with { Threshold = 0.5 };
        TypeModel second = CrossValidatedTrees.Fit(s_exclusive, l2: 1, s_settings) with { Threshold = 0.5 };
        var model = new RelationModel(new Dictionary<RelationType, TypeModel> { [RelationType.Met] = first });

        string file = RelationModelFile.Format(model, "test");
        TypeModel read = RelationModel.Parse(file).Types[RelationType.Met];

        Assert.Equal(file, RelationModelFile.Format(new RelationModel(new Dictionary<RelationType, TypeModel> { [RelationType.Met] = second }), "test"));
        Assert.Equal(first.Trees!.Count, read.Trees!.Count);
        foreach ((IReadOnlyList<string> features, _) in s_exclusive.Take(8))
        {
            Assert.Equal(first.Score(features), read.Score(features), 9);
        }
    }

    [Fact]
    public void CrossValidation_ChoosesTreesWhereTheyLowerTheHeldOutLoss()
    {
        var examples = s_exclusive.Select((e, i) => (e.Features, e.Label, Fold: i % CrossValidatedL2.Folds)).ToList();
        var heard = new List<(BoostingSettings? Settings, double Loss)>();

        BoostingSettings? chosen = CrossValidatedTrees.Choose(examples, l2: 1, (s, loss) => heard.Add((s, loss)));

        Assert.NotNull(chosen);
        Assert.Equal(CrossValidatedTrees.Grid.Count + 1, heard.Count);
        Assert.Null(heard[0].Settings);
        Assert.True(heard.Single(h => h.Settings == chosen).Loss < heard[0].Loss);
    }

    [Fact]
    public void ATreeSplit_SeesItsFeature_HoweverManyTheCandidateCarries()
    {
        // One split on "cue=a", with the other known features listed first: the walk must not stop collecting early.
        TreeNode[] nodes = [new("cue=a", 0, 1, 2), new(null, 5, -1, -1), new(null, -5, -1, -1)];
        var known = Enumerable.Range(0, 100).Select(i => new DecisionTree([new TreeNode("f" + i, 0, 1, 2), new TreeNode(null, 0, -1, -1), new TreeNode(null, 0, -1, -1)]));
        var model = new TypeModel(0, new Dictionary<string, double>(), 1, 0, 0.5, [new DecisionTree(nodes), .. known]);

        Assert.Equal(5, model.Score([.. Enumerable.Range(0, 100).Select(i => "f" + i), "cue=a"]), 9);
        Assert.Equal(-5, model.Score([.. Enumerable.Range(0, 100).Select(i => "f" + i)]), 9);
    }

    [Fact]
    public void AModelWithoutTrees_ScoresAsTheLinearModelAlone()
    {
        var linear = new TypeModel(-1, new Dictionary<string, double> { ["cue=a"] = 2 }, 1, 0, 0.5);

        Assert.Equal(1, linear.Score(["cue=a", "unknown"]), 9);
        Assert.Null(RelationModel.Parse(RelationModelFile.Format(new RelationModel(new Dictionary<RelationType, TypeModel> { [RelationType.Stated] = linear }), "t")).Types[RelationType.Stated].Trees);
    }
}
