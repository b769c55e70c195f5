using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// The dashboard reads: totals, timelines, top and co-mentioned entities (trigger-kept counters where
/// undated), counting originals only as <see cref="ReprintCounting"/> says (schema version 9).
/// </summary>
public sealed partial class SqliteGraphStore
{
    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        return await ReadAsync(async session =>
        {
            SqliteCommand command = session.Command(SqliteStatements.SelectStats);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            long articles = reader.GetInt64(0);
            long reprints = reader.GetInt64(1);

            var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                kinds[reader.GetString(0)] = reader.GetInt64(1);
            }

            var types = new Dictionary<string, long>(StringComparer.Ordinal);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                types[reader.GetString(0)] = reader.GetInt64(1);
            }

            // Every kind and type in enum order, zeros included, so dashboards get a stable shape.
            return new GraphStats(
                articles,
                [.. Enum.GetValues<NodeKind>().Where(k => k != NodeKind.Article).Select(k => new KindCount(k, kinds.GetValueOrDefault(GraphNames.Label(k))))],
                [.. Enum.GetValues<RelationType>().Select(t => new TypeCount(t, types.GetValueOrDefault(GraphNames.TypeName(t))))])
            {
                Reprints = reprints,
            };
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<TimelineBucket>> GetTimelineAsync(
        RelationType? type, TimeInterval interval, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        string bucket = interval switch
        {
            TimeInterval.Day => SqliteStatements.DayBucket,
            TimeInterval.Week => SqliteStatements.WeekBucket,
            TimeInterval.Month => SqliteStatements.MonthBucket,
            _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "not a time interval"),
        };
        string sql = type is null
            ? string.Format(CultureInfo.InvariantCulture, SqliteStatements.ArticleTimelineTemplate, string.Format(CultureInfo.InvariantCulture, bucket, SqliteStatements.ArticlePublished))
            : string.Format(CultureInfo.InvariantCulture, SqliteStatements.RelationTimelineTemplate, string.Format(CultureInfo.InvariantCulture, bucket, SqliteStatements.RelationEffectiveDate));

        return await ReadAsync(async session =>
        {
            SqliteCommand command = session.Command(sql);
            command.Parameters.AddWithValue("@from", SqliteValues.OrNull(SqliteValues.Date(from)));
            command.Parameters.AddWithValue("@to", SqliteValues.OrNull(SqliteValues.Date(to)));
            if (type is { } relationType)
            {
                command.Parameters.AddWithValue("@type", GraphNames.TypeName(relationType));
            }

            var buckets = new List<TimelineBucket>();
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                buckets.Add(new TimelineBucket(reader.IsDBNull(0) ? null : SqliteValues.ParseDate(reader.GetString(0)), reader.GetInt64(1)) { Reprints = reader.GetInt64(2) });
            }

            return buckets;
        }, cancellationToken);
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

        if (from is null && to is null)
        {
            return await GetTopEntitiesByCountAsync(kind, by, first, cancellationToken);
        }

        (string sql, string? types, bool sourceOnly) = by switch
        {
            EntityRanking.Mentions => (SqliteStatements.TopEntitiesByMentions, null, false),
            EntityRanking.Meetings => (SqliteStatements.TopEntitiesByRelations, SqliteJson.Serialize(new[] { GraphNames.TypeName(RelationType.Met) }), false),
            EntityRanking.Statements => (SqliteStatements.TopEntitiesByRelations, SqliteJson.Serialize(new[] { GraphNames.TypeName(RelationType.Stated) }), true),
            EntityRanking.Degree => (SqliteStatements.TopEntitiesByRelations, (string?)null, false),
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "not an entity ranking"),
        };

        return await ReadAsync(async session =>
        {
            SqliteCommand command = session.Command(sql);
            command.Parameters.AddWithValue("@kind", SqliteValues.OrNull(kind is { } k ? GraphNames.Label(k) : null));
            command.Parameters.AddWithValue("@from", SqliteValues.OrNull(SqliteValues.Date(from)));
            command.Parameters.AddWithValue("@to", SqliteValues.OrNull(SqliteValues.Date(to)));
            command.Parameters.AddWithValue("@first", (long)first);
            if (by != EntityRanking.Mentions)
            {
                command.Parameters.AddWithValue("@types", SqliteValues.OrNull(types));
                command.Parameters.AddWithValue("@sourceOnly", sourceOnly ? 1L : 0L);
                command.Parameters.AddWithValue("@eventDates", dateBasis == DateBasis.Event ? 1L : 0L);
            }

            return await ReadRankedAsync(command, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Undated rankings read the counts the schema keeps per entity (see <see cref="SqliteStatements.CreateReadIndexesV2"/>).</summary>
    private async Task<IReadOnlyList<RankedEntity>> GetTopEntitiesByCountAsync(NodeKind? kind, EntityRanking by, int first, CancellationToken cancellationToken)
    {
        string column = by switch
        {
            EntityRanking.Mentions => SqliteStatements.MentionCountColumn,
            EntityRanking.Meetings => SqliteStatements.MeetingCountColumn,
            EntityRanking.Statements => SqliteStatements.StatementCountColumn,
            EntityRanking.Degree => SqliteStatements.DegreeColumn,
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "not an entity ranking"),
        };

        return await ReadAsync(async session =>
        {
            SqliteCommand command;
            if (kind is { } k)
            {
                command = session.Command(string.Format(CultureInfo.InvariantCulture, SqliteStatements.TopEntitiesOfKindByCountTemplate, column));
                command.Parameters.AddWithValue("@kind", GraphNames.Label(k));
            }
            else
            {
                string arms = string.Join(SqliteStatements.UnionAll, s_entityKinds.Select((_, i) =>
                    string.Format(CultureInfo.InvariantCulture, SqliteStatements.TopEntitiesByCountArmTemplate, column, i)));
                command = session.Command(string.Format(CultureInfo.InvariantCulture, SqliteStatements.TopEntitiesByCountTemplate, column, arms));
                for (int i = 0; i < s_entityKinds.Length; i++)
                {
                    command.Parameters.AddWithValue("@kind" + i.ToString(CultureInfo.InvariantCulture), s_entityKinds[i]);
                }
            }

            command.Parameters.AddWithValue("@first", (long)first);
            return await ReadRankedAsync(command, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RankedEntity>> GetCoMentionedAsync(string entityKey, NodeKind? kind, int first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entityKey);
        if (first <= 0)
        {
            return [];
        }

        return await ReadAsync(async session =>
        {
            SqliteCommand command = session.Command(SqliteStatements.CoMentioned);
            command.Parameters.AddWithValue("@key", entityKey);
            command.Parameters.AddWithValue("@kind", SqliteValues.OrNull(kind is { } k ? GraphNames.Label(k) : null));
            command.Parameters.AddWithValue("@first", (long)first);
            return await ReadRankedAsync(command, cancellationToken);
        }, cancellationToken);
    }
}
