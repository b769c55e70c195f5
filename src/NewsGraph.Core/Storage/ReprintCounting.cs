namespace NewsGraph.Core.Storage;

/// <summary>
/// How the dashboard aggregates count a story told by several copies (<see cref="ReprintLinks"/>), the
/// one rule both stores apply: <b>an aggregate counts what the originals say; a reprint is provenance</b>.
/// An original is a stored article that is not a reprint (its <c>ReprintOf</c> is null), so every
/// story has exactly one, and the rule follows the links as they change (an original removed or
/// rewritten hands its reprints on and the next one counts in its place).
/// <list type="bullet">
/// <item><c>topEntities(by: MENTIONS)</c>: an entity's mentions in originals only. A reprint's
/// mention adds nothing, also when its original does not name the entity (a paragraph only the copy
/// has): the copy is the same story, and counting what only copies add would make a count depend on
/// how many outlets ran it. The entity, its <c>mentionCount</c> and its articles still include the copy.</item>
/// <item><c>topEntities(by: MEETINGS | STATEMENTS | DEGREE)</c> and <c>timeline(type:)</c>: a relation
/// counts (once, as before) when at least one original asserts it. Copies asserting the same relation
/// were already one merged relation; what this removes is a relation only copies assert, typically
/// the same meeting keyed apart by a copy's later dateline date. With a PUBLISHED range, an original
/// published in the range must assert it; with EVENT, the relation's own date decides.</item>
/// <item><c>timeline</c> without a type: articles, as before, each bucket also saying how many are reprints.</item>
/// <item><c>coMentioned</c>: shared originals.</item>
/// <item><c>stats</c>: what is stored, reprints included (articles, nodes per kind, relations per type,
/// as the lists return them), plus the number of reprints: <c>articles - reprints</c> is the number of stories.</item>
/// </list>
/// Relations and entities keep every copy's contribution: provenance, article counts, sources, confidence.
/// </summary>
public static class ReprintCounting
{
    /// <summary>Whether an article with this <c>ReprintOf</c> counts in the aggregates: it is an original.</summary>
    public static bool Counts(string? reprintOf) => reprintOf is null;
}
