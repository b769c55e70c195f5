using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Statements;

/// <summary>Filters on statements. All given conditions must hold.</summary>
public sealed record StatementFilterInput : ICostedFilter
{
    public string? Speaker { get; init; }

    public string? TextContains { get; init; }

    public string? Verb { get; init; }

    public DateOnly? DateFrom { get; init; }

    public DateOnly? DateTo { get; init; }

    public string? Source { get; init; }

    public string? Article { get; init; }

    public FloatFilterInput? Confidence { get; init; }

    IEnumerable<string?> ICostedFilter.TextConditions => [TextContains];

    int ICostedFilter.RelationshipConditions => 0;
}

public sealed class StatementFilterInputType : InputObjectGraphType<StatementFilterInput>
{
    public StatementFilterInputType()
    {
        Name = "StatementFilter";
        Description = "Filters on statements; all given conditions must hold.";
        Field<IdGraphType>("speaker").Description("Id of the speaker (person, organization or state).");
        Field<StringGraphType>("textContains").Description("Claim text contains, tolerant of Arabic spelling variants.");
        Field<StringGraphType>("verb").Description("Reporting verb as written.");
        Field<CalendarDateGraphType>("dateFrom");
        Field<CalendarDateGraphType>("dateTo");
        Field<StringGraphType>("source").Description("Asserted by an article of this source.");
        Field<StringGraphType>("article").Description("Asserted by the article with this key.");
        Field<FloatFilterInputType>("confidence").Description(RelationArgs.ConfidenceFilterDescription);
    }
}

internal static class StatementArgs
{
    public static RelationQuery Read(IResolveFieldContext context)
    {
        StatementFilterInput where = context.GetArgument<StatementFilterInput?>("where") ?? new();
        return RelationArgs.Ordered(context, new RelationQuery
        {
            Types = [RelationType.Stated],
            FromKey = where.Speaker is { } s ? GlobalId.KeyOf(s, "where.speaker", TypeNames.Entities) : null,
            TextContains = TextArgs.Normalized(where.TextContains),
            Verb = string.IsNullOrWhiteSpace(where.Verb) ? null : where.Verb.Trim(),
            DateFrom = where.DateFrom,
            DateTo = where.DateTo,
            Source = where.Source,
            ArticleKey = where.Article,
        }.WithConfidence(where.Confidence));
    }
}
