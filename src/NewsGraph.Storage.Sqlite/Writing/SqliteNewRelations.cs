using System.Text;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// The relations a batch brings into being, inserted with their merged values instead of as empty
/// placeholders that the merge then rewrites whole (issue 13: 57,793 whole rewrites for the corpus's
/// 56,355 relations). A relation the store does not hold when the batch's last rows are written has
/// every assertion it will have in those rows, so its merged row is what <see cref="SqliteMergedRows"/>
/// would compute from them: the ends from the first assertion in (article key, sentence) order, each
/// property the first non-null one in that order (the date with its precision and source), the
/// effective date the date else the earliest asserting article's, the counts and the confidence tally
/// of the assertions. Rows the store keeps (the first of a relation, article and sentence) are the
/// only ones gathered, as <c>ON CONFLICT DO NOTHING</c> keeps them.
/// </summary>
internal sealed class SqliteNewRelations
{
    private readonly Dictionary<string, List<Assertion>> _assertions = new(StringComparer.Ordinal);
    private readonly HashSet<(string Relation, string Article, int Sentence)> _kept = [];

    /// <summary>Notes an assertion as written; a later one of the same relation, article and sentence is not one.</summary>
    public void Add(string relationKey, string articleKey, ExtractedRelation relation)
    {
        if (!_kept.Add((relationKey, articleKey, relation.SentenceIndex)))
        {
            return;
        }

        if (!_assertions.TryGetValue(relationKey, out List<Assertion>? list))
        {
            _assertions[relationKey] = list = [];
        }

        list.Add(new Assertion(articleKey, relation));
    }

    public void Clear()
    {
        _assertions.Clear();
        _kept.Clear();
    }

    /// <summary>
    /// The row of <see cref="SqliteStatements.InsertNewRelations"/> for a relation all of whose assertions
    /// were added here and whose <paramref name="delta"/> holds nothing else.
    /// </summary>
    public object?[] Row(string key, string type, RelationDelta delta)
    {
        List<Assertion> assertions = _assertions[key];
        assertions.Sort(static (a, b) => a.CompareTo(b));
        ExtractedRelation first = assertions[0].Relation;
        ExtractedRelation? dated = First(assertions, r => r.Date is not null);
        string? date = SqliteValues.Date(dated?.Date);
        string? place = First(assertions, r => r.PlaceKey is not null)?.PlaceKey;
        string? topic = First(assertions, r => r.Topic is not null)?.Topic;
        string? verb = First(assertions, r => r.Verb is not null)?.Verb;
        string? status = SqliteValues.Status(First(assertions, r => r.Status is not null)?.Status);
        string? role = First(assertions, r => r.Role is not null)?.Role;
        ConfidenceTally tally = ConfidenceTally.Empty.Plus(delta.Tally);
        return
        [
            key, type, first.From, first.To, date,
            dated?.DatePrecision is { } precision ? GraphNames.PrecisionName(precision) : null,
            dated?.DateSource is { } source ? GraphNames.SourceName(source) : null,
            date ?? delta.EarliestAdded, place, topic, ArabicText.Normalize(topic), verb, verb is null ? null : ArabicText.Normalize(verb),
            status, role, (long)delta.Articles, delta.EarliestAdded, Billionths(tally.Value), tally.LogSum, (long)tally.Scored, (long)tally.Certain,
            (long)delta.OriginalAssertions,
        ];
    }

    /// <summary>
    /// The merged confidence as integer billionths: <see cref="ConfidenceTally.Value"/> is rounded to 9 decimals
    /// (a whole number of billionths divided by 10⁹), and SQLite's division of that integer by 10⁹ gives back the
    /// very double, which a decimal in JSON text, parsed by SQLite, need not.
    /// </summary>
    private static long? Billionths(double? confidence) => confidence is { } c ? (long)Math.Round(c * 1e9) : null;

    private static ExtractedRelation? First(List<Assertion> ordered, Func<ExtractedRelation, bool> has)
    {
        foreach (Assertion assertion in ordered)
        {
            if (has(assertion.Relation))
            {
                return assertion.Relation;
            }
        }

        return null;
    }

    /// <summary>One kept assertion, ordered as SQLite orders the provenance key: article key by its UTF-8 bytes, then sentence.</summary>
    private sealed class Assertion(string articleKey, ExtractedRelation relation)
    {
        private readonly byte[] _articleKeyUtf8 = Encoding.UTF8.GetBytes(articleKey);

        public ExtractedRelation Relation { get; } = relation;

        public int CompareTo(Assertion other)
        {
            int byArticle = _articleKeyUtf8.AsSpan().SequenceCompareTo(other._articleKeyUtf8);
            return byArticle != 0 ? byArticle : Relation.SentenceIndex.CompareTo(other.Relation.SentenceIndex);
        }
    }
}
