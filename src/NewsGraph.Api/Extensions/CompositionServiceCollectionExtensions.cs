using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.Core.Diagnostics;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;

namespace NewsGraph.Api.Extensions;

/// <summary>
/// The rest of the composition root next to <see cref="ApiServiceCollectionExtensions.AddNewsGraphApi"/>:
/// the store port and the ingestion pipeline, registered the same way by <c>newsgraph serve</c>,
/// <c>ingest</c>, <c>bench</c> and the test hosts. Only ports and the pipeline of
/// <c>NewsGraph.Ingestion</c> are named here; the host opens the concrete store and picks the extractor.
/// </summary>
public static class CompositionServiceCollectionExtensions
{
    /// <summary>
    /// Registers an opened store as <see cref="IGraphStore"/>, <see cref="IGraphWriter"/>,
    /// <see cref="ISourceStateStore"/> and <see cref="IGraphReader"/> (or <paramref name="reader"/> when the host reads through a wrapper).
    /// The container does not dispose it: the store stays the caller's.
    /// </summary>
    public static IServiceCollection AddNewsGraphStore(this IServiceCollection services, IGraphStore store, IGraphReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton<IGraphStore>(store);
        services.AddSingleton<IGraphReader>(reader ?? store);
        services.AddSingleton<IGraphWriter>(store);
        services.AddSingleton<ISourceStateStore>(store);
        return services;
    }

    /// <summary>
    /// Registers the ingestion pipeline: <paramref name="extractor"/>, <paramref name="options"/> (defaults
    /// when null), one <see cref="IngestionEvents"/> (also as <see cref="IIngestionEvents"/>, for subscribers)
    /// and <see cref="IArticleIngestor"/>, recording into <see cref="NewsGraphMetrics"/> (on the container's
    /// meter factory) and logging where the host logs. It writes to the <see cref="IGraphWriter"/> registered with
    /// <see cref="AddNewsGraphStore"/>.
    /// </summary>
    public static IServiceCollection AddNewsGraphIngestion(this IServiceCollection services, IArticleExtractor extractor, IngestionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        services.AddSingleton<IArticleExtractor>(extractor);
        services.AddSingleton<IngestionOptions>(options ?? new IngestionOptions());
        services.AddNewsGraphMetrics();
        services.AddSingleton<IngestionEvents>();
        services.AddSingleton<IIngestionEvents>(sp => sp.GetRequiredService<IngestionEvents>());
        services.AddSingleton<IArticleIngestor, ArticleIngestor>();
        return services;
    }

    /// <summary>The meter factory (if the host has none yet) and the one <see cref="NewsGraphMetrics"/>; safe to call twice.</summary>
    public static IServiceCollection AddNewsGraphMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton<NewsGraphMetrics>();
        return services;
    }

    /// <summary>
    /// One more ingestor over the registered extractor, writer and events, with its own
    /// <paramref name="options"/> (e.g. <c>serve</c>'s start-up ingest, which may wait for the store
    /// while the API's ingestor fails fast); what it stores is announced to the same subscribers.
    /// </summary>
    public static IArticleIngestor CreateNewsGraphIngestor(this IServiceProvider services, IngestionOptions options) =>
        ActivatorUtilities.CreateInstance<ArticleIngestor>(services, options);
}
