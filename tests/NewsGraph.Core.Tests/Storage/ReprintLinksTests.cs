using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Tests.Storage;

/// <summary>The linking rules both stores apply (<see cref="ReprintLinks"/>), on states given directly.</summary>
public sealed class ReprintLinksTests
{
    private const string Story =
        "أعلنت وزارة الطاقة اليوم عن إطلاق برنامج وطني جديد لتطوير مصادر الطاقة المتجددة في مختلف مناطق المملكة خلال السنوات الخمس المقبلة " +
        "وقال وزير الطاقة في مؤتمر صحفي إن البرنامج يهدف إلى رفع حصة الطاقة الشمسية وطاقة الرياح في مزيج الكهرباء الوطني.";

    private static readonly TextFingerprint s_story = TextFingerprint.Of(Story)!;

    private static readonly DateTimeOffset s_monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Link_EquallySimilarOriginals_LinksTheEarliestStored()
    {
        // Two originals with one text (as a store could hold them had they come before linking existed).
        StoredReprintState[] candidates =
        [
            new("a-later", null, s_monday.AddHours(1), s_story),
            new("z-earlier", null, s_monday, s_story),
        ];

        Dictionary<string, string?> links = ReprintLinks.Link([("copy", s_story)], candidates, new Dictionary<string, string?>());

        Assert.Equal("z-earlier", links["copy"]);
    }

    [Fact]
    public void Link_CandidateThatIsAReprint_IsNotAnOriginal()
    {
        StoredReprintState[] candidates = [new("reprint", "gone", s_monday, s_story)];

        Assert.Null(ReprintLinks.Link([("copy", s_story)], candidates, new Dictionary<string, string?>())["copy"]);
        Assert.Equal("reprint", ReprintLinks.Link([("copy", s_story)], candidates, new Dictionary<string, string?> { ["reprint"] = null })["copy"]);
    }

    [Fact]
    public void Release_ReprintsOfADepartingOriginal_GoToTheEarliestRemaining()
    {
        StoredReprintState[] reprints =
        [
            new("c", "o", s_monday.AddHours(2), s_story),
            new("a", "o", s_monday, s_story),
            new("b", "o", s_monday.AddHours(1), s_story),
        ];

        Dictionary<string, string?> released = ReprintLinks.Release(reprints, new HashSet<string> { "o", "a" });

        Assert.Equal(new Dictionary<string, string?> { ["b"] = null, ["c"] = "b" }, released);
    }
}
