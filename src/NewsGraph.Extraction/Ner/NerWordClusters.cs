using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using System.Text;

namespace NewsGraph.Extraction.Ner;

/// <summary>
/// Word clusters learned from unlabelled text (Brown-style bit-string paths): words that occur in
/// similar contexts share path prefixes, so a person name the labelled data never showed still
/// looks like the names it did show. The tagger uses path prefixes of a few lengths as features
/// (see <see cref="NerFeatureExtractor"/>). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// File format (Liang's <c>wcluster</c> output): one <c>path&lt;TAB&gt;word&lt;TAB&gt;count</c> line per
/// word, <c>#</c> starts a comment line; gzip-compressed or plain UTF-8. Words are in
/// <see cref="KeyOf"/> form — exactly the form the tagger looks up.
/// </remarks>
public sealed class NerWordClusters
{
    /// <summary>The default clusters' path under the assembly's embedded Data/ folder.</summary>
    public const string DefaultResourcePath = "ner/saudinewsnet-clusters.tsv.gz";

    /// <summary>
    /// The default further clusterings (<see cref="Extras"/>), under the same folder: 300 classes
    /// over the 153,848 words seen at least twice, and 300 classes over the 89,230 stems (words
    /// without proclitics and article) seen at least twice.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultExtraResourcePaths = ["ner/saudinewsnet-clusters-300.tsv.gz", "ner/saudinewsnet-stem-clusters-300.tsv.gz"];

    /// <summary>
    /// Path prefix lengths used as features (part of the feature set: a model is only valid with
    /// these). A path shorter than a length contributes its whole self.
    /// </summary>
    internal static readonly int[] PrefixLengths = [2, 4, 6, 8, 10, 12, 20];

    private static readonly Lazy<NerWordClusters> s_default = new(() =>
    {
        static NerWordClusters ReadEmbedded(string path)
        {
            using Stream stream = EmbeddedData.Open(path);
            return Read(stream);
        }

        return ReadEmbedded(DefaultResourcePath).WithExtras(DefaultExtraResourcePaths.Select(ReadEmbedded).ToList());
    });

    // Word hash (FeatureHash.Of of the KeyOf form, as the feature extractor computes it anyway) →
    // cluster index, in an open-addressing table probed from the hash's low bits. A slot packs
    // the hash's high 44 bits and the cluster index (20 bits): one array read per look-up, which
    // matters because every token is looked up. Two words would have to agree on all 44 bits and
    // probe into the same run to be confused. 0 marks an empty slot. Counts are read (and checked)
    // but not kept: no feature uses them.
    private const int ClusterBits = 20;

    private readonly ulong[] _slots;
    private readonly int _slotMask;

    // Per cluster, the hashed path prefix of each length in PrefixLengths.
    private readonly ulong[] _prefixValues;

    // Binarized files: per cluster, the positive and the negative dimensions as bit masks.
    private ulong[] _codes = [];

    private NerWordClusters(NerWordClusters primary, IReadOnlyList<NerWordClusters> extras)
    {
        _slots = primary._slots;
        _slotMask = primary._slotMask;
        _prefixValues = primary._prefixValues;
        Paths = primary.Paths;
        WordCount = primary.WordCount;
        Extras = extras;
        KeyedByStem = primary.KeyedByStem;
        Fingerprint = string.Join('+', extras.Select(e => e.Fingerprint).Prepend(primary.Fingerprint));
    }

    private NerWordClusters(IReadOnlyList<ulong> wordHashes, IReadOnlyList<int> clusters, ulong[] prefixValues, IReadOnlyList<string> paths, string fingerprint)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, wordHashes.Count * 2));
        _slots = new ulong[capacity];
        _slotMask = capacity - 1;
        for (int w = 0; w < wordHashes.Count; w++)
        {
            ulong tag = Tag(wordHashes[w]);
            int slot = (int)(wordHashes[w] & (ulong)_slotMask);
            while (_slots[slot] != 0 && (_slots[slot] >> ClusterBits) != tag)
            {
                slot = (slot + 1) & _slotMask;
            }

            if (_slots[slot] == 0)
            {
                // A word listed twice keeps its first line.
                _slots[slot] = (tag << ClusterBits) | (uint)clusters[w];
                WordCount++;
            }
        }

        _prefixValues = prefixValues;
        Paths = paths;
        Fingerprint = fingerprint;
    }

    /// <summary>No clusters: cluster features never fire (every word counts as unlisted).</summary>
    public static NerWordClusters Empty { get; } = new([], [], [], [], string.Empty);

    /// <summary>Most further clusterings (<see cref="Extras"/>).</summary>
    public const int MaxExtras = 4;

    /// <summary>
    /// Further clusterings of the same words (another number of classes, another frequency
    /// cut-off, or a context clustering), whose path prefixes are features of their own; empty when none.
    /// </summary>
    public IReadOnlyList<NerWordClusters> Extras { get; } = [];

    /// <summary>
    /// The words are listed in <see cref="StemKeyOf"/> form (the file has a <c># key: stem</c> line)
    /// and looked up by the token's stem; otherwise in <see cref="KeyOf"/> form.
    /// </summary>
    public bool KeyedByStem { get; private init; }

    /// <summary>
    /// The "paths" are binarized word vectors, not tree paths (the file has a <c># kind: binarized</c>
    /// line): 2 d bits, the first d saying which of d dimensions are clearly positive, the last d
    /// which are clearly negative (Guo et al. 2014). The tagger fires one feature per such
    /// dimension and side (<see cref="Code"/>) instead of path prefixes. Only a further clustering
    /// may be binarized.
    /// </summary>
    public bool Binarized { get; private init; }

    /// <summary>Number of listed words.</summary>
    public int WordCount { get; }

    /// <summary>The distinct paths (clusters), in file order of first appearance.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the file's text, followed by "+" and each further clustering's
    /// (<see cref="Extras"/>): a model records the clusters it was trained with and refuses others.
    /// Empty for <see cref="Empty"/>.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>
    /// The clusters embedded in this assembly (learned from SaudiNewsNet; see Data/ner/MODEL.md):
    /// 1,000 classes, with the 300-class clusterings of words and of stems as further ones. Loaded once.
    /// </summary>
    public static NerWordClusters LoadDefault() => s_default.Value;

    /// <summary>
    /// These clusters with <paramref name="extras"/> as further clusterings (features of their
    /// own); the fingerprint covers all, in order.
    /// </summary>
    public NerWordClusters WithExtras(IReadOnlyList<NerWordClusters> extras)
    {
        ArgumentNullException.ThrowIfNull(extras);
        if (Extras.Count > 0 || extras.Count > MaxExtras || Fingerprint.Length == 0 || extras.Any(e => e.Extras.Count > 0 || e.Fingerprint.Length == 0))
        {
            throw new ArgumentException($"Up to {MaxExtras} further clusterings go with one non-empty first clustering.", nameof(extras));
        }

        return extras.Count == 0 ? this : new NerWordClusters(this, [.. extras]);
    }

    /// <summary>
    /// The form clusters are keyed by: the token as the tagger normalizes it
    /// (<see cref="Core.Text.ArabicText.Normalize"/>, punctuation kept as itself, cut at 64 chars).
    /// Clitics stay attached; the tagger also looks up the form without و ف ب ل ك.
    /// </summary>
    public static string KeyOf(string? token) => NerTokenForms.Analyze(token).Normalized;

    /// <summary>The token without proclitics and article (the tagger's stem): the key of a stem-keyed clustering.</summary>
    public static string StemKeyOf(string? token) => NerTokenForms.Analyze(token).Stem;

    /// <summary>Reads a cluster file, gzip-compressed or plain UTF-8.</summary>
    /// <exception cref="InvalidDataException">A line is not <c>path TAB word TAB count</c>, or a path is not a bit string.</exception>
    public static NerWordClusters Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] bytes = buffer.ToArray();
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        return Parse(new UTF8Encoding(false, true).GetString(bytes));
    }

    /// <summary>Parses the text of a cluster file.</summary>
    /// <inheritdoc cref="Read" path="/exception"/>
    public static NerWordClusters Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var wordHashes = new List<ulong>();
        var clusterOfWord = new List<int>();
        var clusterOfPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new List<string>();
        bool keyedByStem = false;
        bool binarized = false;
        int lineNumber = 0;
        foreach (ReadOnlySpan<char> raw in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            ReadOnlySpan<char> line = raw.TrimEnd('\r');
            if (line.IsEmpty || line[0] == '#')
            {
                keyedByStem |= line.SequenceEqual("# key: stem");
                binarized |= line.SequenceEqual("# kind: binarized");
                continue;
            }

            int first = line.IndexOf('\t');
            int second = first < 0 ? -1 : line[(first + 1)..].IndexOf('\t');
            if (first <= 0 || second <= 0)
            {
                throw Bad(lineNumber, "expected path<TAB>word<TAB>count");
            }

            ReadOnlySpan<char> path = line[..first];
            ReadOnlySpan<char> word = line.Slice(first + 1, second);
            if (path.ContainsAnyExcept('0', '1')
                || !long.TryParse(line[(first + second + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out long count)
                || count < 1)
            {
                throw Bad(lineNumber, "the path must be a bit string and the count a positive integer");
            }

            if (binarized && (path.Length % 2 != 0 || path.Length > 128))
            {
                throw Bad(lineNumber, "a binarized code has 2 d bits, d ≤ 64");
            }

            string pathText = path.ToString();
            if (!clusterOfPath.TryGetValue(pathText, out int cluster))
            {
                if (paths.Count == 1 << ClusterBits)
                {
                    throw Bad(lineNumber, "too many clusters");
                }

                cluster = paths.Count;
                clusterOfPath.Add(pathText, cluster);
                paths.Add(pathText);
            }

            wordHashes.Add(FeatureHash.Of(word));
            clusterOfWord.Add(cluster);
        }

        ulong[] prefixValues = new ulong[paths.Count * PrefixLengths.Length];
        for (int c = 0; c < paths.Count; c++)
        {
            for (int k = 0; k < PrefixLengths.Length; k++)
            {
                string path = paths[c];
                prefixValues[(c * PrefixLengths.Length) + k] = FeatureHash.Of(path.AsSpan(0, Math.Min(path.Length, PrefixLengths[k])));
            }
        }

        return new NerWordClusters(wordHashes, clusterOfWord, prefixValues, paths, fingerprint)
        {
            KeyedByStem = keyedByStem,
            Binarized = binarized,
            _codes = binarized ? Codes(paths) : [],
        };
    }

    /// <summary>The path of <paramref name="token"/> (looked up in <see cref="KeyOf"/> form), or null when it is not listed.</summary>
    public string? PathOf(string? token) => ClusterOf(FeatureHash.Of(KeyOf(token))) is >= 0 and var cluster ? Paths[cluster] : null;

    /// <summary>
    /// Starts fetching the slot where <see cref="ClusterOf"/> will begin to look for the word: the
    /// feature extractor asks for every token's clusters a loop after hashing them all, so that the
    /// table's cache misses overlap instead of coming one per look-up.
    /// </summary>
    internal unsafe void Prefetch(ulong wordHash)
    {
        if (Sse.IsSupported)
        {
            fixed (ulong* slots = _slots)
            {
                Sse.Prefetch0(slots + (wordHash & (ulong)_slotMask));
            }
        }
    }

    /// <summary>The cluster index of a word given as <c>FeatureHash.Of</c> of its <see cref="KeyOf"/> form; −1 when not listed.</summary>
    internal int ClusterOf(ulong wordHash)
    {
        ulong tag = Tag(wordHash);
        int slot = (int)(wordHash & (ulong)_slotMask);
        while (true)
        {
            ulong found = _slots[slot];
            if (found == 0)
            {
                return -1;
            }

            if ((found >> ClusterBits) == tag)
            {
                return (int)(found & ((1UL << ClusterBits) - 1));
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    /// <summary>A binarized file's code of <paramref name="cluster"/>: bit j of Positive (Negative) set when dimension j is clearly positive (negative).</summary>
    internal (ulong Positive, ulong Negative) Code(int cluster) => (_codes[2 * cluster], _codes[(2 * cluster) + 1]);

    private static ulong[] Codes(List<string> paths)
    {
        ulong[] codes = new ulong[2 * paths.Count];
        for (int c = 0; c < paths.Count; c++)
        {
            int d = paths[c].Length / 2;
            for (int j = 0; j < d; j++)
            {
                codes[2 * c] |= paths[c][j] == '1' ? 1UL << j : 0;
                codes[(2 * c) + 1] |= paths[c][d + j] == '1' ? 1UL << j : 0;
            }
        }

        return codes;
    }

    // The high 44 bits, never 0 (0 marks an empty slot).
    private static ulong Tag(ulong wordHash) => Math.Max(wordHash >> ClusterBits, 1UL);

    /// <summary>The hashed path prefixes of <paramref name="cluster"/>, one per <see cref="PrefixLengths"/> entry.</summary>
    internal ReadOnlySpan<ulong> PrefixValues(int cluster) => _prefixValues.AsSpan(cluster * PrefixLengths.Length, PrefixLengths.Length);

    private static InvalidDataException Bad(int line, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Word cluster file, line {line}: {what}."));
}
