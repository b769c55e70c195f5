using NewsGraph.Extraction.Ner;

namespace NewsGraph.Extraction.Tests.Ner;

/// <summary>
/// Sentences written for these tests (not from ANERcorp), with entities marked inline:
/// "[PERS سامح شكري]" → B-PERS I-PERS. Tokens are separated by spaces.
/// </summary>
internal static class NerTestText
{
    /// <summary>Wire-style sentences in the ANERcorp conventions, used as a small gold set.</summary>
    public static readonly string[] Gold =
    [
        "استقبل وزير الخارجية المصري [PERS سامح شكري] في [LOC القاهرة] اليوم نظيره الأردني [PERS أيمن الصفدي] .",
        "وقال الرئيس التونسي [PERS قيس سعيد] إن بلاده ترفض أي تدخل في شؤونها الداخلية .",
        "أعلنت [ORG منظمة الصحة العالمية] في [LOC جنيف] أن عدد الإصابات تراجع في [LOC أوروبا] [LOC وآسيا] .",
        "وأكد المتحدث الأمني اللواء [PERS منصور التركي] أن الحادث وقع في [LOC الرياض] .",
        "شارك الأمين العام [ORG لجامعة الدول العربية] [PERS أحمد أبو الغيط] في القمة التي عقدت في [LOC الجزائر] .",
        "وصل رئيس الوزراء العراقي إلى [LOC طهران] في زيارة رسمية يلتقي خلالها الرئيس الإيراني .",
        "وقال [ORG البنك الدولي] إنه خفض توقعاته للنمو في [LOC مصر] [LOC وتونس] [LOC والمغرب] .",
        "التقى الدكتور [PERS خالد العبدالله] رئيس [ORG جامعة الملك سعود] بوفد من [ORG جامعة هارفارد] الأمريكية .",
        "وذكرت صحيفة [ORG الأهرام] أن [ORG حزب الوفد] سيشارك في الانتخابات المقبلة .",
        "أعلن [ORG الاتحاد الأوروبي] في [LOC بروكسل] فرض عقوبات جديدة على [LOC روسيا] .",
        "وقالت السيدة [PERS فاطمة الزهراء] مديرة [ORG مستشفى الملك فهد] في [LOC جدة] إن المستشفى استقبل المصابين .",
        "زار وفد برلماني ألماني مدينة [LOC حلب] والتقى المحافظ [PERS حسين دياب] .",
    ];

    public static TaggedSentence Parse(string marked)
    {
        var tokens = new List<string>();
        var tags = new List<string>();
        string? type = null;
        bool first = false;
        foreach (string part in marked.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string word = part;
            if (word.StartsWith('['))
            {
                type = word[1..];
                first = true;
                continue;
            }

            bool closes = word.EndsWith(']');
            if (closes)
            {
                word = word[..^1];
            }

            tokens.Add(word);
            tags.Add(type is null ? "O" : (first ? "B-" : "I-") + type);
            first = false;
            if (closes)
            {
                type = null;
            }
        }

        return new TaggedSentence(tokens, tags);
    }

    public static IReadOnlyList<string> Tokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Fails with the offending position unless <paramref name="tags"/> is valid BIO over PERS/LOC/ORG.</summary>
    public static void AssertValidBio(IReadOnlyList<string> tags)
    {
        string previous = "O";
        for (int i = 0; i < tags.Count; i++)
        {
            string tag = tags[i];
            Assert.Contains(tag, (string[])["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]);
            if (tag.StartsWith("I-", StringComparison.Ordinal))
            {
                Assert.True(previous != "O" && previous[2..] == tag[2..], $"{tag} after {previous} at {i}");
            }

            previous = tag;
        }
    }
}
