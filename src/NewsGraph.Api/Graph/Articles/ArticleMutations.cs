using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Articles;

/// <summary>The <c>removeArticles</c> mutation: retraction of articles through the store port.</summary>
internal static class ArticleMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RemoveArticlesPayloadType>, RemoveResult>("removeArticles")
            .Description("Takes articles out of the graph, in one transaction: each one's contribution to every entity and relation goes, and so do the entities and relations only they supported. Idempotent: a key that is not stored changes nothing and is counted in `notFound`. Needs the API key in the `X-Api-Key` header (mutations are disabled when the server has none configured).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keys", "The articles' keys (`Article.key`: the URL, else the hash of the text).")
            .ResolveAsync(async c =>
            {
                GraphContext graph = c.Graph();
                WriteAccess.Require(graph);
                List<string> keys = c.GetArgument<List<string>>("keys");
                if (keys.Count > graph.Options.MaxIngestArticles)
                {
                    throw ErrorCodes.Error(ErrorCodes.BadUserInput, $"At most {graph.Options.MaxIngestArticles} articles per call.");
                }

                if (keys.Any(string.IsNullOrWhiteSpace))
                {
                    throw ErrorCodes.Error(ErrorCodes.BadUserInput, "An article key is empty; nothing was removed.");
                }

                IGraphWriter store = c.RequestServices!.GetRequiredService<IGraphWriter>();
                return await store.RemoveArticlesAsync(keys, c.CancellationToken).ConfigureAwait(false);
            });
    }
}

public sealed class RemoveArticlesPayloadType : ObjectGraphType<RemoveResult>
{
    public RemoveArticlesPayloadType()
    {
        Name = "RemoveArticlesPayload";
        Description = "What a removal changed.";
        Field<NonNullGraphType<IntGraphType>>("removed").Description("Articles taken out.").Resolve(c => c.Source.ArticlesRemoved);
        Field<NonNullGraphType<IntGraphType>>("notFound").Description("Keys that were not stored (already removed, or never ingested).").Resolve(c => c.Source.NotFound);
        Field<NonNullGraphType<IntGraphType>>("entitiesDeleted").Description("Entities and claims no remaining article mentions.").Resolve(c => c.Source.NodesDeleted);
        Field<NonNullGraphType<IntGraphType>>("relationsDeleted").Description("Relations no remaining article asserts.").Resolve(c => c.Source.RelationsDeleted);
    }
}
