using System.Globalization;
using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Text;

/// <summary>
/// The words dates are written with (data: <c>lexicon/date-words.tsv</c>): Gregorian month names in
/// both Arabic naming systems (كانون الثاني، يناير …), Hijri months and weekdays, looked up by their
/// normalized form; and Hijri → Gregorian conversion (the Umm al-Qura calendar, as Saudi and most
/// Gulf agencies date their copy).
/// </summary>
public static class DateWords
{
    private static readonly UmAlQuraCalendar s_umAlQura = new();
    private static readonly Dictionary<(string Kind, string Name), int> s_words = Load();

    /// <summary>Month number (1–12) of a normalized Gregorian month name, one or two words.</summary>
    public static bool TryGregorianMonth(string normalized, out int month) => s_words.TryGetValue(("gregorian", normalized), out month);

    /// <summary>Month number (1–12) of a normalized Hijri month name, one or two words.</summary>
    public static bool TryHijriMonth(string normalized, out int month) => s_words.TryGetValue(("hijri", normalized), out month);

    /// <summary>The weekday a normalized word names (الأحد … السبت), with or without a proclitic و.</summary>
    public static bool TryWeekday(string normalized, out DayOfWeek day)
    {
        if (s_words.TryGetValue(("weekday", normalized), out int n) ||
            (normalized.StartsWith('و') && s_words.TryGetValue(("weekday", normalized[1..]), out n)))
        {
            day = (DayOfWeek)n;
            return true;
        }

        day = default;
        return false;
    }

    /// <summary>
    /// The Gregorian date of a Hijri (Umm al-Qura) date, or null when there is no such day (a 30th
    /// in a 29-day month, a year outside 1318–1500 AH).
    /// </summary>
    public static DateOnly? HijriToGregorian(int year, int month, int day)
    {
        if (year is < 1319 or > 1499 || month is < 1 or > 12 || day < 1 ||
            day > s_umAlQura.GetDaysInMonth(year, month))
        {
            return null;
        }

        return DateOnly.FromDateTime(s_umAlQura.ToDateTime(year, month, day, 0, 0, 0, 0));
    }

    /// <summary>A day of a Gregorian month, or null when the day does not exist or the year is out of 1900–2100.</summary>
    public static DateOnly? Gregorian(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    private static Dictionary<(string Kind, string Name), int> Load()
    {
        var words = new Dictionary<(string, string), int>();
        bool header = true;
        foreach (string line in EmbeddedData.ReadLines("lexicon/date-words.tsv"))
        {
            if (header)
            {
                header = false;
                continue;
            }

            string[] row = line.Split('\t');
            int number = int.Parse(row[1], NumberStyles.None, CultureInfo.InvariantCulture);
            foreach (string name in row[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                words[(row[0], ArabicText.Normalize(name))] = number;
            }
        }

        return words;
    }
}
