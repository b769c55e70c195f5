namespace NewsGraph.Api;

/// <summary>
/// Limits and switches of the GraphQL API, bound from the configuration section
/// <c>NewsGraph:Api</c> (e.g. <c>NewsGraph__Api__MaxPageSize=50</c> in the environment).
/// Every limit refuses a request with a stable error code; see the README of this project.
/// </summary>
public sealed class ApiOptions
{
    public const string SectionName = "NewsGraph:Api";

    /// <summary>Deepest field nesting an operation may have (introspection included). Error code <c>MAX_DEPTH_EXCEEDED</c>.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Highest estimated cost of an operation: 1 per field, multiplied by the page size
    /// (<c>first</c>/<c>last</c>, else <see cref="DefaultPageSize"/>) below lists. Introspection counts
    /// 1%, so Banana Cake Pop's schema query passes. Error code <c>MAX_COMPLEXITY_EXCEEDED</c>.
    /// </summary>
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>Most field selections (aliases included) in one document. Error code <c>MAX_FIELDS_EXCEEDED</c>.</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>
    /// Most field selections an operation may expand to once fragment spreads are replaced by their
    /// fragments (counted without expanding them, before validation). Error code <c>MAX_FIELDS_EXCEEDED</c>.
    /// </summary>
    public int MaxExpandedFields { get; set; } = 10_000;

    /// <summary>Page size when a connection is asked for without <c>first</c> or <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>Largest <c>first</c>/<c>last</c> (and plain list) size. Error code <c>PAGE_SIZE_EXCEEDED</c>.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Largest request body (bytes) on POST, and query string on GET. HTTP 413, code <c>REQUEST_TOO_LARGE</c>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Time one operation may run; past it the operation ends with code <c>TIMEOUT</c>.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most operations in one JSON array batch. HTTP 400, code <c>BATCH_TOO_LARGE</c>.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>Deepest <c>neighborhood(depth:)</c>.</summary>
    public int MaxNeighborhoodDepth { get; set; } = 3;

    /// <summary>Longest <c>shortestPath(maxHops:)</c>.</summary>
    public int MaxPathHops { get; set; } = 6;

    /// <summary>Most articles in one <c>ingestArticles</c> call. Code <c>BAD_USER_INPUT</c>.</summary>
    public int MaxIngestArticles { get; set; } = 100;

    /// <summary>
    /// The key mutations need in the <c>X-Api-Key</c> header (or the <c>X-Api-Key</c>/<c>apiKey</c> field
    /// of a WebSocket <c>connection_init</c> payload). None configured: mutations are disabled
    /// (code <c>MUTATIONS_DISABLED</c>). Never logged.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Origins allowed to call the API from browsers (dashboards). Empty: no CORS headers. "*" allows any.
    /// WebSocket upgrades are checked against the same list (browsers apply no CORS to them): an
    /// upgrade with an <c>Origin</c> that is neither listed nor this server's own is refused with
    /// HTTP 403, code <c>ORIGIN_NOT_ALLOWED</c>; one without <c>Origin</c> (not a browser) is allowed.
    /// </summary>
    public IList<string> CorsOrigins { get; set; } = [];

    /// <summary>
    /// Subscriptions need the API key too (the <c>X-Api-Key</c> header of the WebSocket upgrade, or
    /// <c>X-Api-Key</c>/<c>apiKey</c> in the <c>connection_init</c> payload), else the subscribe is
    /// answered with an <c>error</c> message, code <c>UNAUTHENTICATED</c>. Needs <see cref="ApiKey"/>.
    /// </summary>
    public bool RequireApiKeyForSubscriptions { get; set; }

    /// <summary>Time a WebSocket client has to send <c>connection_init</c> (close code 4408).</summary>
    public TimeSpan WebSocketInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most active subscriptions on one WebSocket.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>Serve Banana Cake Pop to browsers at /graphql.</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>Folder with the Banana Cake Pop files; default: <c>bcp/</c> beside the application.</summary>
    public string? IdePath { get; set; }

    /// <summary>Serve the graph explorer to browsers at /explorer.</summary>
    public bool EnableExplorer { get; set; } = true;

    /// <summary>Folder with the explorer's files (its own and cytoscape's); default: <c>explorer/</c> beside the application.</summary>
    public string? ExplorerPath { get; set; }

    /// <summary>Serve the live dashboard to browsers at /dashboard (it needs the explorer, whose client and labels it shares).</summary>
    public bool EnableDashboard { get; set; } = true;

    /// <summary>Folder with the dashboard's files (its own and ECharts'); default: <c>dashboard/</c> beside the application.</summary>
    public string? DashboardPath { get; set; }
}
