using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Explorer;
using NewsGraph.Api.Http;

namespace NewsGraph.Api.Dashboard;

/// <summary>
/// Serves the live dashboard at <c>/dashboard/</c>: our own plain files (<c>Dashboard/wwwroot</c>) and
/// Apache ECharts from its npm install (<c>lib/echarts/</c>), both copied unmodified to <c>dashboard/</c>
/// by the build. The page shares the explorer's GraphQL client and Arabic labels
/// (<c>../explorer/*.mjs</c>), so it is served only when the explorer is.
/// </summary>
internal sealed class DashboardPage
{
    public const string Path = "/dashboard";

    /// <summary>The ECharts module the page imports, relative to <c>/dashboard/</c>.</summary>
    public const string EChartsScript = "lib/echarts/echarts.esm.min.mjs";

    /// <summary>
    /// Everything from this origin (the WebSocket to <c>/graphql</c> included: <c>'self'</c> covers
    /// <c>ws:</c>/<c>wss:</c> to the same host), nothing inline. ECharts styles its tooltip through the
    /// DOM style API, which the policy does not restrict; the page's tooltip formatters return markup
    /// without style attributes, which it would.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly StaticPageFiles _files;

    public DashboardPage(IOptions<ApiOptions> options, ExplorerPage explorer)
    {
        _files = new StaticPageFiles(
            Path,
            options.Value.EnableDashboard && explorer.IsAvailable ? options.Value.DashboardPath ?? System.IO.Path.Combine(AppContext.BaseDirectory, "dashboard") : null,
            ["index.html", EChartsScript],
            ContentSecurityPolicy,
            "The dashboard is not part of this build (disabled, the explorer disabled, built with NewsGraphSkipIde=true, or npm was missing). POST GraphQL requests to /graphql.");
    }

    public bool IsAvailable => _files.IsAvailable;

    /// <summary>GET or HEAD <paramref name="path"/> relative to <c>/dashboard/</c>; <c>/dashboard</c> redirects keeping the range in the query.</summary>
    public Task HandleAsync(HttpContext http, string? path) => _files.HandleAsync(http, path);
}
