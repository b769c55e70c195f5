using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>
/// One assertion of a status: an article said, in one sentence, that a state held a status in an
/// organization (MEMBER_OF) or that a person held a role at an organization or state (HOLDS_ROLE),
/// on <see cref="Date"/> (null: the text gives no date). <see cref="Conflict"/> is set when the
/// same pair has an assertion of another status for the same date (or both undated).
/// </summary>
public sealed record StatusAssertion(
    string RelationKey,
    MembershipStatus? Status,
    string? Role,
    DateOnly? Date,
    DatePrecision? DatePrecision,
    DateSource? DateSource,
    string ArticleKey,
    int SentenceIndex,
    string Evidence,
    bool Conflict);

/// <summary>
/// Statuses over time. A MEMBER_OF relation is one edge per (state, organization, status) and a
/// HOLDS_ROLE relation one per (person, place of the role, role), each keeping the date of every
/// assertion (<see cref="Provenance"/>). The edges of one pair are its history; which one holds on a
/// date is decided here, the same for every store, from the relation records a store returns.
/// <para>
/// The rule: as of a date (or, with none, as of now) a pair holds the status of its latest dated
/// assertion on or before that date; dates compare as stored, a MONTH or YEAR date being its first
/// day. An undated assertion says the status held at some unknown time, so it never outranks a dated
/// one: it decides only for a pair with no dated assertion on or before the date asked. When the
/// deciding date (or the undated fallback) has assertions of several statuses, they conflict: every
/// one of them is held, and each is listed with the others (<see cref="ConflictsWith"/>), never
/// silently merged into one.
/// </para>
/// </summary>
public sealed class StatusHistory
{
    private readonly Dictionary<(string From, string End), List<StatusAssertion>> _byPair;
    private readonly Dictionary<string, RelationRecord> _relations;

    private StatusHistory(Dictionary<(string From, string End), List<StatusAssertion>> byPair, Dictionary<string, RelationRecord> relations)
    {
        _byPair = byPair;
        _relations = relations;
    }

    /// <summary>The relation types whose edges are statuses of a pair.</summary>
    public static IReadOnlyList<RelationType> Types { get; } = [RelationType.MemberOf, RelationType.HoldsRole];

    public static bool IsStatus(RelationType type) => type is RelationType.MemberOf or RelationType.HoldsRole;

    /// <summary>
    /// The histories of the pairs of the given relations (other types are ignored). Give all the
    /// status edges of a pair, or the pair's answer is decided on part of its history.
    /// </summary>
    public static StatusHistory Of(IEnumerable<RelationRecord> relations)
    {
        var byPair = new Dictionary<(string From, string End), List<StatusAssertion>>();
        var byKey = new Dictionary<string, RelationRecord>(StringComparer.Ordinal);
        foreach (RelationRecord relation in relations.Where(r => IsStatus(r.Type)).DistinctBy(r => r.Key, StringComparer.Ordinal))
        {
            byKey[relation.Key] = relation;
            (string, string) pair = (relation.From, PairEnd(relation));
            if (!byPair.TryGetValue(pair, out List<StatusAssertion>? list))
            {
                byPair[pair] = list = [];
            }

            list.AddRange(relation.Provenance.Select(p => new StatusAssertion(
                relation.Key, relation.Status, relation.Role, p.Date, p.DatePrecision, p.DateSource, p.ArticleKey, p.SentenceIndex, p.Evidence, Conflict: false)));
        }

        foreach (List<StatusAssertion> list in byPair.Values)
        {
            list.Sort(CompareAssertions);
            MarkConflicts(list);
        }

        return new StatusHistory(byPair, byKey);
    }

    /// <summary>The assertions of the pair <paramref name="relation"/> belongs to, by date (undated last), article, sentence, relation key.</summary>
    public IReadOnlyList<StatusAssertion> Of(RelationRecord relation) =>
        _byPair.GetValueOrDefault((relation.From, PairEnd(relation))) ?? [];

    /// <summary>The keys of the relations held as of <paramref name="asOf"/> (null: now), over every pair.</summary>
    public IReadOnlySet<string> HeldKeys(DateOnly? asOf)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (List<StatusAssertion> assertions in _byPair.Values)
        {
            held.UnionWith(Deciding(assertions, asOf).Select(a => a.RelationKey));
        }

        return held;
    }

    /// <summary>Whether <paramref name="relation"/>'s status is held as of <paramref name="asOf"/> (null: now).</summary>
    public bool Holds(RelationRecord relation, DateOnly? asOf) =>
        Deciding(Of(relation), asOf).Any(a => a.RelationKey == relation.Key);

    /// <summary>
    /// The other relations of the pair held together with <paramref name="relation"/> as of
    /// <paramref name="asOf"/>: asserted for the same deciding date, in key order. Empty when it
    /// holds alone or not at all.
    /// </summary>
    public IReadOnlyList<RelationRecord> ConflictsWith(RelationRecord relation, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(relation);
        List<string> held = [.. Deciding(Of(relation), asOf).Select(a => a.RelationKey).Distinct(StringComparer.Ordinal)];
        return held.Contains(relation.Key)
            ? [.. held.Where(k => k != relation.Key).Order(StringComparer.Ordinal).Select(k => _relations[k])]
            : [];
    }

    /// <summary>The assertions that decide a pair's status as of a date: those of its latest dated day on or before it, else its undated ones.</summary>
    private static IEnumerable<StatusAssertion> Deciding(IReadOnlyList<StatusAssertion> assertions, DateOnly? asOf)
    {
        DateOnly? latest = assertions.Where(a => a.Date is { } d && (asOf is null || d <= asOf)).Max(a => a.Date);
        return latest is { } day ? assertions.Where(a => a.Date == day) : assertions.Where(a => a.Date is null);
    }

    private static void MarkConflicts(List<StatusAssertion> sorted)
    {
        foreach (IGrouping<DateOnly?, int> sameDate in Enumerable.Range(0, sorted.Count).GroupBy(i => sorted[i].Date))
        {
            if (sameDate.Select(i => sorted[i].RelationKey).Distinct(StringComparer.Ordinal).Skip(1).Any())
            {
                foreach (int i in sameDate)
                {
                    sorted[i] = sorted[i] with { Conflict = true };
                }
            }
        }
    }

    private static int CompareAssertions(StatusAssertion x, StatusAssertion y)
    {
        int byDate = (x.Date, y.Date) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } a, { } b) => a.CompareTo(b),
        };
        if (byDate != 0)
        {
            return byDate;
        }

        int byArticle = string.CompareOrdinal(x.ArticleKey, y.ArticleKey);
        if (byArticle != 0)
        {
            return byArticle;
        }

        int bySentence = x.SentenceIndex.CompareTo(y.SentenceIndex);
        return bySentence != 0 ? bySentence : string.CompareOrdinal(x.RelationKey, y.RelationKey);
    }

    /// <summary>
    /// The second end of a pair: the organization of a membership, and for a role the place of the
    /// role (a person holding two roles at two organizations has two histories).
    /// </summary>
    private static string PairEnd(RelationRecord relation) => relation.Type + "|" + relation.To;
}
