using System.Reflection;

namespace NewsGraph.Cli.Tests;

/// <summary>Dependencies point one way along the flow: sources → extraction → store ← API.</summary>
public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("NewsGraph.Core", new string[0])]
    [InlineData("NewsGraph.Extraction", new[] { "NewsGraph.Core" })]
    [InlineData("NewsGraph.Ingestion", new[] { "NewsGraph.Core" })]
    [InlineData("NewsGraph.Storage.Sqlite", new[] { "NewsGraph.Core" })]
    [InlineData("NewsGraph.Storage.Neo4j", new[] { "NewsGraph.Core" })]
    [InlineData("NewsGraph.Api", new[] { "NewsGraph.Core", "NewsGraph.Ingestion" })]
    [InlineData("NewsGraph.Evaluation", new[] { "NewsGraph.Core", "NewsGraph.Extraction" })]
    public void Project_ReferencesOnlyWhatIsUpstream(string assembly, string[] allowed)
    {
        string[] references = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("NewsGraph.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.All(references, r => Assert.Contains(r, allowed));
    }
}
