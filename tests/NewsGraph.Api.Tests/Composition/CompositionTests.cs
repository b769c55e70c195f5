using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Extensions;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;

namespace NewsGraph.Api.Tests.Composition;

/// <summary>The composition root's registrations, as <c>serve</c>, <c>ingest</c>, <c>bench</c> and the test hosts use them.</summary>
public sealed class CompositionTests
{
    [Fact]
    public async Task AddNewsGraphStore_RegistersThePortsAndLeavesTheStoreToTheCaller()
    {
        await using TempSqliteStore store = await TempSqliteStore.CreateAsync();
        var reader = new CountingGraphReader(store);
        await using (ServiceProvider services = new ServiceCollection().AddNewsGraphStore(store, reader).BuildServiceProvider())
        {
            Assert.Same(store, services.GetRequiredService<IGraphStore>());
            Assert.Same(store, services.GetRequiredService<IGraphWriter>());
            Assert.Same(reader, services.GetRequiredService<IGraphReader>());
        }

        // Still open after the container is gone.
        Assert.Equal(0, (await store.GetStatsAsync(CancellationToken.None)).Articles);
    }

    [Fact]
    public async Task AddNewsGraphIngestion_OneEventsInstance_AndCreatedIngestorsHaveTheirOwnOptions()
    {
        await using TempSqliteStore store = await TempSqliteStore.CreateAsync();
        var options = new IngestionOptions { BatchSize = 7 };
        await using ServiceProvider services = new ServiceCollection()
            .AddNewsGraphStore(store)
            .AddNewsGraphIngestion(ArabicArticleExtractor.Default, options)
            .BuildServiceProvider();

        Assert.Same(services.GetRequiredService<IngestionEvents>(), services.GetRequiredService<IIngestionEvents>());
        Assert.Same(ArabicArticleExtractor.Default, services.GetRequiredService<IArticleExtractor>());
        Assert.Same(options, services.GetRequiredService<IngestionOptions>());
        Assert.IsType<ArticleIngestor>(services.GetRequiredService<IArticleIngestor>());
        Assert.Same(services.GetRequiredService<IArticleIngestor>(), services.GetRequiredService<IArticleIngestor>());

        IArticleIngestor startup = services.CreateNewsGraphIngestor(new IngestionOptions { BatchSize = 3 });
        Assert.IsType<ArticleIngestor>(startup);
        Assert.NotSame(services.GetRequiredService<IArticleIngestor>(), startup);
    }
}
