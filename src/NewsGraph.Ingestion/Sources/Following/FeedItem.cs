namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>One item of a feed, whatever the format: where its page is and what the feed itself says of it.</summary>
/// <param name="Key">The item's identity within the feed: its id (guid), else its link, else its title.</param>
/// <param name="Content">The feed's own text or HTML for the item (the fallback when its page cannot be read).</param>
/// <param name="Published">The publication time as the feed wrote it, offset included.</param>
public sealed record FeedItem(string Key, string? Link, string? Title, DateTimeOffset? Published, string? Content);

/// <summary>A parsed feed: its title (the articles' source) and its items in feed order.</summary>
public sealed record FeedDocument(string? Title, IReadOnlyList<FeedItem> Items);
