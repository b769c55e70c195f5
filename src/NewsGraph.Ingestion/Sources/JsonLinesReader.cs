using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace NewsGraph.Ingestion.Sources;

/// <summary>
/// <c>.jsonl</c> and <c>.jsonl.gz</c>: one article object per line, streamed, so the file may be
/// any size while each line is bounded by <see cref="ArticleDecoding.MaxArticleBytes"/>. A byte
/// order mark (UTF-8, UTF-16, UTF-32) chooses the encoding; without one the file must be UTF-8.
/// </summary>
internal static class JsonLinesReader
{
    public static async IAsyncEnumerable<SourceItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stream stream;
        string? openError = null;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stream = Stream.Null;
            openError = ex.Message;
        }

        if (openError is not null)
        {
            yield return SourceItem.Failed(path, "cannot read: " + openError);
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var lines = new BoundedLineReader(reader, ArticleDecoding.MaxArticleBytes);
            int lineNumber = 0;
            while (true)
            {
                (string? line, bool tooLong) = (null, false);
                string? readError = null;
                try
                {
                    (line, tooLong) = await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is DecoderFallbackException or InvalidDataException or IOException)
                {
                    readError = ex is DecoderFallbackException ? "not valid UTF-8" : ex.Message;
                }

                if (readError is not null)
                {
                    yield return SourceItem.Failed($"{path}:{lineNumber + 1}", readError + "; the rest of the file was skipped");
                    yield break;
                }

                if (line is null)
                {
                    yield break;
                }

                lineNumber++;
                if (tooLong)
                {
                    yield return SourceItem.Failed($"{path}:{lineNumber}", $"too large: a line of more than {ArticleDecoding.MaxArticleBytes:N0} characters; skipped");
                }
                else if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return FromLine($"{path}:{lineNumber}", line);
                }
            }
        }
    }

    private static SourceItem FromLine(string origin, string line)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            return ArticleFileReader.FromJson(origin, doc.RootElement);
        }
        catch (JsonException ex)
        {
            return SourceItem.Failed(origin, "invalid JSON: " + ex.Message);
        }
    }
}
