using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Extensions;
using NewsGraph.Api.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Tests.Schema;

/// <summary>The committed SDL (schema/newsgraph.graphql) is exactly what the code prints.</summary>
public sealed class SchemaTests
{
    private const string Regenerate = "NEWSGRAPH_UPDATE_SCHEMA";

    public static string PrintSchema()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IGraphReader>(_ => throw new InvalidOperationException("printing the schema reads nothing"));
        services.AddNewsGraphApi(new ConfigurationBuilder().Build());
        using ServiceProvider provider = services.BuildServiceProvider();
        ISchema schema = provider.GetRequiredService<NewsGraphSchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    [Fact]
    public void Schema_PrintedSdl_MatchesCommittedFile()
    {
        string printed = PrintSchema();
        string path = RepositoryPaths.SchemaFile;
        if (Environment.GetEnvironmentVariable(Regenerate) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, printed);
        }

        string committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(
            committed == printed,
            $"schema/newsgraph.graphql is out of date with the code. Regenerate it with:\n  {Regenerate}=1 dotnet test tests/NewsGraph.Api.Tests --filter FullyQualifiedName~SchemaTests\nthen review and commit the diff.");
    }
}
