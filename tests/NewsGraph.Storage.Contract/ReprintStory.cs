namespace NewsGraph.Storage.Contract;

/// <summary>
/// Dispatches written for the reprint tests: one story (an agency's original and two papers' copies,
/// each with its own dateline and one sentence rewritten) and a second story on the same subject
/// sharing its vocabulary. Each copy is similar enough to the original to be its reprint; the other story is not.
/// </summary>
public static class ReprintStory
{
    /// <summary>The shared text before the first rewritten sentence.</summary>
    public const string Body0 =
        "أعلنت وزارة الطاقة اليوم عن إطلاق برنامج وطني جديد لتطوير مصادر الطاقة المتجددة في مختلف مناطق المملكة خلال السنوات الخمس المقبلة. " +
        "وقال وزير الطاقة في مؤتمر صحفي عقده بمقر الوزارة إن البرنامج يهدف إلى رفع حصة الطاقة الشمسية وطاقة الرياح في مزيج الكهرباء الوطني. " +
        "وأوضح الوزير أن المرحلة الأولى تشمل إنشاء ثلاث محطات كبرى في المنطقة الشمالية والمنطقة الشرقية ومنطقة الجوف بطاقة إجمالية تتجاوز ألفي ميغاواط. ";

    /// <summary>The shared text between the two rewritten sentences.</summary>
    public const string Body1 = "وأشار إلى أن البرنامج سيوفر آلاف الوظائف المباشرة وغير المباشرة للمواطنين ويسهم في خفض استهلاك الوقود السائل في محطات التوليد. ";

    /// <summary>The shared closing sentence.</summary>
    public const string Body2 = "واختتم الوزير تصريحه بالتأكيد على أن الاستثمار في الطاقة النظيفة يمثل ركيزة أساسية من ركائز التنمية المستدامة التي تسعى إليها المملكة.";

    public const string Agreements = "وأضاف أن الوزارة وقعت اتفاقيات مع عدد من الشركات المحلية والدولية لتنفيذ المشاريع ونقل التقنية وتدريب الكوادر الوطنية الشابة.";

    public const string Schedule = "ومن المتوقع أن تبدأ أعمال البناء في المحطة الأولى مطلع العام المقبل على أن تدخل الخدمة التجارية بعد ثمانية عشر شهرا من بدء التنفيذ.";

    public const string OriginalText = "الرياض - واس: " + Body0 + Agreements + " " + Body1 + Schedule + " " + Body2;

    public const string FirstCopyText = "جدة - الحياة: " + Body0 + "كما كشف عن توقيع الوزارة عقودا مع شركات سعودية وأجنبية لبناء المحطات وتأهيل المهندسين السعوديين. " + Body1 + Schedule + " " + Body2;

    public const string SecondCopyText = "الدمام - اليوم: " + Body0 + Agreements + " " + Body1 + "ويتوقع أن يبدأ العمل في أولى المحطات العام المقبل وأن تنتج الكهرباء تجاريا خلال عام ونصف. " + Body2;

    public const string OtherStoryText =
        "الرياض - واس: افتتح أمير المنطقة الشرقية اليوم معرضا دوليا للطاقة المتجددة يشارك فيه أكثر من مئتي عارض من ثلاثين دولة. " +
        "ويعرض المشاركون أحدث تقنيات الألواح الشمسية وتوربينات الرياح وأنظمة تخزين الكهرباء في البطاريات. " +
        "وقال رئيس اللجنة المنظمة إن المعرض يستمر أربعة أيام ويتضمن ورش عمل وجلسات حوارية يشارك فيها خبراء ومسؤولون من القطاعين العام والخاص. " +
        "وأكد أن الطلب على حلول الطاقة النظيفة في المنطقة يشهد نموا متسارعا مع توسع المشاريع الحكومية والخاصة في هذا المجال.";
}
