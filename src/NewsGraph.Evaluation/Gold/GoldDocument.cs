using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsGraph.Evaluation.Gold;

/// <summary>
/// A gold file in the reference scorer's format (<c>docs/extraction-output.md</c>, "Gold files"):
/// the entities an article names and the relations it asserts, claims given as a phrase the
/// extracted claim must contain. Corpus articles are stored as <see cref="StandoffGold"/> instead
/// and turned into this form only next to their text.
/// </summary>
public sealed record GoldDocument(
    string Article,
    IReadOnlyList<GoldEntity> Entities,
    IReadOnlyList<GoldRelation> Relations,
    string? Annotator = null,
    string? Note = null)
{
    private static readonly JsonSerializerOptions s_read = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private static readonly JsonSerializerOptions s_write = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static GoldDocument Parse(string json, string origin)
    {
        GoldDocument? gold;
        try
        {
            gold = JsonSerializer.Deserialize<GoldDocument>(json, s_read);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin}: invalid gold JSON: {ex.Message}", ex);
        }

        if (gold is null || gold.Article is null || gold.Entities is null || gold.Relations is null)
        {
            throw new InvalidDataException($"{origin}: a gold file needs \"article\", \"entities\" and \"relations\"");
        }

        return gold;
    }

    /// <summary>One entity or relation per line, as the hand-made gold files are laid out, so diffs stay readable.</summary>
    public string ToJson()
    {
        var lines = new List<string> { $"  \"article\": {Json(Article)}" };
        if (Annotator is not null)
        {
            lines.Add($"  \"annotator\": {Json(Annotator)}");
        }

        if (Note is not null)
        {
            lines.Add($"  \"note\": {Json(Note)}");
        }

        lines.Add("  \"entities\": [" + Items(Entities.Select(e => JsonSerializer.Serialize(e, s_write))) + "]");
        lines.Add("  \"relations\": [" + Items(Relations.Select(r => JsonSerializer.Serialize(r, s_write))) + "]");
        return "{\n" + string.Join(",\n", lines) + "\n}\n";
    }

    internal static string Json(string value) => JsonSerializer.Serialize(value, s_write);

    internal static string Items(IEnumerable<string> items)
    {
        string[] all = items.ToArray();
        return all.Length == 0 ? "" : "\n    " + string.Join(",\n    ", all) + "\n  ";
    }
}

/// <summary>An entity of a gold file: kind (Person, State, Organization, Place), the fullest name, other forms.</summary>
public sealed record GoldEntity(
    string Kind,
    string Name,
    IReadOnlyList<string>? Aliases = null,
    string? Iso = null,
    bool Optional = false);

/// <summary>
/// A relation of a gold file. <see cref="From"/> and <see cref="To"/> are gold entity names; a
/// STATED item has <see cref="Claim"/> (a phrase of the stated content) instead of a target.
/// </summary>
public sealed record GoldRelation(
    string Type,
    string From,
    string? To = null,
    string? Claim = null,
    string? Place = null,
    string? Status = null,
    bool Optional = false);
