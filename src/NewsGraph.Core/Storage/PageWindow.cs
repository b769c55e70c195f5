using System.Globalization;

namespace NewsGraph.Core.Storage;

/// <summary>What a list's sort value is, which decides how its cursors carry it.</summary>
public enum SortValueKind
{
    /// <summary>Any text (normalized names and titles).</summary>
    Text,

    /// <summary>'' (no date) or yyyy-MM-dd.</summary>
    Date,

    /// <summary>A count, encoded with <see cref="Cursor.Encode(long, string)"/>.</summary>
    Number,
}

/// <summary>
/// The geometry of one keyset page, the same for every store: which way rows are fetched (the
/// requested order, reversed when paging backward), the decoded cursor, and how the fetched rows
/// become a <see cref="Page{T}"/>. A store fetches <see cref="Size"/> + 1 rows past the cursor in
/// the fetch direction (the extra row says whether there are more) and asks whether any row lies
/// on the cursor's other side.
/// </summary>
public sealed record PageWindow(int Size, bool Backward, bool FetchAscending, (object Sort, string Key)? Cursor)
{
    /// <exception cref="InvalidCursorException">The page's cursor was not made for a list of this kind.</exception>
    public static PageWindow Of(SortValueKind kind, SortDirection direction, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegative(page.Size);
        bool backward = page.IsBackward;
        string? cursorText = backward ? page.Before : page.After;
        (object Sort, string Key)? cursor = cursorText is null ? null : DecodeCursor(cursorText, kind);
        bool ascending = direction == SortDirection.Ascending;
        return new PageWindow(page.Size, backward, ascending != backward, cursor);
    }

    /// <summary>Rows come in fetch order; a backward page is turned back into the requested order.</summary>
    /// <param name="hasMore">More rows than <see cref="Size"/> lay past the cursor in the fetch direction.</param>
    /// <param name="beyondCursor">Some row lies on the cursor's other side.</param>
    public Page<T> ToPage<T>(List<PageItem<T>> items, bool hasMore, bool beyondCursor, long? total)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (Backward)
        {
            items.Reverse();
            return new Page<T>(items, HasNextPage: Cursor is not null && beyondCursor, HasPreviousPage: hasMore, total);
        }

        return new Page<T>(items, HasNextPage: hasMore, HasPreviousPage: Cursor is not null && beyondCursor, total);
    }

    private static (object Sort, string Key) DecodeCursor(string cursor, SortValueKind kind)
    {
        switch (kind)
        {
            case SortValueKind.Number:
                {
                    (long sortValue, string key) = Storage.Cursor.DecodeNumber(cursor);
                    return (sortValue, key);
                }

            case SortValueKind.Date:
                {
                    (string sortValue, string key) = Storage.Cursor.Decode(cursor);
                    bool isDate = sortValue.Length == 0
                        || DateOnly.TryParseExact(sortValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                    return isDate ? (sortValue, key) : throw new InvalidCursorException(cursor, null);
                }

            default:
                {
                    (string sortValue, string key) = Storage.Cursor.Decode(cursor);
                    return (sortValue, key);
                }
        }
    }
}
