using GraphQL.Types;
using NewsGraph.Api.Graph.Articles;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Ingestion;

namespace NewsGraph.Api.Graph.Ingestion;

/// <summary>One article to ingest through the API.</summary>
public sealed record IngestArticleInput
{
    public string Text { get; init; } = string.Empty;

    public string? Title { get; init; }

    public string? Url { get; init; }

    public DateOnly? Published { get; init; }

    public string? Source { get; init; }
}

public sealed class IngestArticleInputType : InputObjectGraphType<IngestArticleInput>
{
    public IngestArticleInputType()
    {
        Name = "ArticleInput";
        Description = "An article to ingest: its text and what the source knows about it.";
        Field<NonNullGraphType<StringGraphType>>("text").Description("The article text (Arabic wire copy).");
        Field<StringGraphType>("title");
        Field<StringGraphType>("url").Description("Its URL; when given, it is the article's key.");
        Field<CalendarDateGraphType>("published");
        Field<StringGraphType>("source").Description("The agency or site.");
    }
}

public sealed class IngestArticlesPayloadType : ObjectGraphType<IngestReport>
{
    public IngestArticlesPayloadType()
    {
        Name = "IngestArticlesPayload";
        Description = "What became of each article, in input order. A bad article fails alone; the others land.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestArticleResultType>>>>("results")
            .Resolve(c => c.Source.Outcomes.Select((o, i) => new IndexedOutcome(i, o)));
        Field<NonNullGraphType<IntGraphType>>("succeeded").Resolve(c => c.Source.Succeeded);
        Field<NonNullGraphType<IntGraphType>>("failed").Resolve(c => c.Source.Failed);
    }
}

/// <summary>An outcome and its position in the input list.</summary>
public sealed record IndexedOutcome(int Index, ArticleOutcome Outcome);

public sealed class IngestArticleResultType : ObjectGraphType<IndexedOutcome>
{
    public IngestArticleResultType()
    {
        Name = "IngestArticleResult";
        Field<NonNullGraphType<IntGraphType>>("index").Description("Position in `input`.").Resolve(c => c.Source.Index);
        Field<NonNullGraphType<BooleanGraphType>>("ok").Resolve(c => c.Source.Outcome.Succeeded);
        Field<StringGraphType>("articleKey").Resolve(c => c.Source.Outcome.ArticleKey);
        Field<StringGraphType>("title").Resolve(c => c.Source.Outcome.Title);
        Field<NonNullGraphType<IntGraphType>>("entities").Description("Entities extracted.").Resolve(c => c.Source.Outcome.Entities);
        Field<NonNullGraphType<IntGraphType>>("relations").Description("Relations extracted.").Resolve(c => c.Source.Outcome.Relations);
        Field<StringGraphType>("error").Description("Why this article failed; null when it landed.").Resolve(c => c.Source.Outcome.Error);
        Field<ArticleType>("article")
            .Description("The stored article (null when it failed).")
            .Resolve(c => c.Source.Outcome is { Succeeded: true, ArticleKey: { } key } ? c.Graph().Articles.Load(key) : null);
    }
}

public sealed class ArticleIngestedType : ObjectGraphType<ArticleIngested>
{
    public ArticleIngestedType()
    {
        Name = "ArticleIngestedEvent";
        Description = "An article was committed to the store.";
        Field<NonNullGraphType<StringGraphType>>("articleKey").Resolve(c => c.Source.ArticleKey);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("source").Resolve(c => c.Source.Source);
        Field<CalendarDateGraphType>("published").Resolve(c => c.Source.Published);
        Field<NonNullGraphType<IntGraphType>>("entities").Resolve(c => c.Source.Entities);
        Field<NonNullGraphType<IntGraphType>>("relations").Resolve(c => c.Source.Relations);
        Field<ArticleType>("article")
            .Description("The stored article, read when the event is sent.")
            .ResolveAsync(async c =>
            {
                // Read fresh for each event: a subscription lives long, so no cache may serve it.
                var found = await c.Graph().Reader.GetArticlesAsync([c.Source.ArticleKey], c.CancellationToken).ConfigureAwait(false);
                return found.Count > 0 ? found[0] : null;
            });
    }
}
