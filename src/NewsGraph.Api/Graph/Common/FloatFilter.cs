using GraphQL.Types;

namespace NewsGraph.Api.Graph.Common;

/// <summary>Bounds on a number, both inclusive, either optional.</summary>
public sealed record FloatFilterInput
{
    public double? Gte { get; init; }

    public double? Lte { get; init; }
}

public sealed class FloatFilterInputType : InputObjectGraphType<FloatFilterInput>
{
    public FloatFilterInputType()
    {
        Name = "FloatFilter";
        Description = "Bounds on a number, both inclusive and optional. A value that is null never passes a bound.";
        Field<FloatGraphType>("gte").Description("At least this.");
        Field<FloatGraphType>("lte").Description("At most this.");
    }
}
