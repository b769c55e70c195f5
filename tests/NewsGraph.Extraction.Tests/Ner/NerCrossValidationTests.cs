using NewsGraph.Extraction.Ner;

namespace NewsGraph.Extraction.Tests.Ner;

public sealed class NerCrossValidationTests
{
    // Sentence i is the single token "s{i}", so a fold's content shows where each sentence went.
    private static readonly IReadOnlyList<TaggedSentence> Sentences =
        Enumerable.Range(0, 23).Select(i => new TaggedSentence([$"s{i}"], ["O"])).ToList();

    private static List<int> Indexes(IReadOnlyList<TaggedSentence> fold) =>
        fold.Select(s => int.Parse(s.Tokens[0].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void SplitContiguous_FoldsAreConsecutiveBlocksInCorpusOrder()
    {
        var folds = NerCrossValidation.SplitContiguous(Sentences, 5);

        Assert.Equal(Enumerable.Range(0, 23), folds.SelectMany(Indexes));
        Assert.All(folds, fold => Assert.InRange(fold.Count, 4, 5));
    }

    [Fact]
    public void SplitShuffled_EverySentenceOnceFoldsBalancedAndInCorpusOrder()
    {
        var folds = NerCrossValidation.SplitShuffled(Sentences, 5, seed: 1);

        Assert.Equal(Enumerable.Range(0, 23), folds.SelectMany(Indexes).Order());
        Assert.All(folds, fold => Assert.InRange(fold.Count, 4, 5));
        Assert.All(folds, fold => Assert.Equal(Indexes(fold).Order(), Indexes(fold)));
        // Dealt at random, not in blocks: some fold holds sentences that are not neighbours.
        Assert.Contains(folds, fold => Indexes(fold).Zip(Indexes(fold).Skip(1)).Any(pair => pair.Second - pair.First > 1));
    }

    [Fact]
    public void SplitShuffled_SameSeedSameFolds_OtherSeedOtherFolds()
    {
        var first = NerCrossValidation.SplitShuffled(Sentences, 5, seed: 7).Select(Indexes).ToList();
        var again = NerCrossValidation.SplitShuffled(Sentences, 5, seed: 7).Select(Indexes).ToList();
        var other = NerCrossValidation.SplitShuffled(Sentences, 5, seed: 8).Select(Indexes).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Run_OnlyFold_TrainsAndScoresThatFoldAlone()
    {
        var data = Enumerable.Range(0, 10)
            .SelectMany(_ => NerTrainingTests.Tiny)
            .Select(NerTestText.Parse)
            .ToList();
        var options = new NerTrainingOptions { Epochs = 3, Shuffles = 1, SecondStage = false, Clusters = NerWordClusters.Empty };

        NerCrossValidationResult result = NerCrossValidation.Run(data, 5, options, onlyFold: 2);

        NerFoldResult fold = Assert.Single(result.Folds);
        Assert.Equal(2, fold.Fold);
        Assert.Equal(NerCrossValidation.SplitContiguous(data, 5)[1], fold.Gold);
        Assert.Equal(fold.Score.Overall, result.Pooled.Overall);
        Assert.Throws<ArgumentOutOfRangeException>(() => NerCrossValidation.Run(data, 5, options, onlyFold: 6));
    }
}
