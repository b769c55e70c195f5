using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Extraction.Tests.Recognition;

/// <summary>
/// Persons in a speaker's or participant's slot that no title, first-name list or rule announces:
/// which span is a name is the person span model's decision. Sentences written for these tests.
/// </summary>
public sealed class SlotPersonTests
{
    private const string AfterAddressee = "لندن - رويترز\nوقالت لها ويلما تانسي إن الطريق إلى الحل ما زال طويلا.";

    [Fact]
    public void SpeakerAfterAnAddresseePronoun_IsAPersonWhoSpeaks()
    {
        Assert.NotNull(SpanModel.LoadPersons());
        var x = Extract.From(AfterAddressee);

        ExtractedEntity person = x.Person("ويلما تانسي");
        Assert.DoesNotContain(x.Of(NodeKind.Person), p => p.Name.Contains("لها", StringComparison.Ordinal));
        ArticleGraph decided = ArabicArticleExtractor.Default.Extract(new ArticleInfo(GraphKeys.Article(null, AfterAddressee), AfterAddressee));
        Assert.Contains(decided.Relations, r => r.Type == RelationType.Stated && r.From == person.Key); // the rules alone read no speaker after لها
    }

    [Fact]
    public void UnlistedOneWordName_TwiceTheSpeaker_IsAPersonWhoSpeaks()
    {
        var x = Extract.From("لندن - رويترز\nقال وارنسبي إن المفاوضات لم تنته بعد. وأضاف وارنسبي أن الطرفين سيلتقيان مجددا الأسبوع المقبل.");

        ExtractedEntity person = x.Person("وارنسبي"); // the و is the name's, not a conjunction
        Assert.Equal(2, x.Statements().Count(st => st.Speaker == person.Name));
    }

    [Fact]
    public void PartyAfterMaa_FarFromTheMeetingCue_IsAProposedSlotSpan()
    {
        const string text = "وارسو - رويترز\nبحث وزير الخارجية التركي مولود جاويش أوغلو، الاثنين، مع ويلما تانسي العلاقات الثنائية.";
        ArabicArticleExtractor rulesOnly = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules, LearnedPersons: false));
        CandidateExtraction result = rulesOnly.ExtractCandidates(new ArticleInfo(GraphKeys.Article(null, text), text));

        Assert.Contains(result.PersonSpans, s => s.Text == "ويلما تانسي" && s.Features.Contains("after=with"));
    }

    [Fact]
    public void NameRightBeforeTheContent_BehindATitleTooLongForTheChain_IsAProposedSlotSpan()
    {
        const string text = "لندن - رويترز\nوقالت مديرة مكتبة الأبحاث التاريخية في الجامعة ويلما تانسي إن الكشف الجديد مهم.";
        ArabicArticleExtractor rulesOnly = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules, LearnedPersons: false));
        CandidateExtraction result = rulesOnly.ExtractCandidates(new ArticleInfo(GraphKeys.Article(null, text), text));

        Assert.Contains(result.PersonSpans, s => s.Text == "ويلما تانسي" && s.Features.Contains("after=before-content"));
        Assert.DoesNotContain(result.PersonSpans, s => s.Text.StartsWith("الجامعة", StringComparison.Ordinal)); // a word with the article opens no slot
    }

    [Fact]
    public void WithoutLearnedPersons_SlotSpansAreOnlyProposed()
    {
        ArabicArticleExtractor rulesOnly = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules, LearnedPersons: false));
        CandidateExtraction result = rulesOnly.ExtractCandidates(new ArticleInfo(GraphKeys.Article(null, AfterAddressee), AfterAddressee));

        Assert.DoesNotContain(result.Graph.Entities, e => e.Kind == NodeKind.Person);
        Assert.Contains(result.PersonSpans, s => s.Text == "ويلما تانسي" && !s.Kept);
        Assert.DoesNotContain(result.PersonSpans, s => s.Text.StartsWith("لها", StringComparison.Ordinal));
    }
}
