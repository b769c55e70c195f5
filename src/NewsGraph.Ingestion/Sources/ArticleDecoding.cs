using System.Text;

namespace NewsGraph.Ingestion.Sources;

/// <summary>Why an input could not become an article; the message is shown to the user as is.</summary>
public sealed class ArticleRejectedException(string message) : Exception(message);

/// <summary>
/// Turns raw bytes into article text, refusing what is not text: binary content, invalid UTF-8,
/// empty files. A UTF-8 byte order mark is dropped; line endings are normalized to \n.
/// </summary>
public static class ArticleDecoding
{
    /// <summary>The largest article accepted, in bytes (larger inputs are almost certainly not news articles).</summary>
    public const int MaxArticleBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxArticleBytes)
        {
            throw new ArticleRejectedException($"too large: {bytes.Length:N0} bytes (the limit is {MaxArticleBytes:N0})");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (LooksBinary(bytes))
        {
            throw new ArticleRejectedException("binary content, not text");
        }

        string text;
        try
        {
            text = s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArticleRejectedException($"not valid UTF-8 (invalid byte at offset {ex.Index}); convert the file to UTF-8");
        }

        return ValidateText(text);
    }

    /// <summary>Normalizes line endings and refuses empty or letterless text.</summary>
    public static string ValidateText(string? text)
    {
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
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                control++;
            }
        }

        return head.Length > 0 && control * 100 / head.Length > 2;
    }
}
