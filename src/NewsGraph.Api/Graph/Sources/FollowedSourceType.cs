using GraphQL.Types;
using NewsGraph.Core.Storage;

namespace NewsGraph.Api.Graph.Sources;

public sealed class FollowedSourceType : ObjectGraphType<SourceState>
{
    public FollowedSourceType()
    {
        Name = "FollowedSource";
        Description = "A news feed or a folder that is followed: new items are ingested as they appear.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("`feed:` and the feed's URL, or `folder:` and the folder's full path.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<FollowedSourceKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("location").Description("The feed's URL or the folder's full path.").Resolve(c => c.Source.Location);
        Field<DateTimeOffsetGraphType>("lastSuccess").Description("When a pass last succeeded (a 304 Not Modified is a success).").Resolve(c => c.Source.LastSuccess);
        Field<DateTimeOffsetGraphType>("lastFailure").Resolve(c => c.Source.LastFailure);
        Field<StringGraphType>("lastError").Description("Why the last pass failed (HTTP status, network error, not a feed, store unavailable …); null once a pass succeeds.").Resolve(c => c.Source.LastError);
        Field<NonNullGraphType<IntGraphType>>("consecutiveFailures").Description("Failures since the last success; each doubles the wait before the next attempt.").Resolve(c => c.Source.ConsecutiveFailures);
        Field<DateTimeOffsetGraphType>("nextAttempt").Description("When the follower tries next: the poll interval after a success, the backoff after a failure.").Resolve(c => c.Source.NextAttempt);
        Field<NonNullGraphType<IntGraphType>>("itemsSeen").Description("Feed items or files handed over so far.").Resolve(c => (int)Math.Min(c.Source.ItemsSeen, int.MaxValue));
    }
}

public sealed class FollowedSourceKindType : EnumerationGraphType<FollowedSourceKind>
{
    public FollowedSourceKindType()
    {
        Name = "FollowedSourceKind";
        Description = "FEED: RSS 2.0, Atom or JSON Feed polled over HTTP; FOLDER: a folder watched for files.";
    }
}
