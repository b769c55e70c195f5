using System.Text;

namespace NewsGraph.Ingestion.Sources;

/// <summary>
/// Reads that stop at a limit whatever the source claims: a file can grow while it is read, and
/// a size from stat is a promise, not a bound. Memory stays within the limit plus one buffer.
/// </summary>
internal static class BoundedReading
{
    /// <summary>The bytes of a regular file, refused once more than <paramref name="limit"/> bytes come.</summary>
    public static async Task<byte[]> ReadFileAsync(string path, int limit, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite, Options = FileOptions.SequentialScan };
        var stream = new FileStream(path, options);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>All of <paramref name="stream"/>, refused with <see cref="ArticleRejectedException"/> past <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        long claimed = stream.CanSeek ? stream.Length : 0;
        byte[] buffer = new byte[(int)Math.Clamp(claimed + 1, 1, limit + 1L)];
        int count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (count > limit)
                {
                    throw new ArticleRejectedException($"too large: more than {limit:N0} bytes came from a file that claimed {claimed:N0} (the limit is {limit:N0})");
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit + 1L));
            }

            int read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return count == buffer.Length ? buffer : buffer[..count];
            }

            count += read;
        }
    }
}

/// <summary>Lines of a text stream, none kept past a length limit (a file with no line breaks is one endless line).</summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLineLength)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;

    /// <summary>The next line without its line break, or null at the end; an overlong line is skipped and reported by <paramref name="tooLong"/>.</summary>
    public async ValueTask<(string? Line, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        bool tooLong = false;
        bool any = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return any ? Line(tooLong) : (null, false);
                }
            }

            any = true;
            int newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            if (!tooLong && _line.Length + (stop - _start) > maxLineLength)
            {
                tooLong = true;
                _line.Clear();
            }
            else if (!tooLong)
            {
                _line.Append(_buffer, _start, stop - _start);
            }

            if (newline >= 0)
            {
                _start = newline + 1;
                return Line(tooLong);
            }

            _start = _end;
        }
    }

    private (string? Line, bool TooLong) Line(bool tooLong) =>
        tooLong ? (string.Empty, true) : (_line.ToString().TrimEnd('\r'), false);
}
