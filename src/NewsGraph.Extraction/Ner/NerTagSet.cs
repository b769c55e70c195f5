namespace NewsGraph.Extraction.Ner;

/// <summary>A model's tags with their BIO constraints precomputed for decoding.</summary>
internal sealed class NerTagSet
{
    public NerTagSet(IReadOnlyList<string> tags)
    {
        if (tags.Count == 0 || tags[0] != NerTags.Outside)
        {
            throw new ArgumentException("Tag 0 must be O.", nameof(tags));
        }

        Tags = [.. tags];
        Count = Tags.Length;
        Allowed = new bool[Count * Count];
        AllowedStart = new bool[Count];
        Reported = new string[Count];
        for (int t = 0; t < Count; t++)
        {
            AllowedStart[t] = NerTags.IsAllowedTransition(null, Tags[t]);
            for (int p = 0; p < Count; p++)
            {
                Allowed[(p * Count) + t] = NerTags.IsAllowedTransition(Tags[p] == NerTags.Outside ? null : Tags[p], Tags[t]);
            }

            Reported[t] = NerTags.TypeOf(Tags[t]) is { } type && NerTags.ReportedTypes.Contains(type)
                ? string.Intern(Tags[t])
                : NerTags.Outside;
        }
    }

    public string[] Tags { get; }

    public int Count { get; }

    /// <summary>Allowed[previous * Count + current].</summary>
    public bool[] Allowed { get; }

    public bool[] AllowedStart { get; }

    /// <summary>What the tagger prints for each tag: MISC and unknown types become O.</summary>
    public string[] Reported { get; }

    public int IndexOf(string tag) => Array.IndexOf(Tags, tag);
}

/// <summary>First-order Viterbi over BIO-constrained transitions. Linear in the sequence length.</summary>
internal static class NerViterbi
{
    /// <summary>
    /// Best path for <paramref name="n"/> tokens given per-token tag scores
    /// <paramref name="emissions"/>[i * T + t]. <paramref name="delta"/> and
    /// <paramref name="back"/> are scratch of at least n * T. Ties go to the lower tag index.
    /// </summary>
    public static void Decode(
        NerTagSet tags,
        ReadOnlySpan<float> emissions,
        int n,
        ReadOnlySpan<float> transitions,
        ReadOnlySpan<float> start,
        ReadOnlySpan<float> end,
        Span<float> delta,
        Span<int> back,
        Span<int> path)
    {
        if (n == 0)
        {
            return;
        }

        int count = tags.Count;
        bool[] allowed = tags.Allowed;
        for (int t = 0; t < count; t++)
        {
            delta[t] = tags.AllowedStart[t] ? start[t] + emissions[t] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            ReadOnlySpan<float> previous = delta.Slice((i - 1) * count, count);
            Span<float> current = delta.Slice(i * count, count);
            Span<int> pointers = back.Slice(i * count, count);
            for (int t = 0; t < count; t++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < count; p++)
                {
                    if (!allowed[(p * count) + t])
                    {
                        continue;
                    }

                    float score = previous[p] + transitions[(p * count) + t];
                    if (score > best)
                    {
                        best = score;
                        arg = p;
                    }
                }

                current[t] = best + emissions[(i * count) + t];
                pointers[t] = arg;
            }
        }

        ReadOnlySpan<float> last = delta.Slice((n - 1) * count, count);
        float bestFinal = float.NegativeInfinity;
        int tag = 0;
        for (int t = 0; t < count; t++)
        {
            float score = last[t] + end[t];
            if (score > bestFinal)
            {
                bestFinal = score;
                tag = t;
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            path[i] = tag;
            tag = back[(i * count) + tag];
        }
    }
}
