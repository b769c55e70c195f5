using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Api.Tests.Following;

/// <summary>One news item the <see cref="FeedServer"/> publishes: in which feed, and the text of its page.</summary>
public sealed record PublishedItem(string Feed, string Id, string Title, string Text, DateTimeOffset Published)
{
    /// <summary>Its page is served in windows-1256 (declared only in a meta tag), as older Arabic sites do.</summary>
    public bool LegacyEncoding { get; init; }

    /// <summary>Its page answers 404, so only the feed's own content can give the text.</summary>
    public bool PageMissing { get; init; }
}

/// <summary>
/// A local news site on Kestrel (no internet): an RSS 2.0 feed at <c>/rss.xml</c> (with an ETag), an Atom
/// feed at <c>/atom.xml</c> (with Last-Modified), a JSON Feed at <c>/feed.json</c> (with an ETag), and a page per
/// item at <c>/pages/{id}.html</c> wrapped in site chrome. It counts what was asked of it and can be told to fail.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private static readonly DateTimeOffset s_epoch = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<PublishedItem> _items = [];
    private int _version;

    private FeedServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Known once Kestrel has picked its port.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public Uri Rss => new(Address, "/rss.xml");

    public Uri Atom => new(Address, "/atom.xml");

    public Uri JsonFeed => new(Address, "/feed.json");

    /// <summary>Answers of each feed path: 200, 304 or 500, in order.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<(int Status, DateTimeOffset At)>> FeedAnswers { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> PageRequests { get; } = new(StringComparer.Ordinal);

    /// <summary>The next this many requests of each feed answer 500.</summary>
    public int FailuresToServe { get; set; }

    public static async Task<FeedServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new FeedServer(app);
        app.MapGet("/rss.xml", context => server.ServeFeedAsync(context, "rss", "application/rss+xml", server.Rss2));
        app.MapGet("/atom.xml", context => server.ServeFeedAsync(context, "atom", "application/atom+xml", server.Atom1));
        app.MapGet("/feed.json", context => server.ServeFeedAsync(context, "json", "application/feed+json", server.Json1));
        app.MapGet("/pages/{id}.html", (HttpContext context, string id) => server.PageAsync(context, id));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address);
        return server;
    }

    public string PageUrl(string id) => new Uri(Address, $"/pages/{id}.html").AbsoluteUri;

    public void Publish(params PublishedItem[] items)
    {
        lock (_gate)
        {
            _items.AddRange(items);
            _version++;
        }
    }

    public int Answers(string feed, int status) => FeedAnswers.TryGetValue(feed, out var answers) ? answers.Count(a => a.Status == status) : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeFeedAsync(HttpContext context, string feed, string contentType, Func<IReadOnlyList<PublishedItem>, string> render)
    {
        ConcurrentQueue<(int, DateTimeOffset)> answers = FeedAnswers.GetOrAdd(feed, _ => new());
        if (FailuresToServe > 0)
        {
            FailuresToServe--;
            answers.Enqueue((500, DateTimeOffset.UtcNow));
            context.Response.StatusCode = 500;
            return;
        }

        List<PublishedItem> items;
        int version;
        lock (_gate)
        {
            items = [.. _items.Where(i => i.Feed == feed)];
            version = _version;
        }

        // Atom gets Last-Modified, the others an ETag: both validators are exercised.
        string etag = $"\"{feed}-{version}\"";
        DateTimeOffset lastModified = s_epoch.AddMinutes(version);
        bool notModified = feed == "atom"
            ? DateTimeOffset.TryParse(context.Request.Headers.IfModifiedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset since) && since >= lastModified
            : context.Request.Headers.IfNoneMatch == etag;
        if (feed == "atom")
        {
            context.Response.Headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        }
        else
        {
            context.Response.Headers.ETag = etag;
        }

        if (notModified)
        {
            answers.Enqueue((304, DateTimeOffset.UtcNow));
            context.Response.StatusCode = 304;
            return;
        }

        answers.Enqueue((200, DateTimeOffset.UtcNow));
        context.Response.ContentType = contentType + "; charset=utf-8";
        await context.Response.WriteAsync(render(items));
    }

    private async Task PageAsync(HttpContext context, string id)
    {
        PageRequests.AddOrUpdate(id, 1, (_, n) => n + 1);
        PublishedItem? item;
        lock (_gate)
        {
            item = _items.FirstOrDefault(i => i.Id == id);
        }

        if (item is null || item.PageMissing)
        {
            context.Response.StatusCode = 404;
            return;
        }

        string charset = item.LegacyEncoding ? "windows-1256" : "utf-8";
        string html = $$"""
            <!DOCTYPE html>
            <html lang="ar" dir="rtl"><head><meta charset="{{charset}}"><title>{{SecurityElement.Escape(item.Title)}} | موقع الأخبار</title>
            <meta property="article:published_time" content="{{item.Published:yyyy-MM-dd'T'HH:mm:sszzz}}">
            <script>var tracking = "لا يظهر في النص";</script><style>body { color: black; }</style></head>
            <body><article><p>{{SecurityElement.Escape(item.Text).Replace("\n", "</p><p>", StringComparison.Ordinal)}}</p></article></body></html>
            """;
        WebPageDecoding.EnsureCodePages();
        Encoding encoding = item.LegacyEncoding ? Encoding.GetEncoding(1256) : new UTF8Encoding(false);

        // No charset in the header: the page's own declaration (or its bytes) must decide.
        context.Response.ContentType = "text/html";
        await context.Response.Body.WriteAsync(encoding.GetBytes(html));
    }

    private string Rss2(IReadOnlyList<PublishedItem> items)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>وكالة الأنباء التجريبية</title>""");
        foreach (PublishedItem item in items.Reverse())
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">urn:test:{item.Id}</guid><title>{SecurityElement.Escape(item.Title)}</title><link>{PageUrl(item.Id)}</link>");
            xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{Rfc822(item.Published)}</pubDate>");
            xml.Append(CultureInfo.InvariantCulture, $"<description>{SecurityElement.Escape(item.Text)}</description></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    /// <summary>RSS's date form: <c>Sun, 06 Dec 2026 14:05:00 +0300</c>.</summary>
    private static string Rfc822(DateTimeOffset time) =>
        time.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.ToString("hhmm", CultureInfo.InvariantCulture);

    private string Atom1(IReadOnlyList<PublishedItem> items)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>صحيفة أطلس التجريبية</title><id>urn:test:atom</id>""");
        foreach (PublishedItem item in items)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<entry><id>urn:test:{item.Id}</id><title>{SecurityElement.Escape(item.Title)}</title><link rel=\"alternate\" href=\"/pages/{item.Id}.html\"/>");
            xml.Append(CultureInfo.InvariantCulture, $"<published>{item.Published:yyyy-MM-dd'T'HH:mm:sszzz}</published><summary>{SecurityElement.Escape(item.Text)}</summary></entry>");
        }

        return xml.Append("</feed>").ToString();
    }

    private string Json1(IReadOnlyList<PublishedItem> items) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = "نشرة جيسون التجريبية",
        ["items"] = items.Select(i => new Dictionary<string, object>
        {
            ["id"] = "urn:test:" + i.Id,
            ["url"] = PageUrl(i.Id),
            ["title"] = i.Title,
            ["content_text"] = i.Text,
            ["date_published"] = i.Published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        }).ToList(),
    });
}
