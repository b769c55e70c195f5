using NewsGraph.Api.Graph.Common;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Paging;

/// <summary>
/// Cursor paging over a small list already computed in memory, ordered by a count (descending)
/// then key (ascending); cursors are the store's keyset cursors over that pair, so they behave like
/// store pages: disjoint, complete, stable.
/// </summary>
internal static class InMemoryPage
{
    public static Page<T> Create<T>(IReadOnlyList<(T Item, long Count, string Key)> ordered, PageRequest page)
    {
        int start = 0;
        int end = ordered.Count;
        if (page.After is { } after)
        {
            (long count, string key) = Decode(after);
            start = FirstAfter(ordered, count, key);
        }

        if (page.Before is { } before)
        {
            (long count, string key) = Decode(before);
            end = Math.Max(start, FirstAtOrAfter(ordered, count, key));
        }

        int size = page.Size;
        int from;
        int to;
        if (page.IsBackward)
        {
            to = end;
            from = Math.Max(start, end - size);
        }
        else
        {
            from = start;
            to = Math.Min(end, start + size);
        }

        var items = new List<PageItem<T>>(to - from);
        for (int i = from; i < to; i++)
        {
            items.Add(new PageItem<T>(ordered[i].Item, Cursor.Encode(ordered[i].Count, ordered[i].Key)));
        }

        return new Page<T>(items, HasNextPage: to < end, HasPreviousPage: from > start, page.IncludeTotal ? ordered.Count : null);
    }

    private static (long Count, string Key) Decode(string cursor)
    {
        try
        {
            return Cursor.DecodeNumber(cursor);
        }
        catch (InvalidCursorException)
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidCursor, "not a cursor of this list");
        }
    }

    private static bool IsAfter(long count, string key, long cursorCount, string cursorKey) =>
        count < cursorCount || (count == cursorCount && string.CompareOrdinal(key, cursorKey) > 0);

    private static int FirstAfter<T>(IReadOnlyList<(T Item, long Count, string Key)> ordered, long count, string key)
    {
        int i = 0;
        while (i < ordered.Count && !IsAfter(ordered[i].Count, ordered[i].Key, count, key))
        {
            i++;
        }

        return i;
    }

    private static int FirstAtOrAfter<T>(IReadOnlyList<(T Item, long Count, string Key)> ordered, long count, string key)
    {
        int i = 0;
        while (i < ordered.Count && IsAfter(count, key, ordered[i].Count, ordered[i].Key))
        {
            i++;
        }

        return i;
    }
}
