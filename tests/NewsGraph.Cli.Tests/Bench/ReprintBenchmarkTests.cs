using System.Text.Json;
using NewsGraph.Cli.Bench;

namespace NewsGraph.Cli.Tests.Bench;

public sealed class ReprintBenchmarkTests
{
    private const string Dispatch =
        "أعلنت الهيئة العامة للطيران المدني اليوم عن تشغيل صالة جديدة في مطار الملك خالد الدولي بالرياض بطاقة استيعابية تبلغ اثني عشر مليون مسافر سنويا. " +
        "وقال رئيس الهيئة في مؤتمر صحفي إن الصالة ستخدم الرحلات الداخلية في مرحلتها الأولى على أن تنتقل إليها الرحلات الدولية مطلع العام المقبل. " +
        "وأضاف أن المشروع يشمل مواقف للسيارات تتسع لخمسة آلاف مركبة وجسورا متحركة لركوب الطائرات مباشرة من الصالة. " +
        "وأوضح أن الهيئة وقعت عقودا مع شركات وطنية لتشغيل المطاعم والمتاجر في الصالة وتوظيف الشباب السعودي فيها. " +
        "وأشار إلى أن أعمال توسعة المدرج الثالث ستنتهي قبل موسم الحج لاستقبال الطائرات العريضة.";

    private const string OtherStory =
        "افتتح أمير منطقة القصيم اليوم مطار الأمير نايف بن عبدالعزيز الإقليمي بعد انتهاء أعمال تطويره التي استمرت عامين. " +
        "وتجول الأمير في صالات المطار واطلع على أنظمة فحص الحقائب الجديدة ومنطقة الجوازات. " +
        "وقال مدير المطار إن الطاقة الاستيعابية ارتفعت إلى ثلاثة ملايين مسافر سنويا وإن شركات طيران خليجية طلبت تسيير رحلات مباشرة إلى بريدة. " +
        "وبين أن المطار سيستقبل أولى رحلات الشحن الجوي الشهر المقبل لخدمة مزارعي التمور في المنطقة.";

    [Fact]
    public async Task Run_AgencyDispatchRepublishedByAnotherSite_LinksTheCopyAndNotTheOtherStory()
    {
        using var dir = new TempDir();
        string copy = "الرياض - واس: " + Dispatch.Replace(
            "وأضاف أن المشروع يشمل مواقف للسيارات تتسع لخمسة آلاف مركبة",
            "ولفت إلى أن الصالة تضم مواقف تكفي خمسة آلاف سيارة",
            StringComparison.Ordinal);
        await File.WriteAllLinesAsync(dir.File("corpus.jsonl"),
        [
            Line("was", "https://example.test/was/1", Dispatch),
            Line("okaz", "https://example.test/okaz/1", copy),
            Line("alriyadh", "https://example.test/alriyadh/1", OtherStory),
        ]);
        using var output = new StringWriter();

        int exitCode = await ReprintBenchmark.RunAsync(dir.File("corpus.jsonl"), null, 0.5, examples: 0, output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        string report = output.ToString();
        Assert.Contains("3 articles, 3 fingerprinted", report, StringComparison.Ordinal);
        Assert.Contains("at threshold 0.50: 1 articles linked as reprints; by site: okaz 1", report, StringComparison.Ordinal);
    }

    private static string Line(string source, string url, string content) =>
        JsonSerializer.Serialize(new { source, url, title = (string?)null, content });
}
