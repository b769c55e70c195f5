using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite;

/// <summary>How a list sorts: its sort expression and whether the cursor carries text or a count.</summary>
internal sealed record SqliteSort(string Expression, SortValueKind ValueKind, SortDirection Direction);


/// <summary>
/// A filtered list of one row shape (entities, articles or relations): its source, its ANDed
/// filter fragments (all from <see cref="SqliteStatements"/>) and their parameters. It renders
/// the page, count and grouped-page statements from the templates there.
/// </summary>
internal sealed class SqliteListQuery(string columns, string columnNames, string keyExpression, string extraPageColumns)
{
    private readonly List<string> _conditions = [];
    private readonly List<KeyValuePair<string, object?>> _parameters = [];

    public void Where(string condition)
    {
        _conditions.Add(condition);
    }

    public void Where(string condition, string parameter, object? value)
    {
        _conditions.Add(condition);
        Bind(parameter, value);
    }

    public void Bind(string parameter, object? value)
    {
        _parameters.Add(new(parameter, value ?? DBNull.Value));
    }

    /// <summary>
    /// Restricts the list to some node kinds or relation types (<paramref name="names"/>, null for all).
    /// When nothing else filters (<paramref name="alone"/>), a single name is matched by equality, so
    /// the (kind or type, sort, key) index serves a page in order — other orders are no slower than
    /// with the list form; next to another filter SQLite, without statistics, would pick that index
    /// over the better one. Alone, the total also comes from <paramref name="keptCount"/>, the counts
    /// kept per kind or type, not from counting thousands of index entries; it takes the list parameter.
    /// </summary>
    public void WhereCategory(
        IReadOnlyList<string>? names, bool alone, (string Condition, string Parameter) equals, (string Condition, string Parameter) anyOf, string keptCount)
    {
        string? json = names is null ? null : SqliteJson.Serialize(names);
        if (alone && names is { Count: 1 })
        {
            Where(equals.Condition, equals.Parameter, names[0]);
            Bind(anyOf.Parameter, json);
        }
        else if (json is not null)
        {
            Where(anyOf.Condition, anyOf.Parameter, json);
        }

        if (alone)
        {
            KeptCount = keptCount;
            if (json is null)
            {
                Bind(anyOf.Parameter, null);
            }
        }
    }

    private string Filters => _conditions.Count == 0 ? "1" : string.Join(" AND ", _conditions);

    /// <summary>
    /// A statement that gives the total of a plain list without counting its rows (the kept counts
    /// of a kind or type), bound to the same parameters; null to count with <see cref="SqliteStatements.CountTemplate"/>.
    /// </summary>
    public string? KeptCount { get; set; }

    /// <summary>One page of a plain list, plus (when needed) whether rows lie beyond the cursor and the total.</summary>
    public async Task<Page<T>> ReadPageAsync<T>(
        SqliteReadSession session, string source, SqliteSort sort, PageRequest page, Func<SqliteDataReader, int, T> read, CancellationToken cancellationToken)
    {
        PageWindow window = PageWindow.Of(sort.ValueKind, sort.Direction, page);
        string[] args = Arguments(source, sort, Direction(window), window.Cursor is null ? SqliteStatements.NoCursor : WindowCondition(window));

        var items = new List<PageItem<T>>();
        bool hasMore;
        {
            SqliteCommand command = Command(session, string.Format(CultureInfo.InvariantCulture, SqliteStatements.PageTemplate, args), window);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new PageItem<T>(read(reader, 2), EncodeCursor(reader, 0, 1, sort.ValueKind)));
            }
        }

        hasMore = items.Count > window.Size;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        bool beyondCursor = false;
        if (window.Cursor is not null)
        {
            string[] beyond = Arguments(source, sort, Direction(window), BeyondCondition(window));
            SqliteCommand command = Command(session, string.Format(CultureInfo.InvariantCulture, SqliteStatements.ExistsBeyondCursorTemplate, beyond), window);
            beyondCursor = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
        }

        long? total = null;
        if (page.IncludeTotal)
        {
            SqliteCommand command = Command(session, KeptCount ?? string.Format(CultureInfo.InvariantCulture, SqliteStatements.CountTemplate, args), window);
            total = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return window.ToPage(items, hasMore, beyondCursor, total);
    }

    /// <summary>One page per group key, all in one statement (see <see cref="SqliteStatements.GroupedPageTemplate"/>).</summary>
    public Task<IReadOnlyDictionary<string, Page<T>>> ReadGroupedPagesAsync<T>(
        SqliteReadSession session, IReadOnlyCollection<string> groupKeys, string source, SqliteSort sort, PageRequest page,
        Func<SqliteDataReader, int, T> read, CancellationToken cancellationToken)
    {
        PageWindow window = PageWindow.Of(sort.ValueKind, sort.Direction, page);
        string[] args = Arguments(source, sort, Direction(window), window.Cursor is null ? SqliteStatements.NoCursor : WindowCondition(window));
        object[] grouped = [args[0], PageColumns, args[2], args[3], args[4], args[5], args[6], args[7], args[8], page.IncludeTotal ? "count(*)" : "NULL"];
        string sql = string.Format(CultureInfo.InvariantCulture, SqliteStatements.GroupedPageTemplate, grouped);
        return ReadGroupsAsync(session, groupKeys, sql, window, page.IncludeTotal, sort.ValueKind, read, cancellationToken);
    }

    /// <summary>
    /// One page per group key, each side of it (<paramref name="sides"/>, conditions on the relation
    /// against the group key) walked in the page's order and cut at the page, in one statement (see
    /// <see cref="SqliteStatements.GroupedWalkTemplate"/>). The same pages as <see cref="ReadGroupedPagesAsync{T}"/>
    /// with a source joining on any of the sides.
    /// </summary>
    public Task<IReadOnlyDictionary<string, Page<T>>> ReadGroupedWalkAsync<T>(
        SqliteReadSession session, IReadOnlyCollection<string> groupKeys, IReadOnlyList<string> sides, SqliteSort sort, PageRequest page,
        Func<SqliteDataReader, int, T> read, CancellationToken cancellationToken)
    {
        PageWindow window = PageWindow.Of(sort.ValueKind, sort.Direction, page);
        string direction = Direction(window);
        string cursor = window.Cursor is null ? SqliteStatements.NoCursor : WindowCondition(window);
        string beyond = window.Cursor is null ? SqliteStatements.NoCursor : BeyondCondition(window);
        string Side(string template, string side) => string.Format(
            CultureInfo.InvariantCulture, template, [columns, columnNames, sort.Expression, keyExpression, string.Empty, Filters, cursor, direction, extraPageColumns, side, beyond]);

        string rows = string.Join(" UNION ALL ", sides.Select(side => Side(SqliteStatements.RelationWalkSideTemplate, side)));
        string total = page.IncludeTotal ? string.Join(" + ", sides.Select(side => Side(SqliteStatements.RelationWalkSideCountTemplate, side))) : "NULL";
        string noneBeyond = window.Cursor is null
            ? "1"
            : "NOT (" + string.Join(" OR ", sides.Select(side => Side(SqliteStatements.RelationWalkSideBeyondTemplate, side))) + ")";
        string sql = string.Format(
            CultureInfo.InvariantCulture, SqliteStatements.GroupedWalkTemplate, rows, columns, total, noneBeyond, direction, extraPageColumns, sort.Expression, keyExpression);
        return ReadGroupsAsync(session, groupKeys, sql, window, page.IncludeTotal, sort.ValueKind, read, cancellationToken);
    }

    /// <summary>The list's columns as selected from a derived row named <c>page</c>.</summary>
    private string PageColumns => string.Join(", ", columnNames.Split(", ").Select(name => "page." + name));

    /// <summary>
    /// Runs a grouped statement — per row: group key, total, whether no row lies beyond the cursor,
    /// then the sort value, key and columns of a page row (NULL for a group with none), at most one
    /// row more than the page per group, in page order — and makes every group key asked for a page.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Page<T>>> ReadGroupsAsync<T>(
        SqliteReadSession session, IReadOnlyCollection<string> groupKeys, string sql, PageWindow window, bool includeTotal, SortValueKind valueKind,
        Func<SqliteDataReader, int, T> read, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Page<T>>(StringComparer.Ordinal);
        if (groupKeys.Count == 0)
        {
            return result;
        }

        var groups = new Dictionary<string, (List<PageItem<T>> Items, int Rows, bool AllInWindow, long? Total)>(StringComparer.Ordinal);
        {
            SqliteCommand command = Command(session, sql, window);
            command.Parameters.AddWithValue("@groupKeys", SqliteJson.Serialize(groupKeys));
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                string group = reader.GetString(0);
                if (!groups.TryGetValue(group, out var entry))
                {
                    entry = ([], 0, reader.GetInt64(2) == 1, reader.IsDBNull(1) ? null : reader.GetInt64(1));
                }

                if (!reader.IsDBNull(4))
                {
                    // At most one row more than the page comes per group: it says there are more.
                    entry.Rows++;
                    if (entry.Items.Count < window.Size)
                    {
                        entry.Items.Add(new PageItem<T>(read(reader, 5), EncodeCursor(reader, 3, 4, valueKind)));
                    }
                }

                groups[group] = entry;
            }
        }

        foreach (string key in groupKeys)
        {
            if (result.ContainsKey(key))
            {
                continue;
            }

            result[key] = groups.TryGetValue(key, out var entry)
                ? window.ToPage(entry.Items, entry.Rows > window.Size, !entry.AllInWindow, includeTotal ? entry.Total : null)
                : new Page<T>([], false, false, includeTotal ? 0 : null);
        }

        return result;
    }

    private string[] Arguments(string source, SqliteSort sort, string direction, string cursorCondition) =>
    [
        columns, columnNames, sort.Expression, keyExpression, source, Filters, cursorCondition, direction, extraPageColumns,
    ];

    /// <summary>The session's prepared command for <paramref name="sql"/>, bound to this list's parameters and the page's.</summary>
    private SqliteCommand Command(SqliteReadSession session, string sql, PageWindow window)
    {
        SqliteCommand command = session.Command(sql);
        foreach (KeyValuePair<string, object?> parameter in _parameters)
        {
            command.Parameters.AddWithValue(parameter.Key, parameter.Value);
        }

        command.Parameters.AddWithValue("@limit", (long)window.Size + 1);
        if (window.Cursor is { } cursor)
        {
            command.Parameters.AddWithValue("@cursorSort", cursor.Sort);
            command.Parameters.AddWithValue("@cursorKey", cursor.Key);
        }

        return command;
    }

    private static string EncodeCursor(SqliteDataReader reader, int sortOrdinal, int keyOrdinal, SortValueKind kind) =>
        kind == SortValueKind.Number
            ? Cursor.Encode(reader.GetInt64(sortOrdinal), reader.GetString(keyOrdinal))
            : Cursor.Encode(reader.GetString(sortOrdinal), reader.GetString(keyOrdinal));

    private static string Direction(PageWindow window) => window.FetchAscending ? SqliteStatements.Ascending : SqliteStatements.Descending;

    /// <summary>Rows past the cursor in the fetch direction.</summary>
    private static string WindowCondition(PageWindow window) => window.FetchAscending ? SqliteStatements.CursorAfter : SqliteStatements.CursorBefore;

    /// <summary>Rows on the cursor's other side.</summary>
    private static string BeyondCondition(PageWindow window) => window.FetchAscending ? SqliteStatements.CursorAtOrBefore : SqliteStatements.CursorAtOrAfter;
}
