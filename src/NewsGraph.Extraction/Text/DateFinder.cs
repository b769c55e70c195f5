using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Text;

/// <summary>A relation's date: the day (or month, or year) and whether its sentence or its article gave it.</summary>
public readonly record struct EventDate(DateOnly Date, DatePrecision Precision, DateSource Source);

/// <summary>When a status began (<see cref="DateFinder.StatusStartOf"/>) and the token range [From, To) of the clause that says so.</summary>
public readonly record struct StatusStart(EventDate Date, int From, int To);

/// <summary>
/// Dates written in a sentence, normalized: explicit ones ("يوم 12 مايو 2024", "في 5 آذار",
/// "في الخامس من آذار", "الثلاثين من حزيران عام 2012", "3 رمضان 1445 هـ"), and relative ones
/// resolved against the article's date: "اليوم", "أمس", "أول أمس", a weekday ("الأحد": the latest
/// Sunday on or before the article's date; "الأحد الماضي": strictly before it). A day after the
/// article's date is something announced, so it does not date what the article reports. A sentence saying
/// none takes the article's date. Month and year alone ("في مايو 2024", "عام 2012") are used only
/// when the article has no date of its own: otherwise they name what is spoken of, not when.
/// </summary>
public static class DateFinder
{
    private static readonly Dictionary<string, int> s_ordinals = BuildOrdinals();

    /// <summary>The date a sentence's event happened on, as far as the text says (the article's date when it says nothing).</summary>
    public static DateOnly? DateOf(Sentence sentence, DateOnly? published) => EventDateOf(sentence, published)?.Date;

    /// <summary>
    /// The date of the event a sentence reports, with its precision and source; tokens in
    /// <paramref name="skip"/> (a claim's span: what was said, not when) are not read.
    /// </summary>
    public static EventDate? EventDateOf(Sentence sentence, DateOnly? published, (int Start, int End)? skip = null)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        bool Skipped(int i) => skip is { } s && i >= s.Start && i <= s.End;
        for (int i = 0; i < tokens.Count; i++)
        {
            // A day after the article's is announced ("ستفتتح في العاشر من أيار"), not when this happened.
            if (!Skipped(i) && TryDateAt(tokens, i, published, out DateOnly date) && !(date > published))
            {
                return new EventDate(date, DatePrecision.Day, DateSource.Sentence);
            }
        }

        if (published is { } p)
        {
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!Skipped(i) && RelativeDayAt(tokens, i, p) is { } day)
                {
                    return new EventDate(day, DatePrecision.Day, DateSource.Sentence);
                }
            }

            return new EventDate(p, DatePrecision.Day, DateSource.Article);
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (!Skipped(i) && PartialDateAt(tokens, i) is { } partial)
            {
                return partial;
            }
        }

        return null;
    }

    /// <summary>
    /// When a membership or a role began, if the sentence says so: a date or a year at most
    /// <see cref="StatusStartWindow"/> words after a cue of its start ("منذ عام 2005"، "اعتبارا من
    /// 1 كانون الثاني 2024"، "انضمت إلى المنظمة عام 2017"), with the words it speaks of: from the
    /// clause's start (after the last comma before the cue, at most <see cref="StatusStartWindow"/>
    /// words back) to the date. In "تضم الصين وروسيا، وانضمت إليها الهند عام 2017" that is India's
    /// clause, not China's. A date after the article's is announced, not begun, and is not taken.
    /// </summary>
    public static StatusStart? StatusStartOf(Sentence sentence, DateOnly? published)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!s_statusStartCues.Contains(tokens[i].WithoutConjunction))
            {
                continue;
            }

            for (int j = i + 1; j < Math.Min(tokens.Count, i + 1 + StatusStartWindow); j++)
            {
                EventDate? start = TryDateAt(tokens, j, published, out DateOnly day)
                    ? new EventDate(day, DatePrecision.Day, DateSource.Sentence)
                    : PartialDateAt(tokens, j);
                if (start is { } found)
                {
                    if (found.Date > published)
                    {
                        return null;
                    }

                    int clauseStart = Math.Max(0, i - StatusStartWindow);
                    for (int k = i - 1; k >= clauseStart; k--)
                    {
                        if (tokens[k].Surface is "،" or "," or ";" or "؛")
                        {
                            clauseStart = k + 1;
                            break;
                        }
                    }

                    return new StatusStart(found, clauseStart, j);
                }
            }
        }

        return null;
    }

    private const int StatusStartWindow = 6;

    private static readonly Lexicon.WordSet s_statusStartCues = Lexicon.WordSets.Set("status-start-cues");

    /// <summary>
    /// A date starting at token <paramref name="i"/>: DAY [من] MONTH[/MONTH] [عام|سنة] [YEAR] [م]
    /// (a missing year is the article's), or DAY HIJRI-MONTH YEAR [هـ], converted.
    /// </summary>
    public static bool TryDateAt(IReadOnlyList<Token> tokens, int i, DateOnly? published, out DateOnly date) =>
        TryDateAt(tokens, i, published, out date, out _);

    /// <summary>As above; <paramref name="hijri"/> says the date was written in the Hijri calendar.</summary>
    public static bool TryDateAt(IReadOnlyList<Token> tokens, int i, DateOnly? published, out DateOnly date, out bool hijri)
    {
        date = default;
        hijri = false;
        if (DayAt(tokens[i]) is not { } d)
        {
            return false;
        }

        int j = i + 1;
        if (j < tokens.Count && tokens[j].Norm == "من")
        {
            j++;
        }

        if (j >= tokens.Count)
        {
            return false;
        }

        if (TryMonth(tokens, j, DateWords.TryHijriMonth, out int hijriMonth, out int afterHijri))
        {
            hijri = true;
            return YearAt(tokens, afterHijri) is { } hy && hy is >= 1300 and < 1500 && DateWords.HijriToGregorian(hy, hijriMonth, d) is { } g && Assign(g, out date);
        }

        if (!TryMonth(tokens, j, DateWords.TryGregorianMonth, out int month, out j))
        {
            return false;
        }

        // "22 نيسان/ابريل": the month in both naming systems.
        if (j + 1 < tokens.Count && tokens[j].Surface == "/" && DateWords.TryGregorianMonth(tokens[j + 1].Norm, out int again) && again == month)
        {
            j += 2;
        }

        if (YearAt(tokens, j) is { } written)
        {
            return DateWords.Gregorian(written, month, d) is { } found && Assign(found, out date);
        }

        // No year: the article's, or the year before when that would put the day half a year after it ("28 ديسمبر" in January).
        if (published is not { } p || DateWords.Gregorian(p.Year, month, d) is not { } day)
        {
            return false;
        }

        return Assign(day.DayNumber - p.DayNumber > 183 && DateWords.Gregorian(p.Year - 1, month, d) is { } earlier ? earlier : day, out date);
    }

    /// <summary>Month and year ("مايو 2024", "كانون الثاني من عام 2012") or a year alone ("عام 2012").</summary>
    private static EventDate? PartialDateAt(IReadOnlyList<Token> tokens, int i)
    {
        if (TryMonth(tokens, i, DateWords.TryGregorianMonth, out int month, out int after) && YearAt(tokens, after) is { } y &&
            y is >= 1900 and <= 2100)
        {
            return new EventDate(new DateOnly(y, month, 1), DatePrecision.Month, DateSource.Sentence);
        }

        if (tokens[i].Norm is "عام" or "سنه" or "لعام" or "لسنه" or "العام" && YearAt(tokens, i) is { } year && year is >= 1900 and <= 2100)
        {
            return new EventDate(new DateOnly(year, 1, 1), DatePrecision.Year, DateSource.Sentence);
        }

        return null;
    }

    /// <summary>اليوم، أمس، أول أمس، and weekdays, against the article's date.</summary>
    private static DateOnly? RelativeDayAt(IReadOnlyList<Token> tokens, int i, DateOnly published)
    {
        string norm = tokens[i].Norm;
        string before = i > 0 ? tokens[i - 1].Norm : string.Empty;
        string after = i + 1 < tokens.Count ? tokens[i + 1].Norm : string.Empty;
        if (norm is "امس" or "وامس" or "بالامس" or "وبالامس")
        {
            return published.AddDays(before is "اول" or "واول" || after is "الاول" ? -2 : -1);
        }

        if (norm is "اليوم" or "واليوم" && after is not ("التالي" or "الاول" or "الثاني" or "الثالث" or "الاخير"))
        {
            return published;
        }

        bool past = after is "الماضي" or "المنصرم" or "الفائت";
        if (!DateWords.TryWeekday(norm, out DayOfWeek weekday) || after is "المقبل" or "القادم" or "المقبله" or "القادمه")
        {
            return null;
        }

        // الاثنين is also "the two": it names Monday only beside a word of time.
        if (weekday == DayOfWeek.Monday && before is not ("يوم" or "اليوم" or "امس" or "مساء" or "صباح" or "ليله" or "ظهر" or "فجر") &&
            !past && after != "الموافق")
        {
            return null;
        }

        int back = ((int)published.DayOfWeek - (int)weekday + 7) % 7;
        if (back == 0 && past)
        {
            back = 7;
        }

        return published.AddDays(-back);
    }

    private static bool Assign(DateOnly value, out DateOnly date)
    {
        date = value;
        return true;
    }

    /// <summary>A four-digit year at <paramref name="j"/>, after an optional عام/سنة/لعام/من عام.</summary>
    private static int? YearAt(IReadOnlyList<Token> tokens, int j)
    {
        if (j < tokens.Count && tokens[j].Norm == "من")
        {
            j++;
        }

        if (j < tokens.Count && tokens[j].Norm is "عام" or "سنه" or "لعام" or "لسنه" or "العام")
        {
            j++;
        }

        return j < tokens.Count && tokens[j].Kind == TokenKind.Number && tokens[j].Norm.Length == 4 &&
            int.TryParse(tokens[j].Norm, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y) ? y : null;
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

    private delegate bool MonthLookup(string normalized, out int month);

    private static bool TryMonth(IReadOnlyList<Token> tokens, int j, MonthLookup lookup, out int month, out int end)
    {
        end = j + 1;
        if (j + 1 < tokens.Count && lookup(tokens[j].Norm + " " + tokens[j + 1].Norm, out month))
        {
            end = j + 2; // كانون الثاني، تشرين الأول، ربيع الأول، ذو القعدة
            return true;
        }

        if (lookup(tokens[j].Norm, out month))
        {
            return true;
        }

        // A proclitic: "وفي 5 وآذار" is rare, but "لشهر"/"شهر" before the name is common.
        if (tokens[j].Norm is "شهر" or "لشهر" && j + 1 < tokens.Count)
        {
            return TryMonth(tokens, j + 1, lookup, out month, out end);
        }

        return false;
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
