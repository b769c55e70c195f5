using System.Globalization;
using System.Text.RegularExpressions;
using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Text;

/// <summary>What the opening line of wire copy says: where it was filed, by whom, and when.</summary>
public sealed record Dateline(string City, string? Agency, DateOnly? Date, int BodyStart);

/// <summary>
/// Recognizes agency datelines on the first line of an article: SANA's "موسكو-سانا", SPA's
/// "بيروت 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", and the common "CITY (AGENCY) -" and
/// "CITY، DATE (AGENCY) -" forms. Returns null when the first line is not a dateline.
/// </summary>
public static partial class DatelineParser
{
    /// <summary>How far into the body the publication date is looked for (the dateline and the first sentences).</summary>
    private const int DateWindow = 600;

    public static Dateline? Parse(string text) => Parse(text, 0);

    /// <summary>The dateline on the first line at or after <paramref name="start"/> (front matter ends there).</summary>
    public static Dateline? Parse(string text, int start)
    {
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        int lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        string line = text[start..lineEnd].Trim();
        if (line.Length == 0 || line.Length > 160)
        {
            return null;
        }

        Match m = SanaStyle().Match(line);
        if (m.Success)
        {
            return new Dateline(m.Groups["city"].Value.Trim(), m.Groups["agency"].Value.Trim(), null, lineEnd);
        }

        m = SpaStyle().Match(line);
        if (m.Success)
        {
            DateOnly? date = ParseDate(m.Groups["day"].Value, m.Groups["month"].Value, m.Groups["year"].Value);
            return new Dateline(m.Groups["city"].Value.Trim(), m.Groups["agency"].Value.Trim(), date, lineEnd);
        }

        // "دمشق (سانا) - ..." at the start of the first paragraph: the body continues on the same line.
        m = ParenthesizedAgency().Match(line);
        if (m.Success)
        {
            DateOnly? date = m.Groups["day"].Success ? ParseDate(m.Groups["day"].Value, m.Groups["month"].Value, m.Groups["year"].Value) : null;
            return new Dateline(m.Groups["city"].Value.Trim(), m.Groups["agency"].Value.Trim(), date, start + m.Length);
        }

        return null;
    }

    /// <summary>Parses "10 اغسطس 2015" / "10 آب 2015" style dates (Gregorian month names, both naming systems).</summary>
    public static DateOnly? ParseDate(string day, string month, string year)
    {
        if (!int.TryParse(ArabicText.Normalize(day), NumberStyles.None, CultureInfo.InvariantCulture, out int d) ||
            !int.TryParse(ArabicText.Normalize(year), NumberStyles.None, CultureInfo.InvariantCulture, out int y) ||
            !DateWords.TryGregorianMonth(ArabicText.Normalize(month), out int mo))
        {
            return null;
        }

        if (y < 100)
        {
            y += 2000;
        }

        return DateWords.Gregorian(y, mo, d);
    }

    /// <summary>
    /// The publication date the opening of an article states: in its dateline or first sentences
    /// (from <paramref name="start"/>, at most <see cref="DateWindow"/> characters), a full date —
    /// Gregorian with either month naming and Arabic-Indic or Latin digits ("10 آب 2015",
    /// "الأحد الموافق ١٢ أيار ٢٠٢٤"), numeric ("12/5/2024", "2024-05-12") or Hijri ("14 رمضان 1445 هـ",
    /// converted by the Umm al-Qura calendar). A Gregorian date is preferred to a Hijri one beside it.
    /// </summary>
    public static DateOnly? PublishedDate(string text, int start)
    {
        int end = Math.Min(text.Length, start + DateWindow);
        List<Token> tokens = Tokenizer.Tokenize(text, start, end - start);
        DateOnly? hijriDate = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (NumericDateAt(tokens, i) is { } numeric)
            {
                return numeric;
            }

            if (DateFinder.TryDateAt(tokens, i, null, out DateOnly date, out bool hijri))
            {
                if (!hijri)
                {
                    return date;
                }

                hijriDate ??= date;
            }
        }

        return hijriDate;
    }

    /// <summary>"12/5/2024", "12-5-2024", "2024/05/12", "2024-05-12" (day first unless the year is).</summary>
    private static DateOnly? NumericDateAt(List<Token> tokens, int i)
    {
        if (i + 4 >= tokens.Count || tokens[i].Kind != TokenKind.Number || tokens[i + 2].Kind != TokenKind.Number || tokens[i + 4].Kind != TokenKind.Number ||
            tokens[i + 1].Surface is not ("/" or "-") || tokens[i + 3].Surface != tokens[i + 1].Surface)
        {
            return null;
        }

        int[] n = new int[3];
        for (int k = 0; k < 3; k++)
        {
            if (!int.TryParse(tokens[i + (2 * k)].Norm, NumberStyles.None, CultureInfo.InvariantCulture, out n[k]))
            {
                return null;
            }
        }

        bool yearFirst = tokens[i].Norm.Length == 4;
        if (!yearFirst && tokens[i + 4].Norm.Length != 4)
        {
            return null;
        }

        return yearFirst ? DateWords.Gregorian(n[0], n[1], n[2]) : DateWords.Gregorian(n[2], n[1], n[0]);
    }

    /// <summary>Month number for an Arabic Gregorian month name (يناير/كانون الثاني …), normalized.</summary>
    public static bool TryGetMonth(string normalizedName, out int month) => DateWords.TryGregorianMonth(normalizedName, out month);

    [GeneratedRegex(@"^(?<city>[\p{L}\p{M} ]{2,30}?)\s*[-–—]\s*(?<agency>[\p{L}\p{M}]{2,12})\s*$")]
    private static partial Regex SanaStyle();

    [GeneratedRegex(@"^(?<city>[\p{L}\p{M} ]{2,30}?)\s+\d{1,2}\s+[\p{L}\p{M} ]{2,20}?\s+\d{4}\s*هـ\s+الموافق\s+(?<day>\d{1,2})\s+(?<month>[\p{L}\p{M} ]{2,20}?)\s+(?<year>\d{4})\s*م\s+(?<agency>[\p{L}\p{M}]{2,12})\s*$")]
    private static partial Regex SpaStyle();

    [GeneratedRegex(@"^(?<city>[\p{L}\p{M} ]{2,30}?)\s*[،,]?\s*(?:(?<day>\d{1,2})\s+(?<month>[\p{L}\p{M} ]{2,20}?)\s+(?<year>\d{4})\s*)?\((?<agency>[\p{L}\p{M} ]{2,20})\)\s*[-–—:]\s*")]
    private static partial Regex ParenthesizedAgency();
}
