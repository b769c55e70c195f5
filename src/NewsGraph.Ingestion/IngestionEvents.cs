using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace NewsGraph.Ingestion;

/// <summary>
/// In-process broadcast of committed articles. Each subscriber gets its own bounded channel; a
/// subscriber that falls far behind loses the oldest events rather than slowing ingestion.
/// </summary>
public sealed class IngestionEvents : IIngestionEvents
{
    private const int SubscriberBuffer = 1024;
    private readonly Lock _gate = new();
    private readonly List<Channel<ArticleIngested>> _subscribers = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Publish(ArticleIngested article)
    {
        lock (_gate)
        {
            foreach (Channel<ArticleIngested> channel in _subscribers)
            {
                channel.Writer.TryWrite(article);
            }
        }
    }

    public async IAsyncEnumerable<ArticleIngested> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Channel<ArticleIngested> channel = Channel.CreateBounded<ArticleIngested>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
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
