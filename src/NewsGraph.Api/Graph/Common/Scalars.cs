using GraphQL.Types;

namespace NewsGraph.Api.Graph.Common;

/// <summary>A calendar date, <c>yyyy-MM-dd</c> (publication dates, meeting dates).</summary>
public sealed class CalendarDateGraphType : DateOnlyGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "A calendar date, ISO 8601 `yyyy-MM-dd`.";
    }
}
