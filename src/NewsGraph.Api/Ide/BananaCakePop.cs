using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace NewsGraph.Api.Ide;

/// <summary>
/// Serves Banana Cake Pop (npm <c>@chillicream/bananacakepop-graphql-ide</c>, copied unmodified to
/// <c>bcp/</c> by the build) at <c>/graphql/</c>, the way ChilliCream's own middleware hosts it:
/// browsers are redirected from <c>/graphql</c> to <c>/graphql/</c> (asset paths are relative),
/// <c>bcp-config.json</c> points the IDE at this server, then the static files.
/// </summary>
internal sealed class BananaCakePop
{
    private static readonly FileExtensionContentTypeProvider s_contentTypes = CreateContentTypes();
    private readonly PhysicalFileProvider? _files;

    public BananaCakePop(IOptions<ApiOptions> options)
    {
        string root = options.Value.IdePath ?? Path.Combine(AppContext.BaseDirectory, "bcp");
        if (options.Value.EnableIde && File.Exists(Path.Combine(root, "index.html")))
        {
            _files = new PhysicalFileProvider(Path.GetFullPath(root));
        }
    }

    public bool IsAvailable => _files is not null;

    /// <summary>Serves <paramref name="path"/> (relative to <c>/graphql/</c>).</summary>
    public async Task HandleAsync(HttpContext http, string? path)
    {
        if (_files is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                "Banana Cake Pop is not part of this build (built with NewsGraphSkipIde=true, or npm was missing). POST GraphQL requests to /graphql.",
                http.RequestAborted).ConfigureAwait(false);
            return;
        }

        path = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (path == "bcp-config.json")
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            string endpoint = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/graphql";
            await JsonSerializer.SerializeAsync(http.Response.Body, new Dictionary<string, object?>
            {
                ["useBrowserUrlAsEndpoint"] = false,
                ["endpoint"] = endpoint,
                ["title"] = "NewsGraph",
                ["disableTelemetry"] = true,
                ["includeCookies"] = false,
            }, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            return;
        }

        IFileInfo file = _files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = s_contentTypes.TryGetContentType(path, out string? contentType) ? contentType : "application/octet-stream";
        http.Response.Headers.CacheControl = path.StartsWith("static/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        await http.Response.SendFileAsync(file, http.RequestAborted).ConfigureAwait(false);
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".mjs"] = "text/javascript";
        return provider;
    }
}
