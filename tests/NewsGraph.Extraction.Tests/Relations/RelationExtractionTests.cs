using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Tests.Relations;

/// <summary>Relations in sentences written for these tests (not taken from any article).</summary>
public sealed class RelationExtractionTests
{
    [Fact]
    public void Met_ReceptionWithPlace()
    {
        var x = Extract.From("استقبل وزير الخارجية العماني بدر البوسعيدي في مسقط اليوم وزير الخارجية الإيطالي أنطونيو تاياني.");
        Assert.Contains(Extract.Order("بدر البوسعيدي", "أنطونيو تاياني"), x.Meetings());
        ExtractedRelation met = x.Relations(RelationType.Met).Single();
        Assert.Equal("مسقط", x.NameOf(met.PlaceKey!));
        Assert.StartsWith("استقبل وزير الخارجية العماني", met.Evidence);
    }

    [Fact]
    public void Met_TalksWithAfterMa()
    {
        var x = Extract.From("بحث رئيس الوزراء الماليزي داتو حسن في كوالالمبور مع المبعوث الأممي بيتر سوندرز سبل دعم الاستقرار.");
        Assert.Contains(Extract.Order("داتو حسن", "بيتر سوندرز"), x.Meetings());
    }

    [Fact]
    public void PhoneCall_IsNotAMeeting()
    {
        var x = Extract.From("جرى اتصال هاتفي اليوم بين وزير الخارجية القطري محمد الخليفي ووزير الخارجية الفرنسي جان باروت.");
        Assert.Empty(x.Relations(RelationType.Met));
        Assert.Single(x.Relations(RelationType.Phoned));
    }

    [Fact]
    public void AnnouncedMeeting_IsNotAMeeting()
    {
        var x = Extract.From("ومن المقرر أن يلتقي الرئيس الغاني جون ماهاما نظيره النيجيري بولا تينوبو الأسبوع المقبل.");
        Assert.Empty(x.Relations(RelationType.Met));
    }

    [Fact]
    public void Stated_ClaimIsTheClauseOpenedByAn()
    {
        var x = Extract.From("أكد المتحدث باسم الحكومة الليبية محمد حمودة أن الانتخابات ستجري في موعدها المحدد.");
        (string speaker, string claim) = Assert.Single(x.Statements());
        Assert.Equal("محمد حمودة", speaker);
        Assert.Equal("أن الانتخابات ستجري في موعدها المحدد", claim);
    }

    [Theory]
    [InlineData("وبيّن مدير الإدارة خالد العمري، أن المشروع سيكتمل قبل نهاية العام.")]
    [InlineData("وبين خالد العمري من جهته أن المشروع سيكتمل قبل نهاية العام.")]
    public void Stated_BayyanaWithAnAsideBeforeAn_IsAStatement(string text)
    {
        var x = Extract.From(text);
        (string speaker, string claim) = Assert.Single(x.Statements());
        Assert.Equal("خالد العمري", speaker);
        Assert.Equal("أن المشروع سيكتمل قبل نهاية العام", claim);
    }

    [Fact]
    public void Stated_BaynaMeaningBetween_IsNoStatement()
    {
        var x = Extract.From("وقعت اشتباكات بين الجيش والمسلحين أمس في المدينة.");
        Assert.Empty(x.Statements());
    }

    [Fact]
    public void Stated_AnnouncedWithAn_ClaimIsWhatWasAnnounced()
    {
        var x = Extract.From("أعلنت وزارة الصحة، عن تسجيل ثلاث حالات إصابة جديدة بالفيروس في \"جدة\" خلال الأسبوع.");
        (string speaker, string claim) = Assert.Single(x.Statements());
        Assert.Equal("وزارة الصحة", speaker);
        Assert.StartsWith("عن تسجيل ثلاث حالات إصابة جديدة", claim);
    }

    [Fact]
    public void Stated_ClaimKeepsAComplementizerThatCarriesItsSubject()
    {
        var x = Extract.From("وأوضح المدرب الفرنسي لوران بلان أنه لن يبقى مع الفريق بعد نهاية الموسم، وقال اللاعب سعيد الشهري إنهم مستعدون للمباراة.");
        Assert.Contains(("لوران بلان", "أنه لن يبقى مع الفريق بعد نهاية الموسم"), x.Statements());
        Assert.Contains(x.Statements(), st => st.Speaker == "سعيد الشهري" && st.Claim.StartsWith("إنهم مستعدون", StringComparison.Ordinal));
    }

    [Fact]
    public void Stated_ClaimEndsWhereATitledSpeakerStartsANewReportingClause()
    {
        var x = Extract.From("أكد الوزير سامي الحربي أن المشروع سينتهي قريبا، وقال وزير المالية خالد العمري إن التمويل متوفر.");
        Assert.Contains(("سامي الحربي", "أن المشروع سينتهي قريبا"), x.Statements());
        Assert.DoesNotContain(x.Statements(), st => st.Claim.Contains("التمويل", StringComparison.Ordinal) && st.Speaker == "سامي الحربي");
    }

    [Fact]
    public void Stated_SanaDoubleDotIntroducesTheContent()
    {
        var x = Extract.From("وقال نائب وزير الخارجية السوري بسام صباغ في تصريح للصحفيين.. إن الحصار يمنع وصول الدواء إلى المرضى.");
        (string speaker, string claim) = Assert.Single(x.Statements());
        Assert.Equal("بسام صباغ", speaker);
        Assert.StartsWith("إن الحصار يمنع وصول الدواء", claim);
    }

    [Fact]
    public void Stated_DroppedSubjectGoesToTheLastSpeaker()
    {
        var x = Extract.From("قال وزير الزراعة المغربي محمد صديقي إن المحصول سيرتفع هذا العام. وأوضح أن الأمطار جاءت في وقتها.");
        Assert.Equal(2, x.Statements().Count(s => s.Speaker == "محمد صديقي"));
    }

    [Fact]
    public void Stated_UnknownPluralSubject_IsNotGivenToTheLastSpeaker()
    {
        var x = Extract.From("قال وزير الزراعة المغربي محمد صديقي إن المحصول سيرتفع هذا العام. وأكد الطرفان على أهمية التعاون الزراعي بين البلدين.");
        Assert.Single(x.Statements());
    }

    [Fact]
    public void Stated_OrganizationSpeakerAndShortForm()
    {
        var x = Extract.From("وقالت وزارة الخارجية الإسبانية في بيان إن السفارة ستعاود عملها قريبا. وأضافت الوزارة.. أن الموظفين بخير.");
        Assert.Equal(2, x.Statements().Count(s => s.Speaker == "وزارة الخارجية الإسبانية"));
    }

    [Fact]
    public void Stated_HeadlineSpeakerBeforeColon()
    {
        var x = Extract.From("غوتيريش: لا حل عسكريا للأزمة في السودان\nوقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الحوار هو السبيل الوحيد.");
        Assert.Contains(x.Statements(), s => s.Speaker == "أنطونيو غوتيريش" && s.Claim.StartsWith("لا حل عسكريا", StringComparison.Ordinal));
    }

    [Fact]
    public void Stated_TitleOnlyMentionResolvesToTheTitleHolder()
    {
        var x = Extract.From("أكد وزير الطاقة الجزائري محمد عرقاب أن الإنتاج مستقر. من جهة أخرى أشار وزير الطاقة الجزائري إلى أن الصادرات ارتفعت.");
        Assert.Equal(2, x.Statements().Count(s => s.Speaker == "محمد عرقاب"));
    }

    [Fact]
    public void MemberOf_ListWithObserversAndDialoguePartners()
    {
        var x = Extract.From("يذكر أن منظمة شنغهاي للتعاون تضم عدة دول هي الصين وروسيا والهند إضافة إلى منغوليا كعضو مراقب وتركيا وكمبوديا كعضو شريك في الحوار.");
        var memberships = x.Relations(RelationType.MemberOf).Select(r => (x.Graph.Entities.Single(e => e.Key == r.From).Iso, r.Status)).ToList();
        Assert.Contains(("CN", MembershipStatus.Member), memberships);
        Assert.Contains(("IN", MembershipStatus.Member), memberships);
        Assert.Contains(("MN", MembershipStatus.Observer), memberships);
        Assert.Contains(("TR", MembershipStatus.DialoguePartner), memberships);
        Assert.Contains(("KH", MembershipStatus.DialoguePartner), memberships);
        Assert.Equal(6, memberships.Count);
    }

    [Fact]
    public void MemberOf_StatusBeforeTheList()
    {
        var x = Extract.From("ويضم الاتحاد الأفريقي الدول الأعضاء وهي مصر وكينيا ونيجيريا فيما تتمتع هايتي بصفة مراقب.");
        var memberships = x.Relations(RelationType.MemberOf).Select(r => (x.Graph.Entities.Single(e => e.Key == r.From).Iso, r.Status)).ToList();
        Assert.Contains(("KE", MembershipStatus.Member), memberships);
        Assert.Contains(("HT", MembershipStatus.Observer), memberships);
    }

    [Fact]
    public void MemberOf_ApplicationIsApplicant()
    {
        var x = Extract.From("وأعلن الحلف أن مولدوفا تقدمت رسميا بطلب العضوية في حلف شمال الأطلسي.");
        ExtractedRelation r = Assert.Single(x.Relations(RelationType.MemberOf));
        Assert.Equal(MembershipStatus.Applicant, r.Status);
    }

    [Fact]
    public void HoldsRole_TitleNamingAState()
    {
        var x = Extract.From("قال وزير الدفاع الياباني كين ناكاتاني إن التدريبات ستستمر.");
        ExtractedRelation role = Assert.Single(x.Relations(RelationType.HoldsRole));
        Assert.Equal("state:JP", role.To);
        Assert.Equal("وزير الدفاع الياباني", role.Role);
    }

    [Fact]
    public void EveryRelation_HasEvidenceFromTheText()
    {
        const string text = "استقبل رئيس مجلس النواب الأردني أحمد الصفدي في عمان اليوم السفير الياباني هيديكي أسانو. وأكد الصفدي أن العلاقات متينة.";
        var x = Extract.From(text);
        Assert.NotEmpty(x.Graph.Relations);
        Assert.All(x.Graph.Relations, r => Assert.Contains(r.Evidence, text, StringComparison.Ordinal));
    }
}

/// <summary>More relation patterns, in sentences written for these tests.</summary>
public sealed class MoreRelationPatternTests
{
    [Fact]
    public void MinistryShorthand_IsTheMinistryOfThatState()
    {
        var x = Extract.From("الخارجية الفرنسية: باريس تدعم الحوار بين الأطراف اليمنية");
        (string speaker, string claim) = Assert.Single(x.Statements());
        Assert.Equal("وزارة الخارجية الفرنسية", speaker);
        Assert.StartsWith("باريس تدعم الحوار", claim);
    }

    [Fact]
    public void DialoguePartnership_ListOfPartners()
    {
        var x = Extract.From("وترتبط المنظمة بعلاقات شراكة في الحوار مع عدد من الدول من بينها البرازيل والأرجنتين، يذكر أن منظمة شنغهاي للتعاون تأسست عام 2001.");
        Assert.All(x.Relations(RelationType.MemberOf), r => Assert.Equal(MembershipStatus.DialoguePartner, r.Status));
    }

    [Fact]
    public void CoordinatedMembership_SameStateInTwoBodies()
    {
        var x = Extract.From("وأشار إلى أن الجزائر، بوصفها عضوا مؤسسا في منظمة الدول المصدرة للنفط وعضوا في جامعة الدول العربية، تدعم الحوار.");
        Assert.Equal(2, x.Relations(RelationType.MemberOf).Count(r => r.From == "state:DZ" && r.Status == MembershipStatus.Member));
    }

    [Fact]
    public void Attribution_ToATitledPerson_ContentAfterFaInna()
    {
        var x = Extract.From("وبحسب مدير عام الشركة الوطنية للكهرباء المهندس سامر داود فإن الشبكة ستعود إلى العمل خلال أيام.");
        (string speaker, string claim) = Assert.Single(x.Statements());
        Assert.Equal("سامر داود", speaker);
        Assert.StartsWith("الشبكة ستعود", claim);
    }

    [Fact]
    public void HonorificPronoun_RefersToThePersonWithThatHonorific()
    {
        var x = Extract.From("استقبل صاحب السمو الأمير فهد بن سلطان في تبوك اليوم السفير الهولندي يان فيرمير. وأكد سموه حرص المنطقة على جذب الاستثمارات الأوروبية.");
        Assert.Contains(x.Statements(), s => s.Speaker == "فهد بن سلطان" && s.Claim.StartsWith("حرص المنطقة", StringComparison.Ordinal));
    }

    [Fact]
    public void FamilyNameAfterParticle_ResolvesLaterMention()
    {
        var x = Extract.From("قال الأمين العام للمنظمة محمد ولد عبد العزيز إن القمة ناجحة. ودعا ولد عبد العزيز الدول الأعضاء إلى التضامن مع الشعوب المتضررة.");
        Assert.Equal(2, x.Statements().Count(s => s.Speaker == "محمد ولد عبد العزيز"));
    }

    [Fact]
    public void Met_OrganizationNamingWhereTheyMet_DoesNotHideThePersonReceived()
    {
        var x = Extract.From("استقبل وزير النقل سالم بن حمد العتيبي، أمس، في مقر وزارة النقل بمدينة جدة وزير المياه فارس بن علي الدوسري.");
        Assert.Equal(Extract.Order("سالم بن حمد العتيبي", "فارس بن علي الدوسري"), Extract.Order(x.Meetings().Single().A, x.Meetings().Single().B));
    }

    [Fact]
    public void Stated_NameWithoutTheFathersName_IsTheSamePerson()
    {
        var x = Extract.From("استقبل وزير النقل سالم بن حمد العتيبي في جدة وفدا تجاريا. وأكد وزير النقل سالم العتيبي أن التعاون مستمر.");
        Assert.Equal("سالم بن حمد العتيبي", Assert.Single(x.Statements()).Speaker);
        Assert.Single(x.Of(NodeKind.Person));
    }

    [Fact]
    public void Stated_QuotedNewspaperBeforeAn_IsWhereItWasSaidNotTheClaim()
    {
        var x = Extract.From("وقال المتحدث باسم الشرطة العقيد سالم الكعبي لـ«الصباح الجديد» إن التحقيقات مستمرة.");
        (string speaker, string claim) = Assert.Single(x.Statements());
        Assert.Equal("سالم الكعبي", speaker);
        Assert.StartsWith("إن التحقيقات مستمرة", claim, StringComparison.Ordinal);
    }

    [Fact]
    public void Met_ListOfGuestsAfterCommas_AllMet_AndALongTitleBeforeTheHostsName()
    {
        var x = Extract.From("استقبل المستشار بالديوان الملكي الدكتور حمد بن سالم العتيبي اليوم سفير السويد لدى المملكة كارل يوهانسون، وسفير النمسا فرانز هوبر.");
        Assert.Equal(2, x.Meetings().Count);
        Assert.All(x.Meetings(), m => Assert.Contains("حمد بن سالم العتيبي", new[] { m.A, m.B }));
    }

    [Fact]
    public void Met_ChargeDAffairesOfAnEmbassy_IsThePersonMet()
    {
        var x = Extract.From("اجتمع الأمين العام للمجلس سالم الكواري في مكتبه اليوم مع القائم بأعمال سفارة النمسا لدى المملكة فرانز هوبر.");
        Assert.Equal(Extract.Order("سالم الكواري", "فرانز هوبر"), Extract.Order(x.Meetings().Single().A, x.Meetings().Single().B));
    }

    [Fact]
    public void Met_VerbWithBa_ThePersonAfterItIsTheOneMet()
    {
        var x = Extract.From("زار الأمين العام للمجلس سالم الكواري المركز اليوم، والتقى بمديره العام الدكتور ناصر الحمدان.");
        Assert.Equal(Extract.Order("سالم الكواري", "ناصر الحمدان"), Extract.Order(x.Meetings().Single().A, x.Meetings().Single().B));
    }

    [Fact]
    public void Stated_QuotedByAnAgency_AnXQawluhu_GoesToX()
    {
        var x = Extract.From("ونقلت وكالة الأنباء عن وزير الخارجية سالم الكعبي قوله في مؤتمر صحفي إن المفاوضات مستمرة. وتدافع الحكومة عن حزب الأمة وحلفائه، إلى قوله إن الاتفاق قريب.");
        (string speaker, string claim) = Assert.Single(x.Statements());
        Assert.Equal("سالم الكعبي", speaker);
        Assert.StartsWith("إن المفاوضات مستمرة", claim, StringComparison.Ordinal);
    }

    [Fact]
    public void Stated_DirectObjectAfterADayInParentheses()
    {
        var x = Extract.From("أكد الأمين العام للمنظمة سالم الكعبي اليوم (الأحد) حرص المنظمة على دعم الجهاز.");
        Assert.StartsWith("حرص المنظمة", Assert.Single(x.Statements()).Claim, StringComparison.Ordinal);
    }

    [Fact]
    public void Met_UndersecretaryOfAnEmirate_IsThePersonReceived()
    {
        var x = Extract.From("استقبل أمير المنطقة الأمير سلطان بن فهد في مكتبه أمس، وكيل إمارة منطقة تبوك ناصر بن سعد الغامدي.");
        Assert.Equal(Extract.Order("سلطان بن فهد", "ناصر بن سعد الغامدي"), Extract.Order(x.Meetings().Single().A, x.Meetings().Single().B));
    }

    [Fact]
    public void Met_AlsoReceived_ContinuesTheHost()
    {
        var x = Extract.From("استقبل الرئيس البرتغالي جواو سيلفا اليوم وزير المالية سالم الكعبي. كما استقبل رئيس مدينة الملك عبدالله للطاقة الدكتور ناصر الحمدان، واستقبل أيضا مدير عام الخطوط الجوية فهد العتيبي.");
        Assert.Equal(3, x.Meetings().Count);
        Assert.All(x.Meetings(), m => Assert.Contains("جواو سيلفا", new[] { m.A, m.B }));
        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "مدينة الملك عبدالله للطاقة");
    }

    [Fact]
    public void Met_OrganizationInTheGuestsTitle_DoesNotHideTheGuest_ARelativeClauseEndsTheSearch()
    {
        var x = Extract.From("استقبل وزير الخارجية سالم الكعبي اليوم الأمين العام لمجلس التعاون الخليجي لدول الخليج العربية الدكتور ناصر الحمدان. والتقى المبعوث الأممي فرانز هوبر بالأمين العام لحزب الأمة الذي يؤيد سعيد الحمادي.");
        Assert.Equal(Extract.Order("سالم الكعبي", "ناصر الحمدان"), Extract.Order(x.Meetings().Single().A, x.Meetings().Single().B));
    }

    [Fact]
    public void Stated_BareTitle_IsTheArticlesOwnMinister_NotTheForeignOneNamedLast()
    {
        var x = Extract.From("أجرى وزير الخارجية سالم الكعبي مباحثات أمس مع وزير الخارجية البرتغالي جواو سيلفا في لشبونة. وقال وزير الخارجية إن المباحثات كانت مثمرة.");
        Assert.Equal(("سالم الكعبي", "إن المباحثات كانت مثمرة"), x.Statements().Single());
    }

    [Fact]
    public void Met_ReceptionNounWithItsHostAndGuest()
    {
        var x = Extract.From("جاء ذلك خلال استقبال وزير العدل سالم الكعبي بمكتبه أمس وزير الإسكان فهد العتيبي. وأقيم حفل استقبال للحجاج.");
        Assert.Equal(Extract.Order("سالم الكعبي", "فهد العتيبي"), x.Meetings().Single());
    }

    [Fact]
    public void Met_TalksOfASentenceBelongToItsOpeningSubject()
    {
        var x = Extract.From("قال وزير الخارجية البرتغالي جواو سيلفا إن بلاده تدعم الحوار مع الوزير سالم الكعبي. وعقد سيلفا اجتماعا مع الرئيس فهد العتيبي بعد أن شارك في محادثات مع الكعبي.");
        Assert.Equal(Extract.PairSet(("جواو سيلفا", "فهد العتيبي"), ("جواو سيلفا", "سالم الكعبي")), x.MeetingPairSet());
    }

    [Fact]
    public void Met_AMinistryThatReceivedSomeone_IsNoMeeting()
    {
        var x = Extract.From("قالت وزارة الداخلية إن الأمن مستتب. واستقبلت اليوم وزير المالية فهد العتيبي في مقرها.");
        Assert.Empty(x.Meetings());
    }

    [Fact]
    public void Stated_SpeakerBeforeTheVerbAfterLakin_AndAQuoteRightAfterTheVerb()
    {
        var x = Extract.From("أكد الرئيس الكيني جون موانجي أن الزيارة مهمة. وقال “نستطيع بناء شراكة قوية مع المملكة.” لكن موانجي قال إن الأمن سيكون محور المحادثات.");
        Assert.Contains(("جون موانجي", "نستطيع بناء شراكة قوية مع المملكة"), x.Statements().Select(c => (c.Speaker, c.Claim.TrimEnd('.', '”'))));
        Assert.Contains(("جون موانجي", "إن الأمن سيكون محور المحادثات"), x.Statements());
    }

    [Fact]
    public void Stated_TitleSetOffByCommasBeforeTheSpeaker()
    {
        var x = Extract.From("ويرى أستاذ العلاقات الدولية بجامعة القاهرة، الدكتور سالم الكعبي، أن الزيارة تكتسب أهمية كبيرة.");
        Assert.Equal(("سالم الكعبي", "أن الزيارة تكتسب أهمية كبيرة"), x.Statements().Single());
    }

    [Fact]
    public void Met_DualSubject_IsTheTwoPeopleNamedLast_AndBothMetTheThird()
    {
        var x = Extract.From("أعلنت الوزارة أن وزير الخارجية سالم الكعبي سيزور لشبونة لبحث الأزمة مع نظيره البرتغالي جواو سيلفا. وكان الوزيران التقيا في جنيف خلال اجتماع ثلاثي مع نظيرهما الكيني جون موانجي.");
        Assert.Equal(Extract.PairSet(("سالم الكعبي", "جواو سيلفا"), ("سالم الكعبي", "جون موانجي"), ("جواو سيلفا", "جون موانجي")), x.MeetingPairSet());
    }

    [Fact]
    public void Met_FathersNameThatIsAlsoAWord_AndASurnameBeforeAPreposition()
    {
        var x = Extract.From("التقى المرشحان سالم الكعبي ونظيره فهد العتيبي أمس. وجاء ذلك بعد اجتماع الأمير عبدالله بن مساعد مع الكعبي والعتيبي لتقريب وجهات النظر.");
        Assert.Contains(Extract.Order("عبدالله بن مساعد", "سالم الكعبي"), x.Meetings());
        Assert.Contains(Extract.Order("عبدالله بن مساعد", "فهد العتيبي"), x.Meetings());
    }

    [Fact]
    public void Stated_RelativeClauseOnAPerson_AsideBetweenSubjectAndVerb_AndNoStatementForAnUnnamedAntecedent()
    {
        var x = Extract.From("والتقى الوزير الرئيس البرتغالي جواو سيلفا، الذي أكد أن العلاقات متينة. وقال الخبير سالم الكعبي إن النمو سيتواصل. وأمين المجلس فهد العتيبي بدوره أشار إلى أن الزوار تجاوزوا ألفين. ونقل الشاهد الذي قال إن الجثث كثيرة.");
        Assert.Equal(
            new[] { ("جواو سيلفا", "أن العلاقات متينة"), ("سالم الكعبي", "إن النمو سيتواصل"), ("فهد العتيبي", "إلى أن الزوار تجاوزوا ألفين") },
            x.Statements().Select(c => (c.Speaker, c.Claim.TrimEnd('.'))));
    }

    [Fact]
    public void Stated_DroppedSubject_ContinuesThePreviousSentencesSubject_AndADirectObjectAfterTheSentencesOwnSubject()
    {
        var x = Extract.From("قال الخبير جواو سيلفا إن السوق مستقر. من جانبه، وصف وزير الإعلام سالم الكعبي الزيارة بالتاريخية. وقال في تصريحات خاصة إن الزيارة تأتي في وقت مهم. واستقبل وزير العدل فهد العتيبي وفدا أمس، وأكد دعم وزارته للمبادرة.");
        Assert.Contains(("سالم الكعبي", "إن الزيارة تأتي في وقت مهم"), x.Statements());
        Assert.Contains(x.Statements(), c => c.Speaker == "فهد العتيبي" && c.Claim.StartsWith("دعم وزارته للمبادرة", StringComparison.Ordinal));
    }

    [Fact]
    public void Stated_QuotedSurnameAsSpeaker_AndAFamilyNameThatIsAlsoAWord()
    {
        var x = Extract.From("وأوضح المتحدث الرسمي للهيئة بالنيابة بندر ناصر الشهري أن الخدمة استمرت خمسة أيام. وأضاف \"الشهري\" أن العائلات استفادت منها.");
        Assert.Equal(
            new[] { ("بندر ناصر الشهري", "أن الخدمة استمرت خمسة أيام"), ("بندر ناصر الشهري", "أن العائلات استفادت منها") },
            x.Statements().Select(c => (c.Speaker, c.Claim.TrimEnd('.'))));
    }

    [Fact]
    public void Stated_HonorificPronoun_IsTheProtagonist_NotWhoeverWasNamedLast()
    {
        var x = Extract.From("أعرب وزير الخارجية سالم الكعبي عن ارتياحه للمحادثات. وأوضح معاليه خلال المؤتمر الصحفي الذي عقده مع المفوضة الأوروبية آنا كوفالسكا، أن الاتفاق متوازن. ونوه معاليه بالاجتماعات مع المفوضة. وأضاف أن التعاون سيتوسع.");
        Assert.Contains(("سالم الكعبي", "أن الاتفاق متوازن"), x.Statements());
        Assert.Contains(("سالم الكعبي", "أن التعاون سيتوسع"), x.Statements());
        Assert.DoesNotContain(x.Statements(), c => c.Speaker == "آنا كوفالسكا");
    }

    [Fact]
    public void MemberOf_IncludeVerb_ListsOnlyTheMembersOfTheBodyRightBeforeIt()
    {
        var x = Extract.From("وقال وزير الخارجية إن منظمة شنغهاي للتعاون تتوسع، وإن الشراكة الاستراتيجية تشمل روسيا والصين وكازاخستان.");
        Assert.Empty(x.Relations(RelationType.MemberOf));
    }

    [Fact]
    public void Dateline_PaperThenCity_IsReadTheRightWayRound()
    {
        var x = Extract.From("عين اليوم – الخرطوم\nالتقى الرئيس السوداني عمر البشير اليوم وزير الخارجية.");
        Assert.Contains(x.Of(NodeKind.Place), p => p.Name == "الخرطوم");
        Assert.DoesNotContain(x.Of(NodeKind.Place), p => p.Name == "عين اليوم");
    }

    [Fact]
    public void Met_RelativeClauseSubject_AndAMeetingNounWithBa()
    {
        var x = Extract.From("وقال جواو سيلفا، الذي التقى الرئيس الكيني جون موانجي في نيروبي مساء الثلاثاء، إن العلاقات متينة. وأثمر لقاء وزير الشؤون الاجتماعية سالم الكعبي، بالأمير فهد بن سعود رئيس المدينة، عن اتفاق.");
        Assert.Contains(Extract.Order("جواو سيلفا", "جون موانجي"), x.Meetings());
        Assert.Contains(Extract.Order("سالم الكعبي", "فهد بن سعود"), x.Meetings());
    }

    [Fact]
    public void Stated_QuoteAfterTheSpeakersTitle_AndADatelineInsideTheParagraph()
    {
        var x = Extract.From("وقالت آنا كوفالسكا أمينة صندوق المجموعة الملكية \"سيتمكن الزوار هذا العام من مشاهدة القاعة\". الرياض: استقبل وزير العدل سالم الكعبي، بمكتبه، اليوم، وزير الإسكان فهد العتيبي، وأكد دعم وزارته للمبادرة.");
        Assert.Contains(x.Statements(), c => c.Speaker == "آنا كوفالسكا" && c.Claim.StartsWith("سيتمكن الزوار", StringComparison.Ordinal));
        Assert.Contains(x.Statements(), c => c.Speaker == "سالم الكعبي" && c.Claim.StartsWith("دعم وزارته", StringComparison.Ordinal));
    }

    [Fact]
    public void Met_PressConferenceTogether_MeetingBetweenTwo_NotAProvinceThatReceivedADelegation()
    {
        var x = Extract.From("أعرب وزير الخارجية سالم الكعبي عن ارتياحه. وأوضح معاليه خلال المؤتمر الصحفي الذي عقده بمقر الوزارة مع المفوضة الأوروبية آنا كوفالسكا، أن الاتفاق متوازن. وجاء ذلك بعد اجتماع بين وزير المالية فهد العتيبي مع السفير جواو سيلفا. واستقبلت ولاية غرب كردفان وفدا برئاسة وزير الحكم الاتحادي عمر الحربي.");
        Assert.Equal(Extract.PairSet(("سالم الكعبي", "آنا كوفالسكا"), ("فهد العتيبي", "جواو سيلفا")), x.MeetingPairSet());
    }

    [Fact]
    public void Stated_TitleWithWhereTheAmbassadorServes_BeforeAnHonorificAndTheName()
    {
        var x = Extract.From("أكد السفير الكويتي في عمان الدكتور سالم الكعبي أن الزيارة تأتي في إطار التشاور.");
        Assert.Equal(("سالم الكعبي", "أن الزيارة تأتي في إطار التشاور"), (x.Statements().Single().Speaker, x.Statements().Single().Claim.TrimEnd('.')));
    }

    [Fact]
    public void Met_VisitedACityAndMetThere_ThePlaceIsTheObjectNotTheSubject()
    {
        var x = Extract.From("وتأتي جولة الرئيس الكيني جون موانجي بعد أن زار لشبونة والتقى الرئيس البرتغالي جواو سيلفا.");
        Assert.Equal(Extract.PairSet(("جون موانجي", "جواو سيلفا")), x.MeetingPairSet());
    }

    [Fact]
    public void Met_DelegationOfABody_ItsNamedHeadIsThePersonMet()
    {
        var x = Extract.From("استقبل أمير المنطقة الأمير فهد بن سعود في مكتبه اليوم وفدا من وزارة الخارجية الأمريكية برئاسة مساعد الوزير جون سميث.");
        Assert.Equal(Extract.PairSet(("فهد بن سعود", "جون سميث")), x.MeetingPairSet());
    }

    [Fact]
    public void Met_CoordinatedSubjectsMetEachOther_WithOrWithoutMa()
    {
        var x = Extract.From("واجتمع وزير الخارجية سالم الكعبي ونظيره البرتغالي جواو سيلفا في لشبونة. والتقى رئيسا الوزراء الكيني جون موانجي والنيجيري فهد العتيبي لمدة ساعة.");
        Assert.Equal(Extract.PairSet(("سالم الكعبي", "جواو سيلفا"), ("جون موانجي", "فهد العتيبي")), x.MeetingPairSet());
    }

    [Fact]
    public void Stated_TitleWithTheBodyWhereItIsHeld_BeforeAnUntitledName()
    {
        var x = Extract.From("أوضح رئيس لجنة الأوراق المالية التابعة لغرفة تجارة وصناعة جدة سالم الكعبي أن قطاع الاتصالات حيوي.");
        Assert.Equal(("سالم الكعبي", "أن قطاع الاتصالات حيوي"), (x.Statements().Single().Speaker, x.Statements().Single().Claim.TrimEnd('.')));
    }
}
