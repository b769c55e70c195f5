using System.Runtime.CompilerServices;

namespace NewsGraph.Ingestion.Sources;

/// <summary>
/// Reads articles from files and directories: <c>.txt</c> and <c>.md</c> (one article; the file name
/// is kept; front matter between <c>---</c> lines gives <c>title</c>, <c>date</c>, <c>source</c>, <c>url</c>;
/// a <c>.md</c> file without front matter is documentation, such as a README, and is passed over),
/// <c>.json</c> (an object or an array of objects), <c>.jsonl</c> / <c>.jsonl.gz</c> (one object per
/// line) with <c>title</c>, <c>text</c> or <c>content</c>, <c>url</c>, <c>published</c> (or
/// <c>date</c>, <c>date_extracted</c>, <c>datePublished</c>), <c>source</c>; and <c>.html</c> (text of the page body;
/// the date from <c>article:published_time</c> or JSON-LD <c>datePublished</c>).
/// Directories are read recursively in ordinal path order, so runs are repeatable (see
/// <see cref="FileTreeWalker"/> for links and loops). Only regular files are opened, each once
/// per run, and never more than <see cref="ArticleDecoding.MaxArticleBytes"/> of one. A bad
/// input yields a failed item with its reason and reading goes on.
/// </summary>
public static partial class ArticleFileReader
{
    private static readonly string[] s_extensions = [".txt", ".md", ".json", ".jsonl", ".jsonl.gz", ".html", ".htm"];

    public static IAsyncEnumerable<SourceItem> ReadAsync(IEnumerable<string> paths, CancellationToken cancellationToken) =>
        ReadAsync(paths, FileTreeWalker.Default, cancellationToken);

    internal static async IAsyncEnumerable<SourceItem> ReadAsync(IEnumerable<string> paths, FileTreeWalker walker, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The first path (in reading order) to reach each file; later links to it are skipped.
        var readFrom = new Dictionary<FileIdentity, string>();
        foreach (string path in paths)
        {
            // A link given as an argument is followed: the user named it.
            if (FileProbe.Stat(path).Kind == FileKind.Directory)
            {
                foreach (WalkEntry entry in walker.Walk(path, cancellationToken))
                {
                    if (entry.Skipped is not null)
                    {
                        yield return SourceItem.Failed(entry.Path, entry.Skipped);
                        continue;
                    }

                    await foreach (SourceItem item in ReadFileAsync(entry.Path, readFrom, cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
            else
            {
                await foreach (SourceItem item in ReadFileAsync(path, readFrom, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    public static bool IsArticleFile(string path) =>
        s_extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    private static async IAsyncEnumerable<SourceItem> ReadFileAsync(string path, Dictionary<FileIdentity, string> readFrom, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string? refusal = Refusal(path, readFrom, out long size);
        if (refusal is not null)
        {
            yield return SourceItem.Failed(path, refusal);
        }
        else if (IsJsonLines(path))
        {
            // An empty feed holds no articles (and a size of 0 is what a FIFO reports where its type is unknown).
            IAsyncEnumerable<SourceItem> items = size == 0 ? AsyncEnumerable.Empty<SourceItem>() : JsonLinesReader.ReadAsync(path, cancellationToken);
            await foreach (SourceItem item in items.ConfigureAwait(false))
            {
                yield return item;
            }
        }
        else
        {
            foreach (SourceItem item in await ReadWholeFileAsync(path, size, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>Why a path is not opened at all, decided from a stat: not there, not a regular file, read already, too large.</summary>
    private static string? Refusal(string path, Dictionary<FileIdentity, string> readFrom, out long size)
    {
        FileFacts facts = FileProbe.Stat(path);
        size = facts.Size;
        if (facts.Kind == FileKind.Missing)
        {
            string why = facts.Error is null ? string.Empty : $" ({facts.Error})";
            return FileProbe.Lstat(path).Kind == FileKind.SymbolicLink ? "skipped: a symbolic link that leads nowhere" + why
                : facts.Error is null ? "no such file or directory"
                : "cannot read: " + facts.Error;
        }

        if (facts.Kind != FileKind.Regular)
        {
            return $"skipped: {facts.Describe()}, not a regular file";
        }

        if (!readFrom.TryAdd(facts.Identity, path))
        {
            return $"skipped: the same file as {readFrom[facts.Identity]}, already read (another link to it)";
        }

        // A .jsonl file holds many articles and is streamed; its lines are bounded instead.
        return !IsJsonLines(path) && size > ArticleDecoding.MaxArticleBytes ? ArticleDecoding.TooLarge(size) : null;
    }

    private static async Task<SourceItem[]> ReadWholeFileAsync(string path, long size, CancellationToken cancellationToken)
    {
        try
        {
            // Nothing to read; and where the file type is unknown (no statx), size 0 is what FIFOs
            // and devices report, so this keeps them unopened there too.
            if (size == 0)
            {
                throw new ArticleRejectedException("empty: no text");
            }

            byte[] bytes = await BoundedReading.ReadFileAsync(path, ArticleDecoding.MaxArticleBytes, cancellationToken).ConfigureAwait(false);
            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return ParseJsonDocument(path, ArticleDecoding.DecodeText(bytes));
            }

            return path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                ? [FromHtml(path, ArticleDecoding.DecodeText(bytes))]
                : FromText(path, ArticleDecoding.Decode(bytes));
        }
        catch (ArticleRejectedException ex)
        {
            return [SourceItem.Failed(path, ex.Message)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [SourceItem.Failed(path, "cannot read: " + ex.Message)];
        }
    }
}
