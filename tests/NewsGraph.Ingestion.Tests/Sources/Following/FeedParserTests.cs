using System.Text;
using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Ingestion.Tests.Sources.Following;

public sealed class FeedParserTests
{
    private static readonly Uri s_feed = new("https://news.example/feeds/main.xml");

    [Fact]
    public void Parse_Rss2_GivesEachItemItsGuidLinkDateAndFullContent()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel><title>وكالة الاختبار</title>
                <item><guid>urn:1</guid><title>لقاء في عمان</title><link>/2026/12/06/meeting.html</link>
                  <pubDate>Sun, 06 Dec 2026 09:30:00 +0300</pubDate><description>ملخص</description>
                  <content:encoded><![CDATA[<p>النص الكامل</p>]]></content:encoded></item>
                <item><title>بلا معرف</title><link>https://news.example/b.html</link><pubDate>not a date</pubDate></item>
              </channel>
            </rss>
            """;

        FeedDocument feed = FeedParser.Parse(Encoding.UTF8.GetBytes(rss), s_feed);

        Assert.Equal("وكالة الاختبار", feed.Title);
        Assert.Equal(
            [
                new FeedItem("urn:1", "https://news.example/2026/12/06/meeting.html", "لقاء في عمان", new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.FromHours(3)), "<p>النص الكامل</p>"),
                new FeedItem("https://news.example/b.html", "https://news.example/b.html", "بلا معرف", null, null),
            ],
            feed.Items);
    }

    [Fact]
    public void Parse_Atom_TakesTheAlternateLinkAndPublishedElseUpdated()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس</title>
              <entry><id>tag:a,2026:1</id><title>خبر</title><link rel="self" href="/self"/><link href="/pages/1.html"/>
                <updated>2026-12-06T10:00:00Z</updated><summary>ملخص الخبر</summary></entry>
            </feed>
            """;

        FeedItem item = Assert.Single(FeedParser.Parse(Encoding.UTF8.GetBytes(atom), s_feed).Items);

        Assert.Equal(new FeedItem("tag:a,2026:1", "https://news.example/pages/1.html", "خبر", new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero), "ملخص الخبر"), item);
    }

    [Fact]
    public void Parse_JsonFeed_PrefersContentTextAndKeepsTheWrittenOffset()
    {
        const string json = """
            {"version":"https://jsonfeed.org/version/1.1","title":"نشرة","items":[
              {"id":"7","url":"https://news.example/7","title":"سابع","content_html":"<p>html</p>","content_text":"نص","date_published":"2026-12-06T01:00:00+03:00"}]}
            """;

        FeedDocument feed = FeedParser.Parse(Encoding.UTF8.GetBytes(json), s_feed);

        Assert.Equal(("نشرة", new FeedItem("7", "https://news.example/7", "سابع", new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.FromHours(3)), "نص")), (feed.Title, Assert.Single(feed.Items)));
    }

    [Theory]
    [InlineData("<html><body>not a feed</body></html>", "not an RSS 2.0 or Atom feed (root element <html>)")]
    [InlineData("{\"title\":\"x\"}", "not a JSON Feed: no \"items\" array")]
    public void Parse_SomethingElse_SaysWhatItIs(string body, string reason)
    {
        var error = Assert.Throws<FormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(body), s_feed));

        Assert.Equal(reason, error.Message);
    }

    [Theory]
    [InlineData("Sun, 06 Dec 2026 09:30:00 GMT", "2026-12-06T09:30:00+00:00")]
    [InlineData("Sun, 06 Dec 2026 23:30:00 -0500", "2026-12-06T23:30:00-05:00")]
    [InlineData("2026-12-06T09:30:00+03:00", "2026-12-06T09:30:00+03:00")]
    public void ParseTime_Rfc822AndIso8601_KeepTheOffsetAsWritten(string written, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), FeedParser.ParseTime(written));
        Assert.Equal(DateTimeOffset.Parse(expected).Offset, FeedParser.ParseTime(written)!.Value.Offset);
    }
}
