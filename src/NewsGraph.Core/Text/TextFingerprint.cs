using System.Buffers;
using System.Globalization;
using System.Runtime.Intrinsics;

namespace NewsGraph.Core.Text;

/// <summary>
/// A MinHash signature of an article's text, for finding copies of one story (reprints). The text is
/// normalized with <see cref="ArabicText.Normalize"/> (so spelling variants, diacritics and
/// punctuation do not tell copies apart), cut into overlapping shingles of
/// <see cref="ShingleWords"/> words, and each of <see cref="HashCount"/> hash functions keeps the
/// smallest value any shingle gives it. Two signatures agree in a position with probability equal to
/// the Jaccard similarity of the two shingle sets, so <see cref="Similarity"/> estimates it.
/// <para>
/// Finding candidates without comparing against every stored article is locality-sensitive hashing:
/// the signature is cut into <see cref="Bands"/> bands of <see cref="RowsPerBand"/> values and each
/// band hashed to a key (<see cref="BandKeys"/>); a store indexes the keys, and two texts share at
/// least one band key with probability 1 − (1 − s⁴)¹⁶ at Jaccard similarity s: 0.64 at 0.5, 0.99 at
/// 0.7, 0.12 at 0.3. Candidates are then confirmed with <see cref="Similarity"/>.
/// </para>
/// Every constant here is part of what stores keep: changing one changes every band key, so stored
/// fingerprints would have to be recomputed.
/// </summary>
public sealed class TextFingerprint : IEquatable<TextFingerprint>
{
    /// <summary>Words per shingle: five keeps common phrases ("قال وزير الخارجية …") from matching across stories.</summary>
    public const int ShingleWords = 5;

    public const int HashCount = Bands * RowsPerBand;

    public const int Bands = 32;

    public const int RowsPerBand = 3;

    /// <summary>
    /// Texts with fewer shingles get no fingerprint: a two-line item shares most of its shingles
    /// with any other item built from the same stock phrases, and is not worth linking.
    /// </summary>
    public const int MinimumShingles = 20;

    private static readonly ulong[] s_seeds = Seeds();

    private static readonly Vector512<ulong>[] s_seedVectors = [.. Enumerable.Range(0, HashCount / 8).Select(v => Vector512.Create<ulong>(s_seeds.AsSpan(v * 8, 8)))];

    private readonly uint[] _minHashes;

    private TextFingerprint(uint[] minHashes) => _minHashes = minHashes;

    /// <summary>The smallest value of each hash function over the shingles, <see cref="HashCount"/> of them.</summary>
    public IReadOnlyList<uint> MinHashes => _minHashes;

    /// <summary>The fingerprint of <paramref name="text"/>, or null when it has fewer than <see cref="MinimumShingles"/> shingles.</summary>
    public static TextFingerprint? Of(string? text) => OfNormalized(ArabicText.Normalize(text));

    /// <summary>
    /// <see cref="Of"/> of a text whose <see cref="ArabicText.Normalize"/> is <paramref name="normalized"/>: for a
    /// caller that keeps the normalized text anyway (a store indexes it), so the text is not normalized twice.
    /// </summary>
    public static TextFingerprint? OfNormalized(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ulong[] rented = ArrayPool<ulong>.Shared.Rent((normalized.Length / 2) + 1);
        try
        {
            int words = WordHashes(normalized, rented);
            int shingles = words - ShingleWords + 1;
            if (shingles < MinimumShingles)
            {
                return null;
            }

            var minHashes = new uint[HashCount];
            if (Vector512.IsHardwareAccelerated)
            {
                MinHashesVector512(rented.AsSpan(0, words), shingles, minHashes);
            }
            else
            {
                MinHashesScalar(rented.AsSpan(0, words), shingles, minHashes);
            }

            return new TextFingerprint(minHashes);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>The estimated Jaccard similarity of the two texts' shingle sets: the share of positions where the signatures agree.</summary>
    public double Similarity(TextFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int same = 0;
        for (int i = 0; i < HashCount; i++)
        {
            if (_minHashes[i] == other._minHashes[i])
            {
                same++;
            }
        }

        return (double)same / HashCount;
    }

    /// <summary>
    /// One key per band, "bb:hhhhhhhhhhhhhhhh" (band index, then the hash of its rows): texts sharing
    /// a key are candidates. The band index is in the key, so equal rows in different bands never meet.
    /// </summary>
    public IReadOnlyList<string> BandKeys()
    {
        var keys = new string[Bands];
        for (int band = 0; band < Bands; band++)
        {
            ulong hash = (ulong)band + 1;
            for (int row = 0; row < RowsPerBand; row++)
            {
                hash = Mix((hash * 0x100000001B3UL) ^ _minHashes[(band * RowsPerBand) + row]);
            }

            keys[band] = string.Create(CultureInfo.InvariantCulture, $"{band:D2}:{hash:x16}");
        }

        return keys;
    }

    /// <summary>The signature as text for a store to keep: <see cref="HashCount"/> values, 8 hex digits each.</summary>
    public string Encode() => string.Concat(_minHashes.Select(v => v.ToString("x8", CultureInfo.InvariantCulture)));

    /// <summary>Reads what <see cref="Encode"/> wrote.</summary>
    /// <exception cref="FormatException">Not <see cref="HashCount"/> values of 8 hex digits.</exception>
    public static TextFingerprint Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length != HashCount * 8)
        {
            throw new FormatException($"A text fingerprint has {HashCount * 8} hex digits, not {encoded.Length}.");
        }

        var minHashes = new uint[HashCount];
        for (int i = 0; i < HashCount; i++)
        {
            minHashes[i] = uint.Parse(encoded.AsSpan(i * 8, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return new TextFingerprint(minHashes);
    }

    public bool Equals(TextFingerprint? other) => other is not null && _minHashes.AsSpan().SequenceEqual(other._minHashes);

    public override bool Equals(object? obj) => Equals(obj as TextFingerprint);

    public override int GetHashCode() => (int)_minHashes[0];

    /// <summary>
    /// The hash of each word of <paramref name="normalized"/> — the runs of characters other than a space, as
    /// <c>Split(' ', RemoveEmptyEntries)</c> cuts them — into <paramref name="hashes"/>; the number of words. FNV-1a
    /// over the word's UTF-16 code units: stable across processes, unlike string.GetHashCode.
    /// </summary>
    private static int WordHashes(string normalized, ulong[] hashes)
    {
        int words = 0;
        ulong hash = 0xCBF29CE484222325UL;
        bool inWord = false;
        foreach (char c in normalized)
        {
            if (c == ' ')
            {
                if (inWord)
                {
                    hashes[words++] = hash;
                    hash = 0xCBF29CE484222325UL;
                    inWord = false;
                }

                continue;
            }

            hash = (hash ^ c) * 0x100000001B3UL;
            inWord = true;
        }

        if (inWord)
        {
            hashes[words++] = hash;
        }

        return words;
    }

    /// <summary>The shingle starting at <paramref name="start"/>: its words' hashes chained.</summary>
    private static ulong Shingle(ReadOnlySpan<ulong> wordHashes, int start)
    {
        ulong shingle = 0;
        for (int i = 0; i < ShingleWords; i++)
        {
            shingle = Mix((shingle * 0x100000001B3UL) ^ wordHashes[start + i]);
        }

        return shingle;
    }

    /// <summary>Each hash function's smallest value over the shingles, one function at a time.</summary>
    internal static void MinHashesScalar(ReadOnlySpan<ulong> wordHashes, int shingles, Span<uint> minHashes)
    {
        minHashes.Fill(uint.MaxValue);
        for (int start = 0; start < shingles; start++)
        {
            ulong shingle = Shingle(wordHashes, start);
            for (int h = 0; h < HashCount; h++)
            {
                uint value = (uint)(Mix(shingle ^ s_seeds[h]) >> 32);
                if (value < minHashes[h])
                {
                    minHashes[h] = value;
                }
            }
        }
    }

    /// <summary>
    /// The same values as <see cref="MinHashesScalar"/>, eight hash functions at a time: 96 mixes per shingle were
    /// most of the fingerprint's cost, and the mix is shifts, XORs and 64-bit multiplications, which AVX-512 does
    /// on eight lanes at once. Each lane keeps its smallest high half (below 2³², so compared as 64-bit values).
    /// </summary>
    internal static void MinHashesVector512(ReadOnlySpan<ulong> wordHashes, int shingles, Span<uint> minHashes)
    {
        const int Lanes = 8;
        Span<Vector512<ulong>> smallest = stackalloc Vector512<ulong>[HashCount / Lanes];
        smallest.Fill(Vector512.Create((ulong)uint.MaxValue));
        for (int start = 0; start < shingles; start++)
        {
            Vector512<ulong> shingle = Vector512.Create(Shingle(wordHashes, start));
            for (int v = 0; v < smallest.Length; v++)
            {
                Vector512<ulong> mixed = Mix(shingle ^ s_seedVectors[v]);
                smallest[v] = Vector512.Min(smallest[v], Vector512.ShiftRightLogical(mixed, 32));
            }
        }

        for (int v = 0; v < smallest.Length; v++)
        {
            for (int lane = 0; lane < Lanes; lane++)
            {
                minHashes[(v * Lanes) + lane] = (uint)smallest[v].GetElement(lane);
            }
        }
    }

    /// <summary>The SplitMix64 finalizer: every input bit moves every output bit, so one seed per hash function is enough.</summary>
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary><see cref="Mix(ulong)"/> on each lane.</summary>
    private static Vector512<ulong> Mix(Vector512<ulong> value)
    {
        value = (value ^ Vector512.ShiftRightLogical(value, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        value = (value ^ Vector512.ShiftRightLogical(value, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return value ^ Vector512.ShiftRightLogical(value, 31);
    }

    private static ulong[] Seeds()
    {
        var seeds = new ulong[HashCount];
        ulong state = 0x4E657773477261UL; // "NewsGra": fixed, so fingerprints are the same in every process
        for (int i = 0; i < HashCount; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
