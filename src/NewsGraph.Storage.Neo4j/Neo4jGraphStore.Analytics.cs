using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// The dashboard reads: totals, timelines, top and co-mentioned entities, counting originals only as
/// <see cref="ReprintCounting"/> says (relations carry <c>originalCount</c> and <c>originalDates</c>).
/// </summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        List<CypherStatement> statements = [new CypherStatement(CypherStatements.CountArticlesStat), new CypherStatement(CypherStatements.CountReprintsStat)];
        statements.AddRange(CypherStatements.EntityKinds.Select(k => new CypherStatement(CypherStatements.CountNodes(k))));
        statements.AddRange(Enum.GetValues<RelationType>().Select(t => new CypherStatement(CypherStatements.CountRelations(t))));
        IReadOnlyList<CypherResult> results = await RunAsync(statements, cancellationToken);
        long Count(int i) => results[i].Rows[0][0].GetInt64();

        // Every kind and type in enum order, zeros included, so dashboards get a stable shape.
        NodeKind[] kinds = CypherStatements.EntityKinds;
        RelationType[] types = Enum.GetValues<RelationType>();
        return new GraphStats(
            Count(0),
            [.. kinds.Select((k, i) => new KindCount(k, Count(2 + i)))],
            [.. types.Select((t, i) => new TypeCount(t, Count(2 + kinds.Length + i)))])
        {
            Reprints = Count(1),
        };
    }

    public async Task<IReadOnlyList<TimelineBucket>> GetTimelineAsync(
        RelationType? type, TimeInterval interval, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        Func<DateOnly, DateOnly> bucket = interval switch
        {
            TimeInterval.Day => d => d,

            // ISO weeks start on Monday.
            TimeInterval.Week => d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
            TimeInterval.Month => d => new DateOnly(d.Year, d.Month, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "not a time interval"),
        };
        string statement = type is { } relationType ? CypherStatements.RelationDates(relationType) : CypherStatements.ArticleDates;
        IReadOnlyList<CypherResult> results = await RunAsync(
            [new CypherStatement(statement, new Dictionary<string, object?> { ["from"] = Neo4jValues.Date(from), ["to"] = Neo4jValues.Date(to) })],
            cancellationToken);
        var rows = results[0].Rows.Select(r => (Day: Neo4jValues.ParseDate(r[0].String()), Count: r[1].GetInt64(), Reprints: r[2].GetInt64())).ToList();
        List<TimelineBucket> buckets = [.. rows
            .Where(r => r.Day is not null)
            .GroupBy(r => bucket(r.Day!.Value))
            .OrderBy(g => g.Key)
            .Select(g => new TimelineBucket(g.Key, g.Sum(r => r.Count)) { Reprints = g.Sum(r => r.Reprints) })];
        long undated = rows.Where(r => r.Day is null).Sum(r => r.Count);
        if (undated > 0)
        {
            buckets.Add(new TimelineBucket(null, undated) { Reprints = rows.Where(r => r.Day is null).Sum(r => r.Reprints) });
        }

        return buckets;
    }

    public async Task<IReadOnlyList<RankedEntity>> GetTopEntitiesAsync(
        NodeKind? kind, EntityRanking by, int first, DateOnly? from, DateOnly? to, DateBasis dateBasis, CancellationToken cancellationToken)
    {
        if (by == EntityRanking.Mentions && dateBasis == DateBasis.Event)
        {
            throw new ArgumentException("Mentions have no event date; rank them by publication date.", nameof(dateBasis));
        }

        if (first <= 0)
        {
            return [];
        }

        (string statement, bool sourceOnly) = by switch
        {
            EntityRanking.Mentions => (CypherStatements.TopEntitiesByMentions, false),
            EntityRanking.Meetings => (CypherStatements.TopEntitiesByRelations(CypherStatements.TypeAlternatives([RelationType.Met])), false),
            EntityRanking.Statements => (CypherStatements.TopEntitiesByRelations(CypherStatements.TypeAlternatives([RelationType.Stated])), true),
            EntityRanking.Degree => (CypherStatements.TopEntitiesByRelations(CypherStatements.AllRelationTypes), false),
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "not an entity ranking"),
        };
        var parameters = new Dictionary<string, object?>
        {
            ["kind"] = kind is { } k ? GraphNames.Label(k) : null,
            ["from"] = Neo4jValues.Date(from),
            ["to"] = Neo4jValues.Date(to),
            ["first"] = first,
            ["sourceOnly"] = sourceOnly,
            ["eventDates"] = dateBasis == DateBasis.Event,
        };
        IReadOnlyList<CypherResult> results = await RunAsync([new CypherStatement(statement, parameters)], cancellationToken);
        return [.. results[0].Rows.Select(r => new RankedEntity(r[0].GetString()!, r[1].GetInt64()))];
    }

    public async Task<IReadOnlyList<RankedEntity>> GetCoMentionedAsync(string entityKey, NodeKind? kind, int first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entityKey);
        if (first <= 0)
        {
            return [];
        }

        var parameters = new Dictionary<string, object?> { ["key"] = entityKey, ["kind"] = kind is { } k ? GraphNames.Label(k) : null, ["first"] = first };
        IReadOnlyList<CypherResult> results = await RunAsync([new CypherStatement(CypherStatements.CoMentioned, parameters)], cancellationToken);
        return [.. results[0].Rows.Select(r => new RankedEntity(r[0].GetString()!, r[1].GetInt64()))];
    }
}
