namespace NewsGraph.Extraction.Lexicon;

/// <summary>
/// Arabic proclitics glued to words: conjunctions و/ف, prepositions ب/ل and their
/// combinations, and ل + ال written as لل. Works on normalized forms.
/// </summary>
public static class Clitics
{
    // ك ("like, as") is left out: before names it is far more often part of the name (كلاوس) than a clitic.
    private static readonly string[] s_prefixes = ["وبال", "فبال", "وال", "فال", "بال", "ولل", "فلل", "لل", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"];

    /// <summary>
    /// The prefixes that open with each proclitic letter (و، ف، ب، ل, in that order), in the order of
    /// <see cref="s_prefixes"/>, and whether each carries the article: a word is compared with the
    /// two to six that can match, not all sixteen.
    /// </summary>
    private static readonly (string Prefix, bool CarriesArticle)[][] s_prefixesByLetter =
        [.. "وفبل".Select(letter => s_prefixes.Where(p => p[0] == letter)
            .Select(p => (p, p.EndsWith("ال", StringComparison.Ordinal) || p.EndsWith("لل", StringComparison.Ordinal))).ToArray())];

    [ThreadStatic]
    private static string[]? t_scratch;

    /// <summary>
    /// The word and the forms it may have without a proclitic, most specific first. "للأمم"
    /// gives "للامم", "الامم"; "وبروسيا" gives "وبروسيا", "بروسيا", "روسيا". Only remainders of
    /// at least two letters are offered. Most words start with no proclitic letter and get a
    /// one-element array without further work (this runs for every token).
    /// </summary>
    public static string[] Forms(string norm)
    {
        int letter = norm.Length < 3 ? -1 : norm[0] switch { 'و' => 0, 'ف' => 1, 'ب' => 2, 'ل' => 3, _ => -1 };
        if (letter < 0)
        {
            return [norm];
        }

        // At most one form per prefix, the word itself and the لل reading: a scratch array of that
        // size per thread, copied once to the result, in place of a growing list per word.
        string[] forms = t_scratch ??= new string[s_prefixes.Length + 2];
        int count = 0;
        forms[count++] = norm;
        foreach ((string prefix, bool carriesArticle) in s_prefixesByLetter[letter])
        {
            if (norm.Length - prefix.Length < 2 || !norm.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            // وال/بال/لل carry the article: offer the form with it (one string, not the rest and then a copy).
            forms[count++] = carriesArticle ? string.Concat("ال", norm.AsSpan(prefix.Length)) : norm[prefix.Length..];
        }

        // ل + ال + a word that itself starts with ل is written with two lams: للجنة is ل + لجنة (a
        // construct: للجنة الحكام) or ل + اللجنة (للجنة الأولمبية). Offered last, so the construct
        // reading wins where a caller takes the first form that fits.
        int lam = norm[1] != 'ل' ? -1 : norm[0] == 'ل' ? 0 : norm[2] == 'ل' ? 1 : -1; // where "لل" first is, if at 0 or 1
        if (lam is 0 or 1 && (lam == 0 || norm[0] is 'و' or 'ف') && norm.Length - lam > 3)
        {
            forms[count++] = string.Concat("ال", norm.AsSpan(lam + 1));
        }

        string[] result = forms.AsSpan(0, count).ToArray();
        Array.Clear(forms, 0, count); // hold no strings of a finished article
        return result;
    }

    /// <summary>The word without a leading conjunction و/ف (only when the rest is a plausible word).</summary>
    public static string WithoutConjunction(string norm) =>
        norm.Length > 3 && (norm[0] == 'و' || norm[0] == 'ف') ? norm[1..] : norm;

    /// <summary>The word without a definite article, for comparing names written with and without it.</summary>
    public static string WithoutArticle(string norm) =>
        norm.Length > 4 && norm.StartsWith("ال", StringComparison.Ordinal) ? norm[2..] : norm;
}
