using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>
/// Reads RSS 2.0, Atom 1.0 and JSON Feed 1.x. Written on <c>System.Xml.Linq</c> rather than
/// <c>System.ServiceModel.Syndication</c>, whose RSS reader throws on the whole feed at the first
/// <c>pubDate</c> that is not strict RFC 822 — common in Arabic news feeds (ISO dates, local zone
/// names); here a date that does not parse leaves that one item undated.
/// </summary>
public static partial class FeedParser
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace s_content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace s_dublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>Parses <paramref name="body"/>; relative links are resolved against <paramref name="feedUrl"/>.</summary>
    /// <exception cref="FormatException">Not a feed this reader knows, with the reason.</exception>
    public static FeedDocument Parse(byte[] body, Uri feedUrl)
    {
        ArgumentNullException.ThrowIfNull(body);
        int first = Array.FindIndex(body, b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF));
        return first >= 0 && body[first] == (byte)'{' ? ParseJsonFeed(body, feedUrl) : ParseXml(body, feedUrl);
    }

    private static FeedDocument ParseXml(byte[] body, Uri feedUrl)
    {
        XDocument doc;
        try
        {
            WebPageDecoding.EnsureCodePages();
            using var stream = new MemoryStream(body);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            doc = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException("not well-formed XML: " + ex.Message, ex);
        }

        XElement root = doc.Root!;
        if (root.Name == s_atom + "feed")
        {
            return new FeedDocument(Text(root.Element(s_atom + "title")), [.. root.Elements(s_atom + "entry").Select(e => AtomEntry(e, feedUrl))]);
        }

        if (root.Name.LocalName == "rss" && root.Element("channel") is { } channel)
        {
            return new FeedDocument(Text(channel.Element("title")), [.. channel.Elements("item").Select(i => RssItem(i, feedUrl))]);
        }

        throw new FormatException($"not an RSS 2.0 or Atom feed (root element <{root.Name.LocalName}>)");
    }

    private static FeedItem RssItem(XElement item, Uri feedUrl)
    {
        string? link = Resolve(feedUrl, Text(item.Element("link")));
        string? title = Text(item.Element("title"));
        string? published = Text(item.Element("pubDate")) ?? Text(item.Element(s_dublinCore + "date"));
        string? content = Text(item.Element(s_content + "encoded")) ?? Text(item.Element("description"));
        return new FeedItem(Text(item.Element("guid")) ?? link ?? title ?? content ?? string.Empty, link, title, ParseTime(published), content);
    }

    private static FeedItem AtomEntry(XElement entry, Uri feedUrl)
    {
        XElement? alternate = entry.Elements(s_atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        string? link = Resolve(feedUrl, (string?)alternate?.Attribute("href"));
        string? title = Text(entry.Element(s_atom + "title"));
        string? published = Text(entry.Element(s_atom + "published")) ?? Text(entry.Element(s_atom + "updated"));
        string? content = Text(entry.Element(s_atom + "content")) ?? Text(entry.Element(s_atom + "summary"));
        return new FeedItem(Text(entry.Element(s_atom + "id")) ?? link ?? title ?? string.Empty, link, title, ParseTime(published), content);
    }

    private static FeedDocument ParseJsonFeed(byte[] body, Uri feedUrl)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(body);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out JsonElement items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("not a JSON Feed: no \"items\" array");
            }

            var list = new List<FeedItem>();
            foreach (JsonElement item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                string? link = Resolve(feedUrl, Str(item, "url") ?? Str(item, "external_url"));
                string? title = Str(item, "title");
                string? content = Str(item, "content_text") ?? Str(item, "content_html") ?? Str(item, "summary");
                list.Add(new FeedItem(Str(item, "id") ?? link ?? title ?? string.Empty, link, title, ParseTime(Str(item, "date_published") ?? Str(item, "date_modified")), content));
            }

            return new FeedDocument(Str(root, "title"), list);
        }
        catch (JsonException ex)
        {
            throw new FormatException("invalid JSON: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// RFC 822 (<c>Sun, 06 Dec 2026 14:05:00 +0300</c>, <c>GMT</c>, <c>UT</c>) and ISO 8601 times, the offset kept
    /// so the publication day is the day as written; null when it does not parse.
    /// </summary>
    public static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string normalized = NumericZone().Replace(value.Trim(), " $1:$2");
        normalized = NamedZone().Replace(normalized, " +00:00");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time) ? time : null;
    }

    private static string? Text(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    private static string? Resolve(Uri feedUrl, string? link) =>
        link is not null && Uri.TryCreate(feedUrl, link, out Uri? absolute) ? absolute.AbsoluteUri : link;

    [GeneratedRegex(@"\s([+-]\d\d)(\d\d)$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\s(GMT|UTC|UT|Z)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedZone();
}
