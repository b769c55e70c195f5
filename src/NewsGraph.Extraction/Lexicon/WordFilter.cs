namespace NewsGraph.Extraction.Lexicon;

/// <summary>
/// A bit per (length, first, middle and last letter) of the words added: a few kilobytes that stay in
/// the processor's cache and say "not one of them" for most words without hashing the word or reading
/// a dictionary of megabytes. It never says no to a word added; a word it lets through must still be
/// looked up.
/// </summary>
internal sealed class WordFilter
{
    private readonly ulong[] _bits;
    private readonly int _shift;

    /// <param name="bits">The filter holds 2^bits bits; about eight a word keeps it mostly empty.</param>
    public WordFilter(int bits)
    {
        _bits = new ulong[Math.Max(1, (1 << bits) / 64)];
        _shift = 32 - bits;
    }

    /// <summary>A filter of about eight bits a word for <paramref name="count"/> words (at least 1,024 bits).</summary>
    public static WordFilter For(int count) => new(Math.Max(10, 3 + (int)Math.Ceiling(Math.Log2(Math.Max(1, count)))));

    public void Add(string word)
    {
        int bit = BitOf(word);
        _bits[bit >> 6] |= 1UL << (bit & 63);
    }

    public bool MayHold(ReadOnlySpan<char> word)
    {
        int bit = BitOf(word);
        return (_bits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    private int BitOf(ReadOnlySpan<char> word)
    {
        if (word.Length == 0)
        {
            return 0;
        }

        uint h = (uint)word.Length;
        h = (h * 31) + word[0];
        h = (h * 31) + word[word.Length / 2];
        h = (h * 31) + word[^1];
        return (int)((h * 0x9E3779B1u) >> _shift);
    }
}
