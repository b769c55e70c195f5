namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// Builds FTS5 MATCH expressions from user text. Every term becomes a quoted string (inner
/// quotes doubled) followed by <c>*</c>, so FTS5 syntax in the input (<c>"</c>, <c>*</c>,
/// <c>NEAR(</c>, <c>OR</c>, <c>:</c>, <c>^</c>, parentheses) is only ever searched for, never
/// obeyed, and a partial name matches as a prefix. Terms are expected normalized already, so the
/// index and the query fold the same spelling variants.
/// </summary>
internal static class FtsQuery
{
    public static string AllOf(IEnumerable<string> terms) => string.Join(" AND ", terms.Select(Prefix));

    public static string AnyOf(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(Prefix));

    public static string Prefix(string term) => Phrase(term) + "*";

    /// <summary>
    /// For the trigram index (<c>entity_names</c>): rows holding every trigram of a set that covers
    /// <paramref name="text"/> — the trigrams at 0, 3, 6 … and the last one. Every row containing the
    /// text matches (a superset: the caller still tests the substring); fewer terms than all
    /// overlapping trigrams, since each term costs a lookup in every index segment.
    /// <paramref name="text"/> must have at least <see cref="TrigramLength"/> characters.
    /// </summary>
    public static string CoveringTrigrams(string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(text.Length, TrigramLength);
        var starts = new List<int>();
        for (int start = 0; start + TrigramLength < text.Length; start += TrigramLength)
        {
            starts.Add(start);
        }

        starts.Add(text.Length - TrigramLength);
        return AllOfTrigrams(starts.Select(start => text.Substring(start, TrigramLength)).Distinct(StringComparer.Ordinal));
    }

    /// <summary>Every distinct trigram of <paramref name="text"/>, in order of first occurrence (none when it is shorter than a trigram).</summary>
    public static IEnumerable<string> Trigrams(string text) =>
        Enumerable.Range(0, Math.Max(0, text.Length - TrigramLength + 1)).Select(start => text.Substring(start, TrigramLength)).Distinct(StringComparer.Ordinal);

    /// <summary>Rows holding every one of <paramref name="trigrams"/> (a superset of the rows containing a text they come from: the caller tests the substring).</summary>
    public static string AllOfTrigrams(IEnumerable<string> trigrams) => string.Join(" AND ", trigrams.Select(Phrase));

    private static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The shortest text the trigram index can look up; shorter text matches nothing there.</summary>
    public const int TrigramLength = 3;
}
