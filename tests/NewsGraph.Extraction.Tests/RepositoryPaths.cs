namespace NewsGraph.Extraction.Tests;

/// <summary>Paths inside the repository, found from the test binaries by walking up to NewsGraph.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "src", "NewsGraph.Cli", "Samples");

    public static string GoldFiles => Path.Combine(Root, "tests", "fixtures", "gold", "gold");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
