using NewsGraph.Core.Storage;

namespace NewsGraph.Core.Tests;

/// <summary>
/// The confidence tally stores keep per relation: the noisy-or, added to and taken from in any
/// order with bit-for-bit the same result, within rounding of the exact value.
/// </summary>
public sealed class ConfidenceTallyTests
{
    [Fact]
    public void Tally_AnyOrderOfTheSameAssertions_IsBitForBitTheSame()
    {
        var random = new Random(7);
        double?[] confidences = [.. Enumerable.Range(0, 200).Select(_ => random.Next(6) == 0 ? (double?)null : random.NextDouble())];

        ConfidenceTally forward = ConfidenceTally.Of(confidences);
        ConfidenceTally shuffled = ConfidenceTally.Of(confidences.OrderBy(_ => random.Next()));

        Assert.Equal(forward, shuffled);
        Assert.Equal(forward.Value, shuffled.Value);
    }

    [Fact]
    public void Tally_AssertionAddedThenRemoved_IsExactlyAsBefore()
    {
        ConfidenceTally before = ConfidenceTally.Of([0.8, 0.123456789123, null, 0.5]);

        ConfidenceTally after = before.Add(0.937).Add(null).Remove(0.937).Remove(null);

        Assert.Equal(before, after);
        Assert.Equal(before, before.Plus(ConfidenceTally.Of([0.2, 1.0])).Minus(ConfidenceTally.Of([1.0, 0.2])));
    }

    [Fact]
    public void Value_IsTheNoisyOrWithinRounding_SingleAssertionsExact_CertainWins()
    {
        var random = new Random(11);
        for (int n = 1; n < 60; n++)
        {
            double[] confidences = [.. Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 3))];
            double exact = 1 - confidences.Aggregate(1.0, (product, c) => product * (1 - c));
            Assert.InRange(Math.Abs(exact - ConfidenceTally.Of([.. confidences.Cast<double?>()]).Value!.Value), 0, 1e-9);
        }

        Assert.Equal(0.3, ConfidenceTally.Of([0.3]).Value);
        Assert.Equal(0.85, ConfidenceTally.Of([null, 0.85]).Value);
        Assert.Equal(1.0, ConfidenceTally.Of([0.2, 1.0]).Value);
        Assert.Equal(0.2, ConfidenceTally.Of([0.2, 1.0]).Remove(1.0).Value);
        Assert.Equal(0.0, ConfidenceTally.Of([0.0]).Value);
        Assert.Null(ConfidenceTally.Of([null]).Value);
        Assert.Null(ConfidenceTally.Of([0.4]).Remove(0.4).Value);
    }

    [Fact]
    public void Value_AHubOfManyAssertions_SaturatesAtOneWithoutOverflow()
    {
        ConfidenceTally hub = ConfidenceTally.Empty;
        for (int i = 0; i < 1_000_000; i++)
        {
            hub = hub.Add(0.999999);
        }

        Assert.Equal(1.0, hub.Value);
        Assert.True(hub.LogSum > 0);
        Assert.Equal(0.999999, ConfidenceTally.Empty.Add(0.999999).Value);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Add_NotAProbability_Throws(double confidence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceTally.Empty.Add(confidence));
    }

    [Fact]
    public void RemovalKeys_EachOnceInOrdinalOrder_BlankRefused()
    {
        Assert.Equal(["a", "b", "ب"], ArticleGraphUpsert.RemovalKeys(["ب", "b", "a", "b"]));
        Assert.Empty(ArticleGraphUpsert.RemovalKeys([]));
        Assert.Throws<ArgumentException>(() => ArticleGraphUpsert.RemovalKeys(["a", " "]));
    }
}
