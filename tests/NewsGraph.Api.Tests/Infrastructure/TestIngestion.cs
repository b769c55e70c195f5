using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>Ingests through the real extractor into a test store and broadcasts each committed article.</summary>
public sealed class TestIngestor(IGraphWriter store, TestIngestionEvents events) : IArticleIngestor
{
    public async Task<IngestReport> IngestAsync(IReadOnlyList<ArticleInput> inputs, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<ArticleOutcome>();
        foreach (ArticleInput input in inputs)
        {
            if (string.IsNullOrWhiteSpace(input.Text))
            {
                outcomes.Add(new ArticleOutcome(input.Origin, null, input.Title, 0, 0, "the article text is empty"));
                continue;
            }

            var info = new ArticleInfo(GraphKeys.Article(input.Url, input.Text), input.Text, input.Title, input.Url, input.Source, Published: input.Published);
            ArticleGraph graph = ArabicArticleExtractor.Default.Extract(info);
            await store.UpsertAsync([graph], cancellationToken).ConfigureAwait(false);
            outcomes.Add(new ArticleOutcome(input.Origin, info.Key, info.Title, graph.Entities.Count, graph.Relations.Count, null));
            events.Publish(new ArticleIngested(info.Key, info.Title, info.Source, info.Published, graph.Entities.Count, graph.Relations.Count));
        }

        return new IngestReport(outcomes);
    }
}

/// <summary>An in-process broadcast: each subscriber gets every event published after it subscribed.</summary>
public sealed class TestIngestionEvents : IIngestionEvents
{
    private readonly Lock _gate = new();
    private readonly List<Channel<ArticleIngested>> _subscribers = [];

    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Publish(ArticleIngested item)
    {
        lock (_gate)
        {
            foreach (Channel<ArticleIngested> channel in _subscribers)
            {
                channel.Writer.TryWrite(item);
            }
        }
    }

    public async IAsyncEnumerable<ArticleIngested> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Channel<ArticleIngested> channel = Channel.CreateUnbounded<ArticleIngested>();
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (ArticleIngested item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
