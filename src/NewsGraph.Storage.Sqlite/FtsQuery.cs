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
    /// The text as one quoted phrase. Against the trigram index (<c>entity_names</c>) a phrase
    /// matches rows that contain the text as a substring, provided it has at least
    /// <see cref="TrigramLength"/> characters.
    /// </summary>
    public static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The shortest text the trigram index can look up; shorter text matches nothing there.</summary>
    public const int TrigramLength = 3;
}
