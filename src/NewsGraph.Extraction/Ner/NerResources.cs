using System.Reflection;

namespace NewsGraph.Extraction.Ner;

/// <summary>
/// Reads files under Data/ embedded in this assembly. MSBuild's logical name keeps the folder
/// separator of %(RecursiveDir) ("NewsGraph.Extraction.Data.ner/x.tsv" on Linux, "\" on Windows),
/// so the lookup compares names with separators folded to dots.
/// </summary>
internal static class NerResources
{
    private const string Prefix = "NewsGraph.Extraction.Data.";

    public static Stream Open(string relativePath)
    {
        Assembly assembly = typeof(NerResources).Assembly;
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

    public static string ReadText(string relativePath)
    {
        using Stream stream = Open(relativePath);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Fold(string name) => name.Replace('/', '.').Replace('\\', '.');
}
