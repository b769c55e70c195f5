using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Neo4j;

/// <summary>Values as stored in Neo4j: dates as yyyy-MM-dd strings, enums by their graph names, JSON for assertions.</summary>
internal static class Neo4jValues
{
    // Arabic stays readable in stored JSON (no \uXXXX); nothing here is embedded in HTML.
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value) =>
        string.IsNullOrEmpty(value) ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Status(MembershipStatus? status) => status is { } s ? GraphNames.StatusName(s) : null;

    /// <summary>An assertion without a confidence in a relationship's <c>provConfidences</c> list, which cannot hold nulls.</summary>
    public const double Unscored = -1.0;

    /// <summary>A filter value (see <see cref="FilterTerm{TFilter}"/>) as a statement parameter.</summary>
    public static object Filter(object value) => value switch
    {
        IReadOnlyList<string> keys => keys.ToList(),
        DateOnly date => Date(date)!,
        MembershipStatus status => GraphNames.StatusName(status),
        _ => value,
    };

    public static string? String(this JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string? String(this JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    public static long Long(this JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    public static long Long(this JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetInt64() : 0;

    public static List<string> Strings(this JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) ? value.Strings() : [];

    public static List<string> Strings(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray().Select(v => v.GetString() ?? string.Empty)] : [];

    public static EntityRecord Entity(JsonElement item) => new(
        Key: item.String("key")!,
        Kind: GraphNames.ParseKind(item.String("kind")!),
        Name: item.String("name") ?? string.Empty,
        Aliases: item.Strings("aliases"),
        Titles: item.Strings("titles"),
        Iso: item.String("iso"),
        Category: item.String("category"),
        MentionCount: (int)item.Long("mentions"),
        ArticleCount: (int)item.Long("articles"));

    public static ArticleRecord Article(JsonElement item) => new(
        Key: item.String("key")!,
        Title: item.String("title"),
        Url: item.String("url"),
        Source: item.String("source"),
        Dateline: item.String("dateline"),
        Published: ParseDate(item.String("published")),
        Language: item.String("language") ?? "ar",
        File: item.String("file"),
        Text: item.String("text") ?? string.Empty,
        IngestedAt: DateTimeOffset.Parse(item.String("ingestedAt")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    /// <summary>A relation with its provenance from the parallel lists, in article-key then sentence order.</summary>
    public static RelationRecord Relation(JsonElement item)
    {
        List<string> articles = item.Strings("provArticles");
        List<string> evidence = item.Strings("provEvidence");
        List<long> sentences = item.TryGetProperty("provSentences", out JsonElement s) && s.ValueKind == JsonValueKind.Array
            ? [.. s.EnumerateArray().Select(v => v.GetInt64())]
            : [];

        // Relationships written before confidences were kept have no list: every assertion unscored.
        List<double?> confidences = item.TryGetProperty("provConfidences", out JsonElement c) && c.ValueKind == JsonValueKind.Array
            ? [.. c.EnumerateArray().Select(v => v.GetDouble()).Select(v => v == Unscored ? (double?)null : v)]
            : [];
        // Each assertion's date lives in the relationship's assertions (the contribution record), by article and sentence.
        Dictionary<(string, int), StoredAssertion> asserted = StoredAssertion.ParseList(item.String("assertions"))
            .DistinctBy(a => (a.Article, a.Sentence))
            .ToDictionary(a => (a.Article, a.Sentence));
        var provenance = new List<Provenance>(articles.Count);
        for (int i = 0; i < articles.Count; i++)
        {
            StoredAssertion? assertion = asserted.GetValueOrDefault((articles[i], (int)sentences[i]));
            provenance.Add(new Provenance(
                articles[i],
                evidence[i],
                (int)sentences[i],
                i < confidences.Count ? confidences[i] : null,
                ParseDate(assertion?.Date),
                assertion?.DatePrecision is { } assertedPrecision ? GraphNames.ParsePrecision(assertedPrecision) : null,
                assertion?.DateSource is { } assertedSource ? GraphNames.ParseSource(assertedSource) : null));
        }

        provenance.Sort((x, y) =>
        {
            int byArticle = string.CompareOrdinal(x.ArticleKey, y.ArticleKey);
            return byArticle != 0 ? byArticle : x.SentenceIndex.CompareTo(y.SentenceIndex);
        });

        return new RelationRecord(
            Key: item.String("key")!,
            Type: GraphNames.ParseType(item.String("type")!),
            From: item.String("from")!,
            To: item.String("to")!,
            Date: ParseDate(item.String("date")),
            PlaceKey: item.String("place"),
            Topic: item.String("topic"),
            Verb: item.String("verb"),
            Status: item.String("status") is { } status ? GraphNames.ParseStatus(status) : null,
            Role: item.String("role"),
            Confidence: item.TryGetProperty("confidence", out JsonElement merged) && merged.ValueKind == JsonValueKind.Number ? merged.GetDouble() : null,
            Provenance: provenance,
            DatePrecision: item.String("datePrecision") is { } precision ? GraphNames.ParsePrecision(precision) : null,
            DateSource: item.String("dateSource") is { } source ? GraphNames.ParseSource(source) : null);
    }
}

/// <summary>
/// One article's assertion of a relation, as kept (JSON) in the relationship's <c>assertions</c>
/// property: what the merged values are recomputed from when any asserting article changes.
/// Assertions stored before confidences (or date precisions and sources) were kept have none (null).
/// </summary>
internal sealed record StoredAssertion(
    string Article, int Sentence, string Evidence, string From, string To,
    string? Date, string? Place, string? Topic, string? Verb, string? Status, string? Role, double? Confidence,
    string? DatePrecision = null, string? DateSource = null)
{
    public static List<StoredAssertion> ParseList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<StoredAssertion>>(json, Neo4jValues.Json) ?? [];

    public static string Serialize(IEnumerable<StoredAssertion> assertions) => JsonSerializer.Serialize(assertions, Neo4jValues.Json);
}
