using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Articles;

internal static class ArticleQueries
{
    public static void Register(ObjectGraphType query)
    {
        query.Field<ArticleType>("article")
            .Description("An article by store key (its URL, else the SHA-256 of its normalized text) or by id.")
            .Argument<StringGraphType>("key")
            .Argument<IdGraphType>("id")
            .Resolve(c =>
            {
                string? key = c.GetArgument<string?>("key");
                string? id = c.GetArgument<string?>("id");
                if ((key is null) == (id is null))
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidArgument, "Give exactly one of `key` and `id`.");
                }

                return c.Graph().Articles.Load(key ?? GlobalId.KeyOf(id!, "id", TypeNames.Article));
            });
        query.Field<NonNullGraphType<ConnectionType<ArticleType, ArticleRecord>>>("articles")
            .Description("Articles, newest first unless ordered otherwise. A connection with filters, paging and `totalCount` on demand.")
            .ArticleListArguments()
            .PageArguments()
            .ResolveAsync(async c => await c.Graph().Reader.FindArticlesAsync(ArticleArgs.Read(c), PageArgs.Read(c), c.CancellationToken).ConfigureAwait(false));
    }
}
