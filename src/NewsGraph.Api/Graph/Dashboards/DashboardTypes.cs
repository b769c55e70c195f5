using GraphQL.Types;
using NewsGraph.Api.Graph.Common;
using NewsGraph.Api.Graph.Loading;
using NewsGraph.Api.Graph.Nodes;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Dashboards;

public sealed class StatsType : ObjectGraphType<GraphStats>
{
    public StatsType()
    {
        Name = "Stats";
        Description = "Counts for dashboards: what is stored, every copy of a story included.";
        Field<NonNullGraphType<IntGraphType>>("articles").Description("Every stored article, reprints included.").Resolve(c => (int)c.Source.Articles);
        Field<NonNullGraphType<IntGraphType>>("reprints")
            .Description("How many of `articles` are reprints (near-duplicate copies linked to an original, `Article.reprintOf`); `articles - reprints` is the number of stories.")
            .Resolve(c => (int)c.Source.Reprints);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("entities").Description("Nodes per kind (claims included).").Resolve(c => c.Source.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypeCountType>>>>("relations").Description("Relations per type: every stored one, those only reprints assert included (rankings and relation timelines count those an original asserts).").Resolve(c => c.Source.Relations);
    }
}

public sealed class KindCountType : ObjectGraphType<KindCount>
{
    public KindCountType()
    {
        Name = "KindCount";
        Field<NonNullGraphType<NodeKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => (int)c.Source.Count);
    }
}

public sealed class TypeCountType : ObjectGraphType<TypeCount>
{
    public TypeCountType()
    {
        Name = "TypeCount";
        Field<NonNullGraphType<RelationTypeType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => (int)c.Source.Count);
    }
}

public sealed class TimelineBucketType : ObjectGraphType<TimelineBucket>
{
    public TimelineBucketType()
    {
        Name = "TimelineBucket";
        Description = "Relations (or articles) dated in [start, next bucket); the last bucket, with undated: true and no start, counts those without a date (given only when the timeline has no from/to bounds).";
        Field<CalendarDateGraphType>("start").Description("The bucket's first day; null for the undated bucket.").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<BooleanGraphType>>("undated").Description("True for the bucket of items with no date.").Resolve(c => c.Source.Undated);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => (int)c.Source.Count);
        Field<NonNullGraphType<IntGraphType>>("reprints")
            .Description("Of an article timeline's `count`, the reprints (`count - reprints` stories); always 0 for relations, which count once per story.")
            .Resolve(c => (int)c.Source.Reprints);
    }
}

public sealed class RankedEntityType : ObjectGraphType<RankedEntity>
{
    public RankedEntityType()
    {
        Name = "RankedEntity";
        Description = "An entity (or claim) with the value it was ranked by.";
        Field<NonNullGraphType<GraphNodeInterface>>("entity").Resolve(c => c.Graph().Entities.Load(c.Source.Key));
        Field<NonNullGraphType<IntGraphType>>("value").Resolve(c => (int)Math.Min(c.Source.Value, int.MaxValue));
    }
}
