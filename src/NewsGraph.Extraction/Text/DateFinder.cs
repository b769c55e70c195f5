using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Text;

/// <summary>
/// Dates written in a sentence, normalized: "يوم 12 مايو 2024", "في 5 آذار", "في الخامس من آذار",
/// "الثلاثين من حزيران عام 2012", and the relative "أمس" (the day before the article's date).
/// "اليوم" and undated sentences take the article's date.
/// </summary>
public static class DateFinder
{
    private static readonly Dictionary<string, int> s_ordinals = BuildOrdinals();

    /// <summary>The date a sentence's event happened on, as far as the text says.</summary>
    public static DateOnly? DateOf(Sentence sentence, DateOnly? published)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (TryDateAt(tokens, i, published, out DateOnly date))
            {
                return date;
            }
        }

        foreach (Token t in tokens)
        {
            if (t.Norm is "امس" or "وامس" && published is { } p)
            {
                return p.AddDays(-1);
            }
        }

        return published;
    }

    /// <summary>A date starting at token <paramref name="i"/>: DAY [من] MONTH [عام|سنة] [YEAR].</summary>
    public static bool TryDateAt(IReadOnlyList<Token> tokens, int i, DateOnly? published, out DateOnly date)
    {
        date = default;
        int? day = DayAt(tokens[i]);
        if (day is not { } d)
        {
            return false;
        }

        int j = i + 1;
        if (j < tokens.Count && tokens[j].Norm == "من")
        {
            j++;
        }

        if (j >= tokens.Count || !TryMonth(tokens, j, out int month, out int afterMonth))
        {
            return false;
        }

        j = afterMonth;
        if (j < tokens.Count && tokens[j].Norm is "عام" or "سنه" or "لعام")
        {
            j++;
        }

        int year = published?.Year ?? 0;
        if (j < tokens.Count && tokens[j].Kind == TokenKind.Number && tokens[j].Norm.Length == 4 && int.TryParse(tokens[j].Norm, out int y))
        {
            year = y;
        }

        if (year is < 1900 or > 2100 || d > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, d);
        return true;
    }

    private static int? DayAt(Token t)
    {
        if (t.Kind == TokenKind.Number && t.Norm.Length <= 2 && int.TryParse(t.Norm, out int n) && n is >= 1 and <= 31)
        {
            return n;
        }

        string word = t.Norm.StartsWith("ال", StringComparison.Ordinal) ? t.Norm : "ال" + t.Norm;
        return s_ordinals.TryGetValue(word, out int ordinal) ? ordinal : null;
    }

    private static bool TryMonth(IReadOnlyList<Token> tokens, int j, out int month, out int end)
    {
        end = j + 1;
        if (j + 1 < tokens.Count && DatelineParser.TryGetMonth(tokens[j].Norm + " " + tokens[j + 1].Norm, out month))
        {
            end = j + 2; // كانون الثاني، تشرين الأول
            return true;
        }

        return DatelineParser.TryGetMonth(tokens[j].Norm, out month);
    }

    private static Dictionary<string, int> BuildOrdinals()
    {
        string[] units = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < units.Length; i++)
        {
            ordinals[ArabicText.Normalize(units[i])] = i + 1;
        }

        // Compound ordinals (الحادي عشر …) span two words and are left to the digits most wire copy uses.
        ordinals["العشرين"] = 20;
        ordinals["الثلاثين"] = 30;
        return ordinals;
    }
}
