using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Reliability;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// The production store: the store port over Neo4j's HTTP APIs, with the embedded store's
/// behaviour (one contract suite runs against both). Use <see cref="ConnectAsync"/>: it asks the
/// server what it is, picks the transport, and applies the schema. Writes from one instance are
/// serialized; run one writer per database (reads may run anywhere, any number).
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore, IStoreProbe, IAsyncDisposable
{
    private const int MaxSearchTerms = 16;

    private readonly CircuitBreakingTransport _transport;
    private readonly Neo4jConnectionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private bool _disposed;

    /// <summary>
    /// A store over a transport the caller made (tests, another driver). Call <see cref="InitializeAsync"/>
    /// before use. Every call goes through a circuit breaker on <paramref name="timeProvider"/>'s clock;
    /// when Neo4j does not answer, calls throw <see cref="StoreUnavailableException"/>.
    /// </summary>
    public Neo4jGraphStore(INeo4jTransport transport, Neo4jServerInfo server, Neo4jConnectionOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Server = server ?? throw new ArgumentNullException(nameof(server));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? TimeProvider.System;
        var breaker = new CircuitBreaker(options.BreakerFailureThreshold, options.BreakerCoolDown, _timeProvider);
        _transport = new CircuitBreakingTransport(transport, breaker, Describe(options));
    }

    /// <summary>The server this store talks to (version decides the schema file and full-text search).</summary>
    public Neo4jServerInfo Server { get; }

    /// <summary>The transport in use ("query-api" or "tx-endpoint").</summary>
    public string TransportName => _transport.Name;

    /// <summary>
    /// The store's own connection (behind its circuit breaker) for Cypher of the caller's: counts,
    /// diagnostics, a benchmark's raw baseline on the same server. Public because running one's own
    /// Cypher next to a store is an ordinary need of its users (the ingest benchmark in the CLI is
    /// one), and the transport types are public already; a second connection made by hand would
    /// repeat discovery and miss the breaker. Writes through it bypass the store's write gate and
    /// merge bookkeeping: keeping the graph consistent is then the caller's business.
    /// </summary>
    public INeo4jTransport Transport => _transport;

    /// <summary>Closed while Neo4j answers; open (calls fail fast) after repeated failures; half-open while one trial decides.</summary>
    public CircuitState Availability => _transport.Breaker.State;

    /// <summary>"Neo4j at http://host:7474": how messages name the store (never with credentials).</summary>
    public static string Describe(Neo4jConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return "Neo4j at " + new UriBuilder(options.Uri) { UserName = string.Empty, Password = string.Empty }.Uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>
    /// Discovers the server (<c>GET /</c>), picks the transport (configuration, else the Query API
    /// where it has transactions, else the transactional endpoint), reads the version (from
    /// discovery, else <c>dbms.components()</c>), applies the schema and returns the ready store.
    /// Throws <see cref="StoreUnavailableException"/> when Neo4j does not answer; the caller decides
    /// whether to wait and try again.
    /// </summary>
    public static async Task<Neo4jGraphStore> ConnectAsync(Neo4jConnectionOptions options, CancellationToken cancellationToken) =>
        await ConnectAsync(options, null, null, cancellationToken);

    /// <summary>As <see cref="ConnectAsync(Neo4jConnectionOptions, CancellationToken)"/>, with a clock and an HttpClient of the caller's.</summary>
    public static async Task<Neo4jGraphStore> ConnectAsync(
        Neo4jConnectionOptions options, TimeProvider? timeProvider, HttpClient? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new Neo4jHttp(options, client);
        INeo4jTransport? transport = null;
        try
        {
            Neo4jServerInfo? server = await Neo4jDiscovery.DiscoverAsync(http, cancellationToken);
            transport = Neo4jDiscovery.ChooseTransport(http, server);
            if (server is null || server.Edition == "unknown")
            {
                // No discovery page (Aura), or one without the edition (3.x): ask in Cypher.
                IReadOnlyList<CypherResult> components = await transport.RunAsync(
                    [new CypherStatement(CypherStatements.SelectComponents)], Neo4jAccessMode.Read, cancellationToken);
                JsonElement row = components[0].Rows[0];
                server = server is null
                    ? new Neo4jServerInfo(Neo4jServerInfo.ParseVersion(row[1][0].GetString()), row[2].GetString() ?? "unknown", transport is QueryApiTransport, IsLegacyHttp: false)
                    : server with { Edition = row[2].GetString() ?? "unknown" };
            }

            var store = new Neo4jGraphStore(transport, server, options, timeProvider);
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch (Neo4jException ex) when (ex.IsUnavailable || ex.IsTransient)
        {
            await ReleaseAsync(http, transport);
            throw new StoreUnavailableException(Describe(options), ex.ServerMessage, null, ex);
        }
        catch
        {
            await ReleaseAsync(http, transport);
            throw;
        }
    }

    private static async Task ReleaseAsync(Neo4jHttp http, INeo4jTransport? transport)
    {
        if (transport is not null)
        {
            await transport.DisposeAsync();
        }
        else
        {
            http.Dispose();
        }
    }

    /// <summary>The schema file for this server generation, as embedded from <c>schema/neo4j/</c>.</summary>
    public string SchemaFile => Server.HasModernSchemaSyntax ? "4.4-5.x.cypher" : "3.x.cypher";

    /// <summary>
    /// Applies the schema file: each statement in its own request (schema changes cannot share a
    /// transaction); then brings a graph written by an older NewsGraph up to reprint linking and
    /// counting (<see cref="Neo4jReprintBackfill"/>: idempotent, nothing to do on a current graph).
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (string statement in SchemaStatements(SchemaFile))
        {
            try
            {
                await _transport.RunAsync([new CypherStatement(statement)], Neo4jAccessMode.Write, cancellationToken);
            }
            catch (Neo4jException ex) when (ex.Code.EndsWith("AlreadyExists", StringComparison.Ordinal))
            {
                // An equivalent constraint or index is there already (servers without IF NOT EXISTS).
            }
        }

        await new Neo4jReprintBackfill(_transport, _options.BatchSize).RunAsync(cancellationToken);
    }

    /// <summary>The statements of an embedded schema file: split at ';' line ends, comments dropped.</summary>
    public static IReadOnlyList<string> SchemaStatements(string file)
    {
        using Stream stream = typeof(Neo4jGraphStore).Assembly.GetManifestResourceStream("schema/neo4j/" + file)
            ?? throw new InvalidOperationException($"schema/neo4j/{file} is not embedded in {typeof(Neo4jGraphStore).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var statements = new List<string>();
        var current = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            current.Add(trimmed);
            if (trimmed.EndsWith(';'))
            {
                statements.Add(string.Join(' ', current).TrimEnd(';'));
                current.Clear();
            }
        }

        return statements;
    }

    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArticleGraphUpsert.Validate(batch);
        if (batch.Count == 0)
        {
            return UpsertResult.Empty;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await new Neo4jUpsert(_transport, _timeProvider.GetUtcNow(), _options.BatchSize).RunAsync(batch, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<RemoveResult> RemoveArticlesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> keys = ArticleGraphUpsert.RemovalKeys(articleKeys);
        if (keys.Count == 0)
        {
            return RemoveResult.Empty;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await new Neo4jUpsert(_transport, _timeProvider.GetUtcNow(), _options.BatchSize).RemoveAsync(keys, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<IReadOnlyList<EntityRecord>> GetEntitiesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count == 0 ? [] : [.. (await ReadAsync(CypherStatements.SelectEntitiesByKeys, Keys(keys), cancellationToken)).Select(r => Neo4jValues.Entity(r[0]))];
    }

    public async Task<IReadOnlyList<ArticleRecord>> GetArticlesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count == 0 ? [] : [.. (await ReadAsync(CypherStatements.SelectArticlesByKeys, Keys(keys), cancellationToken)).Select(r => Neo4jValues.Article(r[0]))];
    }

    public async Task<IReadOnlyList<RelationRecord>> GetRelationsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);

        // Relation keys start with their type's name (GraphKeys.Relation), which picks the relationship type to look in.
        var byType = new List<CypherStatement>();
        foreach (RelationType type in Enum.GetValues<RelationType>())
        {
            string prefix = GraphNames.TypeName(type).ToLowerInvariant() + ":";
            List<string> ofType = [.. keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
            if (ofType.Count > 0)
            {
                byType.Add(new CypherStatement(CypherStatements.SelectRelationsByKeys(type), new Dictionary<string, object?> { ["keys"] = ofType }));
            }
        }

        IReadOnlyList<CypherResult> results = await RunAsync(byType, cancellationToken);
        return [.. results.SelectMany(r => r.Rows).Select(r => Neo4jValues.Relation(r[0]))];
    }

    public Task<Page<EntityRecord>> FindEntitiesAsync(EntityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        string source = query.Kinds is [NodeKind kind] && kind != NodeKind.Article ? CypherStatements.EntitiesOfKindSource(kind) : CypherStatements.EntitiesSource;
        return EntityList(query).ReadPageAsync(_transport, source, EntitySort(query), page, Neo4jValues.Entity, cancellationToken);
    }

    public Task<Page<ArticleRecord>> FindArticlesAsync(ArticleQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        return ArticleList(query).ReadPageAsync(_transport, CypherStatements.ArticlesSource, ArticleSort(query), page, Neo4jValues.Article, cancellationToken);
    }

    public Task<Page<RelationRecord>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        string source = string.Format(CultureInfo.InvariantCulture, CypherStatements.RelationsSourceTemplate, RelationTypes(query));
        return RelationList(query).ReadPageAsync(_transport, source, RelationSort(query), page, Neo4jValues.Relation, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, Page<RelationRecord>>> FindRelationsForAsync(
        IReadOnlyCollection<string> keys, RelationGrouping grouping, RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        string types = RelationTypes(query);
        string source = grouping switch
        {
            RelationGrouping.ByEndpoint => CypherStatements.RelationsByEntitySource(types, "-", "-"),
            RelationGrouping.BySource => CypherStatements.RelationsByEntitySource(types, "-", "->"),
            RelationGrouping.ByTarget => CypherStatements.RelationsByEntitySource(types, "<-", "-"),
            RelationGrouping.ByArticle => CypherStatements.RelationsByArticleSource(types),
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "not a relation grouping"),
        };
        return RelationList(query).ReadGroupedPagesAsync(_transport, keys, source, RelationSort(query), page, Neo4jValues.Relation, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, Page<EntityRecord>>> FindEntitiesInArticlesAsync(
        IReadOnlyCollection<string> articleKeys, EntityQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleKeys);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        return EntityList(query).ReadGroupedPagesAsync(
            _transport, articleKeys, CypherStatements.EntitiesInArticlesSource, EntitySort(query), page, Neo4jValues.Entity, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, Page<ArticleRecord>>> FindArticlesMentioningAsync(
        IReadOnlyCollection<string> entityKeys, ArticleQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entityKeys);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);

        // Relation ends are always mentioned by the asserting article (UpsertAsync enforces it),
        // so the mentions alone cover "or assert a relation of it".
        return ArticleList(query).ReadGroupedPagesAsync(
            _transport, entityKeys, CypherStatements.ArticlesMentioningSource, ArticleSort(query), page, Neo4jValues.Article, cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int first, CancellationToken cancellationToken)
    {
        string exact = ArabicText.Normalize(text);
        string[] terms = [.. exact.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t.Any(char.IsLetterOrDigit)).Take(MaxSearchTerms)];
        if (terms.Length == 0 || first <= 0 || kinds is { Count: 0 })
        {
            return [];
        }

        List<string>? kindNames = kinds?.Select(GraphNames.Label).ToList();
        IReadOnlyList<SearchHit> hits = await SearchAsync(exact, terms, anyTerm: false, kindNames, first, cancellationToken);
        if (hits.Count == 0 && terms.Length > 1)
        {
            // Nothing has every word: fall back to any word, still ranked by bm25.
            hits = await SearchAsync(exact, terms, anyTerm: true, kindNames, first, cancellationToken);
        }

        return hits;
    }

    public async Task<GraphPath?> ShortestPathAsync(
        string fromKey, string toKey, int maxHops, IReadOnlyCollection<RelationType>? types, StatusFilter? statusFilter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromKey);
        ArgumentNullException.ThrowIfNull(toKey);
        IReadOnlyList<JsonElement> found = await ReadAsync(CypherStatements.CountEntitiesByKeys, Keys([fromKey, toKey]), cancellationToken);
        if (found[0][0].GetInt64() < (fromKey == toKey ? 1 : 2))
        {
            return null;
        }

        if (fromKey != toKey && types is { Count: 0 })
        {
            return null;
        }

        // The relations read per level are kept, so the path's records need no second read.
        string statement = CypherStatements.SelectFrontierRelations(CypherStatements.TypeAlternatives(types));
        var relations = new Dictionary<string, RelationRecord>(StringComparer.Ordinal);
        return await BreadthFirstPath.FindAsync(fromKey, toKey, maxHops, ReadFrontierAsync, ReadPathRelationsAsync, statusFilter, cancellationToken);

        async Task<IReadOnlyList<PathEdge>> ReadFrontierAsync(IReadOnlyList<string> frontier, CancellationToken cancellation)
        {
            IReadOnlyList<CypherResult> results = await RunAsync(
                [new CypherStatement(statement, new Dictionary<string, object?> { ["frontier"] = frontier.ToList() })], cancellation);
            var edges = new List<PathEdge>();
            foreach (RelationRecord relation in results[0].Rows.Select(r => Neo4jValues.Relation(r[0])))
            {
                relations.TryAdd(relation.Key, relation);
                edges.Add(new PathEdge(relation.Key, relation.From, relation.To, relation.Type));
            }

            return edges;
        }

        Task<IReadOnlyList<RelationRecord>> ReadPathRelationsAsync(IReadOnlyList<string> keys, CancellationToken cancellation) =>
            Task.FromResult<IReadOnlyList<RelationRecord>>([.. keys.Select(k => relations[k])]);
    }

    /// <summary>One statement through the same transport and breaker as every read: an open breaker answers "unavailable" at once.</summary>
    public Task ProbeAsync(CancellationToken cancellationToken) => RunAsync([new CypherStatement(CypherStatements.Probe)], cancellationToken);

    public async Task<Page<ArticleGraph>> ExportArticlesAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Last is not null || page.Before is not null)
        {
            throw new ArgumentException("Export pages go forward only (First/After).", nameof(page));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(page.Size);
        string? after = page.After is null ? null : Cursor.Decode(page.After).Key;
        var statements = new List<CypherStatement>
        {
            new(CypherStatements.SelectExportArticles, new Dictionary<string, object?> { ["after"] = after, ["limit"] = page.Size + 1 }),
        };
        if (after is not null)
        {
            statements.Add(new CypherStatement(CypherStatements.ExistsArticleAtOrBefore, new Dictionary<string, object?> { ["after"] = after }));
        }

        if (page.IncludeTotal)
        {
            statements.Add(new CypherStatement(CypherStatements.CountArticles));
        }

        IReadOnlyList<CypherResult> results = await RunAsync(statements, cancellationToken);
        List<ArticleRecord> articles = [.. results[0].Rows.Select(r => Neo4jValues.Article(r[0]))];
        bool hasNext = articles.Count > page.Size;
        if (hasNext)
        {
            articles.RemoveAt(articles.Count - 1);
        }

        bool hasPrevious = after is not null && results[1].Rows.Count > 0;
        long? total = page.IncludeTotal ? results[^1].Rows[0][0].GetInt64() : null;

        var entities = articles.ToDictionary(a => a.Key, _ => new List<ExtractedEntity>(), StringComparer.Ordinal);
        var relations = articles.ToDictionary(a => a.Key, _ => new List<(string Key, ExtractedRelation Relation)>(), StringComparer.Ordinal);
        if (articles.Count > 0)
        {
            var keys = new Dictionary<string, object?> { ["keys"] = articles.Select(a => a.Key).ToList() };
            IReadOnlyList<CypherResult> parts = await RunAsync(
                [new CypherStatement(CypherStatements.SelectExportMentions, keys), new CypherStatement(CypherStatements.SelectExportAssertions, keys)], cancellationToken);
            foreach (JsonElement row in parts[0].Rows)
            {
                entities[row[0].GetString()!].Add(new ExtractedEntity(
                    row[1].GetString()!, GraphNames.ParseKind(row[2].GetString()!), row[3].GetString() ?? string.Empty,
                    row[4].Strings(), row[5].Strings(), row[6].String(), row[7].String(), (int)row[8].Long()));
            }

            foreach (JsonElement row in parts[1].Rows)
            {
                string article = row[0].GetString()!;
                RelationType type = GraphNames.ParseType(row[2].GetString()!);
                foreach (StoredAssertion a in StoredAssertion.ParseList(row[3].String()).Where(a => a.Article == article))
                {
                    relations[article].Add((row[1].GetString()!, new ExtractedRelation(
                        type, a.From, a.To, a.Evidence, a.Sentence, Neo4jValues.ParseDate(a.Date), a.Place, a.Topic, a.Verb,
                        a.Status is { } status ? GraphNames.ParseStatus(status) : null, a.Role, a.Confidence,
                        a.DatePrecision is { } precision ? GraphNames.ParsePrecision(precision) : null,
                        a.DateSource is { } source ? GraphNames.ParseSource(source) : null)));
                }
            }
        }

        List<PageItem<ArticleGraph>> items = [.. articles.Select(a => new PageItem<ArticleGraph>(
            new ArticleGraph(
                new ArticleInfo(a.Key, a.Text, a.Title, a.Url, a.Source, a.Dateline, a.Published, a.Language, a.File),
                [.. entities[a.Key].OrderBy(e => e.Key, StringComparer.Ordinal)],
                [.. relations[a.Key].OrderBy(r => r.Relation.SentenceIndex).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Relation)]),
            Cursor.Encode(a.Key, a.Key)))];
        return new Page<ArticleGraph>(items, hasNext, hasPrevious, total);
    }

    /// <summary>Deletes every node and relationship, in chunks (test isolation, re-imports). The schema stays.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<CypherResult> results = await _transport.RunAsync(
                [new CypherStatement(CypherStatements.DeleteEverything, new Dictionary<string, object?> { ["limit"] = 10_000 })],
                Neo4jAccessMode.Write,
                cancellationToken);
            if (results[0].Rows[0][0].GetInt64() == 0)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await _transport.DisposeAsync();
            _writeGate.Dispose();
        }
    }

    private async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string exact, string[] terms, bool anyTerm, List<string>? kinds, int first, CancellationToken cancellationToken)
    {
        var termList = terms.ToList();
        CypherStatement candidates = Server.HasFullText
            ? new(CypherStatements.FullTextCandidates, new Dictionary<string, object?>
            {
                ["query"] = string.Join(anyTerm ? " OR " : " AND ", terms.Select(t => t + "*")),
                ["kinds"] = kinds,
            })
            : new(CypherStatements.SearchCandidates, new Dictionary<string, object?> { ["terms"] = termList, ["any"] = anyTerm, ["kinds"] = kinds });
        CypherStatement hits = new(Server.HasFullText ? CypherStatements.FullTextTermHits : CypherStatements.SearchTermHits, new Dictionary<string, object?> { ["terms"] = termList.Distinct(StringComparer.Ordinal).ToList() });
        IReadOnlyList<CypherResult> results = await RunAsync([candidates, new CypherStatement(CypherStatements.SearchTotals), hits], cancellationToken);

        // The index is only a candidate source: matching is re-checked here, so both paths agree with the embedded store.
        List<SearchRanking.Candidate> found = [.. results[0].Rows
            .Select(r => new SearchRanking.Candidate(r[0].GetString()!, GraphNames.ParseKind(r[1].GetString()!), r[2].GetString() ?? string.Empty, r[3].Strings()))
            .Where(c => Matches(c, terms, anyTerm))];
        JsonElement totals = results[1].Rows[0];
        Dictionary<string, long> termHits = results[2].Rows.ToDictionary(r => r[0].GetString()!, r => r[1].GetInt64(), StringComparer.Ordinal);
        return SearchRanking.Rank(exact, terms, found, totals[0].Long(), totals[1].Long(), termHits, first);

        static bool Matches(SearchRanking.Candidate candidate, string[] terms, bool anyTerm)
        {
            string words = " " + string.Join(' ', SearchRanking.Words(candidate.NameNorm).Concat(candidate.AliasesNorm.SelectMany(SearchRanking.Words))) + " ";
            return anyTerm
                ? terms.Any(t => words.Contains(" " + t, StringComparison.Ordinal))
                : terms.All(t => words.Contains(" " + t, StringComparison.Ordinal));
        }
    }

    private static Dictionary<string, object?> Keys(IEnumerable<string> keys) => new() { ["keys"] = keys.Distinct(StringComparer.Ordinal).ToList() };

    private async Task<IReadOnlyList<JsonElement>> ReadAsync(string statement, Dictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        (await RunAsync([new CypherStatement(statement, parameters)], cancellationToken))[0].Rows;

    private Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _transport.RunAsync(statements, Neo4jAccessMode.Read, cancellationToken);
    }
}
