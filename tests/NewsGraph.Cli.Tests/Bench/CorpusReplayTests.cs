using System.Runtime.CompilerServices;
using System.Text.Json;
using NewsGraph.Cli.Bench;

namespace NewsGraph.Cli.Tests.Bench;

public sealed class CorpusReplayTests
{
    [Fact]
    public async Task ReadAsync_Skip_ContinuesTheReplayWhereAnEarlierRunOfThatManyStopped()
    {
        using var dir = new TempDir();
        await File.WriteAllLinesAsync(dir.File("corpus.jsonl"),
        [
            Line("https://example.test/1", "الخبر الأول عن افتتاح مدرسة جديدة في المدينة."),
            Line("https://example.test/2", "الخبر الثاني عن موسم الأمطار في المنطقة."),
            Line("https://example.test/3", "الخبر الثالث عن معرض الكتاب في العاصمة."),
        ]);

        List<string?> all = await UrlsAsync(dir.File("corpus.jsonl"), skip: 0, count: 7);
        List<string?> firstRun = await UrlsAsync(dir.File("corpus.jsonl"), skip: 0, count: 4);
        List<string?> secondRun = await UrlsAsync(dir.File("corpus.jsonl"), skip: 4, count: 3);

        Assert.Equal(
            ["https://example.test/1", "https://example.test/2", "https://example.test/3",
             "https://example.test/1#replay-1", "https://example.test/2#replay-1", "https://example.test/3#replay-1",
             "https://example.test/1#replay-2"],
            all);
        Assert.Equal(all, firstRun.Concat(secondRun));
    }

    private static async Task<List<string?>> UrlsAsync(string corpus, int skip, int count)
    {
        var urls = new List<string?>();
        await foreach (var article in CorpusReplay.ReadAsync(corpus, skip, count, new StrongBox<int>(), CancellationToken.None))
        {
            urls.Add(article.Url);
        }

        return urls;
    }

    private static string Line(string url, string content) => JsonSerializer.Serialize(new { url, content });
}
