using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Extraction.Tests.Candidates;

/// <summary>What the candidate generators propose on sentences written for these tests.</summary>
public sealed class CandidateTests
{
    private static CandidateExtraction Candidates(string text) =>
        ArabicArticleExtractor.Default.ExtractCandidates(new ArticleInfo("k", text));

    private static string NameOf(CandidateExtraction x, string key) => x.Graph.Entities.Single(e => e.Key == key).Name;

    [Fact]
    public void Statement_OpenedByBilQawl_AfterAVerbThatIsNotOne()
    {
        CandidateExtraction x = Candidates("قدمت الحكومة الموازنة الجديدة إلى مجلس النواب اليوم.\nوختم وزير المالية خالد العمري حديثه بالقول: إن الموازنة الجديدة تحمي الأسر ذات الدخل المحدود.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري" && c.Features.Contains("verb=بالقول")
            && c.ClaimText!.StartsWith("إن الموازنة الجديدة تحمي", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_OpenedByQailan_AfterAVerbThatIsNotOne()
    {
        CandidateExtraction x = Candidates("وعلق وزير المالية خالد العمري على القرار قائلا إن الموازنة الجديدة تحمي الأسر ذات الدخل المحدود.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري" && c.Features.Contains("verb=قائلا")
            && c.ClaimText!.StartsWith("إن الموازنة الجديدة تحمي", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_AfterAPartyNoun_TheClaimIsTheVerbsObject_NotWhatFollowsItsPreposition()
    {
        CandidateExtraction x = Candidates("استقبل وزير الخارجية سعود الفيصل في الرياض اليوم وزير الخارجية الأردني ناصر جودة.\nوبحث الجانبان العلاقات الثنائية، حيث أكد الجانبان حرصهما على تعزيز الأمن في المنطقة.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.ClaimText == "حرصهما على تعزيز الأمن في المنطقة");
        Assert.DoesNotContain(x.Candidates, c => c.Type == RelationType.Stated && c.ClaimText == "تعزيز الأمن في المنطقة");
    }

    [Theory]
    [InlineData("وأكد الجانبان خلال اللقاء الذي جرى في مقر الوزارة أهمية البناء على الروابط التاريخية.", "أهمية البناء على الروابط التاريخية")]
    [InlineData("وأكد الجانبان في ختام أعمال اللجنة حرصهما على تذليل العقبات أمام التجارة.", "حرصهما على تذليل العقبات أمام التجارة")]
    public void Statement_AfterAPartyNoun_ALongAdjunctBeforeAVerbalNoun_IsNotTheClaim(string clause, string claim)
    {
        CandidateExtraction x = Candidates("التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري في عمان اليوم.\n" + clause);
        string[] speakers = [.. x.Candidates.Where(c => c.Type == RelationType.Stated && c.ClaimText == claim).Select(c => NameOf(x, c.FromKey))];
        Assert.Contains("أيمن الصفدي", speakers);
        Assert.Contains("سامح شكري", speakers);
    }

    [Fact]
    public void Statement_AComplementizerAfterTheVerbalNounsAdjunct_StillOpensTheClaim()
    {
        CandidateExtraction x = Candidates("وأكد وزير المالية خالد العمري خلال اللقاء الذي جرى في مقر الوزارة أن دعم الأسر مستمر.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري" && c.ClaimText == "أن دعم الأسر مستمر");
    }

    [Fact]
    public void Statement_BayyanaWithATitleBetweenCommasBeforeAnna_IsAReportingVerb()
    {
        CandidateExtraction x = Candidates("وبين الأستاذ خالد العمري، منسق لجنة الفنون التشكيلية والخط العربي أن الجمعية شاركت في الملتقى.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText!.Contains("الجمعية شاركت في الملتقى", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_NarratingVerb_OpensAClause()
    {
        CandidateExtraction x = Candidates("وروت الفنانة سميرة الخالدي أن الحريق بدأ في المسرح قبل العرض.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:سميره_الخالدي"
            && c.ClaimText!.Contains("الحريق بدأ في المسرح", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_ATitleTooLongForTheRules_ThePersonAfterItIsTheSubject_AndTheClaimFollowsThem()
    {
        CandidateExtraction x = Candidates("حث المتحدث الرسمي باسم لجنة الانتخابات في المجالس البلدية المهندس خالد العمري الشباب على المشاركة في التصويت.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText == "الشباب على المشاركة في التصويت");
    }

    [Fact]
    public void Statement_AnOpenerBeyondTheNextClause_LeavesThisClauseItsOwnContent()
    {
        CandidateExtraction x = Candidates("واستطرد وزير المالية خالد العمري في مؤتمر صحفي لقد حققت الموازنة فائضا كبيرا هذا العام، وأكد أن الإنفاق سيرتفع.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText!.Contains("لقد حققت الموازنة فائضا كبيرا", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_BayyanaWithAPersonAndAnnaFarAfter_IsAReportingVerb()
    {
        CandidateExtraction x = Candidates("وبين خالد العمري عقب اجتماعه مع رئيس مجلس إدارة الشركة الوطنية للصناعات الثقيلة، أن المصنع الجديد سيفتتح قريبا.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText == "أن المصنع الجديد سيفتتح قريبا");
    }

    [Fact]
    public void Statement_BaynaBeforeTheTwoCountries_IsBetween_AndDoesNotCutTheClaim()
    {
        CandidateExtraction x = Candidates("وأكد وزير المالية خالد العمري أن التجارة بين البلدين يمكن أن تتضاعف خلال العامين المقبلين.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText!.Contains("التجارة بين البلدين يمكن أن تتضاعف", StringComparison.Ordinal));
        Assert.DoesNotContain(x.Candidates, c => c.Type == RelationType.Stated && c.Features.Contains("verb=بين"));
    }

    [Theory]
    [InlineData("ويختم الوزير خالد العمري حديثه: «كل ما يهمنا هو نجاح الموسم».", "كل ما يهمنا هو نجاح الموسم")]
    [InlineData("ويتابع خالد العمري «إن المصنع الجديد سيفتتح قريبا».", "المصنع الجديد سيفتتح قريبا")]
    [InlineData("وخلص خالد العمري إلى أن الموسم كان ناجحا.", "الموسم كان ناجحا")]
    public void Statement_ClosingAndContinuingVerbsInThePresent_OpenAClause(string sentence, string claimPart)
    {
        CandidateExtraction x = Candidates(sentence);
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText!.Contains(claimPart, StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_BaynaAsBetween_WithCommasAndNoAnna_IsNoClause()
    {
        CandidateExtraction x = Candidates("وتوزعت المقاعد بين الأستاذ خالد العمري، منسق اللجنة، والدكتور سامي الحربي في الصف الأول.");
        Assert.DoesNotContain(x.Candidates, c => c.Type == RelationType.Stated && c.Features.Contains("verb=بين"));
    }

    [Fact]
    public void Statement_AVerbsObjectBeforeItsPreposition_OpensTheClaim()
    {
        CandidateExtraction x = Candidates("ودعا مدير الدفاع المدني العميد خالد العمري المواطنين والمقيمين إلى الابتعاد عن مجاري السيول.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText == "المواطنين والمقيمين إلى الابتعاد عن مجاري السيول");
    }

    [Fact]
    public void Statement_ADroppedSubjectManySentencesOn_IsProposedForThePersonLastHeard()
    {
        CandidateExtraction x = Candidates(string.Join('\n',
            "حذر الباحث في شؤون المياه خالد العمري من تراجع المخزون الجوفي في المنطقة.",
            "وتشهد المنطقة منذ سنوات موجات جفاف متتالية.",
            "وتعتمد الزراعة فيها على الآبار العميقة.",
            "وارتفعت أسعار الأعلاف في الأسواق المحلية.",
            "وتراجعت أعداد المواشي في القرى الشمالية.",
            "وانخفض منسوب السدود إلى أدنى مستوياته.",
            "وتوقفت مشاريع الري الجديدة منذ العام الماضي.",
            "وبين أن الحل يكمن في ترشيد الاستهلاك وإعادة تدوير المياه."));
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText!.Contains("الحل يكمن في ترشيد", StringComparison.Ordinal) && c.Features.Contains("also=last-heard-person"));
    }

    [Fact]
    public void Statement_WhatFollowsFaInnaAfterAnAttribution_IsTheSourcesClaim()
    {
        CandidateExtraction x = Candidates("ووفقا للأرقام المنشورة على موقع وزارة الزراعة الأردنية، فإن صادرات الخضار ارتفعت بنسبة كبيرة هذا العام.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && NameOf(x, c.FromKey) == "وزارة الزراعة الأردنية"
            && c.ClaimText == "صادرات الخضار ارتفعت بنسبة كبيرة هذا العام");
    }

    [Fact]
    public void Statement_AnAttributionBeforeAReportingVerb_LeavesTheVerbInCharge()
    {
        CandidateExtraction x = Candidates("وبحسب البيان، أكد وزير الزراعة خالد العمري أن صادرات الخضار ارتفعت فإن الموسم كان جيدا.");
        Assert.DoesNotContain(x.Candidates, c => c.Type == RelationType.Stated && c.Features.Contains("verb=بحسب"));
    }

    [Fact]
    public void Statement_ASubjectWrittenAsATitleWordedDifferently_IsProposedForThePersonWithThatTitle()
    {
        CandidateExtraction x = Candidates("التقى وزير الخارجية المصري حازم الشناوي في القاهرة اليوم وفدا تجاريا من كينيا.\nوأكد وزير خارجية مصر أن التعاون التجاري بين البلدين يتسع.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:حازم_الشناوي"
            && c.Features.Any(f => f.EndsWith("title-subject", StringComparison.Ordinal)));
    }

    [Fact]
    public void Statement_ASubjectWrittenAsABodysHeadNoun_IsProposedForTheBodyNamedLastWithThatHead()
    {
        CandidateExtraction x = Candidates("وأصدرت وزارة الزراعة الأردنية تقريرها السنوي أمس.\nوقالت الوزارة إن صادرات الخضار ارتفعت هذا العام.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && NameOf(x, c.FromKey) == "وزارة الزراعة الأردنية"
            && c.Features.Any(f => f.EndsWith("head-noun-subject", StringComparison.Ordinal)));
    }

    [Fact]
    public void Statement_AReportingVerbOfTwoLettersAfterItsConjunction_OpensAClause()
    {
        CandidateExtraction x = Candidates("وقال مدير الفرع ماجد الكناني إن العمل يسير وفق الخطة.\nوحث الكناني جميع الموظفين على مواصلة العمل بروح الفريق.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:ماجد_الكناني" && c.Features.Contains("verb=حث")
            && c.ClaimText == "جميع الموظفين على مواصلة العمل بروح الفريق");
    }

    [Fact]
    public void Statement_ATitleStandingForItsHolder_IsNotPartOfTheClaim()
    {
        CandidateExtraction x = Candidates("وقال وزير الطاقة الإماراتي سهيل الكعبي إن الطلب على الكهرباء يرتفع.\nوحث وزير الطاقة الإماراتي على استخدام وسائل النقل العام.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.ClaimText == "على استخدام وسائل النقل العام");
    }

    [Fact]
    public void Statement_WhatFiguresShow_IsProposedForTheBodyTheyComeFrom()
    {
        CandidateExtraction x = Candidates("وأظهرت بيانات وزارة الزراعة الأردنية أن صادرات الخضار ارتفعت هذا العام.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && NameOf(x, c.FromKey) == "وزارة الزراعة الأردنية"
            && c.ClaimText!.Contains("صادرات الخضار ارتفعت", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_ClosingASpeech_IsReportingIt()
    {
        CandidateExtraction x = Candidates("وقال المدرب محمد نور إن الفريق جاهز للمباراة.\nواختتم: \"شباب هذا الوطن هم عماد الحاضر والمستقبل\".");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:محمد_نور" && c.Features.Contains("verb=اختتم")
            && c.ClaimText!.Contains("شباب هذا الوطن هم عماد", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_AfterAnAside_TheClaimDoesNotStartWithItsComma()
    {
        CandidateExtraction x = Candidates("وقال رئيس النادي أحمد الراشد إن الفريق جاهز.\nونوّه الراشد، بالدعم الذي يحظى به النادي من الجهات الرسمية.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.ClaimText == "بالدعم الذي يحظى به النادي من الجهات الرسمية");
    }

    [Fact]
    public void Statement_WhatADocumentSays_IsProposedForTheBodyWhoseDocumentItIs()
    {
        CandidateExtraction x = Candidates("وجاء في بيان لوزارة الخارجية الأردنية أن السفارة ستغلق أبوابها غدا.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && NameOf(x, c.FromKey) == "وزارة الخارجية الأردنية"
            && c.Features.Contains("verb=جاء") && c.ClaimText == "أن السفارة ستغلق أبوابها غدا");
    }

    [Fact]
    public void Statement_AnAdjunctBeforeThePreposition_IsNotTheObject()
    {
        CandidateExtraction x = Candidates("وأشار وزير المالية خالد العمري للصحفيين إلى أن الموازنة الجديدة تحمي الأسر.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري"
            && c.ClaimText == "إلى أن الموازنة الجديدة تحمي الأسر");
    }

    [Fact]
    public void EachType_DescribesTheWordsAroundItsParties_ForTheModelToWeigh()
    {
        CandidateExtraction met = Candidates("وبحث وزير الخارجية خالد العمري خلال لقائه نظيره التركي مولود جاويش أوغلو العلاقات بين البلدين.");
        CandidateView pair = Assert.Single(met.Candidates, c => c.Type == RelationType.Met);
        Assert.Contains("w-1:second=التركي", pair.Features);
        Assert.Contains("w-2:second=نظيره", pair.Features);

        CandidateExtraction stated = Candidates("وقال وزير المالية خالد العمري، إن الموازنة الجديدة تحمي الأسر ذات الدخل المحدود.");
        CandidateView statement = Assert.Single(stated.Candidates, c => c.Type == RelationType.Stated && c.FromKey == "person:خالد_العمري");
        Assert.Contains("w+1:speaker=،", statement.Features);
        Assert.Contains("w-1:verb=^", statement.Features);
        Assert.Contains("w+1:verb=وزير", statement.Features);
        Assert.Contains("w-1:claim=ان", statement.Features);
        Assert.Contains("claim-last=المحدود", statement.Features);

        CandidateExtraction member = Candidates("وتضم منظمة التعاون الإسلامي في عضويتها السعودية ومصر والأردن.");
        CandidateView egypt = member.Candidates.First(c => c.Type == RelationType.MemberOf && NameOf(member, c.FromKey) == "مصر");
        Assert.Contains("w-1:state=السعوديه", egypt.Features);
        Assert.Contains("w-1:organization=وتضم", egypt.Features);
    }

    [Fact]
    public void Meeting_PersonsListedAsAttendingTheMeeting_AreMarkedAsItsAttendees()
    {
        CandidateExtraction x = Candidates("حضر الاجتماع مساعد وزير الدفاع محمد العايش، ورئيس هيئة الأركان العامة الفريق أول ركن عبدالرحمن البنيان.");
        CandidateView pair = Assert.Single(x.Candidates, c => c.Type == RelationType.Met);
        Assert.Contains("attendees-of-the-cue", pair.Features);
    }

    [Fact]
    public void Meeting_APersonWhoseGreetingsWereConveyed_IsMarkedAbsent()
    {
        CandidateExtraction x = Candidates("استقبل وزير الخارجية سعود الفيصل اليوم وزير الخارجية الأردني ناصر جودة، الذي نقل إليه تحيات الملك عبدالله الثاني.");
        CandidateView absent = Assert.Single(x.Candidates, c => c.Type == RelationType.Met
            && (c.FromKey.Contains("عبدالله", StringComparison.Ordinal) || c.ToKey.Contains("عبدالله", StringComparison.Ordinal)) && c.FromKey != c.ToKey
            && (c.FromKey.Contains("جوده", StringComparison.Ordinal) || c.ToKey.Contains("جوده", StringComparison.Ordinal)));
        Assert.Contains("absent-party=1", absent.Features);
        Assert.DoesNotContain(x.Candidates, c => c.Type == RelationType.Met && c.Features.Contains("absent-party=1")
            && (c.FromKey.Contains("الفيصل", StringComparison.Ordinal) || c.ToKey.Contains("الفيصل", StringComparison.Ordinal))
            && (c.FromKey.Contains("جوده", StringComparison.Ordinal) || c.ToKey.Contains("جوده", StringComparison.Ordinal)));
    }

    [Fact]
    public void Meeting_WhoTheMeetingHeld_AfterWaDammaAlIjtima_ArePairedWithEachOtherAndTheHost()
    {
        CandidateExtraction x = Candidates("ترأس الرئيس عبدربه منصور هادي اجتماعا لمستشاريه في الرياض اليوم.\nوضم الاجتماع أحمد بن دغر وحيدر العطاس وبقية المستشارين.");
        IReadOnlyList<string> pairs = [.. x.Candidates.Where(c => c.Type == RelationType.Met)
            .Select(c => string.Join("|", new[] { NameOf(x, c.FromKey), NameOf(x, c.ToKey) }.Order(StringComparer.Ordinal)))];
        Assert.Contains("أحمد بن دغر|حيدر العطاس", pairs);
        Assert.Contains("أحمد بن دغر|عبدربه منصور هادي", pairs);
    }

    [Fact]
    public void Meeting_AtAPressConferenceTogether_BeyondTheRulesCues_IsACandidate()
    {
        CandidateExtraction x = Candidates("وقال وزير الخارجية السعودي عادل الجبير في مؤتمره الصحافي مع وزير الخارجية المصري سامح شكري إن العلاقات بين البلدين متينة.");
        CandidateView meeting = Assert.Single(x.Candidates, c => c.Type == RelationType.Met);
        Assert.Equal(["سامح شكري", "عادل الجبير"], new[] { NameOf(x, meeting.FromKey), NameOf(x, meeting.ToKey) }.Order(StringComparer.Ordinal));
        Assert.Contains("cue-beyond-rules", meeting.Features);
        Assert.Contains("cue=مؤتمره", meeting.Features);
    }

    [Fact]
    public void Meeting_TalksNamedWithAProclitic_BeyondTheRulesCues_IsACandidate()
    {
        CandidateExtraction x = Candidates("وأشاد الحزب بالمباحثات التي جرت بين الرئيس عبدالفتاح السيسي والأمير محمد بن سلمان في القاهرة.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Met && c.Features.Contains("cue=المباحثات") && c.Features.Contains("cue-beyond-rules"));
    }

    [Fact]
    public void Meeting_TwoGuestsOfOneHost_AreMarkedAsConjoinedAfterTheCue()
    {
        CandidateExtraction x = Candidates("استقبل وزير الخارجية سعود الفيصل في الرياض اليوم ناصر جودة وسامح شكري.");
        CandidateView guests = Assert.Single(x.Candidates, c => c.Type == RelationType.Met
            && new[] { NameOf(x, c.FromKey), NameOf(x, c.ToKey) }.Order(StringComparer.Ordinal).SequenceEqual(["سامح شكري", "ناصر جودة"]));
        Assert.Contains("second-conjoined-after-cue×verb", guests.Features);
        Assert.Contains("roles=second-after×further-after", guests.Features); // neither is the host right after استقبل
    }

    [Fact]
    public void Meeting_TheGuestNamedBefore_WhenTheFirstNamedThereIsAmongTheReceivers_IsPairedWithThem()
    {
        CandidateExtraction x = Candidates("بحث وزير الدفاع محمد العتيبي مع ولي العهد أحمد الكعبي التعاون العسكري بين البلدين.\nوكان في استقباله وزير الدفاع محمد العتيبي ورئيس الأركان سالم الحربي.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Met && c.Features.Contains("host-after-one-named-here")
            && new[] { NameOf(x, c.FromKey), NameOf(x, c.ToKey) }.Order(StringComparer.Ordinal).SequenceEqual(["أحمد الكعبي", "سالم الحربي"]));
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Met && c.Features.Contains("cue-points-back×sides=after×after")); // the receivers, together
    }

    [Fact]
    public void Meeting_HeadsOfTheSides_NamedWithoutAMeetingWord_ArePairedWithOneAnother()
    {
        CandidateExtraction x = Candidates("عقدت اللجنة الثلاثية اجتماعها الأول في العاصمة مسقط أمس.\nترأس وفد المملكة السفير سالم الحربي، فيما ترأس الوفد الأردني السيد أيمن الصفدي، وترأست الوفد المصري السيدة منى الجمال.");
        string[] pairs = [.. x.Candidates.Where(c => c.Type == RelationType.Met && c.Features.Contains("cue=ترأس-وفد"))
            .Select(c => string.Join(" | ", new[] { NameOf(x, c.FromKey), NameOf(x, c.ToKey) }.Order(StringComparer.Ordinal)))];
        Assert.Contains("أيمن الصفدي | سالم الحربي", pairs);
        Assert.Contains("أيمن الصفدي | منى الجمال", pairs);
        Assert.Contains("سالم الحربي | منى الجمال", pairs);
    }

    [Fact]
    public void Meeting_AHeadOfADelegationNamedAlone_IsPairedWithTheHostNamedBefore()
    {
        CandidateExtraction x = Candidates("بدأت في الدوحة اليوم أعمال الاجتماع المشترك مع وزير الخارجية الأمريكي جون كيري.\nويرأس وفد المملكة وزير الخارجية عادل الجبير.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Met && c.Features.Contains("cue=ترأس-وفد") && c.Features.Contains("host-sentences-back=1")
            && new[] { NameOf(x, c.FromKey), NameOf(x, c.ToKey) }.Order(StringComparer.Ordinal).SequenceEqual(["جون كيري", "عادل الجبير"]));
    }

    [Fact]
    public void Meeting_HeadingSomethingElse_IsNoDelegationCue()
    {
        CandidateExtraction x = Candidates("ترأس الأمير فيصل بن بندر اجتماع مجلس المنطقة بحضور المحافظ سالم الحربي.");
        Assert.DoesNotContain(x.Candidates, c => c.Features.Contains("cue=ترأس-وفد"));
    }

    [Fact]
    public void Meeting_TheHostNamedInTheSentenceBefore_IsPairedWithWhoReceivedHim()
    {
        CandidateExtraction x = Candidates("وصل الأمير سلطان بن فهد إلى عمّان اليوم في زيارة رسمية.\nوكان في استقباله لدى وصوله المطار وزير الخارجية الأردني أيمن الصفدي.");
        Assert.Contains(x.Candidates, c => c.Type == RelationType.Met && c.Features.Contains("host-sentences-back=1")
            && new[] { c.FromKey, c.ToKey }.Order(StringComparer.Ordinal).SequenceEqual(new[] { "person:ايمن_الصفدي", "person:سلطان_بن_فهد" }.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Statement_AQuotedSpeakerNameIsNotTheStartOfTheClaim()
    {
        CandidateExtraction x = Candidates("وقالت منظمة \"أطباء بلا حدود\"، في بيان اليوم، إن فرقها الطبية تعمل في ظروف صعبة للغاية.");
        CandidateView statement = Assert.Single(x.Candidates, c => c.Type == RelationType.Stated);
        Assert.Equal("إن فرقها الطبية تعمل في ظروف صعبة للغاية", statement.ClaimText);
    }

    [Fact]
    public void Statement_ADroppedSubjectAfterAStatement_ProposesTheBodyThatSpokeBefore()
    {
        CandidateExtraction x = Candidates("أعلنت وزارة الخارجية الأردنية في بيان أن السفارة ستغلق أبوابها غدا.\nوأضافت أن القرار مؤقت ويهدف إلى حماية الموظفين.");

        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.ClaimText!.Contains("القرار مؤقت", StringComparison.Ordinal)
            && NameOf(x, c.FromKey).Contains("وزارة الخارجية", StringComparison.Ordinal));
    }

    [Fact]
    public void Statement_ADualSubject_ProposesBothPersonsNamedBefore()
    {
        CandidateExtraction x = Candidates("التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري في عمان اليوم.\nوأكد الجانبان أن التنسيق بين البلدين مستمر.");

        string[] speakers = [.. x.Candidates.Where(c => c.Type == RelationType.Stated && c.ClaimText!.Contains("التنسيق", StringComparison.Ordinal))
            .Select(c => NameOf(x, c.FromKey))];
        Assert.Contains("أيمن الصفدي", speakers);
        Assert.Contains("سامح شكري", speakers);
        Assert.Contains(x.Candidates, c => c.Features.Contains("pos=party-noun") || c.Features.Contains("also=party-noun"));
    }

    [Fact]
    public void Statement_AHeadlineColon_IsAClauseWhoseSpeakerMayBeNamedInTheBody()
    {
        CandidateExtraction x = Candidates("وزير الزراعة التونسي: محصول القمح سيرتفع هذا العام\nتونس - قال وزير الزراعة التونسي منير الطرابلسي اليوم إن المحصول جيد.");

        Assert.Contains(x.Candidates, c => c.Type == RelationType.Stated && c.ClaimText!.StartsWith("محصول القمح", StringComparison.Ordinal)
            && NameOf(x, c.FromKey) == "منير الطرابلسي");
    }

    [Fact]
    public void Membership_AListAfterTheOrganizationWasNamed_PairsEachStateWithIt()
    {
        CandidateExtraction x = Candidates("عقدت منظمة التعاون الإسلامي اجتماعها السنوي في جدة.\nوتضم في عضويتها السعودية ومصر والأردن.");

        string[] members = [.. x.Candidates.Where(c => c.Type == RelationType.MemberOf && NameOf(x, c.ToKey) == "منظمة التعاون الإسلامي")
            .Select(c => NameOf(x, c.FromKey))];
        Assert.Contains("مصر", members);
        Assert.Contains("الأردن", members);
    }

    [Fact]
    public void Membership_TheOrganizationNamedLastBeforeTheList_IsMarkedAsItsNearestOwner()
    {
        CandidateExtraction x = Candidates("وتشارك قطر في منظمة شنغهاي للتعاون بصفة شريك حوار، وهي عضو في مجلس التعاون لدول الخليج العربية الذي يضم أيضا السعودية والإمارات والكويت.");

        CandidateView Pair(string state, string org) => x.Candidates.First(c => c.Type == RelationType.MemberOf && NameOf(x, c.FromKey) == state && NameOf(x, c.ToKey) == org);
        Assert.Contains("owner-nearest-before-list", Pair("الكويت", "مجلس التعاون لدول الخليج العربية").Features);
        Assert.Contains("owner-further-before-list", Pair("الكويت", "منظمة شنغهاي للتعاون").Features);
    }

    [Fact]
    public void Membership_AListHeadedByItsStatus_TakesThatStatus_WhateverFollowsTheList()
    {
        CandidateExtraction x = Candidates("عقدت منظمة شنغهاي للتعاون قمتها في تيانجين.\nالدول المراقبة هي أفغانستان ومنغوليا، أما دول شركاء الحوار فهي أذربيجان وأرمينيا، فيما انضمت لاوس إلى المنظمة.");

        MembershipStatus? StatusOf(string state) => x.Candidates.First(c => c.Type == RelationType.MemberOf && NameOf(x, c.FromKey) == state).Status;
        Assert.Equal(MembershipStatus.Observer, StatusOf("منغوليا"));
        Assert.Equal(MembershipStatus.DialoguePartner, StatusOf("أذربيجان"));
        Assert.Equal(MembershipStatus.DialoguePartner, StatusOf("أرمينيا"));
    }

    [Fact]
    public void Membership_ThePartnerStatusNamedByItself_BeforeTheList_IsDialoguePartner()
    {
        CandidateExtraction x = Candidates("عقدت رابطة دول جنوب شرق آسيا قمتها في جاكرتا.\nوتربط رابطة دول جنوب شرق آسيا علاقات \"شراكة حوار\" كاملة بعدد من الدول بينها الصين والهند.");

        MembershipStatus? StatusOf(string state) => x.Candidates.First(c => c.Type == RelationType.MemberOf && NameOf(x, c.FromKey) == state).Status;
        Assert.Equal(MembershipStatus.DialoguePartner, StatusOf("الصين"));
        Assert.Equal(MembershipStatus.DialoguePartner, StatusOf("الهند"));
    }

    [Fact]
    public void Membership_AnOwnerReferredToByItsNoun_IsProposed_AndTheSentencesOtherOrganizationSaysSo()
    {
        CandidateExtraction x = Candidates("اجتمع وزراء رابطة الدول المطلة على المحيط الهندي في مسقط.\nوتضم الرابطة في عضويتها عمان والهند وكينيا، فيما يتمتع الاتحاد الأوروبي بصفة شريك حوار.");

        CandidateView[] memberships = [.. x.Candidates.Where(c => c.Type == RelationType.MemberOf && NameOf(x, c.FromKey) == "كينيا")];
        Assert.Contains(memberships, c => NameOf(x, c.ToKey) == "رابطة الدول المطلة على المحيط الهندي");
        CandidateView other = Assert.Single(memberships, c => NameOf(x, c.ToKey) == "الاتحاد الأوروبي");
        Assert.Contains("owner-referred-to", other.Features);
    }

    [Fact]
    public void Meeting_EveryPairOfPersonsInAMeetingSentence_IsACandidateWithTheRulesVerdict()
    {
        CandidateExtraction x = Candidates("استقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الياباني يوشيماسا هاياشي بحضور السفير كينجي ساتو.");

        CandidateView[] meetings = [.. x.Candidates.Where(c => c.Type == RelationType.Met)];
        Assert.Equal(3, meetings.Length);
        Assert.Single(meetings, c => c.RuleSays);
        Assert.Contains(meetings, c => c.Features.Contains("attendance-between"));
    }

    [Fact]
    public void Keep_AClauseKeepsItsLikeliestSpeaker_AndASharedClauseItsTwoLikeliest_AboveTheThreshold()
    {
        (RelationType, string, double, bool)[] candidates =
        [
            (RelationType.Stated, "1:0", 0.9, false), (RelationType.Stated, "1:0", 0.8, false), (RelationType.Stated, "1:0", 0.7, false),
            (RelationType.Stated, "2:0", 0.3, false), (RelationType.Met, "3:met", 0.6, false), (RelationType.Met, "3:met", 0.6, false),
            (RelationType.Stated, "4:0", 0.85, true), (RelationType.Stated, "4:0", 0.75, true), (RelationType.Stated, "4:0", 0.65, true),
        ];
        Box[] boxes = [.. candidates.Select(c => new Box(c.Item1, c.Item2, c.Item3, c.Item4))];

        List<Box> kept = CandidateDecider.Keep(boxes, b => b.Type, b => b.Group, b => b.Shared, b => b.P, _ => 0.5);

        Assert.Equal([0.9, 0.6, 0.6, 0.85, 0.75], kept.Select(b => b.P));
    }

    [Fact]
    public void JointSubject_MarksTheClauseShared_AndADualVerbToo()
    {
        CandidateExtraction x = Candidates("التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري في عمان. وأكد الجانبان أن التعاون بين البلدين يتطور. وقال الصفدي إن الزيارة ناجحة.");
        CandidateView[] statements = [.. x.Candidates.Where(c => c.Type == RelationType.Stated)];
        Assert.Contains(statements, c => c.SharedClause && c.ClaimText!.Contains("التعاون", StringComparison.Ordinal));
        Assert.All(statements.Where(c => c.ClaimText!.Contains("الزيارة", StringComparison.Ordinal)), c => Assert.False(c.SharedClause));
    }

    [Fact]
    public void Extract_WithTheRulesAlone_GivesNoConfidence_AndWithTheModel_ConfidenceOnEveryScoredRelation()
    {
        var article = new ArticleInfo("k", "قال وزير الخارجية الأردني أيمن الصفدي إن الأردن يدعم الحل السياسي في المنطقة.");
        ArticleGraph rules = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules)).Extract(article);
        ArticleGraph model = ArabicArticleExtractor.Default.With(new ExtractionOptions(MinConfidence: 0.01)).Extract(article);

        Assert.All(rules.Relations, r => Assert.Null(r.Confidence));
        Assert.Contains(model.Relations, r => r.Type == RelationType.Stated);
        Assert.All(model.Relations.Where(r => r.Type is RelationType.Stated or RelationType.Met or RelationType.MemberOf),
            r => Assert.InRange(r.Confidence!.Value, 0.01, 1));
    }

    private sealed record Box(RelationType Type, string Group, double P, bool Shared);
}
