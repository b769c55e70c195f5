using System.Text.Json;

namespace NewsGraph.Cli.Tests;

public sealed class ExtractCommandTests
{
    [Fact]
    public async Task Extract_TwoFiles_PrintsOneJsonObjectPerLineInInputOrder()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("a.txt"), "دمشق-سانا\nقال وزير الخارجية السوري بسام صباغ إن الحصار يمنع وصول الدواء.");
        await File.WriteAllTextAsync(dir.File("b.txt"), "التقى رئيس الوزراء الماليزي داتو حسن في كوالالمبور اليوم المبعوث الأممي بيتر سوندرز.");

        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["extract", "--format", "json", dir.File("a.txt"), dir.File("b.txt")]);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        JsonElement article = first.RootElement.GetProperty("article");
        Assert.Equal("a.txt", article.GetProperty("file").GetString());
        Assert.Equal("دمشق", article.GetProperty("dateline").GetString());
        Assert.Equal("سانا", article.GetProperty("source").GetString());
        Assert.Equal("ar", article.GetProperty("language").GetString());
        Assert.Equal(64, article.GetProperty("key").GetString()!.Length);
        JsonElement stated = first.RootElement.GetProperty("relations").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "STATED");
        string[] keys = first.RootElement.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("key").GetString()!).ToArray();
        Assert.Contains(stated.GetProperty("from").GetString(), keys);
        Assert.Contains(stated.GetProperty("to").GetString(), keys);
        Assert.Equal("قال", stated.GetProperty("properties").GetProperty("verb").GetString());
        Assert.StartsWith("قال وزير الخارجية السوري", stated.GetProperty("evidence").GetString());
        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.Equal("b.txt", second.RootElement.GetProperty("article").GetProperty("file").GetString());
    }

    [Fact]
    public async Task Extract_UnknownFormat_FailsWithMessage()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("a.txt"), "قال الوزير إن الوضع مستقر.");
        NewsGraphProcess.Result result = await NewsGraphProcess.RunAsync(["extract", "--format", "xml", dir.File("a.txt")]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("--format json", result.Stderr);
    }
}
