using System.Globalization;
using System.Text.Json;

namespace NewsGraph.Storage.Neo4j.Transport;

/// <summary>What the server said about itself.</summary>
/// <param name="Version">Major.minor(.patch) of the server (calendar versions such as 2025.1 count as newer than 5.x).</param>
/// <param name="Edition">community, enterprise, or "unknown".</param>
/// <param name="HasQueryApi">GET / lists the Query API (<c>query</c> key).</param>
/// <param name="IsLegacyHttp">A 3.x server: one database, <c>/db/data/transaction</c>.</param>
public sealed record Neo4jServerInfo(Version Version, string Edition, bool HasQueryApi, bool IsLegacyHttp)
{
    /// <summary>4.4 brought <c>IF NOT EXISTS … REQUIRE</c> constraints and <c>CREATE FULLTEXT INDEX</c>; older servers get the 3.x schema file.</summary>
    public bool HasModernSchemaSyntax => Version >= new Version(4, 4);

    /// <summary>Full-text indexes with the Cypher syntax our schema uses (4.4+).</summary>
    public bool HasFullText => HasModernSchemaSyntax;

    /// <summary>Explicit Query API transactions arrived in 5.26.</summary>
    public bool HasQueryApiTransactions => HasQueryApi && Version >= new Version(5, 26);

    public static Version ParseVersion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Version(0, 0);
        }

        string[] parts = text.Split('.', '-', '+');
        int Part(int i) => i < parts.Length && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
        return new Version(Part(0), Part(1), Part(2));
    }
}

/// <summary>
/// Discovery: <c>GET /</c> (no auth). Neo4j 4.x/5.x answer with <c>neo4j_version</c> and the API
/// templates (<c>query</c> when the Query API is on, <c>transaction</c> for the transactional
/// endpoint); 3.x answers <c>{management, data}</c> and tells its version under <c>GET /db/data/</c>.
/// Aura has no discovery page: then the Query API is assumed and the version asked in Cypher.
/// </summary>
internal static class Neo4jDiscovery
{
    public static async Task<Neo4jServerInfo?> DiscoverAsync(Neo4jHttp http, CancellationToken cancellationToken)
    {
        HttpAnswer root;
        try
        {
            root = await http.SendAsync(HttpMethod.Get, http.Url("/"), null, null, authenticate: false, cancellationToken);
        }
        catch (Neo4jException ex) when (ex.Code == Neo4jException.TransportTimeout)
        {
            return null;
        }

        if (root.Status != 200 || root.Json is not { ValueKind: JsonValueKind.Object } json)
        {
            return null;
        }

        if (json.TryGetProperty("neo4j_version", out JsonElement version))
        {
            string edition = json.TryGetProperty("neo4j_edition", out JsonElement e) ? e.GetString() ?? "unknown" : "unknown";
            return new Neo4jServerInfo(Neo4jServerInfo.ParseVersion(version.GetString()), edition, json.TryGetProperty("query", out _), IsLegacyHttp: false);
        }

        if (json.TryGetProperty("data", out _))
        {
            HttpAnswer data = await http.SendAsync(HttpMethod.Get, http.Url("/db/data/"), null, null, authenticate: true, cancellationToken);
            string? legacyVersion = data.Json is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("neo4j_version", out JsonElement v) ? v.GetString() : null;
            return new Neo4jServerInfo(Neo4jServerInfo.ParseVersion(legacyVersion ?? "3.0.0"), "unknown", HasQueryApi: false, IsLegacyHttp: true);
        }

        return null;
    }

    /// <summary>Picks the transport: configuration first, else the Query API where it has transactions, else the transactional endpoint.</summary>
    public static INeo4jTransport ChooseTransport(Neo4jHttp http, Neo4jServerInfo? server)
    {
        Neo4jTransportKind kind = http.Options.Transport;
        if (kind == Neo4jTransportKind.Auto)
        {
            kind = server is null || server.HasQueryApiTransactions ? Neo4jTransportKind.QueryApi : Neo4jTransportKind.TransactionalEndpoint;
        }

        return kind == Neo4jTransportKind.QueryApi
            ? new QueryApiTransport(http)
            : new TransactionalEndpointTransport(http, legacy: server?.IsLegacyHttp ?? false);
    }
}
