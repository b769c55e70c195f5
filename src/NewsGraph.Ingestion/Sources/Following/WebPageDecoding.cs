using System.Text;
using System.Text.RegularExpressions;

namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>
/// The text of a fetched page, in the encoding it is really in. In order: a byte order mark; the
/// <c>charset</c> of the <c>Content-Type</c> header; a <c>&lt;meta charset&gt;</c> or
/// <c>http-equiv</c> declaration in the first bytes; UTF-8 if the bytes are valid UTF-8; else
/// windows-1256, the legacy Arabic code page many Arabic news sites still serve undeclared.
/// </summary>
public static partial class WebPageDecoding
{
    private const int DeclarationWindow = 4096;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static int s_codePagesRegistered;

    /// <summary>Makes the legacy code pages (windows-1256, iso-8859-6, …) available to <see cref="Encoding.GetEncoding(string)"/>.</summary>
    public static void EnsureCodePages()
    {
        if (Interlocked.Exchange(ref s_codePagesRegistered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
    }

    /// <summary>The page's text and the name of the encoding it was read in.</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes, string? contentTypeCharset)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        EnsureCodePages();
        Encoding? fromMark = MarkedEncoding(bytes, out int markLength);
        if (fromMark is not null)
        {
            return (fromMark.GetString(bytes, markLength, bytes.Length - markLength), fromMark.WebName);
        }

        Encoding? declared = Named(contentTypeCharset) ?? Named(DeclaredInPage(bytes));
        if (declared is not null)
        {
            return (declared.GetString(bytes), declared.WebName);
        }

        try
        {
            return (s_strictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            Encoding arabic = Encoding.GetEncoding("windows-1256");
            return (arabic.GetString(bytes), arabic.WebName);
        }
    }

    /// <summary>The charset a page declares in a meta tag within its first bytes (read as ASCII: the declaration must be).</summary>
    internal static string? DeclaredInPage(byte[] bytes)
    {
        string head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, DeclarationWindow));
        Match match = MetaCharset().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? Named(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            // An unknown charset name is treated as no declaration: the content decides.
            return null;
        }
    }

    private static Encoding? MarkedEncoding(byte[] bytes, out int length)
    {
        (byte[] Mark, Encoding Encoding)[] marks =
        [
            ([0xEF, 0xBB, 0xBF], Encoding.UTF8),
            ([0xFF, 0xFE], Encoding.Unicode),
            ([0xFE, 0xFF], Encoding.BigEndianUnicode),
        ];
        foreach ((byte[] mark, Encoding encoding) in marks)
        {
            if (bytes.AsSpan().StartsWith(mark))
            {
                length = mark.Length;
                return encoding;
            }
        }

        length = 0;
        return null;
    }

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
