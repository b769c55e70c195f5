using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NewsGraph.Extraction.Ner;

/// <summary>
/// One linear-chain scorer: per-feature tag weights (keyed by 40-bit feature hashes, looked up in
/// an open-addressing table) and tag transition weights. Immutable.
/// </summary>
internal sealed class NerChain
{
    // A slot packs the 40-bit key (low bits) and its weight row (high 24 bits), so a probe reads
    // one array: looking features up is most of the tagger's time, and each array touched is a
    // likely cache miss. 0 marks an empty slot (key 0 is reserved).
    private const int RowShift = 40;
    private const int MaxRows = 1 << (64 - RowShift);

    private readonly ulong[] _slots;
    private readonly int _slotMask;

    public NerChain(int tagCount, float[] transitions, float[] start, float[] end, ulong[] keys, float[] weights)
    {
        if (transitions.Length != tagCount * tagCount || start.Length != tagCount || end.Length != tagCount || weights.Length != keys.Length * tagCount)
        {
            throw new ArgumentException("Weight arrays do not match the tag set.");
        }

        if (keys.Length > MaxRows)
        {
            throw new ArgumentException("Too many feature rows.", nameof(keys));
        }

        TagCount = tagCount;
        Transitions = transitions;
        Start = start;
        End = end;
        Keys = keys;
        Weights = weights;

        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _slots = new ulong[capacity];
        _slotMask = capacity - 1;
        for (int row = 0; row < keys.Length; row++)
        {
            ulong key = keys[row];
            if (key == 0 || key > FeatureHash.KeyMask)
            {
                throw new ArgumentException("Feature keys are 40-bit and not 0.", nameof(keys));
            }

            int slot = (int)(key & (ulong)_slotMask);
            while (_slots[slot] != 0)
            {
                if ((_slots[slot] & FeatureHash.KeyMask) == key)
                {
                    throw new ArgumentException("Duplicate feature key.", nameof(keys));
                }

                slot = (slot + 1) & _slotMask;
            }

            _slots[slot] = key | ((ulong)row << RowShift);
        }
    }

    public int TagCount { get; }

    public float[] Transitions { get; }

    public float[] Start { get; }

    public float[] End { get; }

    public ulong[] Keys { get; }

    public float[] Weights { get; }

    /// <summary>
    /// The weight row of each feature (-1: not in the model), for <see cref="AddRows"/>. Every
    /// feature's slot is prefetched before any is probed, and every row's first and last weight before any
    /// row is added: the fetches are independent, so the processor has many cache misses in flight
    /// at once instead of one per feature (the table is megabytes; almost every probe misses).
    /// Prefetching instead of reading took this method from 12.3 to 7.9 % of the extraction profile.
    /// </summary>
    public unsafe void FindRows(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        if (!Sse.IsSupported)
        {
            FindRowsTouching(features, rows);
            return;
        }

        // Prefetches, not loads: a load that misses holds its place in the processor's reorder
        // buffer until the line arrives, so a few dozen of them fill it and stop the issue of the
        // rest; a prefetch retires at once and lets every miss of the segment be in flight together.
        fixed (ulong* slots = _slots)
        {
            ulong mask = (ulong)_slotMask;
            foreach (ulong key in features)
            {
                Sse.Prefetch0(slots + (key & mask));
            }
        }

        // Each row's weights are fetched as soon as its slot is read, while the next slots arrive. A
        // row of nine weights is 36 bytes and often spans two cache lines: its last weight is fetched too.
        fixed (float* weights = Weights)
        {
            int last = TagCount - 1;
            for (int f = 0; f < features.Length; f++)
            {
                int row = RowOf(features[f]);
                rows[f] = row;
                if (row >= 0)
                {
                    float* first = weights + (row * TagCount);
                    Sse.Prefetch0(first);
                    Sse.Prefetch0(first + last);
                }
            }
        }
    }

    /// <summary><see cref="FindRows"/> where the processor has no prefetch instruction: the same warming done with loads.</summary>
    private void FindRowsTouching(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        ulong[] slots = _slots;
        ulong touched = 0;
        foreach (ulong key in features)
        {
            touched |= slots[(int)(key & (ulong)_slotMask)];
        }

        for (int f = 0; f < features.Length; f++)
        {
            rows[f] = RowOf(features[f]);
        }

        float[] weights = Weights;
        float sum = 0;
        foreach (int row in rows[..features.Length])
        {
            if (row >= 0)
            {
                sum += weights[row * TagCount] + weights[(row * TagCount) + TagCount - 1];
            }
        }

        // Keeps the warming reads from being optimized away; never true for a real table.
        if (touched == ulong.MaxValue && float.IsNaN(sum))
        {
            throw new InvalidOperationException("Unreachable.");
        }
    }

    /// <summary>
    /// Adds the weight rows <see cref="FindRows"/> found to <paramref name="scores"/> (one token), in
    /// feature order. Eight tags at a time where the processor has 256-bit vectors: each tag's sum
    /// takes the same additions in the same order as one at a time, so the scores are the same bits.
    /// </summary>
    public void AddRows(ReadOnlySpan<int> rows, Span<float> scores)
    {
        int count = TagCount;
        float[] weights = Weights;
        int vectorEnd = Vector256.IsHardwareAccelerated ? count - (count % Vector256<float>.Count) : 0;
        ref float score = ref MemoryMarshal.GetReference(scores[..count]);
        foreach (int row in rows)
        {
            if (row < 0)
            {
                continue;
            }

            ReadOnlySpan<float> weightRow = weights.AsSpan(row * count, count);
            ref float weight = ref MemoryMarshal.GetReference(weightRow);
            int t = 0;
            for (; t < vectorEnd; t += Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref score, (nuint)t) + Vector256.LoadUnsafe(ref weight, (nuint)t)).StoreUnsafe(ref score, (nuint)t);
            }

            for (; t < count; t++)
            {
                scores[t] += weightRow[t];
            }
        }
    }

    private int RowOf(ulong key)
    {
        ulong[] slots = _slots;
        int slot = (int)(key & (ulong)_slotMask);
        while (true)
        {
            ulong found = slots[slot];
            if ((found & FeatureHash.KeyMask) == key)
            {
                return (int)(found >> RowShift); // keys are never 0, so an empty slot never matches
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one token).</summary>
    public void AddEmissions(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int count = TagCount;
        float[] weights = Weights;
        ulong[] slots = _slots;
        foreach (ulong key in features)
        {
            int slot = (int)(key & (ulong)_slotMask);
            while (true)
            {
                ulong found = slots[slot];
                if ((found & FeatureHash.KeyMask) == key)
                {
                    // Feature keys are never 0, so an empty slot never matches.
                    ReadOnlySpan<float> row = weights.AsSpan((int)(found >> RowShift) * count, count);
                    for (int t = 0; t < count; t++)
                    {
                        scores[t] += row[t];
                    }

                    break;
                }

                if (found == 0)
                {
                    break;
                }

                slot = (slot + 1) & _slotMask;
            }
        }
    }

    /// <summary>
    /// Sparse and compact: features sorted by key, each stored as the varint gap from the previous
    /// key, a mask of the tags with a non-zero weight, and those weights as IEEE half floats
    /// (3 significant digits — far below what changes a decision). The bytes depend only on the
    /// weights.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        WriteFloats(writer, Transitions);
        WriteFloats(writer, Start);
        WriteFloats(writer, End);
        int[] order = Enumerable.Range(0, Keys.Length).ToArray();
        Array.Sort(Keys.ToArray(), order);
        writer.Write(Keys.Length);
        ulong previous = 0;
        foreach (int row in order)
        {
            writer.Write7BitEncodedInt64((long)(Keys[row] - previous));
            previous = Keys[row];
            ReadOnlySpan<float> weights = Weights.AsSpan(row * TagCount, TagCount);
            ushort mask = 0;
            for (int t = 0; t < TagCount; t++)
            {
                if ((Half)weights[t] != Half.Zero)
                {
                    mask |= (ushort)(1 << t);
                }
            }

            writer.Write(mask);
            for (int t = 0; t < TagCount; t++)
            {
                if ((mask & (1 << t)) != 0)
                {
                    writer.Write((Half)weights[t]);
                }
            }
        }
    }

    public static NerChain Read(BinaryReader reader, int tagCount)
    {
        float[] transitions = ReadFloats(reader, tagCount * tagCount);
        float[] start = ReadFloats(reader, tagCount);
        float[] end = ReadFloats(reader, tagCount);
        int featureCount = reader.ReadInt32();
        if (featureCount is < 0 or > 50_000_000)
        {
            throw new InvalidDataException("Bad feature count.");
        }

        ulong[] keys = new ulong[featureCount];
        float[] weights = new float[featureCount * tagCount];
        ulong key = 0;
        for (int row = 0; row < featureCount; row++)
        {
            key += (ulong)reader.Read7BitEncodedInt64();
            keys[row] = key;
            ushort mask = reader.ReadUInt16();
            for (int t = 0; t < tagCount; t++)
            {
                if ((mask & (1 << t)) != 0)
                {
                    weights[(row * tagCount) + t] = (float)reader.ReadHalf();
                }
            }
        }

        return new NerChain(tagCount, transitions, start, end, keys, weights);
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (float value in values)
        {
            writer.Write(value);
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }
}
