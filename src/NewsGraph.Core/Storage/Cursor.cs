using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace NewsGraph.Core.Storage;

/// <summary>
/// Opaque keyset cursors shared by every store: the sort value of an item and its key (the
/// tie-breaker). A page continues strictly after (or before) that pair, so pages stay disjoint
/// and complete even while other items are inserted.
/// </summary>
public static class Cursor
{
    public static string Encode(string sortValue, string key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { sortValue, key })));

    public static string Encode(long sortValue, string key) =>
        Encode(sortValue.ToString("D20", System.Globalization.CultureInfo.InvariantCulture), key);

    /// <summary>Decodes a cursor made by <see cref="Encode(string, string)"/>.</summary>
    /// <exception cref="InvalidCursorException">The string is not such a cursor.</exception>
    public static (string SortValue, string Key) Decode(string cursor)
    {
        try
        {
            string[]? parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            if (parts is [{ } sortValue, { } key])
            {
                return (sortValue, key);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new InvalidCursorException(cursor, ex);
        }

        throw new InvalidCursorException(cursor, null);
    }

    /// <summary>Decodes a cursor whose sort value is a count made by <see cref="Encode(long, string)"/>.</summary>
    public static (long SortValue, string Key) DecodeNumber(string cursor)
    {
        (string sortValue, string key) = Decode(cursor);
        return long.TryParse(sortValue, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)
            ? (n, key)
            : throw new InvalidCursorException(cursor, null);
    }
}

/// <summary>A cursor that this server did not make (or made for another order).</summary>
public sealed class InvalidCursorException(string cursor, Exception? inner)
    : Exception($"'{cursor}' is not a valid cursor for this list", inner)
{
    public string Value { get; } = cursor;
}
