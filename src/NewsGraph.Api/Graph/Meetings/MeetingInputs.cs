using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Meetings;

/// <summary>Filters on meetings (and phone calls). All given conditions must hold.</summary>
public sealed record MeetingFilterInput : ICostedFilter
{
    public string? Participant { get; init; }

    public string? Place { get; init; }

    public DateOnly? DateFrom { get; init; }

    public DateOnly? DateTo { get; init; }

    public string? TopicContains { get; init; }

    public string? Source { get; init; }

    public string? Article { get; init; }

    public FloatFilterInput? Confidence { get; init; }

    IEnumerable<string?> ICostedFilter.TextConditions => [TopicContains];

    int ICostedFilter.RelationshipConditions => 0;
}

public sealed class MeetingFilterInputType : InputObjectGraphType<MeetingFilterInput>
{
    public MeetingFilterInputType()
    {
        Name = "MeetingFilter";
        Description = "Filters on meetings and phone calls; all given conditions must hold.";
        Field<IdGraphType>("participant").Description("Id of a person taking part.");
        Field<IdGraphType>("place").Description("Id of the place.");
        Field<CalendarDateGraphType>("dateFrom");
        Field<CalendarDateGraphType>("dateTo");
        Field<StringGraphType>("topicContains").Description("Topic contains (normalized).");
        Field<StringGraphType>("source").Description("Reported by an article of this source.");
        Field<StringGraphType>("article").Description("Reported by the article with this key.");
        Field<FloatFilterInputType>("confidence").Description(RelationArgs.ConfidenceFilterDescription);
    }
}

internal static class MeetingArgs
{
    public static RelationQuery Read(IResolveFieldContext context, RelationType type)
    {
        MeetingFilterInput where = context.GetArgument<MeetingFilterInput?>("where") ?? new();
        return RelationArgs.Ordered(context, new RelationQuery
        {
            Types = [type],
            InvolvingKey = where.Participant is { } p ? GlobalId.KeyOf(p, "where.participant", TypeNames.Person) : null,
            PlaceKey = where.Place is { } place ? GlobalId.KeyOf(place, "where.place", TypeNames.Place) : null,
            DateFrom = where.DateFrom,
            DateTo = where.DateTo,
            TextContains = TextArgs.Normalized(where.TopicContains),
            Source = where.Source,
            ArticleKey = where.Article,
        }.WithConfidence(where.Confidence));
    }
}
