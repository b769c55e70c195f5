using NewsGraph.Core.Text;
using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Tests.Text;

public sealed class TextHandlingTests
{
    [Theory]
    [InlineData("أَحْمَد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آمال", "امال")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("سورية", "سوريه")]
    [InlineData("العـــام", "العام")]
    [InlineData("٢٠١٥", "2015")]
    [InlineData("  «داعش»  ", "داعش")]
    public void Normalize_FoldsSpellingVariants(string text, string expected) =>
        Assert.Equal(expected, ArabicText.Normalize(text));

    [Fact]
    public void Normalize_SameNameWrittenDifferently_IsEqual() =>
        Assert.Equal(ArabicText.Normalize("أناتولي أنطونوف"), ArabicText.Normalize("اناتولى انطونوف"));

    [Fact]
    public void Tokenize_KeepsSanaDoubleDotApartFromFullStop()
    {
        List<Token> tokens = Tokenizer.Tokenize("وقال الوزير.. إن الوضع مستقر.");
        Assert.Contains(tokens, t => t.Surface == "..");
        Assert.Equal(".", tokens[^1].Surface);
    }

    [Fact]
    public void Tokenize_DecimalNumberIsOneToken()
    {
        List<Token> tokens = Tokenizer.Tokenize("ارتفع بنسبة 6.3 بالمئة");
        Assert.Contains(tokens, t => t.Surface == "6.3" && t.Kind == TokenKind.Number);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u202E\u202C")]
    [InlineData("\u0001")]
    public void Tokenize_HiddenMarkBetweenLetters_StaysInsideTheWord(string marks)
    {
        List<Token> tokens = Tokenizer.Tokenize($"قال الصف{marks}دي اليوم");
        Assert.Equal(["قال", "الصفدي", "اليوم"], tokens.Select(t => t.Norm));
        Assert.Equal($"الصف{marks}دي", tokens[1].Surface);
    }

    [Fact]
    public void Split_DoubleDotDoesNotEndTheSentence()
    {
        List<Sentence> sentences = SentenceSplitter.Split("وقال الوزير في بيان.. إن المحادثات كانت مثمرة. وأضاف أن اللقاء المقبل في عمان.");
        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("وقال الوزير في بيان.. إن", sentences[0].Text);
    }

    [Theory]
    [InlineData("وأوضح الخبير الاقتصادي د. سامي النعيمي أن الأسعار سترتفع. وأضاف أن الطلب قوي.", "د. سامي النعيمي أن الأسعار سترتفع.")]
    [InlineData("وقال م. خالد العتيبي إن المشروع اكتمل. وأضاف أن الافتتاح قريب.", "م. خالد العتيبي إن المشروع اكتمل.")]
    public void Split_TitleAbbreviationBeforeAName_DoesNotEndTheSentence(string text, string firstSentenceEnd)
    {
        List<Sentence> sentences = SentenceSplitter.Split(text);
        Assert.Equal(2, sentences.Count);
        Assert.EndsWith(firstSentenceEnd, sentences[0].Text);
    }

    [Fact]
    public void Split_EraLetterAfterAYear_StillEndsTheSentence()
    {
        List<Sentence> sentences = SentenceSplitter.Split("افتتح المبنى عام 2015 م. وأضاف المدير أن التوسعة قادمة.");
        Assert.Equal(2, sentences.Count);
    }

    [Fact]
    public void Split_ShortLineWithoutStop_IsHeadline()
    {
        List<Sentence> sentences = SentenceSplitter.Split("الوزير: المفاوضات ستستأنف الأسبوع المقبل\nقال الوزير إن المفاوضات ستستأنف قريبا في جنيف.");
        Assert.True(sentences[0].IsHeadline);
        Assert.False(sentences[1].IsHeadline);
    }

    [Fact]
    public void Split_DropsWireTrailers()
    {
        List<Sentence> sentences = SentenceSplitter.Split("التقى الوزير نظيره اليوم.\n // انتهى //\n 17:54 ت م \n");
        Assert.Single(sentences);
    }

    [Fact]
    public void Split_LinkTrailer_KeepsTheHeadlineWithoutTheLinkLabel()
    {
        List<Sentence> sentences = SentenceSplitter.Split("ضبط مكتب العمل 21 مخالفة في منطقة الجوف. رابط الخبر بصحيفة الوئام: العمل: ضبط 21 مخالفة تأخير\n");
        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("العمل:", sentences[1].Text, StringComparison.Ordinal);
        Assert.True(sentences[1].IsHeadline);
    }

    [Fact]
    public void LinkTrailer_NamesNoOrganization()
    {
        var x = Extract.From("ضبط مكتب العمل 21 مخالفة في منطقة الجوف. رابط الخبر بصحيفة الوئام: العمل: ضبط 21 مخالفة تأخير");
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Name.Contains("الوئام", StringComparison.Ordinal));
    }

    [Fact]
    public void Dateline_SanaStyle_GivesCityAndAgency()
    {
        Dateline? d = DatelineParser.Parse("طهران-سانا\nبحث وزير الخارجية ...");
        Assert.NotNull(d);
        Assert.Equal("طهران", d.City);
        Assert.Equal("سانا", d.Agency);
    }

    [Fact]
    public void Dateline_SpaStyle_GivesGregorianDate()
    {
        Dateline? d = DatelineParser.Parse(" جدة 3 رمضان 1445 هـ الموافق 13 مارس 2024 م واس\n استقبل ...");
        Assert.NotNull(d);
        Assert.Equal("جدة", d.City);
        Assert.Equal(new DateOnly(2024, 3, 13), d.Date);
        Assert.Equal("واس", d.Agency);
    }

    [Fact]
    public void Dateline_ParenthesizedAgency_BodyContinuesOnTheLine()
    {
        const string text = "عمان (بترا) - أعلن وزير الخارجية أن اللقاء كان مثمرا.";
        Dateline? d = DatelineParser.Parse(text);
        Assert.NotNull(d);
        Assert.Equal("عمان", d.City);
        Assert.StartsWith("أعلن", text[d.BodyStart..]);
    }

    [Fact]
    public void Dateline_OrdinarySentence_IsNotADateline() =>
        Assert.Null(DatelineParser.Parse("أعلن الجيش أمس أن الهدنة صامدة في معظم المناطق."));
}

public sealed class DateFinderTests
{
    private static readonly DateOnly s_published = new(2024, 5, 14);

    [Theory]
    [InlineData("التقى الوزير نظيره يوم 12 مايو 2024 في القاهرة.", 2024, 5, 12)]
    [InlineData("وكان الاجتماع في الخامس من آذار الماضي.", 2024, 3, 5)]
    [InlineData("صدر البيان في الثلاثين من حزيران عام 2012.", 2012, 6, 30)]
    [InlineData("اجتمع الوفدان في 3 كانون الثاني.", 2024, 1, 3)]
    [InlineData("التقى الوزير أمس نظيره.", 2024, 5, 13)]
    [InlineData("التقى الوزير اليوم نظيره.", 2024, 5, 14)]
    [InlineData("التقى الوزير نظيره.", 2024, 5, 14)]
    public void DateOf_ExplicitRelativeOrArticleDate(string text, int year, int month, int day)
    {
        Sentence sentence = SentenceSplitter.Split(text)[0];
        Assert.Equal(new DateOnly(year, month, day), DateFinder.DateOf(sentence, s_published));
    }

    [Fact]
    public void DateOf_ImpossibleDate_IsNotADate()
    {
        Sentence sentence = SentenceSplitter.Split("وقع الحادث في 31 شباط.")[0];
        Assert.Equal(s_published, DateFinder.DateOf(sentence, s_published));
    }

    [Fact]
    public void CliticForms_WordWithTwoLams_OffersTheConstructReadingBeforeTheDefiniteOne()
    {
        // للجنة is ل + لجنة (للجنة الحكام) or ل + اللجنة (للجنة الأولمبية).
        string[] forms = NewsGraph.Extraction.Lexicon.Clitics.Forms("للجنه");
        Assert.Equal("اللجنه", forms[^1]);
        Assert.True(Array.IndexOf(forms, "لجنه") < forms.Length - 1);
        Assert.Contains("اللجنه", NewsGraph.Extraction.Lexicon.Clitics.Forms("وللجنه"));
        Assert.DoesNotContain(NewsGraph.Extraction.Lexicon.Clitics.Forms("بللسمر"), f => f.StartsWith("الل", StringComparison.Ordinal));
    }
}
