using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Tests;

public sealed class GraphNamesTests
{
    [Fact]
    public void Names_RoundTripForEveryMemberOfTheFixedLists()
    {
        Assert.All(Enum.GetValues<NodeKind>(), k => Assert.Equal(k, GraphNames.ParseKind(GraphNames.Label(k))));
        Assert.All(Enum.GetValues<RelationType>(), t => Assert.Equal(t, GraphNames.ParseType(GraphNames.TypeName(t))));
        Assert.All(Enum.GetValues<MembershipStatus>(), s => Assert.Equal(s, GraphNames.ParseStatus(GraphNames.StatusName(s))));
    }

    [Theory]
    [InlineData("person")]
    [InlineData("Person) DETACH DELETE n //")]
    [InlineData("")]
    public void ParseKind_AnythingNotOnTheList_IsRefused(string label) =>
        Assert.Throws<FormatException>(() => GraphNames.ParseKind(label));

    [Fact]
    public void TypeNames_AreTheGraphRelationshipTypes() =>
        Assert.Equal(["MET", "STATED", "MEMBER_OF", "HOLDS_ROLE", "PHONED"], Enum.GetValues<RelationType>().Select(GraphNames.TypeName));
}
