namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// Pages of relations grouped by an end (<c>FindRelationsForAsync</c> by endpoint, source or
/// target) read as ordered index walks that stop at the page (schema version 11).
/// <para>
/// <see cref="GroupedPageTemplate"/> joins every relation of a group key (<c>from_key = g OR
/// to_key = g</c>, a MULTI-INDEX OR), ranks them all and then keeps the page: for a hub such as a
/// foreign minister with 744 relations, all 744 were read, materialized and sorted to return 100.
/// Here each side of the relation is its own walk along <c>(from_key, date_sort, key)</c> or
/// <c>(to_key, date_sort, key)</c> in the page's order, limited to the page plus one; the sides of
/// a group are then merged (at most twice the page is ranked). The counts the page needs come
/// apart: whether more rows follow (the merged rows outnumber the page), whether any row lies on
/// the cursor's other side (an EXISTS per side, only with a cursor) and the total (a count per
/// side, only when asked). Other sorts (article count) are no index's order: each side is then
/// sorted whole, as before, and still limited before the merge.
/// </para>
/// </summary>
internal static partial class SqliteStatements
{
    /// <summary>Version 11: the relation indexes whose order is a grouped page's order by date, one per end.</summary>
    public const string CreateRelationWalkIndexesV11 = """
        CREATE INDEX IF NOT EXISTS ix_relations_from_date ON relations (from_key, date_sort, key);
        CREATE INDEX IF NOT EXISTS ix_relations_to_date ON relations (to_key, date_sort, key);
        """;

    /// <summary>
    /// The sides a group key's relations are walked along (conditions on <c>r</c> against the group
    /// key <c>g.grp</c>), by grouping. An endpoint's own loops (from = to) are walked on the source
    /// side only, so each relation comes once.
    /// </summary>
    public static readonly string[] RelationsByEndpointSides = ["r.from_key = g.grp", "r.to_key = g.grp AND r.from_key <> g.grp"];

    public static readonly string[] RelationsBySourceSides = ["r.from_key = g.grp"];

    public static readonly string[] RelationsByTargetSides = ["r.to_key = g.grp"];

    /// <summary>
    /// One side's walk for the group key <c>g.grp</c>: the rowids of its first rows past the cursor
    /// in fetch order, one more than the page. {2} sort expression, {3} key expression, {5} filters,
    /// {6} cursor condition, {7} direction (as in <see cref="PageTemplate"/>), {9} the side's condition.
    /// </summary>
    public const string RelationWalkSideTemplate = """
        SELECT * FROM (
            SELECT * FROM (SELECT r.rowid AS rid, {2} AS sort_value, {3} AS sort_key FROM relations r WHERE {9} AND {5})
            WHERE {6}
            ORDER BY sort_value {7}, sort_key {7}
            LIMIT +@limit)
        """;

    /// <summary>A side's rows on the cursor's other side exist ({10} the condition for them; other placeholders as above).</summary>
    public const string RelationWalkSideBeyondTemplate = """
        EXISTS (SELECT 1 FROM (SELECT {2} AS sort_value, {3} AS sort_key FROM relations r WHERE {9} AND {5}) WHERE {10})
        """;

    /// <summary>A side's total for its group key.</summary>
    public const string RelationWalkSideCountTemplate = "(SELECT count(*) FROM relations r WHERE {9} AND {5})";

    /// <summary>
    /// Pages of every group key in the columns <see cref="GroupedPageTemplate"/> returns, one row per
    /// page row (a row of NULLs for a group with none): the sides' walks merged and cut at the page
    /// plus one, per group key, in order. No window function: numbering a group's rows (as
    /// <see cref="GroupedPageTemplate"/> does) cost more than the walks themselves (0.4 of 0.9 ms for
    /// a hub's page; 0.16 ms without). {0} the sides' walks joined by UNION ALL, {1} the relation
    /// columns, {2} the total expression (NULL or the sides' counts added), {3} whether no row lies
    /// beyond the cursor (1, or NOT of the sides' EXISTS), {4} direction, {5} extra columns on the
    /// paged rows, {6} sort expression, {7} key expression.
    /// </summary>
    public const string GroupedWalkTemplate = """
        WITH g AS (SELECT DISTINCT value AS grp FROM json_each(@groupKeys))
        SELECT page.*{5} FROM (
            SELECT g.grp AS grp, {2} AS total, {3} AS none_beyond, {6} AS sort_value, {7} AS sort_key, {1}
            FROM g LEFT JOIN relations r ON r.rowid IN (
                SELECT rid FROM ({0}) ORDER BY sort_value {4}, sort_key {4} LIMIT +@limit)) AS page
        ORDER BY page.grp, page.sort_value {4}, page.sort_key {4};
        """;
}
