using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Extensions;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// The verbs' composition root for the pipeline: one opened store and the ingestion pipeline over
/// the Arabic extractor (<see cref="ArabicArticleExtractor.Default"/> unless a benchmark wraps it).
/// <c>serve</c> adds it to its web host; <c>ingest</c>, <c>bench</c> and <c>--samples</c> build it alone.
/// </summary>
internal static class Pipeline
{
    /// <summary>The store port and the ingestion pipeline (<see cref="CompositionServiceCollectionExtensions"/>) with the Arabic extractor.</summary>
    public static IServiceCollection AddNewsGraphPipeline(this IServiceCollection services, IGraphStore store, IngestionOptions? options = null, IArticleExtractor? extractor = null) =>
        services.AddNewsGraphStore(store).AddNewsGraphIngestion(extractor ?? ArabicArticleExtractor.Default, options);

    /// <summary>A container holding only the pipeline; dispose it when done (the store stays the caller's).</summary>
    public static ServiceProvider Build(IGraphStore store, IngestionOptions options, IArticleExtractor? extractor = null) =>
        new ServiceCollection().AddNewsGraphPipeline(store, options, extractor).BuildServiceProvider();
}
