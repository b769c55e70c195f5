using System.Net;
using System.Security.Cryptography;
using System.Text;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>
/// Follows one feed. Each pass is one conditional GET (<c>If-None-Match</c> / <c>If-Modified-Since</c>
/// from the last answer): a 304 ends the pass at once. Otherwise the items not seen before, or whose
/// content in the feed changed, are turned into articles — each item's page fetched and read as an
/// <c>.html</c> file is, in the charset it is really in (<see cref="WebPageDecoding"/>), else the feed's
/// own content — and ingested through the same pipeline as <c>newsgraph ingest</c>, oldest first.
/// They are marked seen once stored, so a restart never ingests them again.
/// </summary>
public sealed class FeedFollower(string url, FollowOptions options, PoliteHttp http, IArticleIngestor ingestor, ISourceStateStore states, Action<string> log) : IFollowedSource
{
    private readonly Uri _url = new(url);

    public SourceState Initial { get; } = new("feed:" + url, FollowedSourceKind.Feed, url);

    public async Task<(SourceState State, int Ingested)> PollAsync(SourceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        if (state.ETag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", state.ETag);
        }

        if (state.LastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", state.LastModified);
        }

        using HttpResponseMessage response = await SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return (state, 0);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SourceFailedException($"HTTP {(int)response.StatusCode} ({response.ReasonPhrase})");
        }

        FeedDocument feed;
        try
        {
            feed = FeedParser.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken), _url);
        }
        catch (FormatException ex)
        {
            throw new SourceFailedException("not a feed: " + ex.Message, ex);
        }

        (int ingested, bool everyItemRead) = await IngestNewItemsAsync(feed, cancellationToken);

        // Validators only once every new item was read: otherwise the next pass must get the whole
        // feed again (not a 304) to retry the items whose page and content both failed.
        return (state with
        {
            ETag = everyItemRead ? response.Headers.ETag?.ToString() : null,
            LastModified = everyItemRead ? response.Content.Headers.LastModified?.ToString("R") : null,
        }, ingested);
    }

    public Task WaitForNextPassAsync(TimeSpan upTo, CancellationToken cancellationToken) => Task.Delay(upTo, cancellationToken);

    /// <summary>What identifies an item's content in the feed: a change to any of it is a changed item, ingested again.</summary>
    internal static string ItemHash(FeedItem item)
    {
        string all = string.Join('\n', item.Key, item.Link, item.Title, item.Published?.ToString("O"), item.Content);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceFailedException("cannot reach the feed: " + ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceFailedException($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", ex);
        }
    }

    private async Task<(int Ingested, bool EveryItemRead)> IngestNewItemsAsync(FeedDocument feed, CancellationToken cancellationToken)
    {
        List<FeedItem> items = [.. feed.Items.Where(i => i.Key.Length > 0).DistinctBy(i => i.Key, StringComparer.Ordinal)];
        Dictionary<string, string> hashes = items.ToDictionary(i => i.Key, ItemHash, StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> seen = await states.GetSeenItemsAsync(Initial.Id, hashes.Keys, cancellationToken);

        // Oldest first, so articles are announced in the order they were published.
        List<FeedItem> fresh = [.. items
            .Where(i => !seen.TryGetValue(i.Key, out string? hash) || hash != hashes[i.Key])
            .Select((item, position) => (item, position))
            .OrderBy(p => p.item.Published ?? DateTimeOffset.MaxValue)
            .ThenByDescending(p => p.position)
            .Select(p => p.item)];
        if (fresh.Count == 0)
        {
            return (0, true);
        }

        ArticleInput?[] articles = await Task.WhenAll(fresh.Select(i => ArticleOfAsync(feed, i, cancellationToken)));
        List<(FeedItem Item, ArticleInput Article)> read = [.. fresh.Zip(articles).Where(p => p.Second is not null).Select(p => (p.First, p.Second!))];
        IngestReport report = await ingestor.IngestAsync([.. read.Select(r => r.Article)], null, cancellationToken);
        if (report.StoreUnavailable is not null)
        {
            throw new SourceFailedException("the store is unavailable: " + report.StoreUnavailable);
        }

        foreach (ArticleOutcome failed in report.Outcomes.Where(o => !o.Succeeded))
        {
            log($"{Initial.Id}: {failed.Origin}: {failed.Error}");
        }

        // A failed article is seen too: its content would fail again; a change to the item retries it.
        await states.MarkItemsSeenAsync(Initial.Id, [.. read.Select(r => new SeenItem(r.Item.Key, hashes[r.Item.Key]))], cancellationToken);
        return (report.Ingested, read.Count == fresh.Count);
    }

    /// <summary>The item as an article: its page's text, else the feed's own content; null (and a log line) when neither gives one.</summary>
    private async Task<ArticleInput?> ArticleOfAsync(FeedDocument feed, FeedItem item, CancellationToken cancellationToken)
    {
        string origin = item.Link ?? $"{_url}#{item.Key}";
        string? pageProblem = null;
        if (options.FetchPages && item.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out Uri? page) && page.Scheme is "http" or "https")
        {
            try
            {
                (byte[] body, string? charset) = await http.GetPageAsync(link, cancellationToken);
                (string html, _) = WebPageDecoding.Decode(body, charset);
                SourceItem fromPage = ArticleFileReader.FromWebPage(origin, html, link);
                if (fromPage.Article is { } article)
                {
                    return WithFeedMetadata(article, feed, item);
                }

                pageProblem = fromPage.Error;
            }
            catch (HttpRequestException ex)
            {
                pageProblem = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                pageProblem = "no answer in time";
            }
        }

        SourceItem fromFeed = item.Content is null ? SourceItem.Failed(origin, "the feed gives no content")
            : ArticleFileReader.FromWebPage(origin, item.Content, item.Link ?? item.Key);
        if (fromFeed.Article is { } own)
        {
            return WithFeedMetadata(own, feed, item);
        }

        log($"{Initial.Id}: {origin}: no article text (page: {pageProblem ?? "not fetched"}; feed: {fromFeed.Error})");
        return null;
    }

    /// <summary>The feed's title, date and name win over the page's: a page title usually carries the site's name too.</summary>
    private static ArticleInput WithFeedMetadata(ArticleInput article, FeedDocument feed, FeedItem item) => article with
    {
        Title = item.Title ?? article.Title,
        Published = item.Published is { } published ? DateOnly.FromDateTime(published.DateTime) : article.Published,
        Source = feed.Title ?? article.Source,
    };
}
