using NewsGraph.Core.Text;

namespace NewsGraph.Core.Tests.Text;

/// <summary>
/// The fingerprint's values are part of what stores keep (band keys, the encoded signature): however it is
/// computed, it must give what the first implementation gave. <see cref="Reference"/> is that implementation,
/// word for word; texts of every shape are fingerprinted both ways.
/// </summary>
public sealed class TextFingerprintTests
{
    private static readonly string[] s_words =
        ["قال", "وزير", "الخارجية", "الرياض", "واس", "أكد", "إلى", "مؤتمر", "٢٠١٥", "2015", "news", "،", "ـــ", "ًّ", "a\u0640b", "😀", "\u00A0", "\t", "\n"];

    [Fact]
    public void Of_TextsOfEveryShape_GivesTheFirstImplementationsValues()
    {
        var random = new Random(13);
        for (int i = 0; i < 400; i++)
        {
            int count = random.Next(0, 400);
            var text = new System.Text.StringBuilder();
            for (int w = 0; w < count; w++)
            {
                text.Append(s_words[random.Next(s_words.Length)]);
                text.Append(random.Next(6) switch { 0 => "  ", 1 => " . ", 2 => "\n", _ => " " });
            }

            string input = (random.Next(3) == 0 ? "  " : "") + text;
            uint[]? expected = Reference(input);
            TextFingerprint? actual = TextFingerprint.Of(input);

            Assert.Equal(expected, actual?.MinHashes.ToArray());
            Assert.Equal(actual, TextFingerprint.OfNormalized(ArabicText.Normalize(input)));
        }
    }

    [Fact]
    public void Of_NullBlankOrShort_HasNoFingerprint()
    {
        Assert.Null(TextFingerprint.Of(null));
        Assert.Null(TextFingerprint.Of("   "));
        Assert.Null(TextFingerprint.Of(string.Join(' ', Enumerable.Repeat("كلمة", TextFingerprint.MinimumShingles + TextFingerprint.ShingleWords - 2))));
        Assert.NotNull(TextFingerprint.Of(string.Join(' ', Enumerable.Repeat("كلمة", TextFingerprint.MinimumShingles + TextFingerprint.ShingleWords - 1))));
    }

    /// <summary>The fingerprint as first written (one hash function at a time over the split words).</summary>
    private static uint[]? Reference(string? text)
    {
        string[] words = ArabicText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int shingles = words.Length - TextFingerprint.ShingleWords + 1;
        if (shingles < TextFingerprint.MinimumShingles)
        {
            return null;
        }

        ulong[] seeds = new ulong[TextFingerprint.HashCount];
        ulong state = 0x4E657773477261UL;
        for (int i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }

        ulong[] wordHashes = [.. words.Select(WordHash)];
        var minHashes = new uint[TextFingerprint.HashCount];
        Array.Fill(minHashes, uint.MaxValue);
        for (int start = 0; start < shingles; start++)
        {
            ulong shingle = 0;
            for (int i = 0; i < TextFingerprint.ShingleWords; i++)
            {
                shingle = Mix((shingle * 0x100000001B3UL) ^ wordHashes[start + i]);
            }

            for (int h = 0; h < TextFingerprint.HashCount; h++)
            {
                minHashes[h] = Math.Min(minHashes[h], (uint)(Mix(shingle ^ seeds[h]) >> 32));
            }
        }

        return minHashes;
    }

    private static ulong WordHash(string word)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (char c in word)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }

    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
