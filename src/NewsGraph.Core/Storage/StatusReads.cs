using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>
/// Lists of memberships and roles as of a date, composed from the port's reads so that every store
/// answers alike: one read of every status edge in the list's scope (whole pairs, since a pair's
/// edges share both ends), <see cref="StatusHistory"/> decides which are held, and the list's own
/// query is then run restricted to those keys — its filters, order, paging and totals unchanged.
/// </summary>
public static class StatusReads
{
    /// <summary>Rows per read while collecting a scope; a state or an organization has far fewer status edges.</summary>
    private const int ScanPage = 1000;

    /// <summary><paramref name="query"/> restricted to the status edges held as of <paramref name="asOf"/> in its scope (its ends).</summary>
    public static async Task<RelationQuery> HeldAsOfAsync(IGraphReader reader, RelationQuery query, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        var scope = new RelationQuery { Types = StatusTypes(query), FromKey = query.FromKey, ToKey = query.ToKey, InvolvingKey = query.InvolvingKey };
        var all = new List<RelationRecord>();
        for (string? after = null; ;)
        {
            Page<RelationRecord> page = await reader.FindRelationsAsync(scope, new PageRequest(First: ScanPage, After: after), cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items.Select(i => i.Node));
            if (!page.HasNextPage)
            {
                break;
            }

            after = page.EndCursor;
        }

        return Restrict(query, StatusHistory.Of(all).HeldKeys(asOf));
    }

    /// <summary>
    /// <paramref name="query"/> restricted to the status edges held as of <paramref name="asOf"/>
    /// among those attached to <paramref name="keys"/> as <paramref name="grouping"/> says (by source
    /// or by target, so each key's edges are whole pairs).
    /// </summary>
    public static async Task<RelationQuery> HeldAsOfForAsync(
        IGraphReader reader, IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<RelationRecord> all = await AllForAsync(reader, keys, grouping, StatusTypes(query), cancellationToken).ConfigureAwait(false);
        return Restrict(query, StatusHistory.Of(all).HeldKeys(asOf));
    }

    /// <summary>Every status edge (of <paramref name="types"/>) attached to the keys, paging on for a key that has more than one read holds.</summary>
    public static async Task<IReadOnlyList<RelationRecord>> AllForAsync(
        IGraphReader reader, IReadOnlyCollection<string> keys, RelationGrouping grouping, IReadOnlyList<RelationType> types, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var scope = new RelationQuery { Types = types };
        var all = new List<RelationRecord>();
        IReadOnlyDictionary<string, Page<RelationRecord>> pages = await reader
            .FindRelationsForAsync(keys, grouping, scope, new PageRequest(First: ScanPage), cancellationToken).ConfigureAwait(false);
        foreach ((string key, Page<RelationRecord> first) in pages)
        {
            all.AddRange(first.Items.Select(i => i.Node));
            for (Page<RelationRecord> page = first; page.HasNextPage;)
            {
                page = (await reader.FindRelationsForAsync([key], grouping, scope, new PageRequest(First: ScanPage, After: page.EndCursor), cancellationToken).ConfigureAwait(false))[key];
                all.AddRange(page.Items.Select(i => i.Node));
            }
        }

        return all;
    }

    private static List<RelationType> StatusTypes(RelationQuery query)
    {
        List<RelationType> types = [.. (query.Types ?? StatusHistory.Types).Where(StatusHistory.IsStatus)];
        return types.Count > 0 ? types : throw new ArgumentException("An as-of read needs MEMBER_OF or HOLDS_ROLE among the query's types.", nameof(query));
    }

    private static RelationQuery Restrict(RelationQuery query, IReadOnlySet<string> held) => query with
    {
        Keys = [.. (query.Keys ?? (IEnumerable<string>)held).Where(held.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
    };
}
