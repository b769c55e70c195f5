using GraphQL.Types;
using NewsGraph.Api.Graph.Entities;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Meetings;
using NewsGraph.Api.Graph.Paging;
using NewsGraph.Api.Graph.Relations;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.People;

public sealed class PersonType : ObjectGraphType<EntityRecord>
{
    /// <summary>How many of a person's meetings are scanned to rank co-participants.</summary>
    internal const int CoParticipantScan = 1000;

    public PersonType()
    {
        Name = "Person";
        Description = "A person, keyed by the normalized canonical full name, with the titles the articles give them.";
        this.AddEntityFields(NodeKind.Person);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("titles")
            .Description("Titles and roles as written (e.g. نائب وزير الخارجية الروسي).")
            .Resolve(c => c.Source.Titles);
        Field<NonNullGraphType<ConnectionType<MeetingType, RelationRecord>>>("meetings")
            .Description("Meetings (MET) this person took part in. `where.participant` narrows to meetings with another person.")
            .Argument<MeetingFilterInputType>("where")
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.ByEndpoint, MeetingArgs.Read(c, RelationType.Met), PageArgs.Read(c)).Load(c.Source.Key));
        Field<NonNullGraphType<ConnectionType<PhoneCallType, RelationRecord>>>("phoneCalls")
            .Description("Phone calls (PHONED) this person took part in.")
            .Argument<MeetingFilterInputType>("where")
            .OrderArgument()
            .PageArguments()
            .Resolve(c => c.Graph().RelationPages(RelationGrouping.ByEndpoint, MeetingArgs.Read(c, RelationType.Phoned), PageArgs.Read(c)).Load(c.Source.Key));
        this.AddStatementsField("What this person stated (STATED).");
        this.AddRolesField("Roles this person holds (HOLDS_ROLE).", RelationGrouping.BySource);
        Field<NonNullGraphType<ConnectionType<CoParticipantType, CoParticipant>>>("coParticipants")
            .Description("People this person met, most meetings first (ties by id).")
            .PageArguments()
            .Resolve(c =>
            {
                PageRequest page = PageArgs.Read(c);
                string self = c.Source.Key;
                return c.Graph()
                    .RelationPages(RelationGrouping.ByEndpoint, new RelationQuery { Types = [RelationType.Met] }, new PageRequest(First: CoParticipantScan))
                    .Load(self)
                    .Then(meetings => InMemoryPage.Create(RankCounterparts(self, meetings), page));
            });
    }

    private static List<(CoParticipant Item, long Count, string Key)> RankCounterparts(string self, Page<RelationRecord>? meetings) =>
        (meetings ?? Page<RelationRecord>.Empty).Items
            .Select(i => i.Node.From == self ? i.Node.To : i.Node.From)
            .Where(key => key != self)
            .GroupBy(key => key, StringComparer.Ordinal)
            .Select(g => (Item: new CoParticipant(g.Key, g.Count()), Count: (long)g.Count(), g.Key))
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
}

/// <summary>Someone a person met, and how many times.</summary>
public sealed record CoParticipant(string PersonKey, int Meetings);

public sealed class CoParticipantType : ObjectGraphType<CoParticipant>
{
    public CoParticipantType()
    {
        Name = "CoParticipant";
        Description = "Someone a person met, and how many meetings they share.";
        Field<NonNullGraphType<PersonType>>("person").Resolve(c => c.Graph().Entities.Load(c.Source.PersonKey));
        Field<NonNullGraphType<IntGraphType>>("meetings").Resolve(c => c.Source.Meetings);
    }
}
