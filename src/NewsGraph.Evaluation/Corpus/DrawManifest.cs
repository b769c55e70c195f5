using System.Globalization;
using System.Text;

namespace NewsGraph.Evaluation.Corpus;

/// <summary>
/// The draw as committed (<c>Annotations/corpus/draw.tsv</c>): one row per drawn article with its
/// corpus line, paper, month, pool, split, URL and content hash — no article text.
/// </summary>
public static class DrawManifest
{
    private const string Header = "id\tline\tsource\tmonth\tpool\tsplit\turl\tcontent_sha256";

    public static string Format(IEnumerable<DrawnArticle> drawn)
    {
        var builder = new StringBuilder(Header).Append('\n');
        foreach (DrawnArticle d in drawn)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{d.Id}\t{d.Line}\t{d.Source}\t{d.Month}\t{d.Pool}\t{d.Split}\t{d.Url}\t{d.ContentSha256}\n");
        }

        return builder.ToString();
    }

    public static IReadOnlyList<DrawnArticle> Parse(string tsv)
    {
        var rows = new List<DrawnArticle>();
        foreach (string line in tsv.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            string[] f = line.Split('\t');
            if (f.Length != 8)
            {
                throw new InvalidDataException($"draw manifest: expected 8 tab-separated fields, got {f.Length}: {line}");
            }

            rows.Add(new DrawnArticle(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4], f[5], f[6], f[7]));
        }

        return rows;
    }

    /// <summary>Reads the cue list (pool, tab, cue; '#' starts a comment line).</summary>
    public static IReadOnlyList<(string Pool, string Cue)> ParseCues(string tsv) =>
        DataLines(tsv).Select(l => l.Split('\t')).Select(f => (f[0], f[1])).ToList();

    public static IReadOnlySet<string> ParseUrls(string text) => DataLines(text).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> DataLines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
