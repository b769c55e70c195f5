using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Ingestion;

namespace NewsGraph.Api.Graph.Ingestion;

/// <summary>The <c>ingestArticles</c> mutation and the <c>articleIngested</c> subscription.</summary>
internal static class IngestionFields
{
    public static void RegisterMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IngestArticlesPayloadType>>("ingestArticles")
            .Description("Extracts and stores articles; per-article results and errors. Needs the API key in the `X-Api-Key` header (mutations are disabled when the server has none configured).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IngestArticleInputType>>>>("input")
            .ResolveAsync(async c =>
            {
                GraphContext graph = c.Graph();
                WriteAccess.Require(graph);

                List<IngestArticleInput> input = c.GetArgument<List<IngestArticleInput>>("input");
                if (input.Count > graph.Options.MaxIngestArticles)
                {
                    throw ErrorCodes.Error(ErrorCodes.BadUserInput, $"At most {graph.Options.MaxIngestArticles} articles per call.");
                }

                IArticleIngestor ingestor = c.RequestServices!.GetRequiredService<IArticleIngestor>();
                List<ArticleInput> articles = input
                    .Select((a, i) => new ArticleInput($"mutation[{i}]", a.Text, a.Title, a.Url, a.Published, a.Source))
                    .ToList();
                IngestReport report = await ingestor.IngestAsync(articles, null, c.CancellationToken).ConfigureAwait(false);
                if (report.StoreUnavailable is not null)
                {
                    // Nothing of this call (or only part of it) is stored: the client must send it again.
                    throw ErrorCodes.Error(ErrorCodes.StoreUnavailable, "The graph store is unavailable; the articles were not stored. Send them again shortly.");
                }

                return report;
            });
    }

    public static void RegisterSubscriptions(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<ArticleIngestedType>, ArticleIngested>("articleIngested")
            .Description("An event each time an article is committed (over WebSocket, subprotocol graphql-transport-ws). Needs the API key when the server requires it for subscriptions (RequireApiKeyForSubscriptions).")
            .ResolveStream(c =>
            {
                IIngestionEvents events = c.RequestServices!.GetRequiredService<IIngestionEvents>();
                return new AsyncEnumerableObservable<ArticleIngested>(events.SubscribeAsync);
            });
    }
}

/// <summary>Bridges an <see cref="IAsyncEnumerable{T}"/> source to the <see cref="IObservable{T}"/> GraphQL.NET streams.</summary>
internal sealed class AsyncEnumerableObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> subscribe) : IObservable<T?>
{
    public IDisposable Subscribe(IObserver<T?> observer)
    {
        var cancellation = new CancellationTokenSource();
        _ = PumpAsync(observer, cancellation.Token);
        return new Subscription(cancellation);
    }

    private async Task PumpAsync(IObserver<T?> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (T item in subscribe(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                observer.OnNext(item);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unsubscribed: nothing more to tell the observer.
        }
        catch (Exception ex)
        {
            observer.OnError(ex);
        }
    }

    private sealed class Subscription(CancellationTokenSource cancellation) : IDisposable
    {
        public void Dispose()
        {
            cancellation.Cancel();
            cancellation.Dispose();
        }
    }
}
