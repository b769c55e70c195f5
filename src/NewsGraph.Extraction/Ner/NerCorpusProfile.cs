namespace NewsGraph.Extraction.Ner;

/// <summary>
/// How the first stage tagged each stem across a large unlabelled corpus: for every stem seen
/// often enough that the first stage ever tagged as part of an entity, the share of its
/// occurrences tagged as each type, in coarse buckets. The second stage reads it as a corpus-wide
/// version of its block-level features (<see cref="NerNonLocal"/>): a surname the labelled data
/// never showed, but that the corpus shows a hundred times after "قال" or "الأمير", arrives with
/// "mostly PERS" attached. Keys are the 40 low bits of the stem hash. Immutable.
/// </summary>
internal sealed class NerCorpusProfile
{
    /// <summary>Types profiled, in bucket order; their tag indices are looked up in the model's tag set.</summary>
    public static readonly string[] Types = [NerTags.Person, NerTags.Location, NerTags.Organization, NerTags.Miscellaneous];

    private const int TypeShare = 60;        // (type, share bucket) for each type the stem was tagged as
    private const int MajorityAt = 61;       // (offset −1/0/+1, majority type or O, its share bucket)
    private const int SelfAndMajority = 62;  // (stage-1 tag of the token, corpus majority type)
    private const int Unprofiled = 63;       // the stem is not in the profile (rare, or never tagged as an entity)

    /// <summary>At most this many features per token.</summary>
    public const int MaxFeaturesPerToken = 8;

    private readonly Dictionary<ulong, ushort> _codes;

    public NerCorpusProfile(IReadOnlyDictionary<ulong, ushort> codes)
    {
        _codes = new Dictionary<ulong, ushort>(codes);
    }

    public static NerCorpusProfile Empty { get; } = new(new Dictionary<ulong, ushort>());

    public int Count => _codes.Count;

    public bool IsEmpty => _codes.Count == 0;

    /// <summary>The entries in key order (for saving; the order makes the file deterministic).</summary>
    public IEnumerable<KeyValuePair<ulong, ushort>> Entries => _codes.OrderBy(e => e.Key);

    /// <summary>
    /// Tags <paramref name="documents"/> with <paramref name="chain"/> (local features only),
    /// cut into segments as the tagger cuts them, and profiles how each stem was tagged.
    /// </summary>
    public static NerCorpusProfile FromTagging(
        NerChain chain,
        NerTagSet tagSet,
        NerFeatureExtractor extractor,
        IReadOnlyList<IReadOnlyList<string>> documents,
        int minOccurrences,
        CancellationToken cancellationToken)
    {
        int tagCount = tagSet.Count;
        int types = Types.Length;
        int[] typeOfTag = tagSet.Tags.Select(t => Array.IndexOf(Types, NerTags.TypeOf(t))).ToArray();
        var counts = new Dictionary<ulong, int[]>();
        var buffer = new NerFeatureBuffer();
        float[] emissions = [];
        float[] delta = [];
        int[] back = [];
        int[] path = [];
        foreach (IReadOnlyList<string> tokens in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var segmenter = new NerSegmenter();
            int start = 0;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!segmenter.Add(tokens[i]).SegmentEnds && i + 1 < tokens.Count)
                {
                    continue;
                }

                int n = i + 1 - start;
                extractor.Extract(tokens, start, n, buffer);
                if (emissions.Length < n * tagCount)
                {
                    emissions = new float[n * tagCount];
                    delta = new float[n * tagCount];
                    back = new int[n * tagCount];
                    path = new int[n];
                }

                Span<float> scores = emissions.AsSpan(0, n * tagCount);
                scores.Clear();
                for (int k = 0; k < n; k++)
                {
                    chain.AddEmissions(buffer.Keys.AsSpan(buffer.Offsets[k], buffer.Offsets[k + 1] - buffer.Offsets[k]), scores.Slice(k * tagCount, tagCount));
                }

                NerViterbi.Decode(tagSet, scores, n, chain.Transitions, chain.Start, chain.End, delta, back, path);
                for (int k = 0; k < n; k++)
                {
                    ulong stem = buffer.Stem[k];
                    if (!counts.TryGetValue(stem, out int[]? perType))
                    {
                        perType = new int[types + 1];
                        counts.Add(stem, perType);
                    }

                    int type = typeOfTag[path[k]];
                    if (type >= 0)
                    {
                        perType[type]++;
                    }

                    perType[types]++;
                }

                start = i + 1;
            }
        }

        return Build(counts, minOccurrences);
    }

    /// <summary>
    /// Builds the profile from per-stem counts: <paramref name="counts"/>[stem] holds the tokens
    /// tagged as each of <see cref="Types"/> followed by the stem's total occurrences.
    /// </summary>
    public static NerCorpusProfile Build(IReadOnlyDictionary<ulong, int[]> counts, int minOccurrences)
    {
        var codes = new Dictionary<ulong, ushort>();
        foreach ((ulong stem, int[] perType) in counts)
        {
            int total = perType[Types.Length];
            if (total < minOccurrences)
            {
                continue;
            }

            ushort code = 0;
            for (int t = 0; t < Types.Length; t++)
            {
                code |= (ushort)(ShareBucket(perType[t], total) << (3 * t));
            }

            if (code != 0)
            {
                codes[stem & FeatureHash.KeyMask] = code;
            }
        }

        return new NerCorpusProfile(codes);
    }

    /// <summary>0 for none; then up to 5 %, 20 %, 50 %, 80 %, more.</summary>
    private static int ShareBucket(int count, int total)
    {
        if (count == 0)
        {
            return 0;
        }

        double share = (double)count / total;
        return share <= 0.05 ? 1 : share <= 0.2 ? 2 : share <= 0.5 ? 3 : share <= 0.8 ? 4 : 5;
    }

    /// <summary>Writes the profile features of token <paramref name="i"/>; returns how many.</summary>
    public int Features(int i, ReadOnlySpan<ulong> stems, int selfTag, Span<ulong> output)
    {
        int n = 0;
        ushort code = CodeOf(stems[i]);
        if (code == 0)
        {
            output[n++] = FeatureHash.Feature(Unprofiled, 1);
        }

        for (int t = 0; t < Types.Length; t++)
        {
            int bucket = (code >> (3 * t)) & 7;
            if (bucket != 0)
            {
                output[n++] = FeatureHash.Feature(TypeShare, (ulong)t, (ulong)bucket);
            }
        }

        (int majority, int share) = Majority(code);
        output[n++] = FeatureHash.Feature(SelfAndMajority, (ulong)selfTag, (ulong)majority);
        for (int offset = -1; offset <= 1; offset++)
        {
            int at = i + offset;
            if (at < 0 || at >= stems.Length)
            {
                continue;
            }

            (int m, int s) = offset == 0 ? (majority, share) : Majority(CodeOf(stems[at]));
            output[n++] = FeatureHash.Feature(MajorityAt, (ulong)(offset + 1), (ulong)((m * 8) + s));
        }

        return n;
    }

    private ushort CodeOf(ulong stem) => _codes.GetValueOrDefault(stem & FeatureHash.KeyMask);

    /// <summary>The type with the largest share (−1 for none, read as O) and its bucket.</summary>
    private static (int Type, int Share) Majority(ushort code)
    {
        int best = -1;
        int bestBucket = 0;
        for (int t = 0; t < Types.Length; t++)
        {
            int bucket = (code >> (3 * t)) & 7;
            if (bucket > bestBucket)
            {
                best = t;
                bestBucket = bucket;
            }
        }

        return (best + 1, bestBucket);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_codes.Count);
        ulong previous = 0;
        foreach ((ulong key, ushort code) in Entries)
        {
            writer.Write7BitEncodedInt64((long)(key - previous));
            writer.Write(code);
            previous = key;
        }
    }

    public static NerCorpusProfile Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count is < 0 or > 10_000_000)
        {
            throw new InvalidDataException("Bad corpus profile size.");
        }

        var codes = new Dictionary<ulong, ushort>(count);
        ulong key = 0;
        for (int e = 0; e < count; e++)
        {
            key += (ulong)reader.Read7BitEncodedInt64();
            codes[key] = reader.ReadUInt16();
        }

        return new NerCorpusProfile(codes);
    }
}
