using System.Numerics;

namespace NewsGraph.Extraction.Ner;

/// <summary>
/// Turns a token sequence into local feature keys, one list per token. Templates (numbers are
/// part of the model format; change <see cref="Version"/> when they change): word identity
/// (normalized) and stem (clitic-stripped) at −2…+2; the proclitic; stem prefixes and word
/// prefixes/suffixes of 1–4 chars; character trigrams of the stem; 2-char suffixes of the
/// neighbours and the next word's stem prefix; word shape at −1…+1 and stem length; word and stem
/// bigrams around the token; gazetteer membership (category × single/begin/inside/end) at −2…+2
/// and its conjunction between the previous and the current token; word clusters learned from
/// unlabelled text (<see cref="NerWordClusters"/>): path prefixes of the word at −2…+2 and of the
/// token without proclitics, cluster bigrams and word–cluster pairs around the token. Tag bigrams
/// live in the model's transition weights; non-local features in <see cref="NerNonLocal"/>.
/// </summary>
internal sealed class NerFeatureExtractor(NerGazetteer gazetteer, NerWordClusters clusters)
{
    /// <summary>Feature-set version stored in the model; a mismatch refuses to load.</summary>
    public const int Version = 4;

    private const int Bias = 1;
    private const int WordAt = 2;          // 2..6: offsets -2..+2
    private const int StemAt = 7;          // 7..11
    private const int Proclitic = 12;
    private const int StemPrefix = 13;     // 13..16: 1..4 chars
    private const int WordSuffix = 17;     // 17..20
    private const int ShapeAt = 21;        // 21..23: offsets -1..+1
    private const int StemLength = 24;
    private const int WordBigramLeft = 25;  // w-1 w0
    private const int WordBigramRight = 26; // w0 w+1
    private const int StemBigramLeft = 27;
    private const int StemBigramRight = 28;
    private const int ContextLeft = 29;     // w-2 w-1
    private const int ContextRight = 30;    // w+1 w+2
    private const int StemNgram = 31;       // char 3-grams of "^stem$"
    private const int SuffixAt = 32;        // 32..33: 2-char suffix of w-1, w+1
    private const int PrefixNext = 34;      // 2-char stem prefix of w+1
    private const int GazetteerAt = 35;     // 35..39: offsets -2..+2
    private const int GazetteerPair = 40;   // bit at -1 x bit at 0
    private const int WordPrefix = 41;      // 41..44: 1..4 chars

    // 50..56 are the second stage's (NerNonLocal).
    private const int ClusterAt = 60;        // 60 + (offset + 2) * 7 + k: offset -2..+2, k indexes NerWordClusters.PrefixLengths
    private const int LightClusterAt = 100;  // 100 + k: the form without proclitics, every prefix length
    private const int ClusterPairLeft = 87;  // 6-bit prefixes of w-1 and w0
    private const int ClusterPairRight = 88; // 6-bit prefixes of w0 and w+1
    private const int WordClusterLeft = 89;  // word w-1 and the 10-bit prefix of w0
    private const int ClusterWordRight = 90; // the 10-bit prefix of w0 and word w+1
    private const int RawWord = 92;          // the token as written, no letter folding (على ≠ علي, إ ≠ ا), first 64 chars
    private const int ExtraClusterAt = 110;      // as ClusterAt, for further clusterings (NerWordClusters.Extras): + x * ExtraStride
    private const int ExtraLightClusterAt = 150; // as LightClusterAt, for further clusterings
    private const int ExtraStride = 50;

    // Which prefix lengths (indices into NerWordClusters.PrefixLengths = 2, 4, 6, 8, 10, 12, 20)
    // each offset uses: 4, 8 and 12 bits for the word itself, 4 and 8 for its neighbours. More
    // lengths at every offset scored no better on fold 1 and cost time.
    private static readonly int[][] s_prefixesAt = [[1, 3], [1, 3], [1, 3, 5], [1, 3], [1, 3]];
    private const int PairPrefix = 2;        // 6 bits
    private const int FinePrefix = 4;        // 10 bits

    private static readonly ulong s_unlisted = FeatureHash.Of("<unlisted>");

    private static readonly ulong s_padLeft = FeatureHash.Of("<s>");
    private static readonly ulong s_padRight = FeatureHash.Of("</s>");

    public NerGazetteer Gazetteer { get; } = gazetteer;

    public NerWordClusters Clusters { get; } = clusters;

    /// <summary>
    /// Fills <paramref name="buffer"/> with the features of <paramref name="count"/> tokens from
    /// <paramref name="start"/>. Features of token i are Keys[Offsets[i]..Offsets[i + 1]].
    /// </summary>
    public void Extract(IReadOnlyList<string> tokens, int start, int count, NerFeatureBuffer buffer)
    {
        buffer.Reset(count);
        AnalyzeTokens(tokens, start, count, buffer);
        Gazetteer.Mark(buffer.Forms.AsSpan(0, count), buffer.Gazetteer, buffer.GazetteerLengths);

        for (int i = 0; i < count; i++)
        {
            buffer.BeginToken(i);
            NerTokenForms forms = buffer.Forms[i];
            ulong w0 = buffer.Word[i];
            ulong s0 = buffer.Stem[i];
            ulong wm1 = WordAtOffset(buffer, i - 1, count);
            ulong wp1 = WordAtOffset(buffer, i + 1, count);

            buffer.Add(FeatureHash.Feature(WordAt + 2, w0));
            buffer.Add(FeatureHash.Feature(StemAt + 2, s0));
            buffer.Add(FeatureHash.Feature(WordBigramLeft, wm1, w0));
            buffer.Add(FeatureHash.Feature(WordBigramRight, w0, wp1));
            buffer.Add(FeatureHash.Feature(StemBigramLeft, StemAtOffset(buffer, i - 1, count), s0));
            buffer.Add(FeatureHash.Feature(StemBigramRight, s0, StemAtOffset(buffer, i + 1, count)));
            buffer.Add(FeatureHash.Feature(Bias, 0));
            for (int offset = -2; offset <= 2; offset++)
            {
                if (offset != 0)
                {
                    buffer.Add(FeatureHash.Feature(WordAt + offset + 2, WordAtOffset(buffer, i + offset, count)));
                    buffer.Add(FeatureHash.Feature(StemAt + offset + 2, StemAtOffset(buffer, i + offset, count)));
                }
            }

            buffer.Add(FeatureHash.Feature(Proclitic, FeatureHash.Of(forms.Proclitic)));
            for (int k = 1; k <= 4; k++)
            {
                if (forms.Stem.Length >= k)
                {
                    buffer.Add(FeatureHash.Feature(StemPrefix + k - 1, FeatureHash.Of(forms.Stem.AsSpan(0, k))));
                }

                if (forms.Normalized.Length >= k)
                {
                    buffer.Add(FeatureHash.Feature(WordSuffix + k - 1, FeatureHash.Of(forms.Normalized.AsSpan(forms.Normalized.Length - k))));
                    buffer.Add(FeatureHash.Feature(WordPrefix + k - 1, FeatureHash.Of(forms.Normalized.AsSpan(0, k))));
                }
            }

            AddNgrams(buffer, forms.Stem);
            buffer.Add(FeatureHash.Feature(SuffixAt, i > 0 ? Suffix(buffer.Forms[i - 1].Normalized, 2) : s_padLeft));
            buffer.Add(FeatureHash.Feature(SuffixAt + 1, i + 1 < count ? Suffix(buffer.Forms[i + 1].Normalized, 2) : s_padRight));
            buffer.Add(FeatureHash.Feature(PrefixNext, i + 1 < count ? Prefix(buffer.Forms[i + 1].Stem, 2) : s_padRight));

            for (int offset = -1; offset <= 1; offset++)
            {
                int j = i + offset;
                ulong value = j < 0 ? s_padLeft : j >= count ? s_padRight : buffer.Shape[j];
                buffer.Add(FeatureHash.Feature(ShapeAt + offset + 1, value));
            }

            buffer.Add(FeatureHash.Feature(StemLength, (ulong)Math.Min(forms.Stem.Length, 9)));
            buffer.Add(FeatureHash.Feature(ContextLeft, WordAtOffset(buffer, i - 2, count), wm1));
            buffer.Add(FeatureHash.Feature(ContextRight, wp1, WordAtOffset(buffer, i + 2, count)));

            for (int offset = -2; offset <= 2; offset++)
            {
                int j = i + offset;
                if (j >= 0 && j < count)
                {
                    AddBits(buffer, GazetteerAt + offset + 2, buffer.Gazetteer[j]);
                }
            }

            AddClusterFeatures(buffer, i, count);
            buffer.Add(FeatureHash.Feature(RawWord, buffer.Raw[i]));

            uint previous = i > 0 ? buffer.Gazetteer[i - 1] : 0u;
            uint current = buffer.Gazetteer[i];
            for (uint p = previous; p != 0; p &= p - 1)
            {
                for (uint c = current; c != 0; c &= c - 1)
                {
                    buffer.Add(FeatureHash.Feature(GazetteerPair, (ulong)BitOperations.TrailingZeroCount(p), (ulong)BitOperations.TrailingZeroCount(c)));
                }
            }
        }

        buffer.EndTokens(count);
    }

    /// <summary>Per token: its forms, the hashes of its word, stem, shape and raw form, and its clusters.</summary>
    private void AnalyzeTokens(IReadOnlyList<string> tokens, int start, int count, NerFeatureBuffer buffer)
    {
        Span<char> shape = stackalloc char[6];
        for (int i = 0; i < count; i++)
        {
            string token = tokens[start + i] ?? string.Empty;
            NerTokenForms forms = NerTokenForms.Analyze(token);
            buffer.Forms[i] = forms;
            buffer.Word[i] = FeatureHash.Of(forms.Normalized);
            buffer.Stem[i] = FeatureHash.Of(forms.Stem);
            buffer.Shape[i] = FeatureHash.Of(shape[..NerTokenForms.WriteShape(token, shape)]);
            buffer.Raw[i] = FeatureHash.Of(token.AsSpan(0, Math.Min(token.Length, NerTokenForms.MaxAnalyzedLength)));
            buffer.Light[i] = HasProclitics(forms) ? FeatureHash.Of(forms.Light) : 0;
            PrefetchClusters(buffer, i);
        }

        // The cluster tables are megabytes: every token's slots were prefetched above, so that
        // these look-ups find them in the cache (or on the way) instead of waiting one by one.
        for (int i = 0; i < count; i++)
        {
            bool light = HasProclitics(buffer.Forms[i]);
            buffer.LightCluster[i] = light ? Clusters.ClusterOf(buffer.Light[i]) : -1;

            // A word the clusters do not list (most often a rarer proclitic form, وقطيفان) takes
            // the cluster of its form without proclitics, so it still shares the features the
            // bare form's neighbours were trained on.
            int listed = Clusters.ClusterOf(buffer.Word[i]);
            buffer.Cluster[i] = listed >= 0 ? listed : buffer.LightCluster[i];
            for (int x = 0; x < Clusters.Extras.Count; x++)
            {
                NerWordClusters extra = Clusters.Extras[x];
                int at = (x * buffer.Capacity) + i;
                buffer.ExtraLight[at] = !extra.KeyedByStem && light ? extra.ClusterOf(buffer.Light[i]) : -1;
                int listedExtra = extra.ClusterOf(extra.KeyedByStem ? buffer.Stem[i] : buffer.Word[i]);
                buffer.ExtraCluster[at] = listedExtra >= 0 ? listedExtra : buffer.ExtraLight[at];
            }
        }
    }

    /// <summary>Prefetches the cluster-table slots that the look-ups of token <paramref name="i"/> will read (the same keys they use).</summary>
    private void PrefetchClusters(NerFeatureBuffer buffer, int i)
    {
        bool light = HasProclitics(buffer.Forms[i]);
        Clusters.Prefetch(buffer.Word[i]);
        if (light)
        {
            Clusters.Prefetch(buffer.Light[i]);
        }

        for (int x = 0; x < Clusters.Extras.Count; x++)
        {
            NerWordClusters extra = Clusters.Extras[x];
            extra.Prefetch(extra.KeyedByStem ? buffer.Stem[i] : buffer.Word[i]);
            if (light && !extra.KeyedByStem)
            {
                extra.Prefetch(buffer.Light[i]);
            }
        }
    }

    /// <summary>Whether the token has a form without proclitics of its own (وقطيفان → قطيفان), looked up when the word is not listed.</summary>
    private static bool HasProclitics(NerTokenForms forms) => forms.Light.Length != forms.Normalized.Length;

    private void AddClusterFeatures(NerFeatureBuffer buffer, int i, int count)
    {
        int prefixes = NerWordClusters.PrefixLengths.Length;
        for (int offset = -2; offset <= 2; offset++)
        {
            int j = i + offset;
            if (j >= 0 && j < count && buffer.Cluster[j] >= 0)
            {
                ReadOnlySpan<ulong> values = Clusters.PrefixValues(buffer.Cluster[j]);
                foreach (int k in s_prefixesAt[offset + 2])
                {
                    buffer.Add(FeatureHash.Feature(ClusterAt + ((offset + 2) * prefixes) + k, values[k]));
                }
            }
        }

        if (buffer.LightCluster[i] >= 0)
        {
            ReadOnlySpan<ulong> values = Clusters.PrefixValues(buffer.LightCluster[i]);
            for (int k = 0; k < prefixes; k++)
            {
                buffer.Add(FeatureHash.Feature(LightClusterAt + k, values[k]));
            }
        }

        for (int x = 0; x < Clusters.Extras.Count; x++)
        {
            NerWordClusters extra = Clusters.Extras[x];
            int row = x * buffer.Capacity;
            if (extra.Binarized)
            {
                AddBinarizedFeatures(buffer, extra, ExtraClusterAt + (x * ExtraStride), row, i, count);
                continue;
            }

            for (int offset = -2; offset <= 2; offset++)
            {
                int j = i + offset;
                if (j >= 0 && j < count && buffer.ExtraCluster[row + j] >= 0)
                {
                    ReadOnlySpan<ulong> values = extra.PrefixValues(buffer.ExtraCluster[row + j]);
                    foreach (int k in s_prefixesAt[offset + 2])
                    {
                        buffer.Add(FeatureHash.Feature(ExtraClusterAt + (x * ExtraStride) + ((offset + 2) * prefixes) + k, values[k]));
                    }
                }
            }

            if (buffer.ExtraLight[row + i] >= 0)
            {
                ReadOnlySpan<ulong> values = extra.PrefixValues(buffer.ExtraLight[row + i]);
                for (int k = 0; k < prefixes; k++)
                {
                    buffer.Add(FeatureHash.Feature(ExtraLightClusterAt + (x * ExtraStride) + k, values[k]));
                }
            }
        }

        ulong c0 = PrefixAt(buffer, i, count, PairPrefix);
        ulong c0Fine = PrefixAt(buffer, i, count, FinePrefix);
        buffer.Add(FeatureHash.Feature(ClusterPairLeft, PrefixAt(buffer, i - 1, count, PairPrefix), c0));
        buffer.Add(FeatureHash.Feature(ClusterPairRight, c0, PrefixAt(buffer, i + 1, count, PairPrefix)));
        buffer.Add(FeatureHash.Feature(WordClusterLeft, WordAtOffset(buffer, i - 1, count), c0Fine));
        buffer.Add(FeatureHash.Feature(ClusterWordRight, c0Fine, WordAtOffset(buffer, i + 1, count)));
    }

    /// <summary>
    /// A binarized vector's clear dimensions at −1, 0, +1, one feature per dimension and sign: a
    /// per-tag weight for each is a coarse linear function of the vector, which the perceptron can
    /// learn without real-valued features.
    /// </summary>
    private static void AddBinarizedFeatures(NerFeatureBuffer buffer, NerWordClusters extra, int template, int row, int i, int count)
    {
        for (int offset = -1; offset <= 1; offset++)
        {
            int j = i + offset;
            if (j < 0 || j >= count || buffer.ExtraCluster[row + j] < 0)
            {
                continue;
            }

            (ulong positive, ulong negative) = extra.Code(buffer.ExtraCluster[row + j]);
            for (; positive != 0; positive &= positive - 1)
            {
                buffer.Add(FeatureHash.Feature(template + offset + 1, (ulong)(BitOperations.TrailingZeroCount(positive) * 2)));
            }

            for (; negative != 0; negative &= negative - 1)
            {
                buffer.Add(FeatureHash.Feature(template + offset + 1, (ulong)((BitOperations.TrailingZeroCount(negative) * 2) + 1)));
            }
        }
    }

    /// <summary>Prefix <paramref name="k"/> of token j's cluster, or a marker for unlisted words and the sequence ends.</summary>
    private ulong PrefixAt(NerFeatureBuffer buffer, int j, int count, int k) =>
        j < 0 ? s_padLeft : j >= count ? s_padRight : buffer.Cluster[j] < 0 ? s_unlisted : Clusters.PrefixValues(buffer.Cluster[j])[k];

    private static ulong Suffix(string text, int length) => FeatureHash.Of(text.AsSpan(Math.Max(0, text.Length - length)));

    private static ulong Prefix(string text, int length) => FeatureHash.Of(text.AsSpan(0, Math.Min(length, text.Length)));

    private static void AddNgrams(NerFeatureBuffer buffer, string stem)
    {
        // Character trigrams of "^stem$": foreign names transliterated into Arabic have letter
        // sequences native words rarely have.
        Span<char> padded = stackalloc char[NerTokenForms.MaxAnalyzedLength + 2];
        int length = Math.Min(stem.Length, NerTokenForms.MaxAnalyzedLength);
        padded[0] = '^';
        stem.AsSpan(0, length).CopyTo(padded[1..]);
        padded[length + 1] = '$';
        for (int k = 0; k + 3 <= length + 2; k++)
        {
            buffer.Add(FeatureHash.Feature(StemNgram, FeatureHash.Of(padded.Slice(k, 3))));
        }
    }

    private static void AddBits(NerFeatureBuffer buffer, int template, uint bits)
    {
        for (; bits != 0; bits &= bits - 1)
        {
            buffer.Add(FeatureHash.Feature(template, (ulong)BitOperations.TrailingZeroCount(bits)));
        }
    }

    private static ulong WordAtOffset(NerFeatureBuffer buffer, int j, int count) =>
        j < 0 ? s_padLeft : j >= count ? s_padRight : buffer.Word[j];

    private static ulong StemAtOffset(NerFeatureBuffer buffer, int j, int count) =>
        j < 0 ? s_padLeft : j >= count ? s_padRight : buffer.Stem[j];
}

/// <summary>Reusable per-thread scratch space for feature extraction (not thread-safe itself).</summary>
internal sealed class NerFeatureBuffer
{
    private int _length;

    public ulong[] Keys { get; private set; } = new ulong[4096];

    public int[] Offsets { get; private set; } = new int[65];

    public NerTokenForms[] Forms { get; private set; } = new NerTokenForms[64];

    public ulong[] Word { get; private set; } = new ulong[64];

    public ulong[] Stem { get; private set; } = new ulong[64];

    public ulong[] Shape { get; private set; } = new ulong[64];

    public uint[] Gazetteer { get; private set; } = new uint[64];

    public int[] Cluster { get; private set; } = new int[64];

    public int[] LightCluster { get; private set; } = new int[64];

    public ulong[] Raw { get; private set; } = new ulong[64];

    /// <summary>The hash of each token's form without proclitics (0 when it has none), read by every clustering's look-up.</summary>
    public ulong[] Light { get; private set; } = new ulong[64];

    /// <summary>Tokens the per-token arrays hold.</summary>
    public int Capacity => Forms.Length;

    /// <summary>Per further clustering x, token i at [x * Capacity + i].</summary>
    public int[] ExtraCluster { get; private set; } = new int[64 * NerWordClusters.MaxExtras];

    public int[] ExtraLight { get; private set; } = new int[64 * NerWordClusters.MaxExtras];

    public byte[] GazetteerLengths { get; private set; } = new byte[64 * NerGazetteer.CategoryCount];

    public void Reset(int count)
    {
        if (Forms.Length < count)
        {
            int size = Math.Max(count, Forms.Length * 2);
            Offsets = new int[size + 1];
            Forms = new NerTokenForms[size];
            Word = new ulong[size];
            Stem = new ulong[size];
            Shape = new ulong[size];
            Gazetteer = new uint[size];
            Cluster = new int[size];
            LightCluster = new int[size];
            Raw = new ulong[size];
            Light = new ulong[size];
            ExtraCluster = new int[size * NerWordClusters.MaxExtras];
            ExtraLight = new int[size * NerWordClusters.MaxExtras];
            GazetteerLengths = new byte[size * NerGazetteer.CategoryCount];
        }

        _length = 0;
    }

    public void BeginToken(int index) => Offsets[index] = _length;

    public void EndTokens(int count) => Offsets[count] = _length;

    public void Add(ulong key)
    {
        if (_length == Keys.Length)
        {
            ulong[] larger = new ulong[Keys.Length * 2];
            Keys.AsSpan().CopyTo(larger);
            Keys = larger;
        }

        Keys[_length++] = key;
    }
}
