using System.Globalization;

namespace NewsGraph.Core.Text;

/// <summary>
/// Metadata at the top of a text article, between two <c>---</c> lines:
/// <code>
/// ---
/// title: …
/// date: 2024-05-12
/// source: …
/// url: …
/// ---
/// </code>
/// Only those four keys are read (others are ignored); <see cref="BodyStart"/> is where the article
/// text begins after the closing fence.
/// </summary>
public sealed record FrontMatter(string? Title, DateOnly? Date, string? Source, string? Url, int BodyStart)
{
    private const int MaxLength = 4096;

    /// <summary>The front matter opening <paramref name="text"/> (after blank lines), or null when there is none.</summary>
    public static FrontMatter? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int pos = 0;
        while (pos < text.Length && text[pos] is '\uFEFF' or ' ' or '\t' or '\r' or '\n')
        {
            pos++;
        }

        if (!IsFence(text, pos, out int next))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (pos = next; pos < text.Length && pos < MaxLength;)
        {
            if (IsFence(text, pos, out next))
            {
                return new FrontMatter(Value(values, "title"), ParseDate(Value(values, "date")), Value(values, "source"), Value(values, "url"), next);
            }

            int end = text.IndexOf('\n', pos);
            end = end < 0 ? text.Length : end;
            string line = text[pos..end].Trim();
            int colon = line.IndexOf(':');
            if (line.Length == 0)
            {
                pos = end + 1;
                continue;
            }

            if (colon <= 0)
            {
                return null; // a line that is not "key: value": this is no front matter
            }

            values.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            pos = end + 1;
        }

        return null;
    }

    /// <summary>yyyy-MM-dd, or an ISO 8601 date and time (its day as written).</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string v = value.Trim().Trim('"', '\'');
        if (v.Length >= 10 && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
        {
            return d;
        }

        return null;
    }

    private static string? Value(Dictionary<string, string> values, string key)
    {
        if (!values.TryGetValue(key, out string? v))
        {
            return null;
        }

        v = v.Trim().Trim('"', '\'').Trim();
        return v.Length == 0 ? null : v;
    }

    /// <summary>A line holding only "---" at <paramref name="pos"/>; <paramref name="next"/> is the start of the line after it.</summary>
    private static bool IsFence(string text, int pos, out int next)
    {
        next = pos;
        if (string.CompareOrdinal(text, pos, "---", 0, 3) != 0)
        {
            return false;
        }

        int end = text.IndexOf('\n', pos);
        end = end < 0 ? text.Length : end;
        if (text[(pos + 3)..end].Trim().Length != 0)
        {
            return false;
        }

        next = Math.Min(end + 1, text.Length);
        return true;
    }
}
