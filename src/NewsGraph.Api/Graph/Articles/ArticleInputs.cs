using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Articles;

/// <summary>Filters on articles. All given conditions must hold.</summary>
public sealed record ArticleFilterInput : ICostedFilter
{
    public string? Source { get; init; }

    public string? TextContains { get; init; }

    public DateOnly? PublishedFrom { get; init; }

    public DateOnly? PublishedTo { get; init; }

    public string? Mentions { get; init; }

    IEnumerable<string?> ICostedFilter.TextConditions => [TextContains];

    int ICostedFilter.RelationshipConditions => 0;
}

public sealed record ArticleOrderInput
{
    public ArticleOrderField Field { get; init; } = ArticleOrderField.Published;

    public SortDirection Direction { get; init; } = SortDirection.Descending;
}

public sealed class ArticleFilterInputType : InputObjectGraphType<ArticleFilterInput>
{
    public ArticleFilterInputType()
    {
        Name = "ArticleFilter";
        Description = "Filters on articles; all given conditions must hold.";
        Field<StringGraphType>("source").Description("Exact source name (e.g. the agency).");
        Field<StringGraphType>("textContains").Description("Substring of the title or text, tolerant of Arabic spelling variants.");
        Field<CalendarDateGraphType>("publishedFrom");
        Field<CalendarDateGraphType>("publishedTo");
        Field<IdGraphType>("mentions").Description("Id of an entity the article mentions.");
    }
}

public sealed class ArticleOrderInputType : InputObjectGraphType<ArticleOrderInput>
{
    public ArticleOrderInputType()
    {
        Name = "ArticleOrder";
        Description = "Default: newest first. Ties are broken by id.";
        Field<NonNullGraphType<ArticleOrderFieldType>>("field").DefaultValue(ArticleOrderField.Published);
        Field<NonNullGraphType<SortDirectionType>>("direction").DefaultValue(SortDirection.Descending);
    }
}

internal static class ArticleArgs
{
    public static FieldBuilder<TSource, TReturn> ArticleListArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<ArticleFilterInputType>("where")
        .Argument<ArticleOrderInputType>("order");

    public static ArticleQuery Read(IResolveFieldContext context)
    {
        ArticleFilterInput where = context.GetArgument<ArticleFilterInput?>("where") ?? new();
        ArticleOrderInput order = context.GetArgument<ArticleOrderInput?>("order") ?? new();
        return new ArticleQuery
        {
            Source = where.Source,
            TextContains = TextArgs.Normalized(where.TextContains),
            PublishedFrom = where.PublishedFrom,
            PublishedTo = where.PublishedTo,
            MentionsKey = where.Mentions is { } id ? GlobalId.KeyOf(id, "where.mentions", TypeNames.GraphNodes) : null,
            OrderBy = order.Field,
            Direction = order.Direction,
        };
    }
}
