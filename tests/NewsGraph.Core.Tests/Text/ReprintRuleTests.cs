using NewsGraph.Core.Text;

namespace NewsGraph.Core.Tests.Text;

/// <summary>
/// Reprint detection on an agency-style dispatch written for these tests: the copies a site makes of
/// it (new headline, its own dateline, one sentence rewritten) are reprints; another story on the
/// same subject, told in the same stock phrases, is not.
/// </summary>
public sealed class ReprintRuleTests
{
    private const string Dispatch = """
        الرياض 20 رمضان 1436 هـ الموافق 07 يوليو 2015 م واس
        استقبل وزير الصحة المهندس خالد الفالح في مكتبه بالرياض اليوم وفدا من منظمة الصحة العالمية برئاسة المدير الإقليمي لشرق المتوسط.
        وجرى خلال الاستقبال بحث أوجه التعاون بين المملكة والمنظمة في مجالات مكافحة الأمراض المعدية وتطوير الرعاية الصحية الأولية.
        وأكد الوزير أن المملكة ماضية في تنفيذ برنامج وطني لتطعيم الأطفال في جميع المناطق قبل نهاية العام الحالي.
        وأشار إلى أن الوزارة افتتحت خلال الأشهر الماضية اثني عشر مركزا صحيا جديدا في القرى والمحافظات البعيدة.
        وأوضح أن الخطة تتضمن تدريب ألفي ممرض وممرضة على برامج الرعاية المنزلية لكبار السن بالتعاون مع الجامعات السعودية.
        ولفت إلى أن المنظمة ستقدم الدعم الفني لإنشاء مختبر مرجعي للأوبئة في الرياض خلال العامين المقبلين.
        من جهته أشاد المدير الإقليمي بما حققته المملكة من تقدم في خفض معدلات الإصابة بالأمراض السارية.
        وحضر الاستقبال وكيل الوزارة للصحة العامة وعدد من المسؤولين في الوزارة.
        """;

    [Fact]
    public void IsReprint_CopyWithItsOwnHeadlineDatelineAndOneSentenceRewritten_IsLinked()
    {
        string copy = """
            الفالح يبحث مع منظمة الصحة العالمية مكافحة الأمراض المعدية
            الرياض - واس:
            استقبل وزير الصحة المهندس خالد الفالح في مكتبه بالرياض اليوم وفدا من منظمة الصحة العالمية برئاسة المدير الإقليمي لشرق المتوسط.
            وجرى خلال الاستقبال بحث أوجه التعاون بين المملكة والمنظمة في مجالات مكافحة الأمراض المعدية وتطوير الرعاية الصحية الأولية.
            وشدد الوزير على أن حملة تطعيم الأطفال ستشمل كل مناطق المملكة قبل أن ينتهي هذا العام.
            وأشار إلى أن الوزارة افتتحت خلال الأشهر الماضية اثني عشر مركزا صحيا جديدا في القرى والمحافظات البعيدة.
            وأوضح أن الخطة تتضمن تدريب ألفي ممرض وممرضة على برامج الرعاية المنزلية لكبار السن بالتعاون مع الجامعات السعودية.
            ولفت إلى أن المنظمة ستقدم الدعم الفني لإنشاء مختبر مرجعي للأوبئة في الرياض خلال العامين المقبلين.
            من جهته أشاد المدير الإقليمي بما حققته المملكة من تقدم في خفض معدلات الإصابة بالأمراض السارية.
            وحضر الاستقبال وكيل الوزارة للصحة العامة وعدد من المسؤولين في الوزارة.
            """;

        TextFingerprint original = Fingerprint(Dispatch);
        TextFingerprint reprint = Fingerprint(copy);

        Assert.True(ReprintRule.IsReprint(reprint, original), $"similarity {reprint.Similarity(original)}");
        // What lets a store find the original without a scan: the copy shares a band key with it.
        Assert.NotEmpty(reprint.BandKeys().Intersect(original.BandKeys()));
    }

    [Fact]
    public void IsReprint_AnotherStoryOnTheSameSubject_IsNotLinked()
    {
        string other = """
            جدة 22 رمضان 1436 هـ الموافق 09 يوليو 2015 م واس
            افتتح وزير الصحة المهندس خالد الفالح اليوم مستشفى جديدا للأطفال في جدة بسعة ثلاثمائة سرير.
            وتجول الوزير في أقسام المستشفى واطلع على التجهيزات الطبية الحديثة وغرف العناية المركزة.
            وقال إن المستشفى سيخدم سكان المحافظة والمراكز التابعة لها ويخفف الضغط على المستشفيات القائمة.
            وبين أن الوزارة تعمل على توظيف الكوادر الطبية السعودية في المستشفيات الجديدة بالتعاون مع الجامعات.
            وحضر الافتتاح مدير الشؤون الصحية بمحافظة جدة وعدد من المسؤولين في الوزارة.
            """;

        TextFingerprint original = Fingerprint(Dispatch);
        TextFingerprint story = Fingerprint(other);

        Assert.False(ReprintRule.IsReprint(story, original), $"similarity {story.Similarity(original)}");
    }

    [Fact]
    public void Of_SpellingVariantsAndDiacritics_GiveTheSameFingerprint()
    {
        string variant = Dispatch
            .Replace("استقبل", "إستقبل", StringComparison.Ordinal)
            .Replace("الصحة", "الصحّة", StringComparison.Ordinal)
            .Replace("العالمية", "العالمیة", StringComparison.Ordinal)
            .Replace("2015", "٢٠١٥", StringComparison.Ordinal);

        Assert.Equal(Fingerprint(Dispatch), Fingerprint(variant));
    }

    [Fact]
    public void Of_TextTooShortToJudge_IsNull() =>
        Assert.Null(TextFingerprint.Of("استقبل وزير الصحة اليوم وفدا من منظمة الصحة العالمية."));

    [Fact]
    public void Decode_WhatEncodeWrote_IsTheSameFingerprint()
    {
        TextFingerprint fingerprint = Fingerprint(Dispatch);

        string encoded = fingerprint.Encode();

        Assert.Equal(TextFingerprint.HashCount * 8, encoded.Length);
        Assert.Equal(fingerprint, TextFingerprint.Decode(encoded));
        Assert.Equal(1.0, TextFingerprint.Decode(encoded).Similarity(fingerprint));
    }

    [Fact]
    public void Decode_TextOfTheWrongLength_Throws() =>
        Assert.Throws<FormatException>(() => TextFingerprint.Decode("abc"));

    [Fact]
    public void BandKeys_AreOnePerBandAndNameTheirBand()
    {
        IReadOnlyList<string> keys = Fingerprint(Dispatch).BandKeys();

        Assert.Equal(TextFingerprint.Bands, keys.Count);
        Assert.Equal(TextFingerprint.Bands, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, (key, band) => Assert.StartsWith($"{band:D2}:", key, StringComparison.Ordinal));
    }

    private static TextFingerprint Fingerprint(string text) =>
        TextFingerprint.Of(text) ?? throw new InvalidOperationException("The test text is too short to fingerprint.");
}
