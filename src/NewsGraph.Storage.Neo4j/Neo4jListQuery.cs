using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>How a list sorts: its sort expression and whether the cursor carries text or a count.</summary>
internal sealed record CypherSort(string Expression, SortValueKind ValueKind, SortDirection Direction);


/// <summary>
/// A filtered list of one record shape: ANDed filter fragments (all from <see cref="CypherStatements"/>)
/// and their parameters. It renders the page, beyond-cursor and count statements (sent together,
/// one round trip) and the grouped-page statement from the templates there, with the same keyset
/// paging as the embedded store: ties broken by key in the sort's direction, backward pages
/// fetched in reverse and flipped.
/// </summary>
internal sealed class Neo4jListQuery(string projection)
{
    private readonly List<string> _conditions = [];
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);

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
        _parameters[parameter] = value;
    }

    // Never a constant "true": Neo4j 3.1's planner fails on constant predicates ("Attempt to construct empty non-empty list").
    private string Filters => _conditions.Count == 0 ? "x IS NOT NULL" : string.Join(" AND ", _conditions);

    public async Task<Page<T>> ReadPageAsync<T>(
        INeo4jTransport transport, string source, CypherSort sort, PageRequest page, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        PageWindow window = PageWindow.Of(sort.ValueKind, sort.Direction, page);
        var statements = new List<CypherStatement>
        {
            Statement(CypherStatements.PageTemplate, source, sort, window, window.Cursor is null ? CypherStatements.NoCursor : WindowCondition(window)),
        };
        if (window.Cursor is not null)
        {
            statements.Add(Statement(CypherStatements.BeyondCursorTemplate, source, sort, window, BeyondCondition(window)));
        }

        if (page.IncludeTotal)
        {
            statements.Add(Statement(CypherStatements.CountTemplate, source, sort, window, CypherStatements.NoCursor));
        }

        IReadOnlyList<CypherResult> results = await transport.RunAsync(statements, Neo4jAccessMode.Read, cancellationToken);
        List<PageItem<T>> items = [.. results[0].Rows.Select(row => new PageItem<T>(read(row[0]), EncodeCursor(row[1], row[2], sort.ValueKind)))];
        bool hasMore = items.Count > window.Size;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        bool beyondCursor = window.Cursor is not null && results[1].Rows.Count > 0;
        long? total = page.IncludeTotal ? results[^1].Rows[0][0].GetInt64() : null;
        return window.ToPage(items, hasMore, beyondCursor, total);
    }

    public async Task<IReadOnlyDictionary<string, Page<T>>> ReadGroupedPagesAsync<T>(
        INeo4jTransport transport, IReadOnlyCollection<string> groupKeys, string source, CypherSort sort, PageRequest page,
        Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        PageWindow window = PageWindow.Of(sort.ValueKind, sort.Direction, page);
        var result = new Dictionary<string, Page<T>>(StringComparer.Ordinal);
        if (groupKeys.Count == 0)
        {
            return result;
        }

        CypherStatement statement = Statement(
            CypherStatements.GroupedPageTemplate, source, sort, window, window.Cursor is null ? CypherStatements.NoCursor : WindowCondition(window));
        var parameters = new Dictionary<string, object?>(statement.Parameters, StringComparer.Ordinal)
        {
            ["groupKeys"] = groupKeys.Distinct(StringComparer.Ordinal).ToList(),
        };
        IReadOnlyList<CypherResult> results = await transport.RunAsync([statement with { Parameters = parameters }], Neo4jAccessMode.Read, cancellationToken);

        var groups = new Dictionary<string, Page<T>>(StringComparer.Ordinal);
        foreach (JsonElement row in results[0].Rows)
        {
            string group = row[0].GetString()!;
            long total = row[1].GetInt64();
            long inCount = row[2].GetInt64();
            bool allIn = row[3].GetInt64() == 1;
            List<PageItem<T>> items = [.. row[4].EnumerateArray()
                .Take(window.Size)
                .Select(r => new PageItem<T>(read(r.GetProperty("item")), EncodeCursor(r.GetProperty("sv"), r.GetProperty("sk"), sort.ValueKind)))];
            groups[group] = window.ToPage(items, inCount > window.Size, !allIn, page.IncludeTotal ? total : null);
        }

        foreach (string key in groupKeys)
        {
            result[key] = groups.TryGetValue(key, out Page<T>? found) ? found : new Page<T>([], false, false, page.IncludeTotal ? 0 : null);
        }

        return result;
    }

    private CypherStatement Statement(string template, string source, CypherSort sort, PageWindow window, string cursorCondition)
    {
        string text = string.Format(CultureInfo.InvariantCulture, template, source, Filters, sort.Expression, cursorCondition, Direction(window), projection);
        var parameters = new Dictionary<string, object?>(_parameters, StringComparer.Ordinal) { ["limit"] = window.Size + 1 };
        if (window.Cursor is { } cursor)
        {
            parameters["cursorSort"] = cursor.Sort;
            parameters["cursorKey"] = cursor.Key;
        }

        return new CypherStatement(text, parameters);
    }

    private static string EncodeCursor(JsonElement sortValue, JsonElement key, SortValueKind kind) =>
        kind == SortValueKind.Number
            ? Cursor.Encode(sortValue.GetInt64(), key.GetString()!)
            : Cursor.Encode(sortValue.GetString() ?? string.Empty, key.GetString()!);

    private static string Direction(PageWindow window) => window.FetchAscending ? CypherStatements.Ascending : CypherStatements.Descending;

    /// <summary>Rows past the cursor in the fetch direction.</summary>
    private static string WindowCondition(PageWindow window) => window.FetchAscending ? CypherStatements.CursorAfter : CypherStatements.CursorBefore;

    /// <summary>Rows on the cursor's other side.</summary>
    private static string BeyondCondition(PageWindow window) => window.FetchAscending ? CypherStatements.CursorAtOrBefore : CypherStatements.CursorAtOrAfter;
}
