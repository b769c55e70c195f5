using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Tests;

public sealed class ArticleIngestorTests
{
    private const string Article1 = "قال وزير الخارجية الأردني أيمن الصفدي إن الحل السياسي هو الطريق.";
    private const string Article2 = "التقى رئيس الوزراء الماليزي داتو حسن في كوالالمبور اليوم المبعوث الأممي بيتر سوندرز.";

    [Fact]
    public async Task Ingest_BadArticleInBatch_FailsAloneAndTheRestLands()
    {
        var store = new RecordingStore();
        var ingestor = new ArticleIngestor(new ConstantExtractor(), store, new IngestionEvents(), new IngestionOptions());

        IngestReport report = await ingestor.IngestAsync([new("a", Article1), new("empty", "   "), new("b", Article2)], null, CancellationToken.None);

        Assert.Equal(2, report.Succeeded);
        ArticleOutcome failed = Assert.Single(report.Outcomes, o => !o.Succeeded);
        Assert.Equal("empty", failed.Origin);
        Assert.Contains("empty", failed.Error, StringComparison.Ordinal);
        Assert.Equal(2, store.Written.Count);
    }

    [Fact]
    public async Task Ingest_SameTextTwiceInOneRun_IsWrittenOnce()
    {
        var store = new RecordingStore();
        var ingestor = new ArticleIngestor(new ConstantExtractor(), store, new IngestionEvents(), new IngestionOptions());

        IngestReport report = await ingestor.IngestAsync([new("a", Article1), new("copy", Article1)], null, CancellationToken.None);

        Assert.Equal(2, report.Succeeded);
        Assert.Single(store.Written);
        Assert.Equal(report.Outcomes[0].ArticleKey, report.Outcomes[1].ArticleKey);
    }

    [Fact]
    public async Task Ingest_SameTextUnderAnotherName_IsADuplicateOfTheFirstAndCountedOnce()
    {
        var ingestor = new ArticleIngestor(new ConstantExtractor(), new RecordingStore(), new IngestionEvents(), new IngestionOptions());

        IngestReport report = await ingestor.IngestAsync([new("a.txt", Article1), new("copy-of-a.txt", Article1), new("b.txt", Article2)], null, CancellationToken.None);

        Assert.Equal(2, report.Ingested);
        Assert.Equal(1, report.Duplicates);
        Assert.Equal(2, report.Entities);
        Assert.Equal("a.txt", report.Outcomes[1].DuplicateOf);
        Assert.Null(report.Outcomes[0].DuplicateOf);
    }

    [Fact]
    public async Task Ingest_StoreRefusesOneArticle_OnlyThatOneFails()
    {
        var store = new RecordingStore { Refuse = Article2 };
        var ingestor = new ArticleIngestor(new ConstantExtractor(), store, new IngestionEvents(), new IngestionOptions());

        IngestReport report = await ingestor.IngestAsync([new("a", Article1), new("b", Article2)], null, CancellationToken.None);

        Assert.True(report.Outcomes[0].Succeeded);
        Assert.False(report.Outcomes[1].Succeeded);
        Assert.Contains("store refused", report.Outcomes[1].Error, StringComparison.Ordinal);
        Assert.Single(store.Written);
    }

    [Fact]
    public async Task Ingest_Committed_AnnouncesEachArticle()
    {
        var events = new IngestionEvents();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        IAsyncEnumerator<ArticleIngested> subscription = events.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        ValueTask<bool> first = subscription.MoveNextAsync();
        var ingestor = new ArticleIngestor(new ConstantExtractor(), new RecordingStore(), events, new IngestionOptions());

        await ingestor.IngestAsync([new("a", Article1)], null, CancellationToken.None);

        Assert.True(await first);
        Assert.Equal(GraphKeys.Article(null, Article1), subscription.Current.ArticleKey);
        await subscription.DisposeAsync();
        Assert.Equal(0, events.SubscriberCount);
    }

    /// <summary>A minimal extractor: the article and one entity, so ingestion is tested on its own.</summary>
    private sealed class ConstantExtractor : IArticleExtractor
    {
        public ArticleGraph Extract(ArticleInfo article) =>
            new(article, [new ExtractedEntity("state:JO", NodeKind.State, "الأردن", [], [], "JO")], []);
    }

    /// <summary>Records what is written; refuses any batch containing one given text.</summary>
    private sealed class RecordingStore : IGraphWriter
    {
        public string? Refuse { get; init; }

        public List<ArticleGraph> Written { get; } = [];

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
        {
            if (batch.Any(g => g.Article.Text == Refuse))
            {
                throw new InvalidOperationException("constraint violated");
            }

            Written.AddRange(batch);
            return Task.FromResult(new UpsertResult(batch.Count, 0, 0, 0));
        }
    }
}
