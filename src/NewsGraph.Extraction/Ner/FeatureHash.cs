namespace NewsGraph.Extraction.Ner;

/// <summary>
/// Stable feature keys. Features are never built as strings: each token's forms are hashed once
/// and templates combine those hashes. The functions are part of the model format — a saved model
/// is only valid with exactly these (FNV-1a over UTF-16 code units, SplitMix64 finalizer). Keys
/// are 40 bits: with a few million distinct training features that gives a handful of
/// collisions at most (harmless, as in any hashed feature space) and keeps the model file small.
/// </summary>
internal static class FeatureHash
{
    /// <summary>Feature keys use the low 40 bits; 0 is reserved.</summary>
    public const ulong KeyMask = (1UL << 40) - 1;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong hash = FnvOffset;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= FnvPrime;
        }

        return Mix(hash ^ (ulong)text.Length);
    }

    public static ulong Of(string text) => Of(text.AsSpan());

    /// <summary>A feature of template <paramref name="template"/> with value <paramref name="value"/>.</summary>
    public static ulong Feature(int template, ulong value) => NonZero(Mix(value + (((ulong)template + 1) * 0x9E3779B97F4A7C15UL)) & KeyMask);

    /// <summary>A feature of template <paramref name="template"/> over two values (a conjunction).</summary>
    public static ulong Feature(int template, ulong first, ulong second) => Feature(template, Mix(first) ^ (second * 0xC2B2AE3D27D4EB4FUL));

    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    // 0 marks an empty slot in the model's hash table.
    private static ulong NonZero(ulong key) => key == 0 ? 1 : key;
}
