using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite;

/// <summary>JSON as the store writes it: arrays of keys for <c>json_each</c>, alias lists in columns.</summary>
internal static class SqliteJson
{
    // Arabic stays readable in the file (no \uXXXX); nothing here is ever embedded in HTML.
    private static readonly JsonSerializerOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, s_options);

    /// <summary>
    /// The same JSON as UTF-8 bytes, for a batch's rows (<c>jsonb_each(CAST(@rows AS TEXT))</c>): as a string, the
    /// serializer's UTF-8 was transcoded to UTF-16 and the binding transcoded it back, a batch's article texts twice each way.
    /// </summary>
    public static byte[] SerializeToUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, s_options);

    public static IReadOnlyList<string> StringList(string json) => JsonSerializer.Deserialize<string[]>(json, s_options) ?? [];

    /// <summary>
    /// A list column read only if someone looks: most reads (participants' names, a page of people)
    /// never touch an entity's aliases or titles, and some entities carry dozens of them. The column
    /// is kept as its UTF-8 bytes (a copy, not a transcoding to UTF-16) and parsed from them.
    /// </summary>
    public static IReadOnlyList<string> LazyStringList(SqliteDataReader reader, int ordinal)
    {
        byte[] utf8 = reader.GetFieldValue<byte[]>(ordinal);
        return utf8 is [(byte)'[', (byte)']'] ? [] : new LazyJsonStringList(utf8);
    }

    /// <summary>A JSON array of strings parsed on first use (thread-safe: a race parses twice, harmlessly).</summary>
    private sealed class LazyJsonStringList(byte[] utf8) : IReadOnlyList<string>
    {
        private string[]? _items;

        private string[] Items => _items ??= JsonSerializer.Deserialize<string[]>(utf8, s_options) ?? [];

        public int Count => Items.Length;

        public string this[int index] => Items[index];

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Items).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => Items.GetEnumerator();
    }
}

/// <summary>Column values as stored: dates as yyyy-MM-dd, enums by their graph names.</summary>
internal static class SqliteValues
{
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value) =>
        string.IsNullOrEmpty(value) ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Status(MembershipStatus? status) => status is { } s ? GraphNames.StatusName(s) : null;

    public static object OrNull(object? value) => value ?? DBNull.Value;

    /// <summary>A filter value (see <see cref="FilterTerm{TFilter}"/>) as a statement parameter.</summary>
    public static object Filter(object value) => value switch
    {
        IReadOnlyList<string> keys => SqliteJson.Serialize(keys),
        DateOnly date => Date(date)!,
        MembershipStatus status => GraphNames.StatusName(status),
        _ => value,
    };
}

/// <summary>Maps rows to records; <c>offset</c> is the ordinal of the first record column.</summary>
internal static class SqliteRows
{
    public static EntityRecord Entity(SqliteDataReader reader, int offset) => new(
        Key: reader.GetString(offset),
        Kind: GraphNames.ParseKind(reader.GetString(offset + 1)),
        Name: reader.GetString(offset + 2),
        Aliases: SqliteJson.LazyStringList(reader, offset + 3),
        Titles: SqliteJson.LazyStringList(reader, offset + 4),
        Iso: NullableString(reader, offset + 5),
        Category: NullableString(reader, offset + 6),
        MentionCount: reader.GetInt32(offset + 7),
        ArticleCount: reader.GetInt32(offset + 8));

    public static ArticleRecord Article(SqliteDataReader reader, int offset) => new(
        Key: reader.GetString(offset),
        Title: NullableString(reader, offset + 1),
        Url: NullableString(reader, offset + 2),
        Source: NullableString(reader, offset + 3),
        Dateline: NullableString(reader, offset + 4),
        Published: SqliteValues.ParseDate(NullableString(reader, offset + 5)),
        Language: reader.GetString(offset + 6),
        File: NullableString(reader, offset + 7),
        Text: reader.GetString(offset + 8),
        IngestedAt: DateTimeOffset.Parse(reader.GetString(offset + 9), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    /// <summary>A relation row followed by its provenance as a JSON array of [article, evidence, sentence, confidence].</summary>
    public static RelationRecord Relation(SqliteDataReader reader, int offset) => new(
        Key: reader.GetString(offset),
        Type: GraphNames.ParseType(reader.GetString(offset + 1)),
        From: reader.GetString(offset + 2),
        To: reader.GetString(offset + 3),
        Date: SqliteValues.ParseDate(NullableString(reader, offset + 4)),
        PlaceKey: NullableString(reader, offset + 5),
        Topic: NullableString(reader, offset + 6),
        Verb: NullableString(reader, offset + 7),
        Status: NullableString(reader, offset + 8) is { } status ? GraphNames.ParseStatus(status) : null,
        Role: NullableString(reader, offset + 9),
        Confidence: reader.IsDBNull(offset + 10) ? null : reader.GetDouble(offset + 10),
        Provenance: ProvenanceList(reader, offset + 13),
        DatePrecision: NullableString(reader, offset + 11) is { } precision ? GraphNames.ParsePrecision(precision) : null,
        DateSource: NullableString(reader, offset + 12) is { } source ? GraphNames.ParseSource(source) : null);

    /// <summary>Reads the provenance array straight from the column's UTF-8 bytes.</summary>
    private static List<Provenance> ProvenanceList(SqliteDataReader reader, int ordinal)
    {
        var list = new List<Provenance>();
        if (reader.IsDBNull(ordinal))
        {
            return list;
        }

        var json = new Utf8JsonReader(reader.GetFieldValue<byte[]>(ordinal));
        Expect(ref json, JsonTokenType.StartArray);
        while (json.Read() && json.TokenType == JsonTokenType.StartArray)
        {
            Expect(ref json, JsonTokenType.String);
            string articleKey = json.GetString()!;
            Expect(ref json, JsonTokenType.String);
            string evidence = json.GetString()!;
            Expect(ref json, JsonTokenType.Number);
            int sentence = json.GetInt32();
            if (!json.Read() || json.TokenType is not (JsonTokenType.Number or JsonTokenType.Null))
            {
                throw new JsonException($"Provenance column: expected a confidence or null, found {json.TokenType}.");
            }

            double? confidence = json.TokenType == JsonTokenType.Null ? null : json.GetDouble();
            string? date = NullableJsonString(ref json);
            string? precision = NullableJsonString(ref json);
            string? source = NullableJsonString(ref json);
            list.Add(new Provenance(
                articleKey,
                evidence,
                sentence,
                confidence,
                SqliteValues.ParseDate(date),
                precision is null ? null : GraphNames.ParsePrecision(precision),
                source is null ? null : GraphNames.ParseSource(source)));
            Expect(ref json, JsonTokenType.EndArray);
        }

        // The port promises article key then sentence order; sort here rather than trust SQL collation.
        list.Sort((x, y) =>
        {
            int byArticle = string.CompareOrdinal(x.ArticleKey, y.ArticleKey);
            return byArticle != 0 ? byArticle : x.SentenceIndex.CompareTo(y.SentenceIndex);
        });
        return list;
    }

    private static string? NullableJsonString(ref Utf8JsonReader json)
    {
        if (!json.Read() || json.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
        {
            throw new JsonException($"Provenance column: expected a string or null, found {json.TokenType}.");
        }

        return json.TokenType == JsonTokenType.Null ? null : json.GetString();
    }

    private static void Expect(ref Utf8JsonReader json, JsonTokenType token)
    {
        if (!json.Read() || json.TokenType != token)
        {
            throw new JsonException($"Provenance column: expected {token}, found {json.TokenType}.");
        }
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
