namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>Where the repository is, found from the test binaries upwards.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NewsGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
