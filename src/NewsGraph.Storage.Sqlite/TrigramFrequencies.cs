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
internal sealed class TrigramFrequencies(int maxEntries = TrigramFrequencies.MaxEntries)
{
    /// <summary>Trigrams matched on: two rare ones narrow a name to a handful of rows.</summary>
    internal const int Terms = 2;

    /// <summary>Counts kept at most (a trigram and a long each); past this, a text with a trigram not yet counted is matched on its covering set.</summary>
    internal const int MaxEntries = 65_536;

    /// <summary>
    /// The most distinct trigrams a text may have to be matched on its rarest (a name of 34 characters);
    /// a longer text is matched on its covering trigrams, as before, so a client sending long random text
    /// cannot make one lookup count thousands of trigrams.
    /// </summary>
    internal const int MaxRanked = 32;

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>How many trigrams' counts are known.</summary>
    internal int Known => _counts.Count;

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

        if (trigrams.Length > MaxRanked)
        {
            return FtsQuery.CoveringTrigrams(text);
        }

        var counts = new long[trigrams.Length];
        for (int k = 0; k < trigrams.Length; k++)
        {
            // A trigram not counted yet with no room left to keep its count (text sent to fill the table):
            // the covering set, as before, so no lookup counts more than it can keep.
            if (CountOf(session, trigrams[k]) is not { } count)
            {
                return FtsQuery.CoveringTrigrams(text);
            }

            counts[k] = count;
        }

        return FtsQuery.AllOfTrigrams(trigrams.Select((t, k) => (t, Count: counts[k]))
            .OrderBy(p => p.Count).ThenBy(p => p.t, StringComparer.Ordinal).Take(Terms).Select(p => p.t));
    }

    /// <summary>The trigram's count, counted once and kept; null when it is not known and the table is full.</summary>
    private long? CountOf(SqliteReadSession session, string trigram)
    {
        if (_counts.TryGetValue(trigram, out long known))
        {
            return known;
        }

        if (_counts.Count >= maxEntries)
        {
            return null;
        }

        SqliteCommand command = session.Command(SqliteStatements.CountNamesWithTrigram);
        command.Parameters.AddWithValue("@match", FtsQuery.AllOfTrigrams([trigram]));
        long count = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        _counts[trigram] = count;
        return count;
    }
}
