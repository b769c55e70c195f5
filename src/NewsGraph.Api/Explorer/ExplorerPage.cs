using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Http;

namespace NewsGraph.Api.Explorer;

/// <summary>
/// Serves the graph explorer at <c>/explorer/</c>: our own plain files (<c>Explorer/wwwroot</c>) and
/// cytoscape from its npm install (<c>lib/cytoscape/</c>), both copied unmodified to <c>explorer/</c>
/// by the build.
/// </summary>
internal sealed class ExplorerPage
{
    public const string Path = "/explorer";

    /// <summary>The cytoscape module the page imports, relative to <c>/explorer/</c>.</summary>
    public const string CytoscapeScript = "lib/cytoscape/cytoscape.esm.min.mjs";

    /// <summary>
    /// Everything from this origin, nothing inline, with one exception: cytoscape prepends a single
    /// <c>&lt;style&gt;</c> element (<c>.__________cytoscape_container { position: relative; }</c>) to the
    /// head, allowed by its hash. A cytoscape upgrade that changes that text shows up as a CSP console
    /// error in <c>tests/web/explorer.mjs</c>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='; " +
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly StaticPageFiles _files;

    public ExplorerPage(IOptions<ApiOptions> options)
    {
        // Without cytoscape (built with NewsGraphSkipIde=true) the page could not draw anything.
        _files = new StaticPageFiles(
            Path,
            options.Value.EnableExplorer ? options.Value.ExplorerPath ?? System.IO.Path.Combine(AppContext.BaseDirectory, "explorer") : null,
            ["index.html", CytoscapeScript],
            ContentSecurityPolicy,
            "The explorer is not part of this build (disabled, built with NewsGraphSkipIde=true, or npm was missing). POST GraphQL requests to /graphql.");
    }

    public bool IsAvailable => _files.IsAvailable;

    /// <summary>GET or HEAD <paramref name="path"/> relative to <c>/explorer/</c>; <c>/explorer</c> redirects keeping <c>?id=</c> deep links.</summary>
    public Task HandleAsync(HttpContext http, string? path) => _files.HandleAsync(http, path);
}
