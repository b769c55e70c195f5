using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.Api.Explorer;

/// <summary>
/// Serves the graph explorer at <c>/explorer/</c>: our own plain files (<c>Explorer/wwwroot</c>) and
/// cytoscape from its npm install (<c>lib/cytoscape/</c>), both copied unmodified to <c>explorer/</c>
/// by the build. <c>/explorer</c> redirects to <c>/explorer/</c> because the page's module imports are relative.
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

    private static readonly FileExtensionContentTypeProvider s_contentTypes = new();
    private readonly PhysicalFileProvider? _files;

    public ExplorerPage(IOptions<ApiOptions> options)
    {
        string root = options.Value.ExplorerPath ?? System.IO.Path.Combine(AppContext.BaseDirectory, "explorer");
        // Without cytoscape (built with NewsGraphSkipIde=true) the page could not draw anything.
        if (options.Value.EnableExplorer
            && File.Exists(System.IO.Path.Combine(root, "index.html"))
            && File.Exists(System.IO.Path.Combine(root, CytoscapeScript)))
        {
            _files = new PhysicalFileProvider(System.IO.Path.GetFullPath(root));
        }
    }

    public bool IsAvailable => _files is not null;

    /// <summary>
    /// GET or HEAD <paramref name="path"/> relative to <c>/explorer/</c> (empty for the page itself);
    /// <c>/explorer</c> without the slash redirects to <c>/explorer/</c>, keeping <c>?id=</c> deep links.
    /// </summary>
    public async Task HandleAsync(HttpContext http, string? path)
    {
        if (string.IsNullOrEmpty(path) && !http.Request.Path.Value!.EndsWith('/'))
        {
            http.Response.Redirect(http.Request.PathBase + Path + "/" + http.Request.QueryString);
            return;
        }

        if (_files is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                "The explorer is not part of this build (disabled, built with NewsGraphSkipIde=true, or npm was missing). POST GraphQL requests to /graphql.",
                http.RequestAborted).ConfigureAwait(false);
            return;
        }

        path = string.IsNullOrEmpty(path) ? "index.html" : path;
        // PhysicalFileProvider refuses paths that leave the root and hides dot files.
        IFileInfo file = _files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        IHeaderDictionary headers = http.Response.Headers;
        // File names carry no content hash, so browsers must revalidate; the validators make that a 304.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\"");
        headers.ETag = etag.ToString();
        headers.LastModified = file.LastModified.ToString("R", CultureInfo.InvariantCulture);
        string contentType = ContentType(path);
        if (contentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }

        if (IsNotModified(http.Request, etag, file.LastModified))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.ContentType = contentType;
        http.Response.ContentLength = file.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.SendFileAsync(file, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static string ContentType(string path)
    {
        string extension = System.IO.Path.GetExtension(path);
        return extension switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" or ".mjs" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            "" => "text/plain; charset=utf-8", // LICENSE
            _ => s_contentTypes.TryGetContentType(path, out string? type) ? type : "application/octet-stream",
        };
    }

    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        RequestHeaders typed = request.GetTypedHeaders();
        if (typed.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        // HTTP dates have whole seconds.
        return typed.IfModifiedSince is { } since && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
