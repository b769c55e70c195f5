using System.Globalization;
using System.Text;

namespace NewsGraph.Ingestion.Sources;

/// <summary>Why an input could not become an article; the message is shown to the user as is.</summary>
public sealed class ArticleRejectedException(string message) : Exception(message);

/// <summary>
/// Turns raw bytes into article text, refusing what is not text: binary content, invalid
/// encodings, empty files. A byte order mark is read first and chooses the encoding (UTF-8,
/// UTF-16 LE/BE, UTF-32 LE/BE), since UTF-16 text is full of zero bytes that would otherwise look
/// binary; without one the bytes must be UTF-8. NUL characters are dropped from the text; line
/// endings are normalized to \n.
/// </summary>
public static class ArticleDecoding
{
    /// <summary>The largest article accepted, in bytes (larger inputs are almost certainly not news articles).</summary>
    public const int MaxArticleBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // UTF-32 LE before UTF-16 LE: its mark begins with the UTF-16 LE one.
    private static readonly (byte[] Mark, string Name, Encoding Encoding)[] s_byteOrderMarks =
    [
        ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE", new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE", new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0xEF, 0xBB, 0xBF], "UTF-8", s_strictUtf8),
        ([0xFF, 0xFE], "UTF-16LE", new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)),
        ([0xFE, 0xFF], "UTF-16BE", new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)),
    ];

    /// <summary>Article text from bytes: decoded, then checked for words.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => ValidateText(DecodeText(bytes));

    /// <summary>
    /// Text from bytes, without judging whether it reads as an article: a .json file is text
    /// whose articles are judged one by one after parsing.
    /// </summary>
    public static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxArticleBytes)
        {
            throw new ArticleRejectedException(TooLarge(bytes.Length));
        }

        string text;
        (byte[] Mark, string Name, Encoding Encoding)? declared = DeclaredEncoding(bytes);
        if (declared is { } bom)
        {
            text = Decode(bytes[bom.Mark.Length..], bom.Encoding, bom.Name, bom.Mark.Length);
            if (MostlyControlCharacters(text))
            {
                throw new ArticleRejectedException("binary content, not text");
            }
        }
        else
        {
            if (bytes.Contains((byte)0) && LooksLikeUtf16(bytes))
            {
                throw new ArticleRejectedException("UTF-16 without a byte order mark; save the file as UTF-8");
            }

            if (LooksBinary(bytes))
            {
                throw new ArticleRejectedException("binary content, not text");
            }

            text = Decode(bytes, s_strictUtf8, "UTF-8", 0);
        }

        text = text.Replace("\0", string.Empty, StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(text) ? throw new ArticleRejectedException("empty: no text") : text;
    }

    /// <summary>Removes NUL characters, normalizes line endings and refuses empty or letterless text.</summary>
    public static string ValidateText(string? text)
    {
        text = WithoutNul(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleRejectedException("empty: no text");
        }

        string normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (!normalized.Any(char.IsLetter))
        {
            throw new ArticleRejectedException("no words: the text has no letters");
        }

        if (normalized.Length > MaxArticleBytes)
        {
            throw new ArticleRejectedException($"too large: {normalized.Length:N0} characters");
        }

        return normalized;
    }

    /// <summary>
    /// <paramref name="text"/> without NUL characters: C strings, SQLite's text functions and
    /// terminals stop at them, so no stored text keeps one. Null stays null.
    /// </summary>
    public static string? WithoutNul(string? text) =>
        text is not null && text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;

    /// <summary>The reason for refusing <paramref name="bytes"/> bytes, the same whether known from a stat or from the content.</summary>
    public static string TooLarge(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"too large: {bytes:N0} bytes (the limit is {MaxArticleBytes:N0})");

    private static (byte[] Mark, string Name, Encoding Encoding)? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        foreach ((byte[] Mark, string Name, Encoding Encoding) bom in s_byteOrderMarks)
        {
            if (bytes.StartsWith(bom.Mark))
            {
                return bom;
            }
        }

        return null;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, string name, int offset)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            string advice = name == "UTF-8" ? "convert the file to UTF-8" : $"the file starts with a {name} byte order mark but is not {name}";
            throw new ArticleRejectedException($"not valid {name} (invalid byte at offset {ex.Index + offset}); {advice}");
        }
    }

    /// <summary>
    /// Zero bytes only in odd positions (or only in even ones) of an even-length file: the high
    /// bytes of ASCII characters in UTF-16 saved without a mark. Binary files have them anywhere.
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 2 != 0)
        {
            return false;
        }

        int even = 0;
        int odd = 0;
        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 8192)];
        for (int i = 0; i < head.Length; i++)
        {
            if (head[i] != 0)
            {
                continue;
            }

            if (i % 2 == 0)
            {
                even++;
            }
            else
            {
                odd++;
            }
        }

        return (even == 0) != (odd == 0);
    }

    /// <summary>NUL bytes, or many control characters in the first 8 KB, mean binary content.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Contains((byte)0))
        {
            return true;
        }

        int control = 0;
        foreach (byte b in head)
        {
            if (IsStrayControl((char)b))
            {
                control++;
            }
        }

        return head.Length > 0 && control * 100 / head.Length > 2;
    }

    /// <summary>Text whose encoding was declared is still refused if its first 8 K characters are mostly control characters.</summary>
    private static bool MostlyControlCharacters(string text)
    {
        ReadOnlySpan<char> head = text.AsSpan(0, Math.Min(text.Length, 8192));
        int control = 0;
        foreach (char c in head)
        {
            if (c != '\0' && IsStrayControl(c))
            {
                control++;
            }
        }

        return head.Length > 0 && control * 100 / head.Length > 2;
    }

    private static bool IsStrayControl(char c) => c < 0x20 && c is not ('\n' or '\r' or '\t' or '\f');
}
