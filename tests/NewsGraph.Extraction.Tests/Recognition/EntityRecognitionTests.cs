using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Tests.Recognition;

/// <summary>Entities in sentences written for these tests (not taken from any article).</summary>
public sealed class EntityRecognitionTests
{
    [Fact]
    public void TitleBeforeName_FindsPersonWithTitle()
    {
        var x = Extract.From("أكد وزير الخارجية الأردني أيمن الصفدي أن بلاده تدعم الحل السياسي.");
        ExtractedEntity person = x.Person("أيمن الصفدي");
        Assert.Contains("وزير الخارجية الأردني", person.Titles);
    }

    [Fact]
    public void PersianFamilyNameEndingWrittenApart_ClosesTheName()
    {
        var x = Extract.From("وأكد وزير الصناعة الايراني حميد رضا نيكو فر خلال لقائه الوفد أن التعاون الصناعي يتسع.");
        Assert.Contains("وزير الصناعة الايراني", x.Person("حميد رضا نيكو فر").Titles);
    }

    [Theory]
    [InlineData("وقال رئيس جمعية المهندسين خالد عبد الرحمن الجمال، إن المؤتمر ينعقد في الربيع.", "خالد عبد الرحمن الجمال")]
    [InlineData("وأكد محافظ المنطقة المهندس سامي عبد اللطيف العلي أن الأعمال تسير وفق الجدول.", "سامي عبد اللطيف العلي")]
    [InlineData("وقالت الدكتورة مريم حسن العلوي، إن الوزارة ماضية في خططها.", "مريم حسن العلوي")]
    public void FamilyNameThatIsAlsoACommonWord_BeforeACommaOrComplementizer_EndsTheName(string text, string name)
    {
        var x = Extract.From(text);
        Assert.NotNull(x.Person(name));
    }

    [Fact]
    public void TitleAfterName_FindsPersonWithTitle()
    {
        var x = Extract.From("التقى يوهان كارلسون المبعوث الخاص للأمين العام في جنيف اليوم وفدا من المعارضة.");
        ExtractedEntity person = x.Person("يوهان كارلسون");
        Assert.Contains(person.Titles, t => t.StartsWith("المبعوث الخاص", StringComparison.Ordinal));
    }

    [Fact]
    public void Surname_LaterMention_IsTheSamePerson()
    {
        var x = Extract.From("قال رئيس الوزراء الكندي مارك ديلون إن الاتفاق متوازن. وأضاف ديلون أن التنفيذ سيبدأ الشهر المقبل.");
        ExtractedEntity person = x.Person("مارك ديلون");
        Assert.Contains("ديلون", person.Aliases);
        Assert.Single(x.Of(NodeKind.Person));
    }

    [Fact]
    public void WellKnownPersonNamedByOneWord_IsThePersonKeyedByTheFullName()
    {
        var alone = Extract.From("وقال أوباما في مؤتمر صحفي إن الاتفاق يخدم مصالح الجميع.");
        var inFull = Extract.From("وصل الرئيس الأمريكي باراك أوباما إلى نيروبي أمس. وقال أوباما إن الزيارة مهمة.");
        ExtractedEntity person = Assert.Single(alone.Of(NodeKind.Person));
        Assert.Contains("أوباما", person.Aliases);
        Assert.Equal(inFull.Person("باراك أوباما").Key, person.Key);
        Assert.Single(inFull.Of(NodeKind.Person));
    }

    [Fact]
    public void TwoPeopleSharingASurname_AreNotMerged()
    {
        var x = Extract.From("استقبل وزير الداخلية سالم الحربي في الرياض اليوم السفير خالد الحربي.");
        Assert.Equal(2, x.Of(NodeKind.Person).Count());
        Assert.NotEqual(x.Person("سالم الحربي").Key, x.Person("خالد الحربي").Key);
    }

    [Fact]
    public void Demonym_CountsAsMentionOfTheState()
    {
        var x = Extract.From("وصل الرئيس البرازيلي إلى القاهرة في زيارة رسمية.");
        Assert.Contains(x.Of(NodeKind.State), s => s.Iso == "BR");
    }

    [Fact]
    public void StateSpellingVariants_ShareOneKey()
    {
        var a = Extract.From("زار الوزير سوريا الأسبوع الماضي.");
        var b = Extract.From("زار الوزير سورية الأسبوع الماضي.");
        Assert.Equal(a.Of(NodeKind.State).Single().Key, b.Of(NodeKind.State).Single().Key);
    }

    [Fact]
    public void FinancialSupport_IsNotMali()
    {
        var x = Extract.From("قدمت الحكومة دعم مالي كبير للمزارعين.");
        Assert.DoesNotContain(x.Of(NodeKind.State), s => s.Iso == "ML");
    }

    [Theory]
    [InlineData("وصل وزير الخارجية الياباني إلى عمّان اليوم في زيارة رسمية.")]
    [InlineData("بحث رئيس الوزراء الأردني في عمان اليوم مع وفد ياباني التعاون بين الأردن واليابان، وأكد أن المملكة الأردنية ترحب بالاستثمار.")]
    public void Amman_TheCapitalOfJordan_IsAPlaceNotOman(string text)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "عمّان");
        Assert.DoesNotContain(x.Of(NodeKind.State), s => s.Iso == "OM");
    }

    [Theory]
    [InlineData("وصل وزير الخارجية الياباني إلى مسقط اليوم، وبحث مع المسؤولين في سلطنة عمان التعاون بين عمان واليابان.")]
    [InlineData("وقعت عمان واليابان اتفاقية للتعاون الاقتصادي.")]
    public void Oman_NamedAsAState_StaysTheState(string text)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.State), s => s.Iso == "OM");
        Assert.DoesNotContain(x.Of(NodeKind.Place), p => p.Name == "عمّان");
    }

    [Theory]
    [InlineData("أبلغت طهران الوكالة الدولية للطاقة الذرية أنها ستواصل التعاون، وقالت الدول الأعضاء إنها قد تعيد فرض عقوبات على طهران.")]
    [InlineData("تحسنت العلاقات بين واشنطن وطهران خلال العام الماضي.")]
    public void CapitalStandingOnlyForItsGovernment_IsTheStateNotAPlace(string text)
    {
        var x = Extract.From(text);
        Assert.DoesNotContain(x.Of(NodeKind.Place), p => p.Name == "طهران");
        Assert.Contains("طهران", x.Of(NodeKind.State).Single(s => s.Iso == "IR").Aliases);
    }

    [Fact]
    public void Continents_ArePlaces()
    {
        var x = Extract.From("تعد الصين أكبر شريك تجاري للدول النامية في آسيا وإفريقيا وأمريكا اللاتينية.");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "آسيا");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "أفريقيا");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "أمريكا اللاتينية");
    }

    [Theory]
    [InlineData("تأهل المنتخب إلى نهائيات كأس آسيا 2019 بعد فوزه أمس.")]
    [InlineData("يلعب الفريق في دوري أبطال آسيا هذا الموسم.")]
    public void ContinentInACompetitionsName_IsNoPlace(string text)
    {
        var x = Extract.From(text);
        Assert.DoesNotContain(x.Of(NodeKind.Place), p => p.Name == "آسيا");
    }

    [Fact]
    public void CapitalThatSaysWhere_StaysAPlace()
    {
        var x = Extract.From("أبلغت طهران الوكالة أنها ستواصل التعاون، وعقد الاجتماع في طهران أمس.");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "طهران");
    }

    [Fact]
    public void CapitalCoordinatedWithAPlaceThatSaysWhere_StaysAPlace()
    {
        var x = Extract.From("عقدت جولات من المشاورات في الأشهر الأخيرة في موسكو والقاهرة.");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "القاهرة");
    }

    [Fact]
    public void HowIsNotKyiv()
    {
        var x = Extract.From("لا أعرف كيف حدث ذلك في المصنع أمس.");
        Assert.Empty(x.Of(NodeKind.Place));
    }

    [Theory]
    [InlineData("وقع برنامج الأغذية العالمي التابع للأمم المتحدة اتفاقية مع الحكومة.", "برنامج الأغذية العالمي")]
    [InlineData("وقالت منظمة الصحة العالمية التابعة للأمم المتحدة إن الوضع صعب.", "منظمة الصحة العالمية")]
    public void AgencyOfTheUnitedNations_AndTheUnitedNations_AreTwoOrganizations(string text, string agency)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == agency);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "الأمم المتحدة");
    }

    [Fact]
    public void MinistryWithDemonym_IsAnOrganizationAndMentionsTheState()
    {
        var x = Extract.From("وأعلنت وزارة الخارجية التركية في بيان أن الوفد سيصل غدا.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "وزارة الخارجية التركية");
        Assert.Contains(x.Of(NodeKind.State), s => s.Iso == "TR");
    }

    [Fact]
    public void QuotedNameAfterTypeNoun_IsTheOrganizationName()
    {
        var x = Extract.From("ذكرت صحيفة «الوطن» أن المفاوضات تعثرت.");
        ExtractedEntity org = Assert.Single(x.Of(NodeKind.Organization));
        Assert.Equal("الوطن", org.Name);
        Assert.Contains("صحيفة الوطن", org.Aliases);
    }

    [Theory]
    [InlineData("وتضم منظمة \"شنغهاي للتعاون\" روسيا والصين والهند.")]
    [InlineData("وتضم منظمة «شنغهاي للتعاون» روسيا والصين والهند.")]
    public void KnownOrganizationWithItsTypeNounOutsideTheQuotes_IsThatOrganization(string text)
    {
        var x = Extract.From(text);
        ExtractedEntity org = Assert.Single(x.Of(NodeKind.Organization));
        Assert.Equal("منظمة شنغهاي للتعاون", org.Name);
        Assert.DoesNotContain(x.Of(NodeKind.Place), p => p.Name == "شنغهاي");
        Assert.Equal(3, x.Relations(RelationType.MemberOf).Count());
    }

    [Theory]
    [InlineData("وقال المدير لـ«الشرق الأوسط» إن العمل يسير وفق الخطة.", "الشرق الأوسط")]
    [InlineData("وأوضح المتحدث في اتصال مع \"سبق\" أن الطريق أعيد فتحه.", "سبق")]
    public void NewspaperWhoseNameIsAnOrdinaryWord_IsAnOrganizationWhenQuoted(string text, string paper)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == paper);
    }

    [Fact]
    public void MiddleEast_UnquotedIsTheRegion_QuotedIsThePaper()
    {
        var region = Extract.From("تتزايد أهمية الاستثمار في الشرق الأوسط عاما بعد عام.");
        var paper = Extract.From("وقال المدير لـ«الشرق الأوسط» إن العمل يسير وفق الخطة.");
        Assert.Contains(region.Of(NodeKind.Place), p => p.Name == "الشرق الأوسط");
        Assert.DoesNotContain(paper.Of(NodeKind.Place), p => p.Name == "الشرق الأوسط");
    }

    [Theory]
    [InlineData("تتزايد أهمية الاستثمار في الشرق الأوسط عاما بعد عام.")]
    [InlineData("سبق للوزير أن زار المدينة في الربيع الماضي.")]
    public void NewspaperName_Unquoted_IsNoOrganization(string text)
    {
        var x = Extract.From(text);
        Assert.Empty(x.Of(NodeKind.Organization));
    }

    [Fact]
    public void ClubsWhoseNamesAreOrdinaryWords_AreOrganizationsInASportsArticle()
    {
        var x = Extract.From("فاز الهلال على النصر بهدفين في مباراة الدوري أمس على الملعب الجديد، وقال مدرب الفريق إن اللاعبين قدموا أداء جيدا.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "الهلال");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "النصر");
    }

    [Theory]
    [InlineData("وفاز الفريق في مباراة الدوري أمس بهدفين، ويلعب الفريق أمام إيجلز الهولندي في مباراة ودية الأحد المقبل على ملعبه.", "إيجلز", "NL")]
    [InlineData("وتعاقد النادي مع لاعب أتلانتا الإيطالي قبل مباراة الدوري، وانضم اللاعب إلى الفريق في المعسكر.", "أتلانتا", "IT")]
    [InlineData("ويلعب الفريق مباراة الدوري المقبلة أمام فريق روما الإيطالي، وأكد مدرب الفريق جاهزية اللاعبين.", "روما", "IT")]
    [InlineData("وخسر الفريق في مباراة الدوري أمس، ويستعد لمواجهة العين الإماراتي في مباراة ودية، وأكد اللاعبون جاهزيتهم.", "العين", "AE")]
    public void ClubNamedBeforeADemonym_InASportsArticle_IsAnOrganization_TheDemonymItsState(string text, string club, string iso)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == club);
        Assert.Contains(x.Of(NodeKind.State), st => st.Iso == iso);
        Assert.DoesNotContain(x.Of(NodeKind.Place), p => p.Name == club);
    }

    [Fact]
    public void WordBeforeADemonym_OutsideSport_IsNoClub()
    {
        var x = Extract.From("وقال مدير الشركة إن فريق العمل الهولندي وصل أمس إلى الرياض.");
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Category == "club");
    }

    [Fact]
    public void AClubNamedAloneInSport_NeedsNoClubWordBesideIt_WhileAnAmbiguousOneDoes()
    {
        var x = Extract.From("وربطت تقارير رغبة الهلال بالتعاقد مع المهاجم قبل مباراة الدوري، فيما يسعى الشباب إلى تعزيز صفوف الفريق بلاعب في الملعب.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "الهلال");
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Name == "الشباب");
    }

    [Theory]
    [InlineData("وأكد الوزير أن تنظيمي داعش والقاعدة يشكلان خطرا على المنطقة.", true)]
    [InlineData("وأوضح أن القاعدة العامة تقضي بتطبيق النظام على الجميع.", false)]
    public void AlQaedaNamedBare_IsTheGroupBesideAnotherArmedGroup_NotTheWordForRule(string text, bool isGroup)
    {
        var x = Extract.From(text);
        Assert.Equal(isGroup, x.Of(NodeKind.Organization).Any(o => o.Name == "القاعدة"));
    }

    [Fact]
    public void ClubNames_OutsideSport_AreNoOrganizations()
    {
        var x = Extract.From("شاهد الناس الهلال في السماء أمام المسجد، وأكد المسؤول أن الشباب سيعملون على التعاون مع الجميع.");
        Assert.Empty(x.Of(NodeKind.Organization));
    }

    [Fact]
    public void BareClubName_AfterTheClubsFullName_IsTheSameOrganization()
    {
        var x = Extract.From("أعلن نادي الشباب، أمس، تعاقده مع لاعب جديد قبل بداية الدوري، وسينضم اللاعب إلى صفوف الشباب في المعسكر بعد مباراة الفريق المقبلة.");
        ExtractedEntity club = Assert.Single(x.Of(NodeKind.Organization));
        Assert.Equal("نادي الشباب", club.Name);
        Assert.Equal(2, club.Mentions); // نادي الشباب، then الشباب
    }

    [Fact]
    public void SaudiBodyWithALongName_IsFoundWholeNotCutAtItsFirstWords()
    {
        var x = Extract.From("وأوضح المتحدث أن هيئة الأمر بالمعروف والنهي عن المنكر ستنفذ جولات في الأسواق.");
        ExtractedEntity body = Assert.Single(x.Of(NodeKind.Organization));
        Assert.Contains("هيئة الأمر بالمعروف والنهي عن المنكر", body.Aliases.Append(body.Name));
    }

    [Fact]
    public void GazetteerOrganization_WithClitic_KeepsCanonicalName()
    {
        var x = Extract.From("انضمت الدولة رسميا لمنظمة التجارة العالمية العام الماضي.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "منظمة التجارة العالمية");
    }

    [Fact]
    public void City_IsAPlaceAndHeadedPlaceIsFound()
    {
        var x = Extract.From("وقع الانفجار في مدينة كاسالا قرب الحدود بينما كان الوزير في الخرطوم.");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "الخرطوم");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "كاسالا");
    }

    [Fact]
    public void Dateline_CityIsAPlace()
    {
        var x = Extract.From("بغداد-سانا\nأعلنت الحكومة العراقية أن الانتخابات ستجري في موعدها.");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "بغداد");
        Assert.Equal("سانا", x.Graph.Article.Source);
    }

    [Fact]
    public void CommonNounAfterName_IsNotPartOfTheName()
    {
        var x = Extract.From("بحث نائب الرئيس جون ماتيس مع رئيسة البرلمان ليلى حداد تطورات الأوضاع في المنطقة.");
        x.Person("ليلى حداد");
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.Contains("تطورات", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_AreStableAcrossArticles()
    {
        var a = Extract.From("قال وزير المالية المصري أحمد كجوك إن العجز تراجع.");
        var b = Extract.From("التقى وزير المالية المصري أحمد كجوك وفدا من البنك الدولي في القاهرة.");
        Assert.Equal(a.Person("أحمد كجوك").Key, b.Person("أحمد كجوك").Key);
    }
}

/// <summary>Words next to titles and verbs that are not names, in sentences written for these tests.</summary>
public sealed class NotANameTests
{
    [Theory]
    [InlineData("كما عقد وزير الخارجية الغاني اجتماعا ثنائيا مع نظيره.")]
    [InlineData("وأوضح الأمين العام للمنظمة، تناول التحضيرات للقمة المقبلة.")]
    [InlineData("وأكد أن أول رحلة تجريبية على الخط ستنطلق العام المقبل.")]
    [InlineData("ونقل الرئيس أبلغ التهاني وأطيب التمنيات لرئيس البرتغال وشعبه.")]
    [InlineData("وكشف مدير الشرطة ملابسات الحادثة للصحفيين.")]
    public void Extract_NoPersonInTheseSentences(string text)
    {
        var x = Extract.From(text);
        Assert.Empty(x.Of(NodeKind.Person));
    }

    [Fact]
    public void ConjunctionBeforeAName_IsNotPartOfIt()
    {
        var x = Extract.From("قال الرئيس الجنوب أفريقي سيريل رامافوزا إن الذكرى مهمة، ونيلسون مانديلا رمز للحرية.");
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.StartsWith('و'));
    }

    [Fact]
    public void NameEndsBeforeACommonWordWithPronounOrPreposition()
    {
        var x = Extract.From("أعلن وزير الإعلام سعيد الغامدي بتطوير القطاع خلال العام المقبل.");
        Assert.Equal("سعيد الغامدي", Assert.Single(x.Of(NodeKind.Person)).Name);
    }
}

/// <summary>Where names of people and bodies begin and end in wire copy (sentences written for these tests).</summary>
public sealed class NameExtentTests
{
    [Fact]
    public void NameStartingWithFa_KeepsItsFirstLetter()
    {
        var x = Extract.From("وقال مدير الفرع في المنطقة فواز بن سعد القحطاني إن الدورة ناجحة.");
        Assert.Equal("فواز بن سعد القحطاني", Assert.Single(x.Of(NodeKind.Person)).Name);
    }

    [Fact]
    public void FamilyNameAfterBinChain_IsKeptEvenWhenItIsAlsoAWord()
    {
        var x = Extract.From("وأوضح عميد الكلية الدكتور ناصر بن علي العامر أن التسجيل يبدأ الأحد.");
        Assert.Equal("ناصر بن علي العامر", Assert.Single(x.Of(NodeKind.Person)).Name);
    }

    [Fact]
    public void BodyNamedAfterAPerson_IsOneOrganizationAndNotAPerson()
    {
        var x = Extract.From("وقال مدير جامعة الملك فهد بن عبدالعزيز الإسلامية الدكتور ماجد الشمري إن الجامعة مستعدة.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "جامعة الملك فهد بن عبدالعزيز الإسلامية");
        Assert.Contains(Extract.From("نقل المصاب إلى مستشفى الملك فهد المركزي في جازان.").Of(NodeKind.Organization), o => o.Name == "مستشفى الملك فهد المركزي");
        Assert.Equal("ماجد الشمري", Assert.Single(x.Of(NodeKind.Person)).Name);
        Assert.Equal("ماجد الشمري", Assert.Single(x.Statements()).Speaker);
    }

    [Fact]
    public void CoordinatedPortfolios_StayInTheMinistryName()
    {
        var x = Extract.From("وأعلنت وزارة الشؤون البلدية والقروية والإسكان أن المشروع اكتمل.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "وزارة الشؤون البلدية والقروية والإسكان");
        Assert.Equal("أن المشروع اكتمل", Assert.Single(x.Statements()).Claim);
    }

    [Fact]
    public void DefiniteHeadAfterLiPreposition_IsAShortFormNotAName()
    {
        // للجنة = ل + اللجنة: without a demonym or a complement "اللجنة الفرعية" is no organization's name.
        var x = Extract.From("وأرسلت الأسماء للجنة الفرعية بشكل يومي.");
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Name.StartsWith("لجنة", StringComparison.Ordinal));
    }

    [Fact]
    public void GovernmentBodyBeforeItsHeadsHonorific_DoesNotSwallowTheName()
    {
        var x = Extract.From("وقال رئيس مجلس الشورى الشيخ عبدالله بن محمد آل الشيخ إن الجلسة مثمرة.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "مجلس الشورى");
        Assert.Contains("آل الشيخ", Assert.Single(x.Statements()).Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void ForeignNameStartingWithFaAlif_IsNotAPrepositionAndArticle()
    {
        var x = Extract.From("قال وزير الدفاع الهولندي يوهان فالدرين إن المهمة ستستمر عاما آخر. وقال وزير الخارجية الألماني فرانك فالتر شتاينماير إن الاتفاق جيد.");
        Assert.Equal(["يوهان فالدرين", "فرانك فالتر شتاينماير"], x.Statements().Select(st => st.Speaker));
    }

    [Fact]
    public void TitleWordBeforeBin_IsAGivenName()
    {
        var x = Extract.From("وحضر اللقاء وزير الدولة الدكتور مساعد بن حمد الراشد.");
        Assert.Equal("مساعد بن حمد الراشد", Assert.Single(x.Of(NodeKind.Person)).Name);
    }

    [Fact]
    public void TitleJoinedByWa_BelongsToTheNextPerson()
    {
        var x = Extract.From("وحضر الاجتماع نائب رئيس الحكومة سامي الكردي والمندوب الدائم لدى الأمم المتحدة سعيد الحمادي.");
        Assert.DoesNotContain(x.Person("سامي الكردي").Titles, t => t.Contains("المندوب", StringComparison.Ordinal));
    }

    [Fact]
    public void CommonWordInConstructWithAPlace_IsNotAName()
    {
        var x = Extract.From("تفقد مدير مرور منطقة القصيم العميد ناصر بن فهد السالم أمس مواقع العمل.");
        Assert.Equal("ناصر بن فهد السالم", Assert.Single(x.Of(NodeKind.Person)).Name);
    }

    [Fact]
    public void BodyHeadAndItsNameAfterATitle_AreNotPartOfThePersonsName()
    {
        var x = Extract.From("واجتمع رئيس نادي الفيحاء المشترك خالد الراشد مع رئيس نادي نجران طلال المري في الرياض.");
        Assert.Contains(x.Of(NodeKind.Person), p => p.Name == "طلال المري");
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.StartsWith("نادي", StringComparison.Ordinal));
    }

    [Fact]
    public void CoachTitle_AnnouncesTheName_AndTheSportIsNoPerson()
    {
        var x = Extract.From("وقال مدرب المنتخب الوطني لكرة القدم البرتغالي جواو فيريرا إن الفريق جاهز.");
        Assert.Equal("جواو فيريرا", Assert.Single(x.Statements()).Speaker);
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.StartsWith("لكرة", StringComparison.Ordinal));
    }

    [Fact]
    public void CentreNamedAfterAKing_IsAnOrganization_AndItsSupervisorAPerson()
    {
        var x = Extract.From("وقال المشرف العام على مركز الملك سلمان للإغاثة والأعمال الإنسانية الدكتور عبد الله بن عبد العزيز الربيعة إن الجسر الجوي مستمر.");
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "مركز الملك سلمان للإغاثة والأعمال الإنسانية");
        Assert.Equal("عبد الله بن عبد العزيز الربيعة", Assert.Single(x.Statements()).Speaker);
    }

    [Fact]
    public void NounAndComplementAfterAFullName_EndTheName()
    {
        var x = Extract.From("تناول الرئيس الكيني جون موانجي طعام العشاء مع أفراد عائلته.");
        Assert.Equal("جون موانجي", Assert.Single(x.Of(NodeKind.Person)).Name);
    }

    [Fact]
    public void OrdinaryNounPhraseAfterATitle_IsNoPerson_ButAnOrdinaryWordBeforeBinIs()
    {
        var x = Extract.From("دعا سامي الكردي نائب رئيس المكتب السياسي لحماس الى تشكيل حكومة وحدة. وحضر اللقاء الأمير تركي بن سعود.");
        string[] expected = ["سامي الكردي", "تركي بن سعود"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), x.Of(NodeKind.Person).Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UntitledNamesInAList_AreFoundByTheTagger_WithoutTheConjunction()
    {
        var x = Extract.From("وحضر اللقاء من الجانب الكويتي وزير الإعلام سالم الكعبي، وعادل الجبيري وزير المالية، وأحمد العونان.");
        Assert.Contains("وزير المالية", x.Person("عادل الجبيري").Titles);
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.StartsWith('و'));
    }

    [Fact]
    public void FirstNameThatIsAlsoAWord_AfterATitle_IsLeftToTheTagger()
    {
        var x = Extract.From("وحضر الاجتماع الدكتور مساعد الهاجري وزير الدولة.");
        Assert.Contains("وزير الدولة", x.Person("مساعد الهاجري").Titles);
    }

    [Fact]
    public void TaggedPhrasesThatAreNoNames_AreTurnedDown()
    {
        var x = Extract.From("وأكد المتحدث أن المملكة تلتزم بمبدأ حسن الجوار، وأن معاذ الله أن نتخلى عن أشقائنا. وأقيم الحفل في جامع الإمام تركي بن عبدالله.");
        Assert.Empty(x.Of(NodeKind.Person));
    }

    [Fact]
    public void CompoundNameWithAlDin_AfterATitleWithALongComplement()
    {
        var x = Extract.From("وقال وزير حقوق الإنسان والإغاثة باليمن عز الدين الجعدي إن الوضع يتحسن.");
        Assert.Equal(("عز الدين الجعدي", "إن الوضع يتحسن"), x.Statements().Single());
    }

    [Fact]
    public void ActingInTheTitle_DoesNotCutTheNameOff()
    {
        var x = Extract.From("أعرب رئيس مجلس الأمة الكويتي بالإنابة مبارك بن سالم الدويلة عن رفضه للتصريحات.");
        Assert.Contains(x.Of(NodeKind.Person), p => p.Name == "مبارك بن سالم الدويلة");
    }

    [Fact]
    public void BodiesNamedByPurpose_WithOrWithoutADemonym_ButNotEveryDefiniteNounWithL()
    {
        var x = Extract.From("وقال المجلس الأعلى للقضاء إن الحكم نهائي. وأفاد المرصد السوري لحقوق الإنسان بمقتل عشرة. وأعلنت الرئاسة العامة لرعاية الشباب تأجيل الجمعية. وقالت الشركة السعودية للخدمات الأرضية إن الموظف بخير. وأكدت اللجنة للمصادقة على القرار أن الجهاز الهضمي للكلاب حساس. وقالت المؤسسة الكويتية للعام الحالي إن الأرباح ارتفعت.");
        string[] expected = ["المجلس الأعلى للقضاء", "المرصد السوري لحقوق الإنسان", "الرئاسة العامة لرعاية الشباب", "الشركة السعودية للخدمات الأرضية", "المؤسسة الكويتية"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), x.Of(NodeKind.Organization).Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("وقال مهندس يدعى جيانغ لي إن المحطة تعمل.", "جيانغ لي")]
    [InlineData("واعتقلت الشرطة المدعو فهد السالم بعد التحقيق.", "فهد السالم")]
    public void NameAfterWhatThePersonIsCalled_IsAPerson(string text, string name)
    {
        var x = Extract.From(text);
        Assert.Contains(x.Of(NodeKind.Person), p => p.Name == name);
    }

    [Fact]
    public void NameAfterYudaAForAThing_IsNoPerson()
    {
        var x = Extract.From("واكتشف العلماء ديناصورا يدعى إندوراكس ريكس في الصحراء.");
        Assert.Empty(x.Of(NodeKind.Person));
    }

    [Theory]
    [InlineData("واستقبل الأمين العام للرابطة الدكتور عبدالله بن عبدالمحسن التركي وفدا من الجامعة.", "عبدالله بن عبدالمحسن التركي", "TR")]
    [InlineData("وأوضح مدير الإدارة عبدالله بن محمد السويد، أن العمل بدأ.", "عبدالله بن محمد السويد", "SE")]
    [InlineData("أكد المندوب الدائم السفير إياد يوسف المصري أن القرار جائر.", "إياد يوسف المصري", "EG")]
    [InlineData("أكد المتحدث الأمني لوزارة الداخلية اللواء منصور التركي، أن الجهات الأمنية تتابع الوضع.", "منصور التركي", "TR")]
    [InlineData("أكد استشاري الجراحة بالمستشفى الدكتور أيمن المغربي أن معظم الإصابات طفيفة.", "أيمن المغربي", "MA")]
    public void FamilyNameThatIsAlsoAStateOrDemonym_BelongsToTheName(string text, string name, string iso)
    {
        var x = Extract.From(text);
        x.Person(name);
        Assert.DoesNotContain(x.Of(NodeKind.State), st => st.Iso == iso);
    }

    [Fact]
    public void DemonymAfterAFirstNameWithoutATitle_StaysTheState()
    {
        var x = Extract.From("وشارك في الحفل محمد المصري وعدد من الضيوف.");
        Assert.Contains(x.Of(NodeKind.State), st => st.Iso == "EG");
    }

    [Fact]
    public void TitleWithATeamComplement_BelongsToTheNameAfterIt()
    {
        var x = Extract.From("وقال لاعب منتخب الأرجنتين ليونيل ميسي إن الفريق جاهز.");
        Assert.Contains("لاعب منتخب الأرجنتين", x.Person("ليونيل ميسي").Titles);
    }

    [Fact]
    public void RankAfterATitlesBodyComplement_KeepsItsOwnName()
    {
        var x = Extract.From("وحضر قائد قوة الطوارئ الخاصة بالمملكة اللواء ركن خالد بن قرار الحربي الاجتماع.");
        x.Person("خالد بن قرار الحربي");
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.StartsWith("ركن", StringComparison.Ordinal));
    }

    [Fact]
    public void DinCompoundWhoseFirstHalfReadsAsAPrepositionOnAWord_OpensAName()
    {
        var x = Extract.From("وقال الوزير برهان الدين ألتنطاش إن العلاقات جيدة.");
        Assert.Contains("الوزير", x.Person("برهان الدين ألتنطاش").Titles);
    }

    [Fact]
    public void AnneWithMadda_AfterAReportingVerb_IsAName_NotTheComplementizer()
    {
        var x = Extract.From("قالت آن بوفيرت إن الشبكات تتوسع في المنطقة.");
        x.Person("آن بوفيرت");
    }

    [Fact]
    public void ForeignFamilyNameOpeningWithTaAndALongVowel_IsNotTrimmedAsAVerb()
    {
        var x = Extract.From("اجتمع وزير الدولة اليوم مع السيد روي مانويل تافاريش نائب وزير الخارجية البرتغالي.");
        Assert.Contains("نائب وزير الخارجية البرتغالي", x.Person("روي مانويل تافاريش").Titles);
    }

    [Fact]
    public void DemonymAfterATitledName_StaysTheState()
    {
        var x = Extract.From("التقى الرئيس عبد الفتاح السيسي الوفد المصري في القاهرة.");
        x.Person("عبد الفتاح السيسي");
        Assert.Contains(x.Of(NodeKind.State), st => st.Iso == "EG");
    }

    [Fact]
    public void PrepositionBeforeAFirstName_IsNotPartOfTheName()
    {
        var x = Extract.From("وقدمت الجمعية درعا تذكارية للفنان لفايز المالكي في ختام الحفل.");
        x.Person("فايز المالكي");
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.StartsWith("لفايز", StringComparison.Ordinal));
    }

    [Fact]
    public void ImperfectVerbAfterATitle_IsNotAName()
    {
        var x = Extract.From("وظهر الملك يصافح أشتون كارتر في الصورة.");
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.StartsWith("يصافح", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("والتقط الرئيس السيسي صورة تذكارية مع أعضاء الفريق.", "صورة")]
    [InlineData("وقدم الأمين العام خالص التعازي لأسرة الفقيد.", "خالص")]
    public void CommonWordsAfterATitle_AreNotAName_WhenTheTaggerSaysNo(string text, string firstWord)
    {
        var x = Extract.From(text);
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.StartsWith(firstWord, StringComparison.Ordinal));
    }

    [Fact]
    public void UnlistedForeignNameAfterATitle_IsKept_WhenTheTaggerSaysSo()
    {
        var x = Extract.From("وقال وزير الخارجية الجورجي زوراب كفاراتسخيليا إن بلاده تدعم الحوار.");
        ExtractedEntity person = x.Person("زوراب كفاراتسخيليا");
        Assert.Contains("وزير الخارجية الجورجي", person.Titles);
    }
}
