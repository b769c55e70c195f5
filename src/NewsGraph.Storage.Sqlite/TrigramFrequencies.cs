using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// How many names hold each trigram in the trigram index (<c>entity_names</c>), learned as name lookups
/// ask and kept for the store's life, so a lookup matches on the rarest trigrams of its text instead of
/// a covering set. FTS5 walks every term's doclist in step, so the common trigrams of a name (دان in
/// 8,934 names, انو in 10,573 on a 200,000-article graph) cost most of the lookup: "بوغدانوف" took
/// 0.24 ms with its covering trigrams and 0.06 ms with its two rarest. The counts only choose terms:
/// the MATCH runs on the index as it is and <c>instr</c> decides, so a count gone stale as the graph
/// grows makes a lookup slower, never wrong.
/// </summary>
internal sealed class TrigramFrequencies
{
    /// <summary>Trigrams matched on: two rare ones narrow a name to a handful of rows.</summary>
    internal const int Terms = 2;

    /// <summary>Counts kept at most (a trigram and a long each); past this, new ones are counted each time.</summary>
    internal const int MaxEntries = 65_536;

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>
    /// The MATCH expression for names containing <paramref name="text"/> (normalized, at least
    /// <see cref="FtsQuery.TrigramLength"/> characters): its <see cref="Terms"/> rarest trigrams.
    /// </summary>
    public string NameMatch(SqliteReadSession session, string text)
    {
        string[] trigrams = [.. FtsQuery.Trigrams(text)];
        if (trigrams.Length <= Terms)
        {
            return FtsQuery.AllOfTrigrams(trigrams);
        }

        return FtsQuery.AllOfTrigrams(trigrams.OrderBy(t => CountOf(session, t)).ThenBy(t => t, StringComparer.Ordinal).Take(Terms));
    }

    private long CountOf(SqliteReadSession session, string trigram)
    {
        if (_counts.TryGetValue(trigram, out long known))
        {
            return known;
        }

        SqliteCommand command = session.Command(SqliteStatements.CountNamesWithTrigram);
        command.Parameters.AddWithValue("@match", FtsQuery.AllOfTrigrams([trigram]));
        long count = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (_counts.Count < MaxEntries)
        {
            _counts[trigram] = count;
        }

        return count;
    }
}
