using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Nodes;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Articles;

public sealed class ArticleType : ObjectGraphType<ArticleRecord>
{
    public ArticleType()
    {
        Name = TypeNames.Article;
        Description = "A news article as ingested, with what was extracted from it.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Of(c.Source));
        Field<NonNullGraphType<StringGraphType>>("key").Description("The store key: the URL when known, else the SHA-256 of the normalized text.").Resolve(c => c.Source.Key);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("url").Resolve(c => c.Source.Url);
        Field<StringGraphType>("source").Resolve(c => c.Source.Source);
        Field<StringGraphType>("dateline").Resolve(c => c.Source.Dateline);
        Field<CalendarDateGraphType>("published").Resolve(c => c.Source.Published);
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(c => c.Source.Language);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("ingestedAt").Resolve(c => c.Source.IngestedAt);
        Field<ArticleType>("reprintOf")
            .Description("The first stored copy of this article's story when this is a reprint of it (a near-duplicate text, however headlined), else null.")
            .Resolve(c => c.Graph().Reprints.Load(c.Source.Key).ThenLoad(r => r?.OriginalKey is { } original
                ? c.Graph().Articles.Load(original)
                : LoaderResult.Completed<ArticleRecord?>(null)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleType>>>>("reprints")
            .Description("The stored reprints of this article when it is the first copy of its story, earliest stored first.")
            .Resolve(c => c.Graph().Reprints.Load(c.Source.Key).ThenLoad(r => c.Graph().Articles.LoadMany(r?.ReprintKeys ?? [])));
        Field<NonNullGraphType<ConnectionType<GraphNodeInterface, EntityRecord>>>("entities")
            .Description("Entities and claims the article mentions.")
            .EntityListArguments(withKinds: true)
            .PageArguments()
            .Resolve(c => c.Graph().EntityPages(EntityArgs.Read(c), PageArgs.Read(c)).Load(c.Source.Key));
        Field<NonNullGraphType<ConnectionType<RelationInterface, RelationRecord>>>("relations")
            .Description("Relations the article asserts.")
            .RelationListArguments()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.ByArticle, RelationArgs.Read(c), PageArgs.Read(c)).Load(c.Source.Key));
    }
}
