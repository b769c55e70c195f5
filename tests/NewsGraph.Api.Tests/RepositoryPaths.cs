namespace NewsGraph.Api.Tests;

/// <summary>Paths in the repository (found by walking up to NewsGraph.sln from the test binaries).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SchemaFile => Path.Combine(Root, "schema", "newsgraph.graphql");

    public static string ApiReadme => Path.Combine(Root, "src", "NewsGraph.Api", "README.md");

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
