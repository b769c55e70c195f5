using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Entities;

/// <summary>Filters on entities. All given conditions must hold.</summary>
public sealed record EntityFilterInput : ICostedFilter
{
    public string? NameContains { get; init; }

    public string? Iso { get; init; }

    public string? Category { get; init; }

    public string? Source { get; init; }

    public DateOnly? MentionedFrom { get; init; }

    public DateOnly? MentionedTo { get; init; }

    public IReadOnlyList<RelationConditionInput>? Some { get; init; }

    public IReadOnlyList<RelationConditionInput>? None { get; init; }

    IEnumerable<string?> ICostedFilter.TextConditions => [.. (Some ?? []).Select(c => c.TextContains), .. (None ?? []).Select(c => c.TextContains)];

    int ICostedFilter.RelationshipConditions => (Some?.Count ?? 0) + (None?.Count ?? 0);
}

/// <summary>A relationship filter: a relation of <see cref="Type"/> matching the other conditions.</summary>
public sealed record RelationConditionInput
{
    public RelationType Type { get; init; }

    public string? Counterpart { get; init; }

    public string? Place { get; init; }

    public MembershipStatus? Status { get; init; }

    public string? TextContains { get; init; }
}

public sealed record EntityOrderInput
{
    public EntityOrderField Field { get; init; } = EntityOrderField.Name;

    public SortDirection Direction { get; init; } = SortDirection.Ascending;
}

public sealed class EntityFilterInputType : InputObjectGraphType<EntityFilterInput>
{
    public EntityFilterInputType()
    {
        Name = "EntityFilter";
        Description = "Filters on entities; all given conditions must hold.";
        Field<StringGraphType>("nameContains").Description("Substring of the name or of an alias, tolerant of Arabic spelling variants (hamza/alef, ة/ه, ى/ي, diacritics).");
        Field<StringGraphType>("iso").Description("ISO 3166-1 alpha-2 code (states).");
        Field<StringGraphType>("category").Description("Organization or place category.");
        Field<StringGraphType>("source").Description("Mentioned in an article of this source.");
        Field<CalendarDateGraphType>("mentionedFrom").Description("Mentioned in an article published on or after this date.");
        Field<CalendarDateGraphType>("mentionedTo").Description("Mentioned in an article published on or before this date.");
        Field<ListGraphType<NonNullGraphType<RelationConditionInputType>>>("some").Description("Has, for each condition, at least one matching relation.");
        Field<ListGraphType<NonNullGraphType<RelationConditionInputType>>>("none").Description("Has, for each condition, no matching relation.");
    }
}

public sealed class RelationConditionInputType : InputObjectGraphType<RelationConditionInput>
{
    public RelationConditionInputType()
    {
        Name = "RelationCondition";
        Description = "A relationship filter: a relation of `type` whose other end, place, status or text match.";
        Field<NonNullGraphType<RelationTypeType>>("type");
        Field<IdGraphType>("counterpart").Description("Id of the node at the other end.");
        Field<IdGraphType>("place").Description("Id of the place (MET).");
        Field<MembershipStatusType>("status").Description("Membership status (MEMBER_OF).");
        Field<StringGraphType>("textContains").Description("Claim text (STATED) or topic (MET) contains, normalized.");
    }
}

public sealed class EntityOrderInputType : InputObjectGraphType<EntityOrderInput>
{
    public EntityOrderInputType()
    {
        Name = "EntityOrder";
        Description = "Default: by name ascending. Ties are broken by id.";
        Field<NonNullGraphType<EntityOrderFieldType>>("field").DefaultValue(EntityOrderField.Name);
        Field<NonNullGraphType<SortDirectionType>>("direction").DefaultValue(SortDirection.Ascending);
    }
}

internal static class EntityArgs
{
    public static FieldBuilder<TSource, TReturn> EntityListArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, bool withKinds = false)
    {
        if (withKinds)
        {
            field = field.Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Only these kinds.");
        }

        return field
            .Argument<EntityFilterInputType>("where")
            .Argument<EntityOrderInputType>("order");
    }

    /// <summary>The store query for the field's <c>where</c>/<c>order</c>/<c>kinds</c> arguments.</summary>
    public static EntityQuery Read(IResolveFieldContext context, NodeKind? kind = null)
    {
        EntityFilterInput where = context.GetArgument<EntityFilterInput?>("where") ?? new();
        EntityOrderInput order = context.GetArgument<EntityOrderInput?>("order") ?? new();
        IReadOnlyList<NodeKind>? kinds = kind is { } k ? [k] : context.GetArgument<List<NodeKind>?>("kinds");
        var relations = new List<RelationExists>();
        relations.AddRange((where.Some ?? []).Select(c => ToExists(c, exists: true)));
        relations.AddRange((where.None ?? []).Select(c => ToExists(c, exists: false)));
        return new EntityQuery
        {
            Kinds = kinds is { Count: > 0 } ? kinds : null,
            NameContains = TextArgs.Normalized(where.NameContains),
            Iso = string.IsNullOrWhiteSpace(where.Iso) ? null : where.Iso.Trim().ToUpperInvariant(),
            Category = where.Category,
            Source = where.Source,
            MentionedFrom = where.MentionedFrom,
            MentionedTo = where.MentionedTo,
            Relations = relations.Count > 0 ? relations : null,
            OrderBy = order.Field,
            Direction = order.Direction,
        };
    }

    private static RelationExists ToExists(RelationConditionInput condition, bool exists) => new(
        condition.Type,
        exists,
        condition.Counterpart is { } counterpart ? GlobalId.KeyOf(counterpart, "counterpart", TypeNames.GraphNodes) : null,
        condition.Place is { } place ? GlobalId.KeyOf(place, "place", TypeNames.Place) : null,
        condition.Status,
        TextArgs.Normalized(condition.TextContains));
}
