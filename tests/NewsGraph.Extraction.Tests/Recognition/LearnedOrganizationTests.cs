using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Extraction.Tests.Recognition;

/// <summary>
/// Organizations that open with a head noun and are in no gazetteer: where the name ends is the
/// span model's decision. Sentences written for these tests.
/// </summary>
public sealed class LearnedOrganizationTests
{
    private const string Text = "الرياض - واس\nأعلنت أمانة منطقة الباحة أن أعمال صيانة الطرق ستنتهي الشهر المقبل.";

    [Fact]
    public void HeadNounName_InNoGazetteer_IsAnOrganizationEndingWhereTheModelSays()
    {
        Assert.NotNull(SpanModel.LoadOrganizations());
        var x = Extract.From(Text);

        Assert.Contains(x.Of(NodeKind.Organization), o => o.Name == "أمانة منطقة الباحة");
        Assert.DoesNotContain(x.Of(NodeKind.Organization), o => o.Name.Contains("أعمال", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutLearnedEntities_TheSpanIsOnlyProposed()
    {
        ArabicArticleExtractor rulesOnly = ArabicArticleExtractor.Default.With(new ExtractionOptions(RelationDecider.Rules, LearnedEntities: false));
        CandidateExtraction result = rulesOnly.ExtractCandidates(new ArticleInfo(GraphKeys.Article(null, Text), Text));

        Assert.DoesNotContain(result.Graph.Entities, e => e.Kind == NodeKind.Organization && e.Name == "أمانة منطقة الباحة");
        Assert.Contains(result.OrganizationSpans, s => s.Text == "أمانة منطقة الباحة" && !s.Kept);
        Assert.All(result.OrganizationSpans, s => Assert.StartsWith("أمانة", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void SpanModel_TakesTheLikeliestSpanOnlyAboveItsThreshold()
    {
        var model = new SpanModel(-1, new Dictionary<string, double> { ["last=Place"] = 3, ["length=2"] = 0.5 }, 0.6);

        Assert.True(model.Probability(["last=Place"]) >= model.Threshold);
        Assert.True(model.Probability(["length=2"]) < model.Threshold);
        Assert.Equal(model.Probability(["length=2"]), SpanModel.Parse("""{"bias":-1,"threshold":0.6,"weights":{"last=Place":3,"length=2":0.5}}""").Probability(["length=2"]));
    }
}
