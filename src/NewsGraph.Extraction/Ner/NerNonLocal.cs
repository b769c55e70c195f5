namespace NewsGraph.Extraction.Ner;

/// <summary>
/// Non-local features for the second stage: how the first stage tagged the other occurrences of
/// the same word (by clitic-stripped stem) in the surrounding block of text, plus the first
/// stage's own tags around the token. An article that names "بلنسية" twenty times, once after a
/// clear cue, lets the cue's evidence reach the other mentions.
/// </summary>
internal sealed class NerNonLocal
{
    private const int SelfTag = 50;
    private const int PreviousTag = 51;
    private const int NextTag = 52;
    private const int OtherTag = 53;      // (tag, count bucket) over other occurrences
    private const int Majority = 54;      // (most frequent tag of other occurrences, entity share in quarters)
    private const int Singleton = 55;
    private const int SelfAndMajority = 56;

    /// <summary>At most this many non-local features per token.</summary>
    public const int MaxFeaturesPerToken = 24;

    private readonly Dictionary<ulong, int> _slotOfStem = [];
    private int[] _counts = new int[256];
    private int _tagCount;

    /// <summary>Counts stage-1 tags per stem over a block (indices into the model's tag set).</summary>
    public void Count(ReadOnlySpan<ulong> stems, ReadOnlySpan<int> tags, int tagCount)
    {
        _tagCount = tagCount;
        _slotOfStem.Clear();
        int width = tagCount + 1;
        if (_counts.Length < stems.Length * width)
        {
            _counts = new int[stems.Length * width];
        }

        for (int i = 0; i < stems.Length; i++)
        {
            if (!_slotOfStem.TryGetValue(stems[i], out int slot))
            {
                slot = _slotOfStem.Count;
                _slotOfStem.Add(stems[i], slot);
                _counts.AsSpan(slot * width, width).Clear();
            }

            _counts[(slot * width) + tags[i]]++;
            _counts[(slot * width) + tagCount]++;
        }
    }

    /// <summary>Writes the non-local features of token <paramref name="i"/> of the counted block; returns how many.</summary>
    public int Features(int i, ReadOnlySpan<ulong> stems, ReadOnlySpan<int> tags, Span<ulong> output)
    {
        int tagCount = _tagCount;
        int width = tagCount + 1;
        int n = 0;
        int self = tags[i];
        output[n++] = FeatureHash.Feature(SelfTag, (ulong)self);
        output[n++] = FeatureHash.Feature(PreviousTag, i > 0 ? (ulong)tags[i - 1] : (ulong)tagCount);
        output[n++] = FeatureHash.Feature(NextTag, i + 1 < tags.Length ? (ulong)tags[i + 1] : (ulong)tagCount);

        ReadOnlySpan<int> counts = _counts.AsSpan(_slotOfStem[stems[i]] * width, width);
        int others = counts[tagCount] - 1;
        if (others == 0)
        {
            output[n++] = FeatureHash.Feature(Singleton, 1);
            return n;
        }

        int best = 0;
        int bestCount = -1;
        int entities = 0;
        for (int t = 0; t < tagCount; t++)
        {
            int count = counts[t] - (t == self ? 1 : 0);
            if (count > bestCount)
            {
                best = t;
                bestCount = count;
            }

            if (t != 0 && count > 0)
            {
                entities += count;
                ulong bucket = count == 1 ? 1UL : count <= 3 ? 2UL : 3UL;
                output[n++] = FeatureHash.Feature(OtherTag, (ulong)t, bucket);
            }
        }

        ulong share = (ulong)(4 * entities / others);
        output[n++] = FeatureHash.Feature(Majority, (ulong)best, share);
        output[n++] = FeatureHash.Feature(SelfAndMajority, (ulong)self, (ulong)best);
        return n;
    }
}
