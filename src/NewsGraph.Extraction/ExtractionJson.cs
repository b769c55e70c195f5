using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction;

/// <summary>
/// Writes an <see cref="ArticleGraph"/> in the extraction output contract
/// (docs: "newsgraph extract FILE --format json"): article, entities, relations, with relation
/// properties by name and the evidence sentence. Arabic is written as is, not \u-escaped.
/// </summary>
public static class ExtractionJson
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Serialize(ArticleGraph graph)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            Write(writer, graph);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The graph with a "candidates" array: every relation candidate, its features, probability and whether it was kept.</summary>
    public static string SerializeWithCandidates(Candidates.CandidateExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            Write(writer, extraction.Graph, extraction.Candidates);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, ArticleGraph graph) => Write(writer, graph, null);

    private static void Write(Utf8JsonWriter writer, ArticleGraph graph, IReadOnlyList<Candidates.CandidateView>? candidates)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        ArticleInfo a = graph.Article;
        writer.WriteStartObject();
        writer.WriteStartObject("article");
        writer.WriteString("key", a.Key);
        writer.WriteString("file", a.File);
        writer.WriteString("title", a.Title);
        writer.WriteString("dateline", a.Dateline);
        writer.WriteString("source", a.Source);
        writer.WriteString("language", a.Language);
        writer.WriteString("published", a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteBoolean("dated", a.Published is not null);
        writer.WriteString("url", a.Url);
        writer.WriteEndObject();

        writer.WriteStartArray("entities");
        foreach (ExtractedEntity e in graph.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("key", e.Key);
            writer.WriteString("kind", GraphNames.Label(e.Kind));
            writer.WriteString("name", e.Name);
            if (e.Kind != NodeKind.Claim)
            {
                WriteStrings(writer, "aliases", e.Aliases);
            }

            if (e.Kind == NodeKind.Person)
            {
                WriteStrings(writer, "titles", e.Titles);
            }

            if (e.Iso is not null && e.Kind == NodeKind.State)
            {
                writer.WriteString("iso", e.Iso);
            }

            if (e.Category is not null)
            {
                writer.WriteString("category", e.Category);
            }

            writer.WriteNumber("mentions", e.Mentions);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("relations");
        foreach (ExtractedRelation r in graph.Relations)
        {
            writer.WriteStartObject();
            writer.WriteString("type", GraphNames.TypeName(r.Type));
            writer.WriteString("from", r.From);
            writer.WriteString("to", r.To);
            writer.WriteStartObject("properties");
            if (r.PlaceKey is not null)
            {
                string? placeName = graph.Entities.FirstOrDefault(e => e.Key == r.PlaceKey)?.Name;
                writer.WriteString("place", placeName);
                writer.WriteString("placeKey", r.PlaceKey);
            }

            WriteIfSet(writer, "topic", r.Topic);
            WriteIfSet(writer, "verb", r.Verb);
            WriteIfSet(writer, "status", r.Status is { } s ? GraphNames.StatusName(s) : null);
            WriteIfSet(writer, "role", r.Role);
            WriteIfSet(writer, "date", r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteIfSet(writer, "datePrecision", r.DatePrecision is { } precision ? GraphNames.PrecisionName(precision) : null);
            WriteIfSet(writer, "dateSource", r.DateSource is { } source ? GraphNames.SourceName(source) : null);
            writer.WriteEndObject();
            writer.WriteString("evidence", r.Evidence);
            writer.WriteNumber("sentence", r.SentenceIndex);
            if (r.Confidence is { } confidence)
            {
                writer.WriteNumber("confidence", Math.Round(confidence, 4));
            }
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (candidates is not null)
        {
            writer.WriteStartArray("candidates");
            foreach (Candidates.CandidateView c in candidates)
            {
                writer.WriteStartObject();
                writer.WriteString("type", GraphNames.TypeName(c.Type));
                writer.WriteString("from", c.FromKey);
                writer.WriteString("to", c.ToKey);
                WriteIfSet(writer, "claim", c.ClaimText);
                WriteIfSet(writer, "status", c.Status is { } s ? GraphNames.StatusName(s) : null);
                writer.WriteString("group", c.Group);
                writer.WriteBoolean("rule", c.RuleSays);
                if (c.Probability is { } p)
                {
                    writer.WriteNumber("probability", Math.Round(p, 4));
                }

                writer.WriteBoolean("kept", c.Kept);
                WriteStrings(writer, "features", c.Features);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
