using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsGraph.Evaluation.Corpus;

namespace NewsGraph.Evaluation.Gold;

/// <summary>
/// A corpus article's gold kept without its text, because the corpus's licence does not let the
/// repository copy it: the article is named by its corpus line, URL and content hash; entity names
/// are kept (they are facts); each claim is a character span of the article's <c>content</c>.
/// <see cref="Rehydrate"/> turns it back into a <see cref="GoldDocument"/> next to the text.
/// </summary>
public sealed record StandoffGold(
    string Id,
    StandoffSource Corpus,
    IReadOnlyList<GoldEntity> Entities,
    IReadOnlyList<StandoffRelation> Relations,
    string? Annotator = null)
{
    private static readonly JsonSerializerOptions s_read = new() { PropertyNameCaseInsensitive = true };

    private static readonly JsonSerializerOptions s_write = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static StandoffGold Parse(string json, string origin)
    {
        StandoffGold? gold;
        try
        {
            gold = JsonSerializer.Deserialize<StandoffGold>(json, s_read);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin}: invalid standoff JSON: {ex.Message}", ex);
        }

        if (gold?.Id is null || gold.Corpus is null || gold.Entities is null || gold.Relations is null)
        {
            throw new InvalidDataException($"{origin}: a standoff file needs \"id\", \"corpus\", \"entities\" and \"relations\"");
        }

        return gold;
    }

    /// <summary>
    /// Converts an annotator's gold file into standoff form: every claim phrase is found in the
    /// article (exactly, else after the scorer's normalization) and kept as its span.
    /// </summary>
    public static StandoffGold FromGold(GoldDocument gold, DrawnArticle drawn, string content)
    {
        if (CorpusFile.ContentHash(content) != drawn.ContentSha256)
        {
            throw new InvalidDataException($"{drawn.Id}: the corpus line {drawn.Line} no longer holds the drawn article (content hash differs)");
        }

        var relations = new List<StandoffRelation>(gold.Relations.Count);
        foreach (GoldRelation r in gold.Relations)
        {
            ClaimSpan? span = null;
            if (r.Claim is not null)
            {
                span = TextSpans.Find(content, r.Claim)
                    ?? throw new InvalidDataException($"{drawn.Id}: claim phrase not found in the article: {r.Claim}");
            }

            relations.Add(new StandoffRelation(r.Type, r.From, r.To, span, r.Place, r.Status, r.Optional));
        }

        return new StandoffGold(drawn.Id, new StandoffSource(drawn.Line, drawn.Url, drawn.ContentSha256), gold.Entities, relations, gold.Annotator);
    }

    /// <summary>The scorer-format gold file for this article, claims cut from <paramref name="content"/>.</summary>
    public GoldDocument Rehydrate(string content)
    {
        if (CorpusFile.ContentHash(content) != Corpus.ContentSha256)
        {
            throw new InvalidDataException($"{Id}: corpus line {Corpus.Line} does not hold the annotated article (content hash differs): is it the same corpus file?");
        }

        List<GoldRelation> relations = Relations.Select(r => new GoldRelation(
            r.Type, r.From, r.To, r.Claim is { } c ? content.Substring(c.Start, c.Length) : null, r.Place, r.Status, r.Optional)).ToList();
        return new GoldDocument(Id + ".txt", Entities, relations, Annotator);
    }

    public string ToJson()
    {
        var lines = new List<string>
        {
            $"  \"id\": {GoldDocument.Json(Id)}",
            $"  \"corpus\": {JsonSerializer.Serialize(Corpus, s_write)}",
        };
        if (Annotator is not null)
        {
            lines.Add($"  \"annotator\": {GoldDocument.Json(Annotator)}");
        }

        lines.Add("  \"entities\": [" + GoldDocument.Items(Entities.Select(e => JsonSerializer.Serialize(e, s_write))) + "]");
        lines.Add("  \"relations\": [" + GoldDocument.Items(Relations.Select(r => JsonSerializer.Serialize(r, s_write))) + "]");
        return "{\n" + string.Join(",\n", lines) + "\n}\n";
    }
}

/// <summary>Where a standoff annotation's article is: its 0-based corpus line, URL and SHA-256 of its content.</summary>
public sealed record StandoffSource([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int Line, string Url, string ContentSha256);

/// <summary>A relation of a standoff file: as in <see cref="GoldRelation"/>, with the claim as a span.</summary>
public sealed record StandoffRelation(
    string Type,
    string From,
    string? To = null,
    ClaimSpan? Claim = null,
    string? Place = null,
    string? Status = null,
    bool Optional = false);

/// <summary>A run of characters of an article's content (UTF-16 code units, as .NET and JSON count them).</summary>
public sealed record ClaimSpan([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int Start, int Length);
