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
    private static readonly Dictionary<string, int> s_months = BuildMonths();

    public static Dateline? Parse(string text)
    {
        int start = 0;
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
            !s_months.TryGetValue(ArabicText.Normalize(month), out int mo))
        {
            return null;
        }

        if (y < 100)
        {
            y += 2000;
        }

        return y is >= 1900 and <= 2100 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>Month number for an Arabic Gregorian month name (يناير/كانون الثاني …), normalized.</summary>
    public static bool TryGetMonth(string normalizedName, out int month) => s_months.TryGetValue(normalizedName, out month);

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["يناير", "كانون الثاني", "جانفي"], ["فبراير", "شباط", "فيفري"], ["مارس", "آذار"], ["أبريل", "ابريل", "نيسان", "أفريل"],
            ["مايو", "أيار", "ماي"], ["يونيو", "حزيران", "يونيه", "جوان"], ["يوليو", "تموز", "يوليه", "جويلية"], ["أغسطس", "اغسطس", "آب", "أوت"],
            ["سبتمبر", "أيلول"], ["أكتوبر", "اكتوبر", "تشرين الأول"], ["نوفمبر", "تشرين الثاني"], ["ديسمبر", "كانون الأول"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            foreach (string n in names[i])
            {
                months[ArabicText.Normalize(n)] = i + 1;
            }
        }

        return months;
    }

    [GeneratedRegex(@"^(?<city>[\p{L}\p{M} ]{2,30}?)\s*[-–—]\s*(?<agency>[\p{L}\p{M}]{2,12})\s*$")]
    private static partial Regex SanaStyle();

    [GeneratedRegex(@"^(?<city>[\p{L}\p{M} ]{2,30}?)\s+\d{1,2}\s+[\p{L}\p{M} ]{2,20}?\s+\d{4}\s*هـ\s+الموافق\s+(?<day>\d{1,2})\s+(?<month>[\p{L}\p{M} ]{2,20}?)\s+(?<year>\d{4})\s*م\s+(?<agency>[\p{L}\p{M}]{2,12})\s*$")]
    private static partial Regex SpaStyle();

    [GeneratedRegex(@"^(?<city>[\p{L}\p{M} ]{2,30}?)\s*[،,]?\s*(?:(?<day>\d{1,2})\s+(?<month>[\p{L}\p{M} ]{2,20}?)\s+(?<year>\d{4})\s*)?\((?<agency>[\p{L}\p{M} ]{2,20})\)\s*[-–—:]\s*")]
    private static partial Regex ParenthesizedAgency();
}
