using GraphQL.Types;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Places;

public sealed class PlaceType : ObjectGraphType<EntityRecord>
{
    public PlaceType()
    {
        Name = "Place";
        Description = "A city or region. Meetings held there: `meetings(where: { place: <id> })`.";
        this.AddEntityFields(NodeKind.Place);
        Field<StringGraphType>("category").Description("Kind of place, when known.").Resolve(c => c.Source.Category);
    }
}
