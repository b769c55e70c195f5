using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Memberships;

/// <summary>Filters on memberships. All given conditions must hold.</summary>
public sealed record MembershipFilterInput
{
    public string? State { get; init; }

    public string? Organization { get; init; }

    public MembershipStatus? Status { get; init; }

    public string? Source { get; init; }

    public string? Article { get; init; }

    public FloatFilterInput? Confidence { get; init; }
}

public sealed class MembershipFilterInputType : InputObjectGraphType<MembershipFilterInput>
{
    public MembershipFilterInputType()
    {
        Name = "MembershipFilter";
        Description = "Filters on memberships; all given conditions must hold.";
        Field<IdGraphType>("state").Description("Id of the member state.");
        Field<IdGraphType>("organization").Description("Id of the organization.");
        Field<MembershipStatusType>("status");
        Field<StringGraphType>("source").Description("Asserted by an article of this source.");
        Field<StringGraphType>("article").Description("Asserted by the article with this key.");
        Field<FloatFilterInputType>("confidence").Description(RelationArgs.ConfidenceFilterDescription);
    }
}

internal static class MembershipArgs
{
    public static RelationQuery Read(IResolveFieldContext context)
    {
        MembershipFilterInput where = context.GetArgument<MembershipFilterInput?>("where") ?? new();
        return RelationArgs.Ordered(context, new RelationQuery
        {
            Types = [RelationType.MemberOf],
            FromKey = where.State is { } s ? GlobalId.KeyOf(s, "where.state", TypeNames.State) : null,
            ToKey = where.Organization is { } o ? GlobalId.KeyOf(o, "where.organization", TypeNames.Organization) : null,
            Status = where.Status,
            Source = where.Source,
            ArticleKey = where.Article,
        }.WithConfidence(where.Confidence));
    }
}
