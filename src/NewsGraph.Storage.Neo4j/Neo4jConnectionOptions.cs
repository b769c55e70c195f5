using System.Globalization;

namespace NewsGraph.Storage.Neo4j;

/// <summary>Which HTTP API the store speaks.</summary>
public enum Neo4jTransportKind
{
    /// <summary>Ask the server (<c>GET /</c>): the Query API v2 where it has one (5.26+, Aura), else the transactional endpoint.</summary>
    Auto,

    /// <summary>Query API v2: <c>/db/{db}/query/v2</c> and explicit transactions under <c>…/tx</c>.</summary>
    QueryApi,

    /// <summary>Transactional HTTP endpoint: <c>/db/{db}/tx/commit</c> (4.x/5.x) or <c>/db/data/transaction/commit</c> (3.x).</summary>
    TransactionalEndpoint,
}

/// <summary>
/// How to reach Neo4j. Credentials come from configuration (environment or the caller), never
/// from code, and are never printed: <see cref="ToString"/> leaves them out. A user and password
/// in the URI (<c>http://neo4j:secret@host:7474</c>) are taken out of it and used as Basic auth.
/// </summary>
public sealed class Neo4jConnectionOptions
{
    public const string UriVariable = "NEWSGRAPH_NEO4J_URI";
    public const string UserVariable = "NEWSGRAPH_NEO4J_USER";
    public const string PasswordVariable = "NEWSGRAPH_NEO4J_PASSWORD";
    public const string DatabaseVariable = "NEWSGRAPH_NEO4J_DATABASE";
    public const string BearerTokenVariable = "NEWSGRAPH_NEO4J_BEARER_TOKEN";
    public const string TransportVariable = "NEWSGRAPH_NEO4J_TRANSPORT";

    /// <summary>The server's HTTP(S) address, e.g. <c>http://localhost:7474</c>.</summary>
    public required Uri Uri { get; init; }

    /// <summary>Basic auth user; with no user and no token, requests carry no Authorization header.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Bearer auth (SSO / Aura tokens); wins over <see cref="User"/> when both are set.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Database name on 4.x/5.x servers (ignored on 3.x, which has one database).</summary>
    public string Database { get; init; } = "neo4j";

    public Neo4jTransportKind Transport { get; init; } = Neo4jTransportKind.Auto;

    /// <summary>Rows per <c>UNWIND</c> statement in writes (Neo4j advises 1k–5k; measured with the bench).</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>Time allowed for one HTTP request.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a transaction that failed with a transient error (deadlock, leader switch, unavailable server).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First retry delay; doubled for each further retry (with jitter), capped at 5 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The server-side time limit of a read transaction, so the server ends a read nobody waits for
    /// (the API gives up after its execution timeout, 10 s by default). Where a server ignores it
    /// (3.1.1 without its execution guard), cancelling a read deletes its transaction instead.
    /// </summary>
    public TimeSpan ReadTransactionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive calls that find Neo4j unavailable before the circuit opens and calls fail fast.</summary>
    public int BreakerFailureThreshold { get; init; } = 3;

    /// <summary>How long an open circuit refuses calls before letting one trial through.</summary>
    public TimeSpan BreakerCoolDown { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Options for <paramref name="uri"/>, with any user:password in it moved to <see cref="User"/>/<see cref="Password"/>.</summary>
    public static Neo4jConnectionOptions ForUri(Uri uri, string? user = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Neo4j is reached over HTTP(S) here (e.g. http://localhost:7474), not '{uri.Scheme}'.", nameof(uri));
        }

        if (uri.UserInfo.Length > 0)
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            user ??= Uri.UnescapeDataString(parts[0]);
            password ??= parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
            uri = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        return new Neo4jConnectionOptions { Uri = uri, User = user, Password = password };
    }

    /// <summary>
    /// Options for <paramref name="uri"/> (a <c>--neo4j</c> flag, say) with everything else from the
    /// environment: user, password, database, bearer token, transport (see <see cref="FromEnvironment"/>).
    /// Credentials in the URI win over the environment.
    /// </summary>
    public static Neo4jConnectionOptions FromUri(Uri uri) => FromUri(uri, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="FromUri(Uri)"/>, over any variable source.</summary>
    public static Neo4jConnectionOptions FromUri(Uri uri, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(uri);
        bool inUri = uri.UserInfo.Length > 0;
        return ForUri(uri, inUri ? null : NonEmpty(variable(UserVariable)), inUri ? null : NonEmpty(variable(PasswordVariable)))
            .With(
                database: NonEmpty(variable(DatabaseVariable)),
                bearerToken: NonEmpty(variable(BearerTokenVariable)),
                transport: NonEmpty(variable(TransportVariable)) is { } transport ? ParseTransport(transport) : null);
    }

    /// <summary>
    /// Reads <c>NEWSGRAPH_NEO4J_URI</c> (required), <c>_USER</c>, <c>_PASSWORD</c>, <c>_DATABASE</c>,
    /// and optionally <c>_BEARER_TOKEN</c> and <c>_TRANSPORT</c> (auto, query-api, tx-endpoint).
    /// Returns null when no URI is set.
    /// </summary>
    public static Neo4jConnectionOptions? FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="FromEnvironment"/>, over any variable source (tests, configuration).</summary>
    public static Neo4jConnectionOptions? FromVariables(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? uri = NonEmpty(variable(UriVariable));
        if (uri is null)
        {
            return null;
        }

        Neo4jConnectionOptions options = ForUri(new Uri(uri, UriKind.Absolute), NonEmpty(variable(UserVariable)), NonEmpty(variable(PasswordVariable)));
        return options.With(
            database: NonEmpty(variable(DatabaseVariable)),
            bearerToken: NonEmpty(variable(BearerTokenVariable)),
            transport: NonEmpty(variable(TransportVariable)) is { } transport ? ParseTransport(transport) : null);
    }

    public static Neo4jTransportKind ParseTransport(string value) => value.Trim().ToLowerInvariant() switch
    {
        "auto" => Neo4jTransportKind.Auto,
        "query-api" or "queryapi" or "query" => Neo4jTransportKind.QueryApi,
        "tx-endpoint" or "tx" or "transactional" => Neo4jTransportKind.TransactionalEndpoint,
        _ => throw new FormatException($"Unknown Neo4j transport '{value}' (auto, query-api or tx-endpoint)."),
    };

    /// <summary>A copy with the given values replaced (null keeps the current one).</summary>
    public Neo4jConnectionOptions With(
        string? database = null, string? bearerToken = null, Neo4jTransportKind? transport = null, int? batchSize = null, TimeSpan? timeout = null, int? maxRetries = null) =>
        new()
        {
            Uri = Uri,
            User = User,
            Password = Password,
            BearerToken = bearerToken ?? BearerToken,
            Database = database ?? Database,
            Transport = transport ?? Transport,
            BatchSize = batchSize ?? BatchSize,
            Timeout = timeout ?? Timeout,
            MaxRetries = maxRetries ?? MaxRetries,
            RetryDelay = RetryDelay,
            ReadTransactionTimeout = ReadTransactionTimeout,
            BreakerFailureThreshold = BreakerFailureThreshold,
            BreakerCoolDown = BreakerCoolDown,
        };

    /// <summary>Where and how, without secrets: safe for logs.</summary>
    public override string ToString()
    {
        string auth = BearerToken is not null ? "bearer" : User is not null ? $"basic as {User}" : "no auth";
        return string.Create(CultureInfo.InvariantCulture, $"{Uri} (database {Database}, transport {Transport}, {auth})");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
