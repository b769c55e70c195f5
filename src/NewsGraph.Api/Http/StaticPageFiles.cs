using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.Api.Http;

/// <summary>
/// Serves one browser page's folder (our plain files plus the npm files the build copied beside
/// them) under <see cref="Path"/>: GET and HEAD, validators for revalidation, <c>nosniff</c>, and the
/// page's Content-Security-Policy on HTML. <c>/page</c> redirects to <c>/page/</c> (keeping the query)
/// because the pages' module imports are relative.
/// </summary>
internal sealed class StaticPageFiles
{
    private static readonly FileExtensionContentTypeProvider s_contentTypes = new();
    private readonly PhysicalFileProvider? _files;
    private readonly string _contentSecurityPolicy;
    private readonly string _unavailableNote;

    /// <param name="path">Where the page is served, e.g. <c>/explorer</c>.</param>
    /// <param name="root">The folder of its files; null (or a folder missing one of <paramref name="requiredFiles"/>) serves <paramref name="unavailableNote"/> instead.</param>
    public StaticPageFiles(string path, string? root, IEnumerable<string> requiredFiles, string contentSecurityPolicy, string unavailableNote)
    {
        Path = path;
        _contentSecurityPolicy = contentSecurityPolicy;
        _unavailableNote = unavailableNote;
        if (root is not null && requiredFiles.All(file => File.Exists(System.IO.Path.Combine(root, file))))
        {
            _files = new PhysicalFileProvider(System.IO.Path.GetFullPath(root));
        }
    }

    public string Path { get; }

    public bool IsAvailable => _files is not null;

    /// <summary>GET or HEAD <paramref name="path"/> relative to the page's folder (empty for the page itself).</summary>
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
            await http.Response.WriteAsync(_unavailableNote, http.RequestAborted).ConfigureAwait(false);
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
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
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
            "" => "text/plain; charset=utf-8", // LICENSE, NOTICE
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
