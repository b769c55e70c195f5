using System.Reflection;

namespace NewsGraph.Extraction;

/// <summary>
/// Reads the files under Data/ that are embedded in this assembly (gazetteers, lexicons, the NER
/// model): extraction never touches the file system. Names are compared with folder separators
/// folded to dots, so the lookup holds whichever way the build spells manifest names.
/// </summary>
internal static class EmbeddedData
{
    private const string Prefix = "NewsGraph.Extraction.Data.";

    public static Stream Open(string relativePath)
    {
        Assembly assembly = typeof(EmbeddedData).Assembly;
        string wanted = Fold(Prefix + relativePath);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (string.Equals(Fold(name), wanted, StringComparison.Ordinal))
            {
                return assembly.GetManifestResourceStream(name)
                    ?? throw new InvalidOperationException($"Embedded resource '{name}' could not be opened.");
            }
        }

        throw new InvalidOperationException($"Embedded resource for Data/{relativePath} not found in {assembly.GetName().Name}.");
    }

    /// <summary>The resource's text, or null when the assembly has no such resource.</summary>
    public static string? TryReadText(string relativePath)
    {
        Assembly assembly = typeof(EmbeddedData).Assembly;
        string wanted = Fold(Prefix + relativePath);
        return assembly.GetManifestResourceNames().Any(n => string.Equals(Fold(n), wanted, StringComparison.Ordinal)) ? ReadText(relativePath) : null;
    }

    public static string ReadText(string relativePath)
    {
        using Stream stream = Open(relativePath);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Non-empty lines that are not '#' comments.</summary>
    public static IEnumerable<string> ReadLines(string relativePath)
    {
        using Stream stream = Open(relativePath);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    private static string Fold(string name) => name.Replace('/', '.').Replace('\\', '.');
}
