using System.Diagnostics.Metrics;
using NewsGraph.Core.Diagnostics;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Tests;

/// <summary>
/// What the pipeline records in <see cref="NewsGraphMetrics"/> and reports per article. The meters
/// come from a factory of this test's own, and the listener hears only those, so counts are exact.
/// </summary>
public sealed class IngestionMetricsTests
{
    private const string Text1 = "قال وزير الخارجية الأردني أيمن الصفدي إن الحل السياسي هو الطريق.";
    private const string Text2 = "التقى رئيس الوزراء الماليزي داتو حسن في كوالالمبور اليوم المبعوث الأممي بيتر سوندرز.";
    private const string Refused = "نص يرفضه المخزن.";

    [Fact]
    public async Task Ingest_TwoRuns_OutcomesSayNewChangedUnchangedAndMetricsCountByWriteAndReason()
    {
        using var meters = new OwnMeterFactory();
        using var recorded = new RecordedMeasurements(meters);
        var store = new ClassifyingStore();
        var ingestor = new ArticleIngestor(new ConstantExtractor(), store, new IngestionEvents(), new IngestionOptions(), new NewsGraphMetrics(meters));

        IngestReport first = await ingestor.IngestAsync(
            [new("a", Text1, Url: "https://example.test/1"), new("b", Text2, Url: "https://example.test/2"), new("copy-of-a", Text1, Url: "https://example.test/1"),
             new("blank", "   "), new("refused", Refused)],
            null, CancellationToken.None);
        IngestReport second = await ingestor.IngestAsync(
            [new("a", Text1, Url: "https://example.test/1"), new("b", Text2 + " وأضاف أن الزيارة تستمر يومين.", Url: "https://example.test/2")],
            null, CancellationToken.None);

        Assert.Equal((2, 0, 0, 2), (first.New, first.Changed, first.Unchanged, first.Failed));
        Assert.Equal((0, 1, 1, 0), (second.New, second.Changed, second.Unchanged, second.Failed));
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["newsgraph.ingest.articles write=new"] = 2,
                ["newsgraph.ingest.articles write=duplicate"] = 1,
                ["newsgraph.ingest.articles write=unchanged"] = 1,
                ["newsgraph.ingest.articles write=changed"] = 1,
                ["newsgraph.ingest.failures reason=rejected"] = 1,
                ["newsgraph.ingest.failures reason=store_refused"] = 1,
                ["newsgraph.ingest.queue.depth"] = 0,
            },
            recorded.Sums());
        Assert.Equal(7, recorded.Count("newsgraph.ingest.extraction.duration"));
        // The first batch is refused, then written one article at a time (3), and the second run is one batch.
        Assert.Equal(5, recorded.Count("newsgraph.ingest.write.duration"));
    }

    private sealed class OwnMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }

    /// <summary>Sums of long measurements by instrument and tags, and how many double measurements each histogram got.</summary>
    private sealed class RecordedMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _sums = [];
        private readonly Dictionary<string, int> _counts = [];

        public RecordedMeasurements(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                string key = string.Join(' ', [instrument.Name, .. tags.ToArray().Select(t => $"{t.Key}={t.Value}")]);
                lock (_sums)
                {
                    _sums[key] = _sums.GetValueOrDefault(key) + value;
                }
            });
            _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
            {
                lock (_counts)
                {
                    _counts[instrument.Name] = _counts.GetValueOrDefault(instrument.Name) + 1;
                }
            });
            _listener.Start();
        }

        public Dictionary<string, long> Sums()
        {
            lock (_sums)
            {
                return new Dictionary<string, long>(_sums);
            }
        }

        public int Count(string instrument)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(instrument);
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    private sealed class ConstantExtractor : IArticleExtractor
    {
        public ArticleGraph Extract(ArticleInfo article) =>
            new(article, [new ExtractedEntity("state:JO", NodeKind.State, "الأردن", [], [], "JO")], []);
    }

    /// <summary>Keeps each key's text and says, as the real stores do, whether a write created, replaced or left an article; refuses one text.</summary>
    private sealed class ClassifyingStore : IGraphWriter
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
        {
            if (batch.Any(g => g.Article.Text == Refused))
            {
                throw new InvalidOperationException("constraint violated");
            }

            var writes = new Dictionary<string, ArticleWrite>(StringComparer.Ordinal);
            foreach (ArticleInfo article in batch.Select(g => g.Article))
            {
                writes[article.Key] = !_texts.TryGetValue(article.Key, out string? stored) ? ArticleWrite.Created
                    : stored == article.Text ? ArticleWrite.Unchanged
                    : ArticleWrite.Replaced;
                _texts[article.Key] = article.Text;
            }

            int unchanged = writes.Values.Count(w => w == ArticleWrite.Unchanged);
            return Task.FromResult(new UpsertResult(batch.Count - unchanged, unchanged, 0, 0) { Writes = writes });
        }
    }
}
