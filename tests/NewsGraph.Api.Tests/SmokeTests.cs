using System.Text.Json.Nodes;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Person_ByPartialName_ReturnsMeetings()
    {
        await using ApiHost host = await ApiHost.StartAsync();
        JsonNode data = await host.QueryAsync("""{ person(name: "بوغدانوف") { name titles meetings(first: 10) { totalCount nodes { participants { name } place { name } evidence } } } }""");
        Assert.Equal("ميخائيل بوغدانوف", data["person"]!["name"]!.GetValue<string>());
    }
}
