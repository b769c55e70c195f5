using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using NewsGraph.Api.Extensions;

namespace NewsGraph.Api.WebSockets;

/// <summary>
/// Which pages may open a WebSocket to <c>/graphql</c>. Browsers send the page's <c>Origin</c> with
/// the upgrade but, unlike for fetch, apply no CORS to what comes back: without this check any site
/// a user visits could subscribe through the user's browser and read the articles it streams.
/// Allowed: no <c>Origin</c> (not a browser: curl, Node's graphql-ws, other servers), this
/// server's own origin (Banana Cake Pop, the explorer) and what the API's CORS policy allows
/// (<c>NewsGraph:Api:CorsOrigins</c>, <c>*</c> for any) — the one list for HTTP and WebSocket.
/// </summary>
internal sealed class WebSocketOriginPolicy(ICorsPolicyProvider policies)
{
    public async Task<bool> AllowsAsync(HttpContext http)
    {
        string origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsSameOrigin(origin, http.Request.Host))
        {
            return true;
        }

        CorsPolicy? policy = await policies.GetPolicyAsync(http, ApiServiceCollectionExtensions.CorsPolicy).ConfigureAwait(false);
        return policy is not null && (policy.AllowAnyOrigin || policy.IsOriginAllowed(origin));
    }

    /// <summary>
    /// The page came from the host the browser is connecting to: the Origin's host and port are the
    /// request's Host header (which a page cannot set). The scheme is not compared: behind a proxy
    /// that ends TLS the request arrives as http while the page was https; a Host without a port
    /// means the default port of the page's scheme.
    /// </summary>
    internal static bool IsSameOrigin(string origin, HostString host)
    {
        if (!host.HasValue || !Uri.TryCreate(origin, UriKind.Absolute, out Uri? page) || page.Scheme is not ("http" or "https"))
        {
            return false; // includes "null", the origin of sandboxed frames and files
        }

        int hostPort = host.Port ?? (page.Scheme == "https" ? 443 : 80);
        return string.Equals(page.IdnHost, host.Host, StringComparison.OrdinalIgnoreCase) && page.Port == hostPort;
    }
}
