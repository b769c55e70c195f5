using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Core.Tests;

/// <summary>The rule that says which status of a pair holds on a date (the contract suite runs it over real stores).</summary>
public sealed class StatusHistoryTests
{
    private const string State = "state:IN";
    private const string Organization = "org:sco";

    private static readonly DateOnly Y2015 = new(2015, 6, 24);
    private static readonly DateOnly Y2017 = new(2017, 6, 9);

    [Fact]
    public void HeldKeys_LatestDatedAssertionOnOrBeforeTheDate_Wins()
    {
        RelationRecord observer = Membership(MembershipStatus.Observer, ("a", Y2015));
        RelationRecord member = Membership(MembershipStatus.Member, ("b", Y2017));
        StatusHistory history = StatusHistory.Of([observer, member]);

        Assert.Equal([observer.Key], history.HeldKeys(new DateOnly(2016, 1, 1)));
        Assert.Equal([member.Key], history.HeldKeys(Y2017));
        Assert.Equal([member.Key], history.HeldKeys(null));
        Assert.Empty(history.HeldKeys(new DateOnly(2015, 6, 23)));
    }

    [Fact]
    public void HeldKeys_UndatedDecidesOnlyWithoutADatedAssertionByThen()
    {
        RelationRecord undatedObserver = Membership(MembershipStatus.Observer, ("a", null));
        RelationRecord member = Membership(MembershipStatus.Member, ("b", Y2017));
        StatusHistory history = StatusHistory.Of([undatedObserver, member]);

        Assert.Equal([undatedObserver.Key], history.HeldKeys(new DateOnly(2016, 1, 1)));
        Assert.Equal([member.Key], history.HeldKeys(null));
        Assert.True(history.Holds(member, null));
        Assert.False(history.Holds(undatedObserver, null));
    }

    [Fact]
    public void HeldKeys_TwoStatusesForTheDecidingDate_BothHeld_EachNamingTheOther_MarkedInTheHistory()
    {
        RelationRecord member = Membership(MembershipStatus.Member, ("a", Y2017));
        RelationRecord partner = Membership(MembershipStatus.DialoguePartner, ("b", Y2017));
        RelationRecord observer = Membership(MembershipStatus.Observer, ("c", Y2015));
        StatusHistory history = StatusHistory.Of([member, partner, observer]);

        Assert.Equal(Sorted(member.Key, partner.Key), Sorted([.. history.HeldKeys(null)]));
        Assert.Equal([partner.Key], history.ConflictsWith(member, null).Select(r => r.Key));
        Assert.Empty(history.ConflictsWith(observer, new DateOnly(2016, 1, 1)));
        Assert.Equal([false, true, true], history.Of(member).Select(a => a.Conflict));
    }

    [Fact]
    public void History_ByDateThenArticle_UndatedLast_SameStatusTwiceOnOneDayIsNoConflict()
    {
        RelationRecord member = Membership(MembershipStatus.Member, ("b", Y2017), ("a", Y2017), ("c", null));
        StatusHistory history = StatusHistory.Of([member]);

        Assert.Equal(["a", "b", "c"], history.Of(member).Select(a => a.ArticleKey));
        Assert.All(history.Of(member), a => Assert.False(a.Conflict));
    }

    [Fact]
    public void Roles_AreDecidedPerPersonAndPlace_OtherTypesIgnored()
    {
        RelationRecord ambassador = Role("سفير", "org:a", ("a", new DateOnly(2010, 1, 1)));
        RelationRecord deputy = Role("نائب وزير", "org:a", ("b", new DateOnly(2011, 1, 1)));
        RelationRecord elsewhere = Role("مستشار", "org:b", ("c", new DateOnly(2009, 1, 1)));
        RelationRecord met = new("met:x", RelationType.Met, "person:p", "person:q", Y2015, null, null, null, null, null, null, [new Provenance("d", "e", 0, null, Y2015)]);
        StatusHistory history = StatusHistory.Of([ambassador, deputy, elsewhere, met]);

        Assert.Equal(Sorted(deputy.Key, elsewhere.Key), Sorted([.. history.HeldKeys(null)]));
        Assert.Equal(Sorted(ambassador.Key, elsewhere.Key), Sorted([.. history.HeldKeys(new DateOnly(2010, 6, 1))]));
    }

    [Fact]
    public void StatusFilter_KeepsOnlyTheStatusesAskedFor_AndLeavesOtherTypesAlone()
    {
        RelationRecord member = Membership(MembershipStatus.Member, ("a", Y2015));
        RelationRecord partner = Membership(MembershipStatus.DialoguePartner, ("a", Y2015)) with { To = "org:asean" };
        RelationRecord met = new("met:x", RelationType.Met, "person:p", "person:q", Y2015, null, null, null, null, null, null, []);

        IEnumerable<RelationRecord> kept = new StatusFilter([MembershipStatus.Member]).Keep([member, partner, met], StatusHistory.Of([member, partner]));

        Assert.Equal([member.Key, met.Key], kept.Select(r => r.Key));
    }

    [Fact]
    public async Task BreadthFirstPath_WithAStatusFilter_ReadsTheStatusEdgesRecordsAndSkipsThoseNotHeld()
    {
        // a - (observer, 2015) - o - (member, 2015) - b; as of 2014 nothing is held, as of 2016 both are.
        RelationRecord aInO = Membership(MembershipStatus.Observer, ("x", Y2015)) with { Key = "m1", From = "a", To = "o" };
        RelationRecord bInO = Membership(MembershipStatus.Member, ("x", Y2015)) with { Key = "m2", From = "b", To = "o" };
        PathEdge[] edges = [new("m1", "a", "o", RelationType.MemberOf), new("m2", "b", "o", RelationType.MemberOf)];

        Assert.Null(await FindAsync(new StatusFilter(AsOf: new DateOnly(2014, 1, 1))));
        Assert.Equal(["a", "o", "b"], (await FindAsync(new StatusFilter(AsOf: new DateOnly(2016, 1, 1))))?.NodeKeys);
        Assert.Null(await FindAsync(new StatusFilter([MembershipStatus.Member])));

        Task<GraphPath?> FindAsync(StatusFilter filter) => BreadthFirstPath.FindAsync(
            "a",
            "b",
            3,
            (frontier, _) => Task.FromResult<IReadOnlyList<PathEdge>>([.. edges.Where(e => frontier.Contains(e.From) || frontier.Contains(e.To))]),
            (keys, _) => Task.FromResult<IReadOnlyList<RelationRecord>>([.. new[] { aInO, bInO }.Where(r => keys.Contains(r.Key))]),
            filter,
            CancellationToken.None);
    }

    private static List<string> Sorted(params string[] keys) => [.. keys.Order(StringComparer.Ordinal)];

    private static RelationRecord Membership(MembershipStatus status, params (string Article, DateOnly? Date)[] assertions) => new(
        GraphKeys.Relation(RelationType.MemberOf, State, Organization, status: status),
        RelationType.MemberOf, State, Organization, assertions[0].Date, null, null, null, status, null, null,
        [.. assertions.Select(a => new Provenance(a.Article, "evidence", 0, null, a.Date, a.Date is null ? null : DatePrecision.Day, a.Date is null ? null : DateSource.Sentence))]);

    private static RelationRecord Role(string role, string at, params (string Article, DateOnly? Date)[] assertions) => new(
        GraphKeys.Relation(RelationType.HoldsRole, "person:p", at, role: role),
        RelationType.HoldsRole, "person:p", at, assertions[0].Date, null, null, null, null, role, null,
        [.. assertions.Select(a => new Provenance(a.Article, "evidence", 0, null, a.Date))]);
}
