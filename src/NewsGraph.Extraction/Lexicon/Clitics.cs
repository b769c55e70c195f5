namespace NewsGraph.Extraction.Lexicon;

/// <summary>
/// Arabic proclitics glued to words: conjunctions و/ف, prepositions ب/ل/ك and their
/// combinations, and ل + ال written as لل. Works on normalized forms.
/// </summary>
public static class Clitics
{
    private static readonly string[] s_prefixes = ["وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

    /// <summary>
    /// The word and the forms it may have without a proclitic, most specific first. "للأمم"
    /// gives "للامم", "الامم"; "وبروسيا" gives "وبروسيا", "بروسيا", "روسيا". Only remainders of
    /// at least two letters are offered.
    /// </summary>
    public static IEnumerable<string> Forms(string norm)
    {
        yield return norm;
        foreach (string prefix in s_prefixes)
        {
            if (norm.Length - prefix.Length < 2 || !norm.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string rest = norm[prefix.Length..];
            if (prefix.EndsWith("ال", StringComparison.Ordinal) || prefix.EndsWith("لل", StringComparison.Ordinal))
            {
                // وال/بال/لل carry the article: offer the form with it.
                yield return "ال" + rest;
            }
            else
            {
                yield return rest;
            }
        }
    }

    /// <summary>The word without a leading conjunction و/ف (only when the rest is a plausible word).</summary>
    public static string WithoutConjunction(string norm) =>
        norm.Length > 3 && (norm[0] == 'و' || norm[0] == 'ف') ? norm[1..] : norm;

    /// <summary>The word without a definite article, for comparing names written with and without it.</summary>
    public static string WithoutArticle(string norm) =>
        norm.Length > 4 && norm.StartsWith("ال", StringComparison.Ordinal) ? norm[2..] : norm;
}
