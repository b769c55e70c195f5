using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Tests.Text;

/// <summary>Article and relation dates in the forms Arabic wire copy writes them (every text here written for these tests).</summary>
public sealed class DateTests
{
    [Theory]
    [InlineData(1445, 9, 14, 2024, 3, 24)]
    [InlineData(1445, 11, 28, 2024, 6, 5)]
    [InlineData(1446, 3, 15, 2024, 9, 18)]
    [InlineData(1446, 1, 1, 2024, 7, 7)]
    [InlineData(1436, 10, 25, 2015, 8, 10)]
    [InlineData(1445, 9, 1, 2024, 3, 11)]
    public void HijriToGregorian_UmmAlQura(int hy, int hm, int hd, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateWords.HijriToGregorian(hy, hm, hd));

    [Theory]
    [InlineData(1445, 13, 1)]
    [InlineData(1445, 9, 31)]
    [InlineData(1200, 1, 1)]
    [InlineData(1600, 1, 1)]
    public void HijriToGregorian_NoSuchDay_IsNull(int hy, int hm, int hd) => Assert.Null(DateWords.HijriToGregorian(hy, hm, hd));

    [Theory]
    [InlineData("كانون الثاني", 1)]
    [InlineData("شباط", 2)]
    [InlineData("آذار", 3)]
    [InlineData("نيسان", 4)]
    [InlineData("أيار", 5)]
    [InlineData("حزيران", 6)]
    [InlineData("تموز", 7)]
    [InlineData("آب", 8)]
    [InlineData("أيلول", 9)]
    [InlineData("تشرين الأول", 10)]
    [InlineData("تشرين الثاني", 11)]
    [InlineData("كانون الأول", 12)]
    [InlineData("يناير", 1)]
    [InlineData("فبراير", 2)]
    [InlineData("مارس", 3)]
    [InlineData("أبريل", 4)]
    [InlineData("ابريل", 4)]
    [InlineData("مايو", 5)]
    [InlineData("يونيو", 6)]
    [InlineData("يونيه", 6)]
    [InlineData("يوليو", 7)]
    [InlineData("يوليه", 7)]
    [InlineData("أغسطس", 8)]
    [InlineData("سبتمبر", 9)]
    [InlineData("أكتوبر", 10)]
    [InlineData("نوفمبر", 11)]
    [InlineData("ديسمبر", 12)]
    public void GregorianMonths_BothNamingSystems(string name, int month)
    {
        Assert.True(DateWords.TryGregorianMonth(ArabicText.Normalize(name), out int found));
        Assert.Equal(month, found);
    }

    [Theory]
    [InlineData("القاهرة 12 أيار 2024 (وكالة) - عقد الوزير مؤتمرا صحفيا.", 2024, 5, 12)]
    [InlineData("بيروت في ٣ تشرين الأول ٢٠٢٣ - بحث الوزير مع نظيره العلاقات.", 2023, 10, 3)]
    [InlineData("الرباط - أعلن الوزير يوم الأحد الموافق 12 مايو 2024 أن الاتفاق جاهز.", 2024, 5, 12)]
    [InlineData("عمان - التقى الوزير نظيره اليوم الاثنين الموافق ١٥/٧/٢٠٢٤ في مكتبه.", 2024, 7, 15)]
    [InlineData("الرياض 14 رمضان 1445 هـ - استقبل الأمير ضيفه في مكتبه.", 2024, 3, 24)]
    [InlineData("الرياض 14 رمضان 1445 هـ الموافق 24 مارس 2024 م واس\nاستقبل الأمير ضيفه.", 2024, 3, 24)]
    [InlineData("طهران/ 22 نيسان/ابريل 2024/ - قال المتحدث إن الموقف ثابت.", 2024, 4, 22)]
    [InlineData("تونس 2024-06-30 - افتتح الوزير المعرض.", 2024, 6, 30)]
    public void PublishedDate_FromDatelineOrFirstSentence(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DatelineParser.PublishedDate(text, 0));

    [Theory]
    [InlineData("عمان 12 أيار (بترا) - التقى الوزير نظيره اليوم الأحد.")]
    [InlineData("بحث الوزير مع نظيره اليوم العلاقات الثنائية.")]
    public void PublishedDate_NoFullDate_IsUndated(string text) => Assert.Null(DatelineParser.PublishedDate(text, 0));

    [Fact]
    public void Extract_FrontMatter_GivesDateTitleAndSourceAndIsNotText()
    {
        const string text = "---\ntitle: لقاء في عمان\ndate: 2024-05-12\nsource: وكالة تجريبية\n---\nعمان - التقى وزير الخارجية الأردني أيمن الزعبي اليوم وزير الخارجية الألماني كلاوس هوفمان.\n";
        ArticleGraph graph = ArabicArticleExtractor.Default.Extract(new ArticleInfo("k", text));
        Assert.Equal(new DateOnly(2024, 5, 12), graph.Article.Published);
        Assert.Equal("لقاء في عمان", graph.Article.Title);
        Assert.Equal("وكالة تجريبية", graph.Article.Source);
        Assert.DoesNotContain(graph.Entities, e => e.Name.Contains("title", StringComparison.Ordinal) || e.Name.Contains("date", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("---\ndate: 2024-05-12\n---\nنص", 2024, 5, 12)]
    [InlineData("\n---\ntitle: \"عنوان\"\n\ndate: 2024-05-12T09:30:00+03:00\nurl: https://example.org/a\n---\nنص", 2024, 5, 12)]
    public void FrontMatter_Parses(string text, int y, int m, int d)
    {
        FrontMatter? front = FrontMatter.Parse(text);
        Assert.NotNull(front);
        Assert.Equal(new DateOnly(y, m, d), front.Date);
        Assert.Equal("نص", text[front.BodyStart..]);
    }

    [Theory]
    [InlineData("--- ليس هذا ترويسة\nنص")]
    [InlineData("---\nسطر بلا نقطتين\n---\nنص")]
    [InlineData("---\ndate: 2024-05-12\nنص بلا سياج ختامي")]
    public void FrontMatter_NotFrontMatter_IsNull(string text) => Assert.Null(FrontMatter.Parse(text));
}

/// <summary>A relation's date from its sentence, else its article's (article dated Wednesday 15 May 2024).</summary>
public sealed class EventDateTests
{
    private static readonly DateOnly s_published = new(2024, 5, 15);

    [Theory]
    [InlineData("التقى الوزير اليوم نظيره.", 2024, 5, 15)]
    [InlineData("التقى الوزير أمس نظيره.", 2024, 5, 14)]
    [InlineData("التقى الوزير أول أمس نظيره.", 2024, 5, 13)]
    [InlineData("والتقى الوزير بالأمس نظيره.", 2024, 5, 14)]
    [InlineData("التقى الوزير الأربعاء المنصرم نظيره.", 2024, 5, 8)]
    [InlineData("التقى الوزير يوم الأحد نظيره.", 2024, 5, 12)]
    [InlineData("التقى الوزير الأربعاء نظيره.", 2024, 5, 15)]
    [InlineData("التقى الوزير الأربعاء الماضي نظيره.", 2024, 5, 8)]
    [InlineData("التقى الوزير يوم الاثنين نظيره.", 2024, 5, 13)]
    [InlineData("التقى الوزير الخميس نظيره.", 2024, 5, 9)]
    [InlineData("التقى الوزير نظيره يوم 2 أيار 2024.", 2024, 5, 2)]
    [InlineData("التقى الوزير نظيره في ٣ أيار.", 2024, 5, 3)]
    [InlineData("التقى الوزير نظيره في 3 رجب 1445 هـ.", 2024, 1, 15)]
    public void EventDate_FromTheSentence(string text, int y, int m, int d)
    {
        EventDate? date = DateFinder.EventDateOf(SentenceSplitter.Split(text)[0], s_published);
        Assert.Equal(new EventDate(new DateOnly(y, m, d), DatePrecision.Day, DateSource.Sentence), date);
    }

    [Theory]
    [InlineData("التقى الوزير نظيره في مكتبه.")]
    [InlineData("سيلتقي الوزير نظيره الأحد المقبل.")]
    [InlineData("سيلتقي الوزير نظيره في 20 أيار 2024.")]
    [InlineData("اتفق الجانبان على تشكيل لجنة من الاثنين.")]
    public void EventDate_SentenceSaysNothingOfThePast_TakesTheArticles(string text) =>
        Assert.Equal(new EventDate(s_published, DatePrecision.Day, DateSource.Article), DateFinder.EventDateOf(SentenceSplitter.Split(text)[0], s_published));

    [Fact]
    public void EventDate_UndatedArticle_MonthOrYearFromTheSentence()
    {
        Assert.Equal(new EventDate(new DateOnly(2023, 5, 1), DatePrecision.Month, DateSource.Sentence),
            DateFinder.EventDateOf(SentenceSplitter.Split("التقى الوزير نظيره في أيار 2023.")[0], null));
        Assert.Equal(new EventDate(new DateOnly(2019, 1, 1), DatePrecision.Year, DateSource.Sentence),
            DateFinder.EventDateOf(SentenceSplitter.Split("انضمت الدولة إلى المنظمة عام 2019.")[0], null));
        Assert.Null(DateFinder.EventDateOf(SentenceSplitter.Split("التقى الوزير اليوم نظيره.")[0], null));
    }

    [Theory]
    [InlineData("وتتمتع روسيا بصفة مراقب في المنظمة منذ عام 2005.", 2005, 1, 1, DatePrecision.Year)]
    [InlineData("انضمت الهند إلى منظمة شنغهاي للتعاون عام 2017.", 2017, 1, 1, DatePrecision.Year)]
    [InlineData("وأصبحت إيران عضوا كامل العضوية في المنظمة اعتبارا من 4 تموز 2023.", 2023, 7, 4, DatePrecision.Day)]
    [InlineData("وباتت الدولة مراقبا منذ أيار 2021 بعد أن تقدمت بطلب.", 2021, 5, 1, DatePrecision.Month)]
    public void StatusStart_FromACueAndTheDateAfterIt(string text, int y, int m, int d, DatePrecision precision) =>
        Assert.Equal(new EventDate(new DateOnly(y, m, d), precision, DateSource.Sentence),
            DateFinder.StatusStartOf(SentenceSplitter.Split(text)[0], s_published)?.Date);

    [Theory]
    [InlineData("وتتمتع روسيا بصفة مراقب في المنظمة منذ سنوات.")]
    [InlineData("وتضم المنظمة في عضويتها عشر دول، وعقدت قمتها في 4 تموز 2023.")]
    [InlineData("وستنضم الدولة إلى المنظمة اعتبارا من 1 كانون الثاني 2025.")]
    public void StatusStart_NoCueWithADateBeforeTheArticle_IsNone(string text) =>
        Assert.Null(DateFinder.StatusStartOf(SentenceSplitter.Split(text)[0], s_published));

    [Fact]
    public void Extract_MembershipSince_DatesOnlyTheStateOfItsClause()
    {
        const string text = "---\ndate: 2024-05-15\n---\nالرياض - استقبل وزير الخارجية السعودي فيصل بن فرحان اليوم وزير الخارجية الروسي سيرغي لافروف.\nيذكر أن منظمة شنغهاي للتعاون تضم في عضويتها الصين وروسيا وكازاخستان، وانضمت إليها الهند عام 2017.\n";
        ArticleGraph graph = ArabicArticleExtractor.Default.Extract(new ArticleInfo("k", text));
        ExtractedRelation india = Assert.Single(graph.Relations, r => r.Type == RelationType.MemberOf && r.From == "state:IN");
        Assert.Equal((new DateOnly(2017, 1, 1), DatePrecision.Year, DateSource.Sentence), (india.Date!.Value, india.DatePrecision!.Value, india.DateSource!.Value));
        ExtractedRelation china = Assert.Single(graph.Relations, r => r.Type == RelationType.MemberOf && r.From == "state:CN");
        Assert.Equal((new DateOnly(2024, 5, 15), DateSource.Article), (china.Date!.Value, china.DateSource!.Value));
        ExtractedRelation met = Assert.Single(graph.Relations, r => r.Type == RelationType.Met);
        Assert.Equal(new DateOnly(2024, 5, 15), met.Date);
    }

    [Fact]
    public void EventDate_YearlessDayHalfAYearAhead_IsLastYears()
    {
        EventDate? date = DateFinder.EventDateOf(SentenceSplitter.Split("التقى الوزير نظيره في 28 كانون الأول.")[0], new DateOnly(2025, 1, 6));
        Assert.Equal(new DateOnly(2024, 12, 28), date?.Date);
    }

    [Fact]
    public void Extract_EveryRelationOfADatedArticle_IsDated()
    {
        const string text = "---\ndate: 2024-05-15\n---\nالقاهرة - استقبل وزير الخارجية المصري سامح عبد الله أمس وزير الخارجية الأردني أيمن الزعبي.\nوقال الزعبي إن العلاقات بين البلدين متينة.\n";
        ArticleGraph graph = ArabicArticleExtractor.Default.Extract(new ArticleInfo("k", text));
        Assert.NotEmpty(graph.Relations);
        Assert.All(graph.Relations, r => Assert.NotNull(r.Date));
        ExtractedRelation met = Assert.Single(graph.Relations, r => r.Type == RelationType.Met);
        Assert.Equal((new DateOnly(2024, 5, 14), DatePrecision.Day, DateSource.Sentence), (met.Date!.Value, met.DatePrecision!.Value, met.DateSource!.Value));
        ExtractedRelation stated = Assert.Single(graph.Relations, r => r.Type == RelationType.Stated);
        Assert.Equal((new DateOnly(2024, 5, 15), DateSource.Article), (stated.Date!.Value, stated.DateSource!.Value));
        string json = ExtractionJson.Serialize(graph);
        Assert.Contains("\"datePrecision\":\"DAY\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dateSource\":\"SENTENCE\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dated\":true", json, StringComparison.Ordinal);
    }
}
