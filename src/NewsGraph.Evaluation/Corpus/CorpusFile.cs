using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NewsGraph.Evaluation.Corpus;

/// <summary>
/// Reads a corpus file (<c>.jsonl</c> or <c>.jsonl.gz</c>; one object per line with <c>source</c>,
/// <c>url</c>, <c>date_extracted</c>, <c>title</c>, <c>content</c>) line by line, keeping the raw
/// <c>content</c> so that character offsets into it stay valid.
/// </summary>
public static class CorpusFile
{
    public static async IAsyncEnumerable<CorpusArticle> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"corpus file not found: {path} (pass --corpus FILE)", path);
        }

        await using FileStream file = File.OpenRead(path);
        await using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        int line = -1;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } json)
        {
            line++;
            if (json.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(json);
            JsonElement e = doc.RootElement;
            yield return new CorpusArticle(line, Str(e, "source"), Str(e, "url"), Str(e, "date_extracted"), Str(e, "title"), Str(e, "content"));
        }
    }

    /// <summary>Reads the lines asked for, in one pass; throws when one is missing.</summary>
    public static async Task<IReadOnlyDictionary<int, CorpusArticle>> ReadLinesAsync(string path, IReadOnlySet<int> lines, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<int, CorpusArticle>(lines.Count);
        await foreach (CorpusArticle a in ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (lines.Contains(a.Line))
            {
                found[a.Line] = a;
            }
        }

        int[] missing = lines.Where(l => !found.ContainsKey(l)).Order().Take(5).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{path} has no line {string.Join(", ", missing)}: is it the corpus the annotations were drawn from?");
        }

        return found;
    }

    /// <summary>SHA-256 of the content's UTF-8 bytes, lower-case hex: checks that a line still holds the annotated text.</summary>
    public static string ContentHash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
