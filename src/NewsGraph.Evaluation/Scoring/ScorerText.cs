using System.Text;
using System.Text.RegularExpressions;

namespace NewsGraph.Evaluation.Scoring;

/// <summary>
/// The normalization of the team's reference scorer (<c>score_extraction.py</c>, <c>norm</c>),
/// reproduced character for character so that <c>newsgraph eval</c> counts exactly what the
/// scorer counts: NFKC, diacritics and tatweel removed, أ/إ/آ/ٱ → ا, ى → ي, ة → ه, the scorer's
/// punctuation set → space, whitespace collapsed. It differs on purpose from
/// <see cref="Core.Text.ArabicText.Normalize"/>, which folds more (digits, all punctuation).
/// NFKC comes from a table (<c>nfkc-arabic.tsv</c>) because the project runs with invariant
/// globalization, where .NET leaves non-ASCII text unnormalized; it covers what Arabic news
/// text holds, not every compatibility character of Unicode.
/// </summary>
public static partial class ScorerText
{
    private static readonly (Dictionary<char, string> Single, Dictionary<(char, char), char> Pairs) s_nfkc = LoadNfkc();

    public static string Normalize(string? text)
    {
        string s = Nfkc(text ?? "");
        s = Diacritics().Replace(s, "");
        s = Alef().Replace(s, "ا").Replace('ى', 'ي').Replace('ة', 'ه');
        s = Punctuation().Replace(s, " ");
        return Whitespace().Replace(s, " ").Trim();
    }

    [GeneratedRegex("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")]
    private static partial Regex Diacritics();

    [GeneratedRegex("[أإآٱ]")]
    private static partial Regex Alef();

    [GeneratedRegex("[\u201c\u201d\"'«».,:;\u061b\u060c\u061f?!()\\[\\]\\-–—…]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>NFKC over the characters the table covers.</summary>
    internal static string Nfkc(string text)
    {
        StringBuilder? builder = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? replacement = null;
            bool pair = false;
            if (i + 1 < text.Length && s_nfkc.Pairs.TryGetValue((c, text[i + 1]), out char composed))
            {
                replacement = composed.ToString();
                pair = true;
            }
            else if (s_nfkc.Single.TryGetValue(c, out string? mapped))
            {
                replacement = mapped;
            }

            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 8);
            builder.Append(replacement);
            i += pair ? 1 : 0;
        }

        return builder?.ToString() ?? text;
    }

    private static (Dictionary<char, string>, Dictionary<(char, char), char>) LoadNfkc()
    {
        using Stream stream = typeof(ScorerText).Assembly.GetManifestResourceStream("NewsGraph.Evaluation.nfkc-arabic.tsv")!;
        using var reader = new StreamReader(stream);
        var single = new Dictionary<char, string>();
        var pairs = new Dictionary<(char, char), char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            char[] from = Chars(f[0]);
            string to = new(Chars(f[1]));
            if (from.Length == 2)
            {
                pairs[(from[0], from[1])] = to[0];
            }
            else
            {
                single[from[0]] = to;
            }
        }

        return (single, pairs);
    }

    private static char[] Chars(string hex) =>
        hex.Split(' ').Select(h => (char)int.Parse(h, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
