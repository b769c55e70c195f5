using System.Numerics;
using System.Runtime.CompilerServices;
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
    // A slot is 4 bytes: the row number plus one (low 24 bits; 0 marks an empty slot) and the key's
    // top 8 bits (bits 32–39, which the slot index never uses) as a tag. The key's other 32 bits are
    // stored with the row's weights (a record), so the full 40-bit key is still compared. Half the
    // size of slots that held the whole key: the table fits the processor's 2 MB L2 cache with room
    // to spare, and a probe rarely follows a tag that is not its key's (1 in 256 occupied slots).
    private const int RowBits = 24;
    private const uint RowMask = (1u << RowBits) - 1;
    private const int MaxRows = (1 << RowBits) - 1;
    private const int TagShift = 32;

    private readonly uint[] _slots;
    private readonly int _slotMask;

    // Per row: the key's low 32 bits (as a float's bits, never used as a number), then its TagCount
    // weights. The key sits in the cache line the row's first weights are fetched into.
    private readonly float[] _records;
    private readonly int _recordLength;

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
        _slots = new uint[capacity];
        _slotMask = capacity - 1;
        _recordLength = tagCount + 1;
        _records = new float[keys.Length * _recordLength];
        for (int row = 0; row < keys.Length; row++)
        {
            ulong key = keys[row];
            if (key == 0 || key > FeatureHash.KeyMask)
            {
                throw new ArgumentException("Feature keys are 40-bit and not 0.", nameof(keys));
            }

            if (RowOf(key) >= 0)
            {
                throw new ArgumentException("Duplicate feature key.", nameof(keys));
            }

            int record = row * _recordLength;
            Unsafe.As<float, uint>(ref _records[record]) = (uint)key;
            weights.AsSpan(row * tagCount, tagCount).CopyTo(_records.AsSpan(record + 1, tagCount));
            int slot = (int)(key & (ulong)_slotMask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _slotMask;
            }

            _slots[slot] = TagOf(key) | (uint)(row + 1);
        }
    }

    public int TagCount { get; }

    public float[] Transitions { get; }

    public float[] Start { get; }

    public float[] End { get; }

    public ulong[] Keys { get; }

    public float[] Weights { get; }

    /// <summary>
    /// Each feature's likely weight row (-1: not in the model) for <see cref="AddRows"/>, which
    /// confirms it: the first slot of the probe whose tag matches the key's, not yet checked against
    /// the key stored with the row (that would wait here for the row to arrive). Every feature's slot
    /// is prefetched before any is probed, and every likely row's first and last cache line before
    /// any row is added: the fetches are independent, so the processor has many cache misses in
    /// flight at once instead of one per feature.
    /// </summary>
    public unsafe void FindRows(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        if (!Sse.IsSupported)
        {
            for (int f = 0; f < features.Length; f++)
            {
                rows[f] = RowOf(features[f]);
            }

            return;
        }

        // Prefetches, not loads: a load that misses holds its place in the processor's reorder
        // buffer until the line arrives, so a few dozen of them fill it and stop the issue of the
        // rest; a prefetch retires at once and lets every miss of the segment be in flight together.
        fixed (uint* slots = _slots)
        {
            ulong mask = (ulong)_slotMask;
            foreach (ulong key in features)
            {
                Sse.Prefetch0(slots + (key & mask));
            }
        }

        // Each record is fetched as soon as its slot is read, while the next slots arrive. A record
        // of ten floats is 40 bytes and often spans two cache lines: its last weight is fetched too.
        fixed (float* records = _records)
        {
            int last = _recordLength - 1;
            for (int f = 0; f < features.Length; f++)
            {
                int row = TaggedRowOf(features[f]);
                rows[f] = row;
                if (row >= 0)
                {
                    float* first = records + (row * _recordLength);
                    Sse.Prefetch0(first);
                    Sse.Prefetch0(first + last);
                }
            }
        }
    }

    /// <summary>
    /// Adds the weight rows <see cref="FindRows"/> found for <paramref name="features"/> to
    /// <paramref name="scores"/> (one token), in feature order, after checking each row's stored key
    /// (a row whose tag matched but whose key does not is looked up again in full). Eight tags at a
    /// time where the processor has 256-bit vectors: each tag's sum takes the same additions in the
    /// same order as one at a time, so the scores are the same bits.
    /// </summary>
    public void AddRows(ReadOnlySpan<ulong> features, ReadOnlySpan<int> rows, Span<float> scores)
    {
        int count = TagCount;
        float[] records = _records;
        int vectorEnd = Vector256.IsHardwareAccelerated ? count - (count % Vector256<float>.Count) : 0;
        ref float score = ref MemoryMarshal.GetReference(scores[..count]);
        for (int f = 0; f < rows.Length; f++)
        {
            int row = rows[f];
            if (row < 0)
            {
                continue;
            }

            ulong key = features[f];
            if (Unsafe.As<float, uint>(ref records[row * _recordLength]) != (uint)key)
            {
                row = RowOf(key);
                if (row < 0)
                {
                    continue;
                }
            }

            ReadOnlySpan<float> weightRow = records.AsSpan((row * _recordLength) + 1, count);
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

    private static uint TagOf(ulong key) => (uint)(key >> TagShift) << RowBits;

    /// <summary>The row of the first slot on the key's probe whose tag is the key's (-1: none); the stored key is not read.</summary>
    private int TaggedRowOf(ulong key)
    {
        uint[] slots = _slots;
        uint tag = TagOf(key);
        int slot = (int)(key & (ulong)_slotMask);
        while (true)
        {
            uint found = slots[slot];
            if (found == 0)
            {
                return -1;
            }

            if ((found & ~RowMask) == tag)
            {
                return (int)(found & RowMask) - 1;
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    /// <summary>The key's weight row (-1: not in the model): tag and stored key both compared.</summary>
    private int RowOf(ulong key)
    {
        uint[] slots = _slots;
        uint tag = TagOf(key);
        int slot = (int)(key & (ulong)_slotMask);
        while (true)
        {
            uint found = slots[slot];
            if (found == 0)
            {
                return -1;
            }

            if ((found & ~RowMask) == tag)
            {
                int row = (int)(found & RowMask) - 1;
                if (Unsafe.As<float, uint>(ref _records[row * _recordLength]) == (uint)key)
                {
                    return row;
                }
            }

            slot = (slot + 1) & _slotMask;
        }
    }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one token).</summary>
    public void AddEmissions(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int count = TagCount;
        float[] records = _records;
        foreach (ulong key in features)
        {
            int row = RowOf(key);
            if (row < 0)
            {
                continue;
            }

            ReadOnlySpan<float> weightRow = records.AsSpan((row * _recordLength) + 1, count);
            for (int t = 0; t < count; t++)
            {
                scores[t] += weightRow[t];
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
