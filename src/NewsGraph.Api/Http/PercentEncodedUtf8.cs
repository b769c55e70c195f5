using System.Globalization;
using System.Text.Unicode;

namespace NewsGraph.Api.Http;

/// <summary>
/// Whether a raw (still percent-encoded) query string decodes to UTF-8. ASP.NET Core's query
/// parsing does not say: it leaves an invalid sequence such as <c>%FF</c> encoded, so a GET would
/// run a query with "%FF" in it instead of being refused as malformed.
/// </summary>
internal static class PercentEncodedUtf8
{
    /// <summary>True when every run of percent-encoded bytes above 0x7F in <paramref name="rawQuery"/> is well-formed UTF-8.</summary>
    public static bool IsValid(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);

        // A character outside ASCII is a run of consecutive %XX above 0x7F; anything else ends the
        // run (an ASCII byte inside a sequence leaves it incomplete, which the check then sees).
        byte[]? run = null;
        int length = 0;
        int i = 0;
        while (i < rawQuery.Length)
        {
            if (TryReadByte(rawQuery, i, out byte b) && b > 0x7F)
            {
                run ??= new byte[rawQuery.Length / 3];
                run[length++] = b;
                i += 3;
                continue;
            }

            if (length > 0 && !Utf8.IsValid(run.AsSpan(0, length)))
            {
                return false;
            }

            length = 0;
            i++;
        }

        return length == 0 || Utf8.IsValid(run.AsSpan(0, length));
    }

    private static bool TryReadByte(string raw, int at, out byte value)
    {
        value = 0;
        return at + 2 < raw.Length && raw[at] == '%'
            && byte.TryParse(raw.AsSpan(at + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
