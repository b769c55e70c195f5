using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsGraph.Storage.Neo4j.Tests.Availability;

/// <summary>One request as the fake server saw it.</summary>
public sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// An <see cref="HttpMessageHandler"/> standing in for Neo4j (or for its absence): each request is
/// recorded and answered by <c>Respond</c>, which tests swap to bring the server down or back.
/// </summary>
public sealed class FakeNeo4jHandler : HttpMessageHandler
{
    public static readonly Uri Address = new("http://neo4j.test:7474");

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public Func<FakeRequest, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } = (_, _) => Task.FromException<HttpResponseMessage>(Refused());

    /// <summary>What <see cref="HttpClient"/> throws when nothing listens on the port.</summary>
    public static HttpRequestException Refused() =>
        new("Connection refused (neo4j.test:7474)", new SocketException((int)SocketError.ConnectionRefused));

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string? location = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (location is not null)
        {
            response.Headers.Location = new Uri(Address, location);
        }

        return response;
    }

    /// <summary>A healthy 3.x transactional endpoint: every read opens transaction 17 and commits it with no rows.</summary>
    public static Task<HttpResponseMessage> Healthy(FakeRequest request, CancellationToken cancellationToken) => Task.FromResult(request switch
    {
        { Method: "POST", Path: "/db/data/transaction" } => Json(HttpStatusCode.Created, """{"commit":"http://neo4j.test:7474/db/data/transaction/17/commit","results":[],"errors":[]}""", "/db/data/transaction/17"),
        { Method: "DELETE" } => Json(HttpStatusCode.OK, """{"results":[],"errors":[]}"""),
        _ => Json(HttpStatusCode.OK, """{"results":[{"columns":["e"],"data":[]}],"errors":[]}"""),
    });

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new FakeRequest(request.Method.Method, request.RequestUri!.AbsolutePath, headers, body);
        Requests.Enqueue(recorded);
        return await Respond(recorded, cancellationToken);
    }
}
