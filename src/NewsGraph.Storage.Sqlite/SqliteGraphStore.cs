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

    private readonly TrigramFrequencies _nameTrigrams = new();
    private SqliteWalCheckpointer? _checkpointer;
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

    /// <summary>Pages written to the log after which the writer makes it start over (<see cref="SqliteWalCheckpointer"/>); tests set it small.</summary>
    internal int WalRestartPages { get; init; } = SqliteWalCheckpointer.DefaultRestartPages;

    /// <summary>How many times the writer copied the whole log back so that it starts over.</summary>
    internal int WalRestarts => _checkpointer?.Restarts ?? 0;

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
            return await EntityList(query, grouped: false, text => _nameTrigrams.NameMatch(session, text)).ReadPageAsync(session, SqliteStatements.EntitiesSource, EntitySort(query), page, SqliteRows.Entity, cancellationToken);
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
        // By an end: each side walked in the page's order and cut at the page (SqliteStatements.RelationWalk).
        string[]? sides = grouping switch
        {
            RelationGrouping.ByEndpoint => SqliteStatements.RelationsByEndpointSides,
            RelationGrouping.BySource => SqliteStatements.RelationsBySourceSides,
            RelationGrouping.ByTarget => SqliteStatements.RelationsByTargetSides,
            RelationGrouping.ByArticle => null,
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "not a relation grouping"),
        };
        return await ReadAsync(async session =>
        {
            SqliteListQuery list = RelationList(query, grouped: true);
            return sides is null
                ? await list.ReadGroupedPagesAsync(session, keys, SqliteStatements.RelationsByArticleSource, RelationSort(query), page, SqliteRows.Relation, cancellationToken)
                : await list.ReadGroupedWalkAsync(session, keys, sides, RelationSort(query), page, SqliteRows.Relation, cancellationToken);
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
            return await EntityList(query, grouped: true, text => _nameTrigrams.NameMatch(session, text)).ReadGroupedPagesAsync(
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
            _checkpointer?.Dispose();
            _reads.Dispose();
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
            _writeGate.Dispose();
        }

        return ValueTask.CompletedTask;
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
