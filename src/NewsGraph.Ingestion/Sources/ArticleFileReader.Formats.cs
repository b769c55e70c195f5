using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsGraph.Core.Text;

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

        string? published = Str(e, "published") ?? Str(e, "date") ?? Str(e, "datePublished") ?? Str(e, "published_at") ?? Str(e, "date_extracted");
        return SourceItem.Ok(new ArticleInput(origin, text, Str(e, "title"), Str(e, "url"), ParseDate(published), Str(e, "source"), Path.GetFileName(origin)));
    }

    /// <summary>Dates as wire feeds write them: "2015-07-31", "2015-07-31 04:24:00", ISO 8601 with zone (the day as written), RFC 1123.</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // The day as the feed wrote it ("2024-05-12T01:00:00+03:00" is the 12th where it was published).
        if (FrontMatter.ParseDate(value) is { } written)
        {
            return written;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset dto))
        {
            return DateOnly.FromDateTime(dto.UtcDateTime);
        }

        return DateOnly.TryParseExact(value.Trim()[..Math.Min(10, value.Trim().Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A text article; front matter, when it opens the file, gives its metadata and is not part of its text.</summary>
    private static SourceItem[] FromText(string path, string text)
    {
        FrontMatter? front = FrontMatter.Parse(text);
        if (front is null)
        {
            return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? [] : [SourceItem.Ok(new ArticleInput(path, text, File: Path.GetFileName(path)))];
        }

        string body = ArticleDecoding.ValidateText(text[front.BodyStart..]);
        return [SourceItem.Ok(new ArticleInput(path, body, front.Title, front.Url, front.Date, front.Source, Path.GetFileName(path)))];
    }

    /// <summary>The publication date a page's metadata gives: <c>article:published_time</c>, else JSON-LD <c>datePublished</c>.</summary>
    internal static DateOnly? HtmlPublished(string html)
    {
        foreach (Match meta in MetaTag().Matches(html))
        {
            string tag = meta.Value;
            if (MetaAttribute(tag, "property") is "article:published_time" || MetaAttribute(tag, "name") is "article:published_time" or "pubdate" or "publishdate")
            {
                if (ParseDate(MetaAttribute(tag, "content")) is { } date)
                {
                    return date;
                }
            }
        }

        return JsonLdPublished().Match(html) is { Success: true } m ? ParseDate(m.Groups[1].Value) : null;
    }

    private static string? MetaAttribute(string tag, string name)
    {
        Match m = Regex.Match(tag, name + @"\s*=\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return !m.Success ? null : System.Net.WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Trim();
    }

    /// <summary>The visible text of an HTML page: title and body text, scripts and styles removed.</summary>
    private static SourceItem FromHtml(string path, string html) => FromHtml(path, html, url: null, Path.GetFileName(path));

    /// <summary>
    /// An article from a fetched web page, read exactly as an <c>.html</c> file is; <paramref name="url"/>
    /// becomes its URL (and so its key).
    /// </summary>
    public static SourceItem FromWebPage(string origin, string html, string url) => FromHtml(origin, html, url, file: null);

    private static SourceItem FromHtml(string path, string html, string? url, string? file)
    {
        string? title = TitleTag().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;
        DateOnly? published = HtmlPublished(html);
        string body = ScriptOrStyle().Replace(html, " ");
        body = BlockTag().Replace(body, "\n");
        body = AnyTag().Replace(body, " ");
        body = System.Net.WebUtility.HtmlDecode(body);
        body = string.Join('\n', body.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
        try
        {
            return SourceItem.Ok(new ArticleInput(path, ArticleDecoding.ValidateText(body), title, url, published, File: file));
        }
        catch (ArticleRejectedException ex)
        {
            return SourceItem.Failed(path, ex.Message);
        }
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"""datePublished""\s*:\s*""([^""]+)""")]
    private static partial Regex JsonLdPublished();

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
