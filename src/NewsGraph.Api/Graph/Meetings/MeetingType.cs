using GraphQL.Types;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.People;
using NewsGraph.Api.Graph.Places;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Meetings;

/// <summary>MET: two people met in person (one per pair and day, merged over articles).</summary>
public sealed class MeetingType : ObjectGraphType<RelationRecord>
{
    public MeetingType()
    {
        Description = "Two people met in person (MET). One per pair and day, however many articles report it.";
        this.AddRelationFields(RelationType.Met);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("participants")
            .Resolve(c => c.Graph().Entities.LoadMany([c.Source.From, c.Source.To]));
        Field<PlaceType>("place").Resolve(c => c.Source.PlaceKey is { } key ? c.Graph().Entities.Load(key) : null);
        Field<StringGraphType>("topic").Resolve(c => c.Source.Topic);
    }
}

/// <summary>PHONED: a phone call between two people.</summary>
public sealed class PhoneCallType : ObjectGraphType<RelationRecord>
{
    public PhoneCallType()
    {
        Description = "Two people spoke by phone (PHONED), kept apart from meetings.";
        this.AddRelationFields(RelationType.Phoned);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("participants")
            .Resolve(c => c.Graph().Entities.LoadMany([c.Source.From, c.Source.To]));
        Field<StringGraphType>("topic").Resolve(c => c.Source.Topic);
    }
}
