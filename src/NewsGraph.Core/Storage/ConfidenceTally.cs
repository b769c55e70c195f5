namespace NewsGraph.Core.Storage;

/// <summary>
/// A relation's merged confidence as a running tally that assertions can be added to and taken
/// out of in any order, with the same result every time: the noisy-or 1 − Π(1 − cᵢ) kept as the
/// sum of −ln(1 − cᵢ) in fixed point (an integer of 2⁻³² units), plus the number of scored and of
/// certain (c = 1, whose logarithm is infinite) assertions.
/// <para>
/// Why not a double: a running <c>m + c·(1 − m)</c> (or a running product) is exact in neither
/// order nor reversal — adding 0.8 then 0.5 and adding 0.5 then 0.8 can differ in the last bit,
/// and dividing an assertion back out of a product leaves rounding behind (or nothing to divide,
/// once a hub's product has underflowed to 0). Integer sums are associative and exactly
/// reversible, so an article taken out leaves the tally bit for bit as it was before the article
/// came, and a store can update a hub relation in O(1) instead of re-reading all its assertions.
/// </para>
/// <para>
/// The price is precision: each term is rounded to 2⁻³³ in log space, so the value is within
/// about 1e-10 × (number of assertions) × (1 − value) of the exact noisy-or, and
/// <see cref="Value"/> rounds it to 9 decimals so that what readers see does not carry that
/// noise (a single assertion of 0.3 reads 0.3 exactly). 2⁻³² units leave room for 58 million
/// assertions of the largest finite term (−ln 2⁻⁵³ ≈ 36.7) per relation in a signed 64-bit sum.
/// </para>
/// </summary>
public readonly record struct ConfidenceTally(long LogSum, int Scored, int Certain)
{
    /// <summary>Units per nat of the fixed-point log sum.</summary>
    private const double Scale = 4294967296.0; // 2^32

    /// <summary>Decimals <see cref="Value"/> keeps (see the type's remarks for why 9).</summary>
    public const int Decimals = 9;

    public static ConfidenceTally Empty => default;

    /// <summary>The tally of these confidences (null ones are unscored and left out).</summary>
    public static ConfidenceTally Of(IEnumerable<double?> confidences)
    {
        ArgumentNullException.ThrowIfNull(confidences);
        ConfidenceTally tally = Empty;
        foreach (double? confidence in confidences)
        {
            tally = tally.Add(confidence);
        }

        return tally;
    }

    /// <summary>With one more assertion of <paramref name="confidence"/> (null: unscored, no change).</summary>
    public ConfidenceTally Add(double? confidence) => confidence is { } c ? Combine(Term(c), c >= 1 ? 1 : 0, +1) : this;

    /// <summary>Without one assertion of <paramref name="confidence"/> that was added before.</summary>
    public ConfidenceTally Remove(double? confidence) => confidence is { } c ? Combine(Term(c), c >= 1 ? 1 : 0, -1) : this;

    /// <summary>Both tallies together (the assertions of both).</summary>
    public ConfidenceTally Plus(ConfidenceTally other) => new(LogSum + other.LogSum, Scored + other.Scored, Certain + other.Certain);

    /// <summary>This tally without the assertions of <paramref name="other"/>, which it holds.</summary>
    public ConfidenceTally Minus(ConfidenceTally other) => new(LogSum - other.LogSum, Scored - other.Scored, Certain - other.Certain);

    /// <summary>The merged confidence: null when nothing is scored, 1 when any assertion is certain, else the noisy-or to 9 decimals.</summary>
    public double? Value => Scored <= 0 ? null : Certain > 0 ? 1.0 : Math.Round(1 - Math.Exp(-LogSum / Scale), Decimals);

    private ConfidenceTally Combine(long term, int certain, int sign) =>
        new(LogSum + (sign * term), Scored + sign, Certain + (sign * certain));

    /// <summary>−ln(1 − c) in fixed point; 0 for a certain assertion, which is counted apart.</summary>
    private static long Term(double confidence)
    {
        if (!(confidence >= 0 && confidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "a confidence is a probability from 0 to 1");
        }

        return confidence >= 1 ? 0 : (long)Math.Round(-Math.Log(1 - confidence) * Scale);
    }
}
