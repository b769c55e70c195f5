using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>
/// Conditions a traversal puts on status edges (<see cref="StatusHistory"/>): only memberships of
/// these <see cref="Statuses"/>, and only the memberships and roles held as of <see cref="AsOf"/>.
/// Other relations pass untouched.
/// </summary>
public sealed record StatusFilter(IReadOnlyCollection<MembershipStatus>? Statuses = null, DateOnly? AsOf = null)
{
    /// <summary>True when the filter keeps everything.</summary>
    public bool KeepsAll => Statuses is null && AsOf is null;

    /// <summary>
    /// The relations of <paramref name="relations"/> that pass. Whether a status is held as of a date
    /// depends on the other edges of its pair, so <paramref name="history"/> must hold them all.
    /// </summary>
    public IEnumerable<RelationRecord> Keep(IEnumerable<RelationRecord> relations, StatusHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        IReadOnlySet<string>? held = AsOf is { } date ? history.HeldKeys(date) : null;
        return relations.Where(r => Passes(r, held));
    }

    private bool Passes(RelationRecord relation, IReadOnlySet<string>? held) =>
        !StatusHistory.IsStatus(relation.Type)
        || ((held is null || held.Contains(relation.Key))
            && (Statuses is null || relation.Type != RelationType.MemberOf || (relation.Status is { } s && Statuses.Contains(s))));
}
