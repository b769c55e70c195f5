using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Scoring;

namespace NewsGraph.Evaluation.Tests;

/// <summary>The reference scorer's semantics, case by case, on hand-made gold and predictions.</summary>
public sealed class ExtractionScorerTests
{
    private static readonly GoldDocument s_gold = new(
        "a.txt",
        [
            new GoldEntity("Person", "سامي الحربي", ["الحربي"]),
            new GoldEntity("Person", "خالد العمري"),
            new GoldEntity("Person", "نادر الشامي", Optional: true),
            new GoldEntity("State", "روسيا", Iso: "RU"),
            new GoldEntity("Organization", "منظمة التعاون الإسلامي"),
        ],
        [
            new GoldRelation("MET", "سامي الحربي", To: "خالد العمري"),
            new GoldRelation("MET", "سامي الحربي", To: "نادر الشامي", Optional: true),
            new GoldRelation("STATED", "سامي الحربي", Claim: "توسيع التعاون الاقتصادي"),
            new GoldRelation("MEMBER_OF", "روسيا", To: "منظمة التعاون الإسلامي", Status: "observer"),
        ]);

    private static PredictedEntity P(string key, string kind, string name, string? iso = null) => new(key, kind, name, [], iso);

    private static readonly PredictedEntity[] s_entities =
    [
        P("p1", "Person", "الحربي"), P("p2", "Person", "خالد العمري"), P("p3", "Person", "نادر الشامي"),
        P("s1", "State", "الاتحاد الروسي", "RU"), P("o1", "Organization", "منظمة التعاون الاسلامي"),
    ];

    [Fact]
    public void Score_MatchesByAliasIsoAndNormalizedName_AndCreditsReversedMeetings()
    {
        var prediction = new Prediction(s_entities,
        [
            new PredictedRelation("MET", "p2", "p1", null, null, null),
            new PredictedRelation("STATED", "p1", "c1", "إنه يسعى إلى توسيع التعاون الاقتصادي مع الأردن", null, null),
            new PredictedRelation("MEMBER_OF", "s1", "o1", null, "observer", null),
        ]);
        ArticleScore score = ExtractionScorer.Score(s_gold, prediction);

        Assert.Equal(new Counts(1, 0, 0), score.Tally["relation:MET"]);
        Assert.Equal(new Counts(1, 0, 0), score.Tally["relation:STATED"]);
        Assert.Equal(new Counts(1, 0, 0), score.Tally["relation:MEMBER_OF"]);
        Assert.Equal(new Counts(2, 0, 0), score.Tally["entity:Person"]);
        Assert.Empty(score.Errors);
    }

    [Fact]
    public void Score_NeitherRewardsNorPunishesOptionalItems_NorADuplicateOfACreditedOne()
    {
        var prediction = new Prediction(s_entities,
        [
            new PredictedRelation("MET", "p1", "p3", null, null, null),
            new PredictedRelation("MET", "p1", "p2", null, null, null),
            new PredictedRelation("MET", "p2", "p1", null, null, null),
        ]);
        Assert.Equal(new Counts(1, 0, 0), ExtractionScorer.Score(s_gold, prediction).Tally["relation:MET"]);
    }

    [Fact]
    public void Score_NamesWrongSpeakerWrongStatusAndMissed()
    {
        var prediction = new Prediction(s_entities,
        [
            new PredictedRelation("STATED", "p2", "c1", "توسيع التعاون الاقتصادي", null, null),
            new PredictedRelation("MEMBER_OF", "s1", "o1", null, "member", null),
        ]);
        ArticleScore score = ExtractionScorer.Score(s_gold, prediction);

        Assert.Equal(new Counts(0, 1, 1), score.Tally["relation:STATED"]);
        Assert.Equal(new Counts(0, 1, 1), score.Tally["relation:MEMBER_OF"]);
        Assert.Equal(new Counts(0, 0, 1), score.Tally["relation:MET"]);
        Assert.Equal(2, score.Errors.Count(e => e.Kind == ErrorKind.WrongSpeaker));
        Assert.Equal(2, score.Errors.Count(e => e.Kind == ErrorKind.WrongStatus));
        Assert.Single(score.Errors, e => e.Kind == ErrorKind.Missed && e.RelationType == "MET");
    }

    [Fact]
    public void Score_CountsAnUnknownEntityAsAFalsePositiveAndAMeetingWithOneWrongPersonAsAWrongPair()
    {
        PredictedEntity stranger = P("p9", "Person", "شخص آخر");
        var prediction = new Prediction([.. s_entities, stranger], [new PredictedRelation("MET", "p1", "p9", null, null, null)]);
        ArticleScore score = ExtractionScorer.Score(s_gold, prediction);

        Assert.Equal(1, score.Tally["entity:Person"].Fp);
        Assert.Contains(score.Errors, e => e.Kind == ErrorKind.WrongPair && e.Detail.Contains("شخص آخر", StringComparison.Ordinal));
    }

    [Fact]
    public void Agreement_MatchesTwoAnnotatorsPhrasesOfOneClaimBySentence()
    {
        const string text = "وقال سامي الحربي إن البلدين يعملان على توسيع التعاون الاقتصادي بينهما. وانتهى اللقاء.";
        GoldDocument first = new("a.txt", [new GoldEntity("Person", "سامي الحربي")], [new GoldRelation("STATED", "سامي الحربي", Claim: "توسيع التعاون الاقتصادي")]);
        GoldDocument second = first with { Relations = [new GoldRelation("STATED", "سامي الحربي", Claim: "البلدين يعملان على")] };

        ArticleScore score = ExtractionScorer.Score(first, Prediction.FromGold(second, text));

        Assert.Equal(new Counts(1, 0, 0), score.Tally["relation:STATED"]);
    }
}
