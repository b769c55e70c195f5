namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>
/// What to follow and how politely: bound from the configuration section <c>NewsGraph:Follow</c>
/// (e.g. <c>NewsGraph__Follow__Feeds__0=https://…/rss</c>), extended by <c>--feed</c> and <c>--watch</c>.
/// </summary>
public sealed class FollowOptions
{
    public const string SectionName = "NewsGraph:Follow";

    /// <summary>RSS 2.0, Atom or JSON Feed addresses.</summary>
    public IList<string> Feeds { get; set; } = [];

    /// <summary>Folders whose new and changed files (the formats <c>ingest</c> reads) are ingested.</summary>
    public IList<string> Folders { get; set; } = [];

    /// <summary>Time between two polls of a feed that answered.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Time between two full rescans of a watched folder: the safety net for changes the file
    /// system watcher missed (network file systems, overflowing event buffers).
    /// </summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A file is read only once it has not been written for this long, so half-copied files are not ingested.</summary>
    public TimeSpan FileSettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after a failure; each further failure doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>HTTP requests in flight at once, over all feeds and pages.</summary>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Least time between two requests to one host (politeness towards news sites).</summary>
    public TimeSpan PerHostDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; set; } = "NewsGraph/1.0 (news feed follower)";

    /// <summary>Fetch each item's page for its text; off, the feed's own content is used.</summary>
    public bool FetchPages { get; set; } = true;

    public bool HasSources => Feeds.Count > 0 || Folders.Count > 0;

    /// <summary>
    /// Drops blank feeds and folders, so a variable left empty (<c>NewsGraph__Follow__Feeds__0=</c> in a
    /// compose file whose user set no feed) means "no feed", not a feed that cannot be fetched.
    /// </summary>
    public void DropBlankEntries()
    {
        Feeds = [.. Feeds.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim())];
        Folders = [.. Folders.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim())];
    }
}
