using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode with foreign keys on. Every read rents
/// a session (an open connection that keeps its statements prepared, <see cref="SqliteReadSessions"/>)
/// and every write opens its own pooled connection, so reads run concurrently with each other and
/// with a write (WAL readers see the last committed state); writes are serialized by a gate in this instance
/// and, across processes, by SQLite's own write lock (BEGIN IMMEDIATE plus a busy timeout).
/// Call <see cref="InitializeAsync"/> once before anything else.
/// </summary>
public sealed partial class SqliteGraphStore(string databasePath, TimeProvider timeProvider) : IGraphStore, IStoreProbe, IAsyncDisposable
{
    private const int MaxSearchTerms = 16;

    /// <summary>The labels of every kind stored in <c>entities</c> (all but Article).</summary>
    private static readonly string[] s_entityKinds = [.. Enum.GetValues<NodeKind>().Where(k => k != NodeKind.Article).Select(GraphNames.Label)];

    private readonly string _connectionString = ConnectionString(databasePath);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteReadSessions _reads = new(ConnectionString(databasePath));
    private bool _disposed;

    static SqliteGraphStore()
    {
        SqliteProcessSettings.EnsureApplied();
    }

    public SqliteGraphStore(string databasePath)
        : this(databasePath, TimeProvider.System)
    {
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; } = Path.GetFullPath(databasePath);

    public Task<IReadOnlyList<EntityRecord>> GetEntitiesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        ReadByKeysAsync(SqliteStatements.SelectEntitiesByKeys, keys, SqliteRows.Entity, cancellationToken);

    public Task<IReadOnlyList<ArticleRecord>> GetArticlesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        ReadByKeysAsync(SqliteStatements.SelectArticlesByKeys, keys, SqliteRows.Article, cancellationToken);

    public Task<IReadOnlyList<RelationRecord>> GetRelationsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        ReadByKeysAsync(SqliteStatements.SelectRelationsByKeys, keys, SqliteRows.Relation, cancellationToken);

    public async Task<Page<EntityRecord>> FindEntitiesAsync(EntityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        return await ReadAsync(async session =>
        {
            return await EntityList(query, grouped: false).ReadPageAsync(session, SqliteStatements.EntitiesSource, EntitySort(query), page, SqliteRows.Entity, cancellationToken);
        }, cancellationToken);
    }

    public async Task<Page<ArticleRecord>> FindArticlesAsync(ArticleQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        return await ReadAsync(async session =>
        {
            return await ArticleList(query).ReadPageAsync(session, SqliteStatements.ArticlesSource, ArticleSort(query), page, SqliteRows.Article, cancellationToken);
        }, cancellationToken);
    }

    public async Task<Page<RelationRecord>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        return await ReadAsync(async session =>
        {
            return await RelationList(query, grouped: false).ReadPageAsync(session, SqliteStatements.RelationsSource, RelationSort(query), page, SqliteRows.Relation, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FindRelationsForAsync(
        IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        string source = grouping switch
        {
            RelationGrouping.ByEndpoint => SqliteStatements.RelationsByEndpointSource,
            RelationGrouping.BySource => SqliteStatements.RelationsBySourceSource,
            RelationGrouping.ByTarget => SqliteStatements.RelationsByTargetSource,
            RelationGrouping.ByArticle => SqliteStatements.RelationsByArticleSource,
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "not a relation grouping"),
        };
        return await ReadAsync(async session =>
        {
            return await RelationList(query, grouped: true).ReadGroupedPagesAsync(session, keys, source, RelationSort(query), page, SqliteRows.Relation, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Page<EntityRecord>>> FindEntitiesInArticlesAsync(
        IReadOnlyCollection<string> articleKeys, EntityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleKeys);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        return await ReadAsync(async session =>
        {
            return await EntityList(query, grouped: true).ReadGroupedPagesAsync(
                session, articleKeys, SqliteStatements.EntitiesInArticlesSource, EntitySort(query), page, SqliteRows.Entity, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Page<ArticleRecord>>> FindArticlesMentioningAsync(
        IReadOnlyCollection<string> entityKeys, ArticleQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entityKeys);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);

        // Relation ends are always mentioned by the asserting article (UpsertAsync enforces it),
        // so the mentions alone cover "or assert a relation of it".
        return await ReadAsync(async session =>
        {
            return await ArticleList(query).ReadGroupedPagesAsync(
                session, entityKeys, SqliteStatements.ArticlesMentioningSource, ArticleSort(query), page, SqliteRows.Article, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int first, CancellationToken cancellationToken)
    {
        string exact = ArabicText.Normalize(text);
        string[] terms = [.. exact.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t.Any(char.IsLetterOrDigit)).Take(MaxSearchTerms)];
        if (terms.Length == 0 || first <= 0 || kinds is { Count: 0 })
        {
            return [];
        }

        return await ReadAsync(async session =>
        {
            IReadOnlyList<SearchHit> hits = await SearchAsync(session, exact, FtsQuery.AllOf(terms), kinds, first, cancellationToken);
            if (hits.Count == 0 && terms.Length > 1)
            {
                // Nothing has every word: fall back to any word, still ranked by bm25.
                hits = await SearchAsync(session, exact, FtsQuery.AnyOf(terms), kinds, first, cancellationToken);
            }

            return hits;
        }, cancellationToken);
    }

    public async Task<GraphPath?> ShortestPathAsync(
        string fromKey, string toKey, int maxHops, IReadOnlyCollection<RelationType>? types, StatusFilter? statusFilter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromKey);
        ArgumentNullException.ThrowIfNull(toKey);
        return await ReadAsync(async session =>
        {
            {
                SqliteCommand command = session.Command(SqliteStatements.CountExistingNodes);
                command.Parameters.AddWithValue("@fromKey", fromKey);
                command.Parameters.AddWithValue("@toKey", toKey);
                long found = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                if (found < (fromKey == toKey ? 1 : 2))
                {
                    return null;
                }
            }

            if (fromKey != toKey && types is { Count: 0 })
            {
                return null;
            }

            object typesParameter = types is null ? DBNull.Value : SqliteJson.Serialize(types.Select(GraphNames.TypeName).Distinct());
            return await BreadthFirstPath.FindAsync(fromKey, toKey, maxHops, ReadFrontierAsync, ReadPathRelationsAsync, statusFilter, cancellationToken);

            async Task<IReadOnlyList<PathEdge>> ReadFrontierAsync(IReadOnlyList<string> frontier, CancellationToken cancellation)
            {
                SqliteCommand command = session.Command(SqliteStatements.SelectFrontierRelations);
                command.Parameters.AddWithValue("@frontier", SqliteJson.Serialize(frontier));
                command.Parameters.AddWithValue("@types", typesParameter);
                var edges = new List<PathEdge>();
                await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellation);
                while (await reader.ReadAsync(cancellation))
                {
                    edges.Add(new PathEdge(reader.GetString(0), reader.GetString(1), reader.GetString(2), GraphNames.ParseType(reader.GetString(3))));
                }

                return edges;
            }

            Task<IReadOnlyList<RelationRecord>> ReadPathRelationsAsync(IReadOnlyList<string> keys, CancellationToken cancellation) =>
                ReadByKeysAsync(session, SqliteStatements.SelectRelationsByKeys, keys, SqliteRows.Relation, cancellation);
        }, cancellationToken);
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        return await ReadAsync(async session =>
        {
            SqliteCommand command = session.Command(SqliteStatements.SelectStats);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            long articles = reader.GetInt64(0);

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
                [.. Enum.GetValues<RelationType>().Select(t => new TypeCount(t, types.GetValueOrDefault(GraphNames.TypeName(t))))]);
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
                buckets.Add(new TimelineBucket(reader.IsDBNull(0) ? null : SqliteValues.ParseDate(reader.GetString(0)), reader.GetInt64(1)));
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

    public async Task<Page<ArticleGraph>> ExportArticlesAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Last is not null || page.Before is not null)
        {
            throw new ArgumentException("Export pages go forward only (First/After).", nameof(page));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(page.Size);
        string? after = page.After is null ? null : Cursor.Decode(page.After).Key;
        await using SqliteConnection connection = await OpenAsync(cancellationToken);

        var articles = new List<ArticleRecord>();
        await using (SqliteCommand command = Command(connection, SqliteStatements.SelectExportArticles))
        {
            command.Parameters.AddWithValue("@after", SqliteValues.OrNull(after));
            command.Parameters.AddWithValue("@limit", (long)page.Size + 1);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                articles.Add(SqliteRows.Article(reader, 0));
            }
        }

        bool hasNext = articles.Count > page.Size;
        if (hasNext)
        {
            articles.RemoveAt(articles.Count - 1);
        }

        string keys = SqliteJson.Serialize(articles.Select(a => a.Key));
        var entities = articles.ToDictionary(a => a.Key, _ => new List<ExtractedEntity>(), StringComparer.Ordinal);
        await using (SqliteCommand command = Command(connection, SqliteStatements.SelectExportMentions))
        {
            command.Parameters.AddWithValue("@keys", keys);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entities[reader.GetString(0)].Add(new ExtractedEntity(
                    reader.GetString(1),
                    GraphNames.ParseKind(reader.GetString(2)),
                    reader.GetString(3),
                    SqliteJson.StringList(reader.GetString(4)),
                    SqliteJson.StringList(reader.GetString(5)),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.GetInt32(8)));
            }
        }

        var relations = articles.ToDictionary(a => a.Key, _ => new List<ExtractedRelation>(), StringComparer.Ordinal);
        await using (SqliteCommand command = Command(connection, SqliteStatements.SelectExportProvenance))
        {
            command.Parameters.AddWithValue("@keys", keys);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
                relations[reader.GetString(0)].Add(new ExtractedRelation(
                    GraphNames.ParseType(reader.GetString(1)),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetInt32(5),
                    SqliteValues.ParseDate(Text(6)),
                    Text(7),
                    Text(8),
                    Text(9),
                    Text(10) is { } status ? GraphNames.ParseStatus(status) : null,
                    Text(11),
                    reader.IsDBNull(12) ? null : reader.GetDouble(12),
                    Text(13) is { } precision ? GraphNames.ParsePrecision(precision) : null,
                    Text(14) is { } source ? GraphNames.ParseSource(source) : null));
            }
        }

        bool hasPrevious = false;
        if (after is not null)
        {
            await using SqliteCommand command = Command(connection, SqliteStatements.ExistsArticleAtOrBefore);
            command.Parameters.AddWithValue("@after", after);
            hasPrevious = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
        }

        long? total = null;
        if (page.IncludeTotal)
        {
            total = Convert.ToInt64(await ScalarAsync(connection, SqliteStatements.CountArticles, cancellationToken), CultureInfo.InvariantCulture);
        }

        List<PageItem<ArticleGraph>> items = [.. articles.Select(a => new PageItem<ArticleGraph>(
            new ArticleGraph(
                new ArticleInfo(a.Key, a.Text, a.Title, a.Url, a.Source, a.Dateline, a.Published, a.Language, a.File),
                entities[a.Key],
                relations[a.Key]),
            Cursor.Encode(a.Key, a.Key)))];
        return new Page<ArticleGraph>(items, hasNext, hasPrevious, total);
    }

    /// <summary>Closes the read sessions and returns pooled connections, so the file is closed (and can be moved or deleted) after disposal.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _reads.Dispose();
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
            _writeGate.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static SqliteSort EntitySort(EntityQuery query) => query.OrderBy switch
    {
        EntityOrderField.Name => new(SqliteStatements.EntityNameSort, SortValueKind.Text, query.Direction),
        EntityOrderField.Mentions => new(SqliteStatements.EntityMentionsSort, SortValueKind.Number, query.Direction),
        EntityOrderField.Articles => new(SqliteStatements.EntityArticlesSort, SortValueKind.Number, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not an entity order"),
    };

    private static SqliteSort ArticleSort(ArticleQuery query) => query.OrderBy switch
    {
        ArticleOrderField.Published => new(SqliteStatements.ArticlePublishedSort, SortValueKind.Date, query.Direction),
        ArticleOrderField.Title => new(SqliteStatements.ArticleTitleSort, SortValueKind.Text, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not an article order"),
    };

    private static SqliteSort RelationSort(RelationQuery query) => query.OrderBy switch
    {
        RelationOrderField.Date => new(SqliteStatements.RelationDateSort, SortValueKind.Date, query.Direction),
        RelationOrderField.Articles => new(SqliteStatements.RelationArticlesSort, SortValueKind.Number, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not a relation order"),
    };

    /// <param name="grouped">Pages per article: the kind stays a list there (see below).</param>
    private static SqliteListQuery EntityList(EntityQuery query, bool grouped)
    {
        var list = new SqliteListQuery(SqliteStatements.EntityColumns, SqliteStatements.EntityColumnNames, "e.key", string.Empty);
        // people, states …: (kind, name_norm, key) serves a page by name in order (24 ms -> 19 µs for
        // people on the corpus graph); next to a name filter the name index must lead instead.
        bool kindOnly = !grouped && query with { Kinds = null, OrderBy = default, Direction = default } == new EntityQuery { OrderBy = default, Direction = default };
        list.WhereCategory(
            query.Kinds?.Select(GraphNames.Label).ToList(), kindOnly, (SqliteStatements.EntityKindEquals, "@kind"), (SqliteStatements.EntityKindIn, "@kinds"),
            SqliteStatements.CountEntitiesOfKinds);

        if (query.Keys is { } keys)
        {
            list.Where(SqliteStatements.EntityKeyIn, "@keys", SqliteJson.Serialize(keys));
        }

        if (query.NameContains is { } name)
        {
            string normalized = ArabicText.Normalize(name);
            if (normalized.Length >= FtsQuery.TrigramLength)
            {
                list.Where(SqliteStatements.EntityNameContainsIndexed, "@nameContains", normalized);
                list.Bind("@nameMatch", FtsQuery.CoveringTrigrams(normalized));
            }
            else
            {
                list.Where(SqliteStatements.EntityNameContains, "@nameContains", normalized);
            }
        }

        if (query.Iso is { } iso)
        {
            list.Where(SqliteStatements.EntityIsoEquals, "@iso", iso);
        }

        if (query.Category is { } category)
        {
            list.Where(SqliteStatements.EntityCategoryEquals, "@category", category);
        }

        if (query.Source is not null || query.MentionedFrom is not null || query.MentionedTo is not null)
        {
            list.Where(SqliteStatements.EntityMentionedIn);
            list.Bind("@source", query.Source);
            list.Bind("@mentionedFrom", SqliteValues.Date(query.MentionedFrom));
            list.Bind("@mentionedTo", SqliteValues.Date(query.MentionedTo));
        }

        for (int i = 0; i < (query.Relations?.Count ?? 0); i++)
        {
            RelationExists condition = query.Relations![i];
            string suffix = i.ToString(CultureInfo.InvariantCulture);
            string? text = condition.TextContains is null ? null : ArabicText.Normalize(condition.TextContains);
            string negation = condition.Exists ? string.Empty : "NOT";
            if (text is { Length: >= FtsQuery.TrigramLength })
            {
                list.Where(string.Format(CultureInfo.InvariantCulture, SqliteStatements.EntityRelationTextSetTemplate, suffix, negation));
                list.Bind("@relMatch" + suffix, FtsQuery.CoveringTrigrams(text));
            }
            else
            {
                string textCondition = string.Format(CultureInfo.InvariantCulture, SqliteStatements.RelationExistsTextScan, suffix);
                list.Where(string.Format(CultureInfo.InvariantCulture, SqliteStatements.EntityRelationExistsTemplate, suffix, negation, textCondition));
            }

            list.Bind("@relType" + suffix, GraphNames.TypeName(condition.Type));
            list.Bind("@relCounterpart" + suffix, condition.CounterpartKey);
            list.Bind("@relPlace" + suffix, condition.PlaceKey);
            list.Bind("@relStatus" + suffix, SqliteValues.Status(condition.Status));
            list.Bind("@relText" + suffix, text);
        }

        return list;
    }

    /// <summary>The trigram query for a normalized text filter long enough for the indexes, else null (the filter scans).</summary>
    private static string? IndexedText(object? value) =>
        value is string { Length: >= FtsQuery.TrigramLength } text ? FtsQuery.CoveringTrigrams(text) : null;

    /// <summary>The condition each article filter adds (its parameter is named after the filter).</summary>
    private static string ArticleCondition(ArticleFilter filter) => filter switch
    {
        ArticleFilter.Keys => SqliteStatements.ArticleKeyIn,
        ArticleFilter.Source => SqliteStatements.ArticleSourceEquals,
        ArticleFilter.TextContains => SqliteStatements.ArticleTextContains,
        ArticleFilter.PublishedFrom => SqliteStatements.ArticlePublishedFrom,
        ArticleFilter.PublishedTo => SqliteStatements.ArticlePublishedTo,
        ArticleFilter.MentionsKey => SqliteStatements.ArticleMentions,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "not an article filter"),
    };

    /// <summary>The condition each relation filter adds (its parameter is named after the filter).</summary>
    private static string RelationCondition(RelationFilter filter) => filter switch
    {
        RelationFilter.Keys => SqliteStatements.RelationKeyIn,
        RelationFilter.FromKey => SqliteStatements.RelationFromEquals,
        RelationFilter.ToKey => SqliteStatements.RelationToEquals,
        RelationFilter.InvolvingKey => SqliteStatements.RelationInvolves,
        RelationFilter.PlaceKey => SqliteStatements.RelationPlaceEquals,
        RelationFilter.Status => SqliteStatements.RelationStatusEquals,
        RelationFilter.TextContains => SqliteStatements.RelationTextContains,
        RelationFilter.Verb => SqliteStatements.RelationVerbEquals,
        RelationFilter.DateFrom => SqliteStatements.RelationDateFrom,
        RelationFilter.DateTo => SqliteStatements.RelationDateTo,
        RelationFilter.ArticleKey => SqliteStatements.RelationAssertedByArticle,
        RelationFilter.Source => SqliteStatements.RelationAssertedBySource,
        RelationFilter.MinConfidence => SqliteStatements.RelationConfidenceAtLeast,
        RelationFilter.MaxConfidence => SqliteStatements.RelationConfidenceAtMost,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "not a relation filter"),
    };

    private static SqliteListQuery ArticleList(ArticleQuery query)
    {
        var list = new SqliteListQuery(SqliteStatements.ArticleColumns, SqliteStatements.ArticleColumnNames, "a.key", string.Empty);
        foreach (FilterTerm<ArticleFilter> term in FilterTerms.Of(query))
        {
            if (term.Filter == ArticleFilter.TextContains && IndexedText(term.Value) is { } match)
            {
                list.Where(SqliteStatements.ArticleTextContainsIndexed, "@" + term.ParameterName, SqliteValues.Filter(term.Value));
                list.Bind("@textMatch", match);
                continue;
            }

            list.Where(ArticleCondition(term.Filter), "@" + term.ParameterName, SqliteValues.Filter(term.Value));
        }

        return list;
    }

    /// <param name="grouped">Pages per entity or article: the type stays a list there (see below).</param>
    private static SqliteListQuery RelationList(RelationQuery query, bool grouped)
    {
        var list = new SqliteListQuery(
            SqliteStatements.RelationColumns, SqliteStatements.RelationColumnNames, "r.key", ", " + SqliteStatements.PageRelationProvenance);
        // meetings, statements …: (type, date_sort, key) serves a page by date in order; next to an
        // entity or key filter the entity's own index must lead instead.
        bool typeOnly = !grouped && query with { Types = null, OrderBy = default, Direction = default } == new RelationQuery { OrderBy = default, Direction = default };
        list.WhereCategory(
            query.Types?.Select(GraphNames.TypeName).ToList(), typeOnly, (SqliteStatements.RelationTypeEquals, "@type"), (SqliteStatements.RelationTypeIn, "@types"),
            SqliteStatements.CountRelationsOfTypes);

        foreach (FilterTerm<RelationFilter> term in FilterTerms.Of(query))
        {
            if (term.Filter == RelationFilter.TextContains && IndexedText(term.Value) is { } match)
            {
                list.Where(SqliteStatements.RelationTextContainsIndexed, "@" + term.ParameterName, SqliteValues.Filter(term.Value));
                list.Bind("@textMatch", match);
                continue;
            }

            list.Where(RelationCondition(term.Filter), "@" + term.ParameterName, SqliteValues.Filter(term.Value));
        }

        return list;
    }

    private static async Task<IReadOnlyList<SearchHit>> SearchAsync(
        SqliteReadSession session, string exact, string match, IReadOnlyCollection<NodeKind>? kinds, int first, CancellationToken cancellationToken)
    {
        SqliteCommand command = session.Command(SqliteStatements.SearchEntities);
        command.Parameters.AddWithValue("@exact", exact);
        command.Parameters.AddWithValue("@match", match);
        command.Parameters.AddWithValue("@kinds", SqliteValues.OrNull(kinds is null ? null : SqliteJson.Serialize(kinds.Select(GraphNames.Label))));
        command.Parameters.AddWithValue("@first", (long)first);

        var hits = new List<SearchHit>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // bm25 is "lower is better" and unbounded; fold it into [0, 1) under the tier so the
            // score is higher-is-better and follows the SQL order exactly.
            double relevance = Math.Max(0, -reader.GetDouble(2));
            long tier = reader.GetInt64(3);
            hits.Add(new SearchHit(reader.GetString(0), GraphNames.ParseKind(reader.GetString(1)), (3 - tier) + (relevance / (1 + relevance))));
        }

        return hits;
    }

    private async Task<IReadOnlyList<T>> ReadByKeysAsync<T>(
        string sql, IReadOnlyCollection<string> keys, Func<SqliteDataReader, int, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        return await ReadAsync(async session =>
        {
            return await ReadByKeysAsync(session, sql, keys, read, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ReadByKeysAsync<T>(
        SqliteReadSession session, string sql, IEnumerable<string> keys, Func<SqliteDataReader, int, T> read, CancellationToken cancellationToken)
    {
        SqliteCommand command = session.Command(sql);
        command.Parameters.AddWithValue("@keys", SqliteJson.Serialize(keys));
        var items = new List<T>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader, 0));
        }

        return items;
    }

    private static async Task<IReadOnlyList<RankedEntity>> ReadRankedAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var ranked = new List<RankedEntity>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add(new RankedEntity(reader.GetString(0), reader.GetInt64(1)));
        }

        return ranked;
    }

    /// <summary>
    /// Opens the file anew, without pooling and without creating it, and reads its schema version: the
    /// pooled connections would go on reading a file deleted under them (its inode stays open), so they
    /// cannot say whether a restarted process could open the store.
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var connection = new SqliteConnection(ConnectionString(DatabasePath, SqliteOpenMode.ReadWrite, pooling: false));
        await connection.OpenAsync(cancellationToken);
        await using SqliteCommand version = Command(connection, SqliteStatements.SelectSchemaVersion);
        await version.ExecuteScalarAsync(cancellationToken);
    }

    private static string ConnectionString(string databasePath, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate, bool pooling = true) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databasePath),
        Mode = mode,
        ForeignKeys = true,
        Pooling = pooling,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Runs one read on a rented session (an open connection with its prepared statements). While it
    /// runs, cancelling <paramref name="cancellationToken"/> — the API's execution timeout, a client
    /// that went away — interrupts the statement in SQLite itself, so no query keeps a core busy after
    /// its caller has given up; the interruption surfaces as <see cref="OperationCanceledException"/>.
    /// </summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteReadSession, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        using SqliteReadSession session = _reads.Rent();
        using CancellationTokenRegistration interrupt = cancellationToken.Register(session.Interrupt);
        try
        {
            return await read(session);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteInterrupted && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The read was cancelled and SQLite interrupted it.", ex, cancellationToken);
        }
    }

    /// <summary>SQLITE_INTERRUPT: the statement stopped because <c>sqlite3_interrupt</c> was called.</summary>
    private const int SqliteInterrupted = 9;

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command(connection, sql);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command(connection, sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
