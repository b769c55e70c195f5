using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Relations;

/// <summary>Filters on relations of any type. All given conditions must hold.</summary>
public sealed record RelationFilterInput
{
    public IReadOnlyList<RelationType>? Types { get; init; }

    public string? Involving { get; init; }

    public DateOnly? DateFrom { get; init; }

    public DateOnly? DateTo { get; init; }

    public string? Source { get; init; }

    public string? Article { get; init; }

    public FloatFilterInput? Confidence { get; init; }
}

public sealed record RelationOrderInput
{
    public RelationOrderField Field { get; init; } = RelationOrderField.Date;

    public SortDirection Direction { get; init; } = SortDirection.Ascending;
}

public sealed class RelationFilterInputType : InputObjectGraphType<RelationFilterInput>
{
    public RelationFilterInputType()
    {
        Name = "RelationFilter";
        Description = "Filters on relations of any type; all given conditions must hold.";
        Field<ListGraphType<NonNullGraphType<RelationTypeType>>>("types");
        Field<IdGraphType>("involving").Description("Id of a node at either end.");
        Field<CalendarDateGraphType>("dateFrom");
        Field<CalendarDateGraphType>("dateTo");
        Field<StringGraphType>("source").Description("Asserted by an article of this source.");
        Field<StringGraphType>("article").Description("Asserted by the article with this key.");
        Field<FloatFilterInputType>("confidence").Description(RelationArgs.ConfidenceFilterDescription);
    }
}

public sealed class RelationOrderInputType : InputObjectGraphType<RelationOrderInput>
{
    public RelationOrderInputType()
    {
        Name = "RelationOrder";
        Description = "Default: by date ascending (undated first). Ties are broken by id.";
        Field<NonNullGraphType<RelationOrderFieldType>>("field").DefaultValue(RelationOrderField.Date);
        Field<NonNullGraphType<SortDirectionType>>("direction").DefaultValue(SortDirection.Ascending);
    }
}

internal static class RelationArgs
{
    public const string ConfidenceDescription =
        "How sure extraction is that the articles assert it: each asserting article's calibrated probability (0 to 1) that it asserts the relation, " +
        "combined across articles by noisy-or, 1 − Π(1 − c) — independent articles saying the same thing make it surer. " +
        "Null when no assertion was scored (phone calls, roles, extraction with the rules alone).";

    public const string ConfidenceFilterDescription =
        "Bounds on `confidence` (a probability, 0 to 1). A relation without a confidence never passes a bound.";

    public static FieldBuilder<TSource, TReturn> RelationListArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<RelationFilterInputType>("where")
        .Argument<RelationOrderInputType>("order");

    public static FieldBuilder<TSource, TReturn> OrderArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<RelationOrderInputType>("order");

    public static RelationQuery Read(IResolveFieldContext context)
    {
        RelationFilterInput where = context.GetArgument<RelationFilterInput?>("where") ?? new();
        return Ordered(context, new RelationQuery
        {
            Types = where.Types is { Count: > 0 } ? where.Types : null,
            InvolvingKey = where.Involving is { } id ? GlobalId.KeyOf(id, "where.involving", TypeNames.GraphNodes) : null,
            DateFrom = where.DateFrom,
            DateTo = where.DateTo,
            Source = where.Source,
            ArticleKey = where.Article,
        }.WithConfidence(where.Confidence));
    }

    /// <summary>
    /// Applies a <c>where.confidence</c> filter. Its bounds are probabilities: a bound outside 0 to 1
    /// (85 meant as 85 %) is refused rather than silently matching nothing or everything.
    /// </summary>
    public static RelationQuery WithConfidence(this RelationQuery query, FloatFilterInput? confidence)
    {
        if (confidence is null)
        {
            return query;
        }

        foreach ((string name, double? bound) in new[] { ("gte", confidence.Gte), ("lte", confidence.Lte) })
        {
            if (bound is { } value && !(value >= 0 && value <= 1))
            {
                throw ErrorCodes.Error(
                    ErrorCodes.InvalidArgument,
                    $"`where.confidence.{name}` must be a probability from 0 to 1; {value.ToString(CultureInfo.InvariantCulture)} was given.");
            }
        }

        return query with { MinConfidence = confidence.Gte, MaxConfidence = confidence.Lte };
    }

    /// <summary>Applies the field's <c>order</c> argument.</summary>
    public static RelationQuery Ordered(IResolveFieldContext context, RelationQuery query)
    {
        RelationOrderInput order = context.GetArgument<RelationOrderInput?>("order") ?? new();
        return query with { OrderBy = order.Field, Direction = order.Direction };
    }
}
