namespace NewsGraph.Core.Text;

/// <summary>When one article is a reprint of another: the rule every store applies the same way.</summary>
public static class ReprintRule
{
    /// <summary>
    /// The least estimated similarity (<see cref="TextFingerprint.Similarity"/>) at which two texts are
    /// copies of one story. Chosen on real reprints with <c>newsgraph bench reprints</c> (see the
    /// README's "Feeding NewsGraph").
    /// </summary>
    public const double Threshold = 0.5;

    /// <summary>Whether <paramref name="candidate"/> is a copy of the story <paramref name="stored"/> tells.</summary>
    public static bool IsReprint(TextFingerprint candidate, TextFingerprint stored)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Similarity(stored) >= Threshold;
    }
}
