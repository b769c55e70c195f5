using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsGraph.Ingestion.Sources;

/// <summary>The formats: a JSON document, a JSON object per article, an HTML page.</summary>
public static partial class ArticleFileReader
{
    private static SourceItem[] ParseJsonDocument(string path, string json)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind switch
            {
                JsonValueKind.Array => doc.RootElement.EnumerateArray().Select((e, i) => FromJson($"{path}[{i}]", e)).ToArray(),
                JsonValueKind.Object => [FromJson(path, doc.RootElement)],
                _ => [SourceItem.Failed(path, "a .json file must hold an object or an array of objects")],
            };
        }
        catch (JsonException ex)
        {
            return [SourceItem.Failed(path, "invalid JSON: " + ex.Message)];
        }
    }

    /// <summary>An article from a JSON object; the origin names the file and position for reports.</summary>
    public static SourceItem FromJson(string origin, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return SourceItem.Failed(origin, "not a JSON object");
        }

        string? text = Str(e, "text") ?? Str(e, "content") ?? Str(e, "body");
        try
        {
            text = ArticleDecoding.ValidateText(text);
        }
        catch (ArticleRejectedException ex)
        {
            return SourceItem.Failed(origin, ex.Message + " (expected a \"text\" or \"content\" field)");
        }

        string? published = Str(e, "published") ?? Str(e, "date") ?? Str(e, "date_extracted");
        return SourceItem.Ok(new ArticleInput(origin, text, Str(e, "title"), Str(e, "url"), ParseDate(published), Str(e, "source"), Path.GetFileName(origin)));
    }

    /// <summary>Dates as wire feeds write them: "2015-07-31", "2015-07-31 04:24:00", ISO 8601 with zone.</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset dto))
        {
            return DateOnly.FromDateTime(dto.UtcDateTime);
        }

        return DateOnly.TryParseExact(value.Trim()[..Math.Min(10, value.Trim().Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The visible text of an HTML page: title and body text, scripts and styles removed.</summary>
    private static SourceItem FromHtml(string path, string html)
    {
        string? title = TitleTag().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;
        string body = ScriptOrStyle().Replace(html, " ");
        body = BlockTag().Replace(body, "\n");
        body = AnyTag().Replace(body, " ");
        body = System.Net.WebUtility.HtmlDecode(body);
        body = string.Join('\n', body.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
        try
        {
            return SourceItem.Ok(new ArticleInput(path, ArticleDecoding.ValidateText(body), title, File: Path.GetFileName(path)));
        }
        catch (ArticleRejectedException ex)
        {
            return SourceItem.Failed(path, ex.Message);
        }
    }

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleTag();

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<(br|/p|/div|/h[1-6]|/li|/tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}
