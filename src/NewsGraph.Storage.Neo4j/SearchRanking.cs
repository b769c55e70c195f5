using System.Globalization;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// The embedded store's search ranking, computed here so both stores order hits alike: tier
/// (exact normalized name, exact alias, name starting with the query, the rest), then Okapi BM25
/// exactly as SQLite FTS5's <c>bm25()</c> computes it (k1 = 1.2, b = 0.75, IDF floored at 1e-6,
/// name words weighing 10 and alias words 4, document length in words over both), then key.
/// A term matches a word it starts (a prefix query), so partial names are found.
/// </summary>
internal static class SearchRanking
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double NameWeight = 10.0;
    private const double AliasWeight = 4.0;

    /// <summary>Words of normalized text as FTS5's unicode61 tokenizer splits them: runs of letters, digits and private-use characters.</summary>
    public static IEnumerable<string> Words(string normalized)
    {
        int start = -1;
        for (int i = 0; i <= normalized.Length; i++)
        {
            bool wordChar = i < normalized.Length && IsWordChar(normalized[i]);
            if (wordChar && start < 0)
            {
                start = i;
            }
            else if (!wordChar && start >= 0)
            {
                yield return normalized[start..i];
                start = -1;
            }
        }
    }

    public sealed record Candidate(string Key, NodeKind Kind, string NameNorm, IReadOnlyList<string> AliasesNorm);

    /// <param name="exact">The whole query, normalized.</param>
    /// <param name="terms">The query words used to match.</param>
    /// <param name="candidates">Entities matching the terms (all terms, or any in the fallback).</param>
    /// <param name="rows">Number of searchable entities (N).</param>
    /// <param name="tokens">Words of all searchable entities, names and aliases together.</param>
    /// <param name="hits">Per term, the number of entities having a word it starts.</param>
    /// <param name="first">How many hits to keep.</param>
    public static IReadOnlyList<SearchHit> Rank(
        string exact, IReadOnlyList<string> terms, IEnumerable<Candidate> candidates, long rows, long tokens, IReadOnlyDictionary<string, long> hits, int first)
    {
        double averageLength = rows == 0 ? 0 : (double)tokens / rows;
        double[] idf = [.. terms.Select(t =>
        {
            long n = hits.GetValueOrDefault(t);
            double value = Math.Log((rows - n + 0.5) / (n + 0.5));
            return value <= 0.0 ? 1e-6 : value;
        })];

        var ranked = new List<(Candidate Candidate, int Tier, double Rank)>();
        foreach (Candidate candidate in candidates)
        {
            List<string> nameWords = [.. Words(candidate.NameNorm)];
            List<string> aliasWords = [.. candidate.AliasesNorm.SelectMany(Words)];
            double length = nameWords.Count + aliasWords.Count;
            double score = 0;
            for (int i = 0; i < terms.Count; i++)
            {
                string term = terms[i];
                double frequency = (nameWords.Count(w => w.StartsWith(term, StringComparison.Ordinal)) * NameWeight)
                    + (aliasWords.Count(w => w.StartsWith(term, StringComparison.Ordinal)) * AliasWeight);
                score += idf[i] * (frequency * (K1 + 1.0) / (frequency + (K1 * (1 - B + (B * length / averageLength)))));
            }

            int tier = candidate.NameNorm == exact ? 0
                : candidate.AliasesNorm.Contains(exact, StringComparer.Ordinal) ? 1
                : candidate.NameNorm.StartsWith(exact, StringComparison.Ordinal) ? 2
                : 3;
            ranked.Add((candidate, tier, -1.0 * score));
        }

        return [.. ranked
            .OrderBy(r => r.Tier)
            .ThenBy(r => r.Rank)
            .ThenBy(r => r.Candidate.Key, StringComparer.Ordinal)
            .Take(first)
            .Select(r =>
            {
                // Higher is better and follows the order: the tier, plus bm25 folded into [0, 1).
                double relevance = Math.Max(0, -r.Rank);
                return new SearchHit(r.Candidate.Key, r.Candidate.Kind, (3 - r.Tier) + (relevance / (1 + relevance)));
            })];
    }

    private static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
