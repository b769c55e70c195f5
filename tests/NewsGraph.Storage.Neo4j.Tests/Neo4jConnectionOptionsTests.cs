namespace NewsGraph.Storage.Neo4j.Tests;

public sealed class Neo4jConnectionOptionsTests
{
    [Fact]
    public void FromVariables_AllSet_ReadsThem()
    {
        var variables = new Dictionary<string, string>
        {
            ["NEWSGRAPH_NEO4J_URI"] = "https://graph.example:7473",
            ["NEWSGRAPH_NEO4J_USER"] = "reader",
            ["NEWSGRAPH_NEO4J_PASSWORD"] = "s3cret-pass",
            ["NEWSGRAPH_NEO4J_DATABASE"] = "news",
            ["NEWSGRAPH_NEO4J_TRANSPORT"] = "query-api",
        };

        Neo4jConnectionOptions? options = Neo4jConnectionOptions.FromVariables(variables.GetValueOrDefault);

        Assert.NotNull(options);
        Assert.Equal(
            (new Uri("https://graph.example:7473"), "reader", "s3cret-pass", "news", Neo4jTransportKind.QueryApi),
            (options.Uri, options.User, options.Password, options.Database, options.Transport));
    }

    [Fact]
    public void FromUri_CredentialsFromTheEnvironmentUnlessInTheUri()
    {
        var variables = new Dictionary<string, string> { ["NEWSGRAPH_NEO4J_USER"] = "neo4j", ["NEWSGRAPH_NEO4J_PASSWORD"] = "from-env-1", ["NEWSGRAPH_NEO4J_DATABASE"] = "news" };

        Neo4jConnectionOptions plain = Neo4jConnectionOptions.FromUri(new Uri("http://neo4j:7474"), variables.GetValueOrDefault);
        Neo4jConnectionOptions inline = Neo4jConnectionOptions.FromUri(new Uri("http://admin:from-uri-1@neo4j:7474"), variables.GetValueOrDefault);

        Assert.Equal(("neo4j", "from-env-1", "news"), (plain.User, plain.Password, plain.Database));
        Assert.Equal(("admin", "from-uri-1", "news"), (inline.User, inline.Password, inline.Database));
    }

    [Fact]
    public void FromVariables_NoUri_IsNull()
    {
        Assert.Null(Neo4jConnectionOptions.FromVariables(_ => null));
        Assert.Null(Neo4jConnectionOptions.FromVariables(_ => "  "));
    }

    [Fact]
    public void ForUri_CredentialsInTheUri_AreMovedOutOfIt()
    {
        Neo4jConnectionOptions options = Neo4jConnectionOptions.ForUri(new Uri("http://neo4j:pa%3Ass@neo4j:7474"));

        Assert.Equal(("neo4j", "pa:ss", "http://neo4j:7474/"), (options.User, options.Password, options.Uri.ToString()));
    }

    [Fact]
    public void ToString_NeverShowsPasswordOrToken()
    {
        Neo4jConnectionOptions basic = Neo4jConnectionOptions.ForUri(new Uri("http://neo4j:hunter2-pass@localhost:7474"));
        Neo4jConnectionOptions bearer = basic.With(bearerToken: "tok-123456");

        Assert.DoesNotContain("hunter2-pass", basic.ToString(), StringComparison.Ordinal);
        Assert.Contains("basic as neo4j", basic.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok-123456", bearer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto", Neo4jTransportKind.Auto)]
    [InlineData("Query-API", Neo4jTransportKind.QueryApi)]
    [InlineData("tx-endpoint", Neo4jTransportKind.TransactionalEndpoint)]
    public void ParseTransport_KnownNames_AreRead(string text, Neo4jTransportKind expected)
    {
        Assert.Equal(expected, Neo4jConnectionOptions.ParseTransport(text));
    }

    [Fact]
    public void ForUri_BoltScheme_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Neo4jConnectionOptions.ForUri(new Uri("bolt://localhost:7687")));
    }
}
