using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Ingestion.Tests.Sources.Following;

public sealed class SourceFollowersTests
{
    [Fact]
    public void Backoff_EachFailure_DoublesTheWaitUpToTheCap()
    {
        var options = new FollowOptions { InitialBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromMinutes(1) };

        Assert.Equal(
            [10, 20, 40, 60, 60],
            Enumerable.Range(1, 5).Select(n => SourceFollowers.Backoff(n, options).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(1), SourceFollowers.Backoff(10_000, options));
    }
}
