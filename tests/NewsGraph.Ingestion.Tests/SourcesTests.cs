using System.Text;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion.Tests;

public sealed class SourcesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "newsgraph-src-" + Guid.NewGuid().ToString("N"));

    public SourcesTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Decode_Utf8WithBom_DropsBomAndNormalizesLineEndings() =>
        Assert.Equal("سطر\nسطر", ArticleDecoding.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("سطر\r\nسطر")]));

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x20 }, "empty")]
    [InlineData(new byte[] { 0x31, 0x32, 0x2E }, "no words")]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 }, "binary")]
    [InlineData(new byte[] { 0x63, 0x61, 0x66, 0xE9 }, "not valid UTF-8")]
    public void Decode_NotAnArticle_IsRejectedWithReason(byte[] bytes, string reason)
    {
        var ex = Assert.Throws<ArticleRejectedException>(() => ArticleDecoding.Decode(bytes));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_JsonArrayJsonLinesAndHtml_GivesArticlesWithMetadata()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "a.json"), """[{"title": "عنوان", "text": "قال الوزير إن الوضع مستقر.", "url": "https://example.org/1", "published": "2015-07-31 04:24:00", "source": "was"}]""");
        await File.WriteAllTextAsync(Path.Combine(_dir, "b.jsonl"), "{\"content\": \"التقى الوزير نظيره.\"}\n\n{\"content\": \"\"}\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "c.html"), "<html><head><title>خبر</title><script>var x=1;</script></head><body><p>أعلن الوزير</p><p>أن اللقاء مثمر.</p></body></html>");
        await File.WriteAllTextAsync(Path.Combine(_dir, "notes.md"), "# not an article");

        List<SourceItem> items = [];
        await foreach (SourceItem item in ArticleFileReader.ReadAsync([_dir], CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal(4, items.Count);
        ArticleInput json = items[0].Article!;
        Assert.Equal("عنوان", json.Title);
        Assert.Equal("https://example.org/1", json.Url);
        Assert.Equal(new DateOnly(2015, 7, 31), json.Published);
        Assert.Equal("was", json.Source);
        Assert.Equal("التقى الوزير نظيره.", items[1].Article!.Text);
        Assert.EndsWith("b.jsonl:3", items[2].Origin, StringComparison.Ordinal);
        Assert.Contains("empty", items[2].Error, StringComparison.Ordinal);
        ArticleInput html = items[3].Article!;
        Assert.Equal("خبر", html.Title);
        Assert.Equal("أعلن الوزير\nأن اللقاء مثمر.", html.Text);
    }

    [Fact]
    public async Task Read_FrontMatterAndHtmlMetadata_GiveDates()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "a.txt"), "---\ntitle: عنوان تجريبي\ndate: 2024-05-12\nsource: وكالة\nurl: https://example.org/a\n---\nقال الوزير إن الوضع مستقر.\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "b.md"), "---\ndate: 2023-10-03\n---\nالتقى الوزير نظيره.\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "c.html"), "<html><head><meta property=\"article:published_time\" content=\"2024-02-01T23:30:00+03:00\"><title>خبر</title></head><body><p>أعلن الوزير أن اللقاء مثمر.</p></body></html>");
        await File.WriteAllTextAsync(Path.Combine(_dir, "d.html"), "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2022-08-09\"}</script></head><body><p>أعلن الوزير أن اللقاء مثمر.</p></body></html>");
        await File.WriteAllTextAsync(Path.Combine(_dir, "e.txt"), "أعلن الوزير أن اللقاء مثمر.");
        await File.WriteAllTextAsync(Path.Combine(_dir, "README.md"), "# ليس مقالا");

        List<SourceItem> items = [];
        await foreach (SourceItem item in ArticleFileReader.ReadAsync([_dir], CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal(5, items.Count);
        ArticleInput txt = items[0].Article!;
        Assert.Equal(("عنوان تجريبي", new DateOnly(2024, 5, 12), "وكالة", "https://example.org/a"), (txt.Title, txt.Published!.Value, txt.Source, txt.Url));
        Assert.Equal("قال الوزير إن الوضع مستقر.\n", txt.Text);
        Assert.Equal(new DateOnly(2023, 10, 3), items[1].Article!.Published);
        Assert.Equal(new DateOnly(2024, 2, 1), items[2].Article!.Published);
        Assert.Equal(new DateOnly(2022, 8, 9), items[3].Article!.Published);
        Assert.Null(items[4].Article!.Published);
    }

    [Fact]
    public async Task Read_DirectoryTwice_GivesTheSameOrder()
    {
        foreach (string name in new[] { "z.txt", "a.txt", "m.txt" })
        {
            await File.WriteAllTextAsync(Path.Combine(_dir, name), "قال الوزير " + name);
        }

        async Task<string> OrderAsync()
        {
            var names = new List<string>();
            await foreach (SourceItem item in ArticleFileReader.ReadAsync([_dir], CancellationToken.None))
            {
                names.Add(Path.GetFileName(item.Origin));
            }

            return string.Join(",", names);
        }

        Assert.Equal("a.txt,m.txt,z.txt", await OrderAsync());
        Assert.Equal(await OrderAsync(), await OrderAsync());
    }
}
