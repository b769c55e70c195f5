using NewsGraph.Core.Graph;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>The sample articles bundled with the CLI (src/NewsGraph.Cli/Samples), extracted as ingestion does.</summary>
public static class BundledSamples
{
    private static readonly Lazy<Task<IReadOnlyList<ArticleGraph>>> s_graphs = new(ExtractAsync);

    public static Task<IReadOnlyList<ArticleGraph>> GraphsAsync() => s_graphs.Value;

    private static async Task<IReadOnlyList<ArticleGraph>> ExtractAsync()
    {
        string folder = FindSamples();
        var graphs = new List<ArticleGraph>();
        await foreach (SourceItem item in ArticleFileReader.ReadAsync([folder], CancellationToken.None))
        {
            if (item.Article is { } input)
            {
                var article = new ArticleInfo(GraphKeys.Article(input.Url, input.Text), input.Text, input.Title, input.Url, input.Source, Published: input.Published, File: input.File);
                graphs.Add(ArabicArticleExtractor.Default.Extract(article));
            }
        }

        return graphs;
    }

    private static string FindSamples()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "NewsGraph.Cli", "Samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/NewsGraph.Cli/Samples not found above " + AppContext.BaseDirectory);
    }
}
