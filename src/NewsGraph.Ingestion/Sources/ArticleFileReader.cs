using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsGraph.Ingestion.Sources;

/// <summary>One item read from a source: an article, or the reason an input could not be read.</summary>
public sealed record SourceItem(ArticleInput? Article, string Origin, string? Error)
{
    public static SourceItem Ok(ArticleInput article) => new(article, article.Origin, null);

    public static SourceItem Failed(string origin, string error) => new(null, origin, error);
}

/// <summary>
/// Reads articles from files and directories: <c>.txt</c> (one article; the file name is kept),
/// <c>.json</c> (an object or an array of objects), <c>.jsonl</c> / <c>.jsonl.gz</c> (one object per
/// line) with <c>title</c>, <c>text</c> or <c>content</c>, <c>url</c>, <c>published</c> (or
/// <c>date</c>, <c>date_extracted</c>), <c>source</c>; and <c>.html</c> (text of the page body).
/// Directories are read recursively in ordinal path order, so runs are repeatable. A bad input
/// yields a failed item with its reason and reading goes on.
/// </summary>
public static partial class ArticleFileReader
{
    private static readonly string[] s_extensions = [".txt", ".json", ".jsonl", ".jsonl.gz", ".html", ".htm"];

    public static async IAsyncEnumerable<SourceItem> ReadAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsArticleFile).Order(StringComparer.Ordinal))
                {
                    await foreach (SourceItem item in ReadFileAsync(file, cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
            else if (File.Exists(path))
            {
                await foreach (SourceItem item in ReadFileAsync(path, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            else
            {
                yield return SourceItem.Failed(path, "no such file or directory");
            }
        }
    }

    public static bool IsArticleFile(string path) =>
        s_extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static async IAsyncEnumerable<SourceItem> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string name = Path.GetFileName(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
        {
            await foreach (SourceItem item in ReadJsonLinesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        SourceItem[] items;
        try
        {
            byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            items = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJsonDocument(path, ArticleDecoding.Decode(bytes))
                : path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ? [FromHtml(path, ArticleDecoding.Decode(bytes))]
                : [SourceItem.Ok(new ArticleInput(path, ArticleDecoding.Decode(bytes), File: name))];
        }
        catch (ArticleRejectedException ex)
        {
            items = [SourceItem.Failed(path, ex.Message)];
        }
        catch (IOException ex)
        {
            items = [SourceItem.Failed(path, "cannot read: " + ex.Message)];
        }
        catch (UnauthorizedAccessException ex)
        {
            items = [SourceItem.Failed(path, "cannot read: " + ex.Message)];
        }

        foreach (SourceItem item in items)
        {
            yield return item;
        }
    }

    private static async IAsyncEnumerable<SourceItem> ReadJsonLinesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stream = Stream.Null;
        }

        if (stream == Stream.Null)
        {
            yield return SourceItem.Failed(path, "cannot read the file");
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var reader = new StreamReader(input, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            int lineNumber = 0;
            while (true)
            {
                string? line;
                string? readError = null;
                try
                {
                    line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is System.Text.DecoderFallbackException or InvalidDataException or IOException)
                {
                    line = null;
                    readError = ex is System.Text.DecoderFallbackException ? "not valid UTF-8" : ex.Message;
                }

                if (readError is not null)
                {
                    yield return SourceItem.Failed($"{path}:{lineNumber + 1}", readError + "; the rest of the file was skipped");
                    yield break;
                }

                if (line is null)
                {
                    yield break;
                }

                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                string origin = $"{path}:{lineNumber}";
                SourceItem item;
                try
                {
                    using JsonDocument doc = JsonDocument.Parse(line);
                    item = FromJson(origin, doc.RootElement);
                }
                catch (JsonException ex)
                {
                    item = SourceItem.Failed(origin, "invalid JSON: " + ex.Message);
                }

                yield return item;
            }
        }
    }

    private static SourceItem[] ParseJsonDocument(string path, string json)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind switch
            {
                JsonValueKind.Array => doc.RootElement.EnumerateArray().Select((e, i) => FromJson($"{path}[{i}]", e)).ToArray(),
                JsonValueKind.Object => [FromJson(path, doc.RootElement)],
                _ => [SourceItem.Failed(path, "JSON must be an article object or an array of them")],
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
