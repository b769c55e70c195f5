using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;

namespace NewsGraph.Extraction.Tests.Recognition;

/// <summary>
/// Well-known organizations from the gazetteer and the head nouns of organization names, in
/// sentences written for these tests (not taken from any article).
/// </summary>
public sealed class OrganizationGazetteerTests
{
    /// <summary>The categories the extraction code tells apart (membership bodies, short forms, the JSON output).</summary>
    private static readonly string[] s_knownCategories =
        ["intergovernmental", "humanitarian", "court", "ngo", "sport", "club", "news_agency", "media", "armed_group", "party", "company", "council", "ministry", "organization"];

    [Theory]
    [InlineData("ناقشت الكوميسا خفض الرسوم الجمركية بين أعضائها.", "السوق المشتركة لدول شرق وجنوب أفريقيا")]
    [InlineData("دعت الإيسيسكو إلى حماية التراث في المدن القديمة.", "المنظمة الإسلامية للتربية والعلوم والثقافة")]
    [InlineData("اجتمع وزراء منتدى الدول المصدرة للغاز في الدوحة لبحث الأسعار.", "منتدى الدول المصدرة للغاز")]
    [InlineData("رحبت رابطة الدول المطلة على المحيط الهندي بالمبادرة.", "رابطة الدول المطلة على المحيط الهندي")]
    [InlineData("وعاقب الاتحاد الآسيوي لكرة القدم النادي بغرامة مالية.", "الاتحاد الآسيوي لكرة القدم")]
    [InlineData("وأعلنت اليونيفيل أن دورياتها مستمرة قرب الحدود.", "قوة الأمم المتحدة المؤقتة في لبنان")]
    [InlineData("وذكرت وكالة يونهاب أن المحادثات ستستأنف الأسبوع المقبل.", "يونهاب")]
    [InlineData("خفضت وكالة موديز التصنيف الائتماني للشركة.", "موديز")]
    [InlineData("طالبت هيومان رايتس ووتش بالإفراج عن المعتقلين.", "هيومن رايتس ووتش")]
    [InlineData("أرسل الهلال الأحمر القطري قافلة إغاثة إلى المدينة.", "الهلال الأحمر القطري")]
    [InlineData("وتضم مجموعة الدول الثماني النامية للتعاون الاقتصادي في عضويتها ثماني دول.", "مجموعة الدول الثماني النامية")]
    public void WellKnownBody_ByNameVariantOrAcronym_IsTheListedOrganization(string text, string name)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == name);
    }

    [Fact]
    public void ListedNameClosingWithADemonym_AlsoMentionsTheState()
    {
        var x = Extract.From("قال قائد في الحرس الثوري الإيراني إن المناورات انتهت.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "الحرس الثوري الإيراني");
        Assert.Contains(x.Of(NodeKind.State), s => s.Iso == "IR");
    }

    [Fact]
    public void ShortFormFollowedByAnotherBodysPurpose_IsThatOtherBody()
    {
        var x = Extract.From("وأعلن الاتحاد الآسيوي للمكفوفين موعد البطولة.");
        ExtractedEntity org = Assert.Single(x.Of(NodeKind.Organization));
        Assert.Equal("الاتحاد الآسيوي للمكفوفين", org.Name);
    }

    [Fact]
    public void RankInBracketsAfterAListedName_IsNoAcronym()
    {
        var x = Extract.From("وجاء تشيلسي في المركز الأول وتوتنهام (السابعة) بعده.");
        ExtractedEntity club = Assert.Single(x.Of(NodeKind.Organization), o => o.Name == "توتنهام");
        Assert.DoesNotContain("السابعة", club.Aliases);
    }

    [Fact]
    public void Club_IsNoBodyStatesBelongTo()
    {
        var x = Extract.From("ويضم آرسنال في عضويته لاعبين من فرنسا وإسبانيا.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "آرسنال" && o.Category == "club");
        Assert.Empty(x.Relations(RelationType.MemberOf));
    }

    [Fact]
    public void OrganizationHeads_AreReadFromTheDataFile_WithForumAndGrouping()
    {
        IReadOnlySet<string> heads = ArabicLexicon.Default.OrganizationHeads;
        Assert.Contains("وزاره", heads);
        Assert.Contains("منتدي", heads);
        Assert.Contains("تجمع", heads);
        Assert.DoesNotContain("سوق", heads);
    }

    [Fact]
    public void ForumHead_GivesTheForumAShortForm()
    {
        var x = Extract.ByRules("وأكد منتدى الدول المصدرة للغاز أن الطلب سيرتفع. وأضاف المنتدى في بيانه أن الأسعار ستستقر.");
        Assert.Equal(2, x.Statements().Count(s => s.Speaker == "منتدى الدول المصدرة للغاز"));
    }

    [Fact]
    public void GatheringHead_DoesNotMakeANameOfItsComplement()
    {
        var x = Extract.From("وشهدت الساحة تجمع المصلين بعد صلاة الجمعة.");
        Assert.Empty(x.Of(NodeKind.Organization));
    }

    [Fact]
    public void OrganizationsGazetteer_EveryNameNamesOneOrganization_InAKnownCategory()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Extraction", "Data", "gazetteers", "organizations.tsv"));
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (string[] row in lines.Skip(1).Select(l => l.Split('\t')))
        {
            Assert.Equal(4, row.Length);
            Assert.Contains(row[3], s_knownCategories);
            foreach (string name in row[2].Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(row[1]))
            {
                // The phrase index keeps the first organization for a name; a second would never be found by it.
                if (owners.TryGetValue(ArabicText.Normalize(name), out string? owner) && owner != row[0])
                {
                    clashes.Add($"{name}: {owner}, {row[0]}");
                }

                owners.TryAdd(ArabicText.Normalize(name), row[0]);
            }
        }

        Assert.Empty(clashes);
        Assert.Equal(lines.Length - 1, lines.Skip(1).Select(l => l.Split('\t')[0]).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("وأعلنت الإدارة العامة للتعليم بمنطقة المدينة المنورة بدء التسجيل في المدارس.", "الإدارة العامة للتعليم بمنطقة المدينة المنورة")]
    [InlineData("وقال مدير النادي الأدبي بالرياض إن الأمسية تقام مساء الخميس.", "النادي الأدبي بالرياض")]
    [InlineData("ونفذت قوة الطوارئ الخاصة بمنطقة عسير تمرينا ميدانيا.", "قوة الطوارئ الخاصة بمنطقة عسير")]
    public void LocalBodyFollowedByItsSeat_IsOneBodyNamedWithTheSeat(string text, string name)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == name);
    }

    [Fact]
    public void LocalBodySeatedInAListedBody_AlsoMentionsThatBody()
    {
        var x = Extract.From("وقالت الإدارة العامة للطيران بالهلال الأحمر السعودي إن الطائرة نقلت المصاب.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "الإدارة العامة للطيران بالهلال الأحمر السعودي");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "هيئة الهلال الأحمر السعودي");
    }

    [Fact]
    public void MinistryFollowedByACity_IsTheMinistry_TheCityIsWhereItHappened()
    {
        var x = Extract.From("وعقدت وزارة الصحة بالرياض اجتماعا لبحث خطة الطوارئ.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "وزارة الصحة");
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Name.Contains("بالرياض", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("أعلن البنك السعودي للتسليف والادخار عن برنامج جديد للأسر.", "البنك السعودي للتسليف والادخار")]
    [InlineData("أطلقت الهيئة السعودية للحياة الفطرية حملة لحماية الغزلان.", "الهيئة السعودية للحياة الفطرية")]
    [InlineData("وقالت المجموعة الأمريكية الدولية للتأمين إن أرباحها ارتفعت.", "المجموعة الأمريكية الدولية للتأمين")]
    public void PurposeAfterADemonym_KeepsItsAdjectivesAndCoordinatedNouns(string text, string name)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == name);
    }

    [Fact]
    public void SecondBodyJoinedByWa_AfterAPurpose_IsAnotherBody()
    {
        var x = Extract.From("وقعت الشركة السعودية للكهرباء والشركة الوطنية للمياه اتفاقية جديدة.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "الشركة السعودية للكهرباء");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "الشركة الوطنية للمياه");
    }

    [Fact]
    public void AttributionAfterAHead_EndsTheName_TheSourceIsItsOwnBody()
    {
        var x = Extract.From("وقالت الحكومة وفقا لوكالة الأنباء اليمنية إن الرواتب ستصرف غدا.");
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Name.Contains("وفقا", StringComparison.Ordinal));
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name.StartsWith("وكالة الأنباء اليمنية", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("عين المجلس أحمد الحميدان ممثلا لوزارة العمل والدكتور عبدالله الشريف ممثلا لوزارة المالية.", "وزارة العمل")]
    [InlineData("وقال وكيل وزارة المالية والرئيس التنفيذي للشركة سعد العتيبي إن الأرباح ارتفعت.", "وزارة المالية")]
    public void TitleAfterWa_EndsTheBodysName(string text, string body)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == body);
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Name.StartsWith(body + " و", StringComparison.Ordinal));
    }

    [Fact]
    public void PortfoliosJoinedByWa_StayInTheMinistrysName()
    {
        var x = Extract.From("أعلنت وزارة الشؤون البلدية والقروية عن مشروعات جديدة.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "وزارة الشؤون البلدية والقروية");
    }

    [Theory]
    [InlineData("وأكد حزب العمال الكردستاني في تركيا أن الهجوم فشل.", "حزب العمال الكردستاني")]
    [InlineData("وقال رئيس نقابة صيادي السمك في ولاية بورنو إن الصيد توقف.", "نقابة صيادي السمك")]
    public void PlaceAfterFi_IsNotPartOfTheName(string text, string body)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == body);
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Name.Contains(" في ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("وقالت وزارة الدفاع مستعدة لتطوير التعاون الدولي مع الحلفاء.", "وزارة الدفاع")]
    [InlineData("وكانت وزارة الداخلية سوف تتخذ التدابير المناسبة.", "وزارة الداخلية")]
    [InlineData("وأكد جهاز مكافحة الإرهاب دخول جامعة الأنبار.", "جهاز مكافحة الإرهاب")]
    public void IndefiniteWordNotBeforeADefiniteOne_EndsTheName(string text, string body)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == body);
    }

    [Fact]
    public void IndefiniteWordInConstructWithADefiniteOne_ContinuesTheName()
    {
        var x = Extract.From("وصوت مجلس نواب الباراغواي على القانون.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "مجلس نواب الباراغواي");
    }

    [Theory]
    [InlineData("وقالت وزارة الصحة التابعة لحكومة اليمن إن 43 شخصا قتلوا.", "وزارة الصحة")]
    [InlineData("وقالت لجنة المخابرات التابعة لمجلس الشيوخ الأمريكي إن التقرير اكتمل.", "لجنة المخابرات")]
    public void AffiliationAfterABody_EndsItsName(string text, string body)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == body);
    }
}
