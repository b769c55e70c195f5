using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// Replaces the contributions of some articles — their MENTIONS and their assertions on relations —
/// with new ones (upsert) or with none (removal). Each article keeps its own contribution: its
/// MENTIONS carry what it said about each entity, and each relation keeps the assertions of every
/// article (JSON in <c>assertions</c>, plus readable provenance lists). Only the entities and
/// relations those articles touch, before or after, are read, and their merged values brought
/// forward by what the changed articles took out and put in (exactly as the embedded store merges
/// them): entities through their tallies (<see cref="Neo4jEntityMerge"/>), relations from their
/// assertions and their kept facts (<see cref="Neo4jRelationFacts"/>), so the other articles of a hub
/// are not read; the ones left with no contribution are deleted. Reads come first; all writes then go
/// in one transaction: nodes before relationships, each kind as <c>UNWIND $rows …</c> on the key.
/// </summary>
internal sealed class Neo4jContributionMerge
{
    private readonly INeo4jTransport _transport;
    private readonly Reader _reader;
    private readonly string[] _changedKeys;
    private readonly string[] _storedChangedKeys;
    private readonly HashSet<string> _changed;
    private readonly Neo4jEntityMerge _entities;
    private readonly Dictionary<string, (RelationType Type, string From, string To)> _relationEnds = new(StringComparer.Ordinal);
    private readonly List<(string Key, RelationType Type, StoredAssertion Assertion)> _newAssertions = [];
    private readonly Dictionary<string, RelationState> _relations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Published, string? Source)> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Published, string? Source, bool Original)> _storedFacts = new(StringComparer.Ordinal);

    /// <param name="changedArticleKeys">The articles whose contribution is replaced (or taken out): every one of them, whether it brings a new contribution or not.</param>
    /// <param name="storedArticleKeys">
    /// The articles stored before the write (any superset of the changed ones stored): only they have
    /// stored MENTIONS, assertions and facts to read, so a batch of new articles reads none of them.
    /// </param>
    /// <param name="reprintOf">The <c>reprintOf</c> the write gives articles (linked or handed on); the others keep the stored one.</param>
    public Neo4jContributionMerge(
        INeo4jTransport transport, int batchSize, IEnumerable<string> changedArticleKeys, IEnumerable<string> storedArticleKeys, IReadOnlyDictionary<string, string?>? reprintOf = null)
    {
        foreach ((string key, string? original) in reprintOf ?? new Dictionary<string, string?>())
        {
            _originals[key] = ReprintCounting.Counts(original);
        }

        _transport = transport;
        _reader = new Reader(transport, Math.Max(1, batchSize));
        _changedKeys = [.. changedArticleKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _changed = new HashSet<string>(_changedKeys, StringComparer.Ordinal);
        _storedChangedKeys = [.. storedArticleKeys.Where(_changed.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _entities = new Neo4jEntityMerge(_reader, _changedKeys);
    }

    /// <summary>The new contribution of a changed article (an article with none is taken out of every merged value).</summary>
    public void Contribute(ArticleGraph graph)
    {
        string articleKey = graph.Article.Key;
        _entities.Contribute(articleKey, [.. ArticleGraphUpsert.MergeWithinArticle(graph.Entities)]);
        _facts[articleKey] = (Neo4jValues.Date(graph.Article.Published), graph.Article.Source);
        var seen = new HashSet<(string, int)>();
        foreach (ExtractedRelation relation in graph.Relations)
        {
            string key = ArticleGraphUpsert.RelationKey(relation);
            _relationEnds.TryAdd(key, (relation.Type, relation.From, relation.To));

            // One assertion per relation, article and sentence: the first one wins.
            if (seen.Add((key, relation.SentenceIndex)))
            {
                _newAssertions.Add((key, relation.Type, new StoredAssertion(
                    articleKey, relation.SentenceIndex, relation.Evidence, relation.From, relation.To, Neo4jValues.Date(relation.Date),
                    relation.PlaceKey, relation.Topic, relation.Verb, Neo4jValues.Status(relation.Status), relation.Role, relation.Confidence,
                    relation.DatePrecision is { } precision ? GraphNames.PrecisionName(precision) : null,
                    relation.DateSource is { } source ? GraphNames.SourceName(source) : null)));
            }
        }
    }

    /// <summary>
    /// Reads what is stored for everything touched, replaces the changed articles' contributions,
    /// and writes the result in one transaction, <paramref name="articleWrites"/> (the article nodes'
    /// own statements) after stale relationships are deleted and before any entity is written, and
    /// <paramref name="lastWrites"/> after everything else.
    /// </summary>
    public async Task<MergeOutcome> ApplyAsync(IReadOnlyList<CypherStatement> articleWrites, IReadOnlyList<CypherStatement> lastWrites, CancellationToken cancellationToken)
    {
        StoredContributions before = await ReadStoredContributionsAsync(cancellationToken);
        await _entities.ReadAndApplyAsync(before.Mentions, before.NewEntityTallies, cancellationToken);
        TakeTouchedRelationKeys(before.RelationKeys);
        await ReadRelationsAsync(cancellationToken);
        TakeStoredFacts(before.Facts);
        ReplaceContributions();
        await CountFactsAsync(cancellationToken);

        var statements = new List<CypherStatement>();
        List<(RelationType Type, string From, string To, bool Stored, Dictionary<string, object?> Row)> live = MergeRelations(statements);
        statements.AddRange(articleWrites);
        _entities.Write(statements);
        foreach (IGrouping<(RelationType, NodeKind, NodeKind, bool), (RelationType Type, string From, string To, bool Stored, Dictionary<string, object?> Row)> group in
                 live.GroupBy(r => (r.Type, _entities.Kind(r.From), _entities.Kind(r.To), r.Stored)))
        {
            (RelationType type, NodeKind fromKind, NodeKind toKind, bool stored) = group.Key;
            string write = stored ? CypherStatements.UpdateRelations(type, fromKind, toKind) : CypherStatements.CreateRelations(type, fromKind, toKind);
            statements.AddRange(Chunked(write, "rows", [.. group.Select(r => r.Row)]));
        }

        _entities.WriteDeletions(statements);
        statements.AddRange(lastWrites);
        await _transport.RunAsync(statements, Neo4jAccessMode.Write, cancellationToken);
        return new MergeOutcome(
            NodesCreated: _entities.Created,
            NodesDeleted: _entities.Deleted,
            RelationsCreated: _relations.Values.Count(r => r.StoredFrom is null && r.Assertions.Count > 0),
            RelationsDeleted: _relations.Values.Count(r => r.StoredFrom is not null && r.Assertions.Count == 0));
    }

    /// <summary>One <c>UNWIND</c> statement per chunk of at most the batch size of rows (none for no rows).</summary>
    public IEnumerable<CypherStatement> Chunked<T>(string text, string parameter, IReadOnlyList<T> rows) => _reader.Chunked(text, parameter, rows);

    /// <summary>
    /// What the changed articles stored (their MENTIONS, the relations they assert, their facts) and the
    /// tallies of the entities their new contributions name, in one request: each read is by key, and
    /// none depends on another. (The entities only their stored MENTIONS name are read after, by the entity merge.)
    /// </summary>
    private async Task<StoredContributions> ReadStoredContributionsAsync(CancellationToken cancellationToken)
    {
        string[] newEntities = _entities.NewKeys;
        var reads = new List<CypherStatement>();
        if (_storedChangedKeys.Length > 0)
        {
            var keys = new Dictionary<string, object?> { ["keys"] = _storedChangedKeys };
            reads.Add(new CypherStatement(CypherStatements.SelectArticleMentions, keys));
            reads.Add(new CypherStatement(CypherStatements.SelectArticleRelationKeys, keys));
            reads.Add(new CypherStatement(CypherStatements.SelectArticleFacts, keys));
        }

        if (newEntities.Length > 0)
        {
            reads.Add(new CypherStatement(CypherStatements.SelectEntityTallies, new Dictionary<string, object?> { ["keys"] = newEntities }));
        }

        IReadOnlyList<CypherResult> results = reads.Count == 0 ? [] : await _transport.RunAsync(reads, Neo4jUpsert.ReadsOfTheWrite, cancellationToken);
        IReadOnlyList<JsonElement> Result(int index, bool present) => present ? results[index].Rows : [];
        bool stored = _storedChangedKeys.Length > 0;
        return new StoredContributions(Result(0, stored), Result(1, stored), Result(2, stored), new(newEntities, Result(stored ? 3 : 0, newEntities.Length > 0)));
    }

    /// <summary>The relations the changed articles assert now (a relation's source end is among its article's mentions).</summary>
    private void TakeTouchedRelationKeys(IReadOnlyList<JsonElement> rows)
    {
        foreach (JsonElement row in rows)
        {
            _relationEnds.TryAdd(row[0].GetString()!, (GraphNames.ParseType(row[3].GetString()!), row[1].GetString()!, row[2].GetString()!));
        }
    }

    /// <summary>The stored touched relations with their assertions: they exist only between stored ends, so each type and pair of labels is one indexed read.</summary>
    private async Task ReadRelationsAsync(CancellationToken cancellationToken)
    {
        var lookups = new List<CypherStatement>();
        foreach (IGrouping<(RelationType, NodeKind, NodeKind), KeyValuePair<string, (RelationType Type, string From, string To)>> group in _relationEnds
                     .Where(p => StoredKind(p.Value.From) is not null && StoredKind(p.Value.To) is not null)
                     .OrderBy(p => p.Key, StringComparer.Ordinal)
                     .GroupBy(p => (p.Value.Type, StoredKind(p.Value.From)!.Value, StoredKind(p.Value.To)!.Value)))
        {
            (RelationType type, NodeKind fromKind, NodeKind toKind) = group.Key;
            lookups.AddRange(Chunked(CypherStatements.SelectRelationsBetween(type, fromKind, toKind), "rows", [.. group.Select(p => new Dictionary<string, object?>
            {
                ["key"] = p.Key,
                ["from"] = p.Value.From,
                ["to"] = p.Value.To,
            })]));
        }

        if (lookups.Count == 0)
        {
            return;
        }

        foreach (CypherResult result in await _transport.RunAsync(lookups, Neo4jUpsert.ReadsOfTheWrite, cancellationToken))
        {
            foreach (JsonElement row in result.Rows)
            {
                string key = row[0].GetString()!;
                Neo4jRelationFacts? facts = Neo4jRelationFacts.Stored(
                    row[4].Strings(), Longs(row[5]), row[6].Strings(), Longs(row[7]), row[8].Strings(), Longs(row[9]), row[10].ValueKind == JsonValueKind.Number ? row[10].GetInt64() : null);
                _relations.TryAdd(key, new RelationState(_relationEnds[key].Type, row[1].GetString(), row[2].GetString(), StoredAssertion.ParseList(row[3].String()), facts));
            }
        }
    }

    /// <summary>In memory: the changed articles' stored contributions go, their new ones (if any) come.</summary>
    private void ReplaceContributions()
    {
        foreach (RelationState state in _relations.Values)
        {
            state.Assertions.RemoveAll(a => _changed.Contains(a.Article));
        }

        foreach ((string key, RelationType type, StoredAssertion assertion) in _newAssertions)
        {
            if (!_relations.TryGetValue(key, out RelationState? state))
            {
                _relations[key] = state = new RelationState(type, null, null, [], Neo4jRelationFacts.Empty());
            }

            state.Assertions.Add(assertion);
        }
    }

    /// <summary>The changed articles' stored published date, source and side: what their old assertions counted in the relations' facts.</summary>
    private void TakeStoredFacts(IReadOnlyList<JsonElement> rows)
    {
        foreach (JsonElement row in rows)
        {
            _storedFacts[row[0].GetString()!] = (row[1].String(), row[2].String(), ReprintCounting.Counts(row[3].String()));
        }
    }

    /// <summary>
    /// Brings each touched relation's facts (<see cref="Neo4jRelationFacts"/>) forward: the changed
    /// articles' stored facts out, their new ones in (their side as this write leaves it). A relation
    /// written before facts were kept counts every article still asserting it instead, read here.
    /// </summary>
    private async Task CountFactsAsync(CancellationToken cancellationToken)
    {
        List<RelationState> uncounted = [.. _relations.Values.Where(r => r.Facts is null && r.StoredFrom is not null)];
        string[] missing = [.. uncounted.SelectMany(r => r.Assertions).Select(a => a.Article)
            .Distinct(StringComparer.Ordinal).Where(k => !_changed.Contains(k)).Order(StringComparer.Ordinal)];
        var others = new Dictionary<string, (string? Published, string? Source, bool Original)>(StringComparer.Ordinal);
        foreach (JsonElement row in await _reader.ReadAsync(CypherStatements.SelectArticleFacts, "keys", missing, cancellationToken))
        {
            string key = row[0].GetString()!;
            others[key] = (row[1].String(), row[2].String(), _originals.TryGetValue(key, out bool original) ? original : ReprintCounting.Counts(row[3].String()));
        }

        foreach (RelationState state in _relations.Values)
        {
            bool recount = state.Facts is null;
            Neo4jRelationFacts facts = state.Facts ??= Neo4jRelationFacts.Empty();
            if (!recount)
            {
                foreach (string article in state.StoredArticles.Where(_changed.Contains))
                {
                    (string? published, string? source, bool original) = _storedFacts[article];
                    facts.Count(published, source, original, -1);
                }
            }

            foreach (string article in state.Assertions.Select(a => a.Article).Distinct(StringComparer.Ordinal))
            {
                if (_changed.Contains(article))
                {
                    (string? published, string? source) = _facts[article];
                    bool original = _originals.TryGetValue(article, out bool linked) ? linked : !_storedFacts.TryGetValue(article, out var stored) || stored.Original;
                    facts.Count(published, source, original, +1);
                }
                else if (recount && others.TryGetValue(article, out var other))
                {
                    facts.Count(other.Published, other.Source, other.Original, +1);
                }
            }
        }
    }

    /// <summary>
    /// Adds the deletions of relationships no article asserts any more or whose ends moved (the
    /// lowest asserting article orders them), and returns the rows of every live touched relation.
    /// </summary>
    private List<(RelationType Type, string From, string To, bool Stored, Dictionary<string, object?> Row)> MergeRelations(List<CypherStatement> statements)
    {
        var dead = new List<(RelationType Type, string From, string To, Dictionary<string, object?> Row)>();
        var live = new List<(RelationType Type, string From, string To, bool Stored, Dictionary<string, object?> Row)>();
        foreach ((string key, RelationState state) in _relations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            state.Assertions.Sort((x, y) =>
            {
                int byArticle = string.CompareOrdinal(x.Article, y.Article);
                return byArticle != 0 ? byArticle : x.Sentence.CompareTo(y.Sentence);
            });
            StoredAssertion? first = state.Assertions.FirstOrDefault();
            bool endsMoved = first is not null && state.StoredFrom is not null && (first.From != state.StoredFrom || first.To != state.StoredTo);
            if (state.StoredFrom is not null && (first is null || endsMoved))
            {
                dead.Add((state.Type, state.StoredFrom, state.StoredTo!, new() { ["key"] = key, ["from"] = state.StoredFrom, ["to"] = state.StoredTo }));
            }

            if (first is not null)
            {
                live.Add((state.Type, first.From, first.To, state.StoredFrom is not null && !endsMoved, new()
                {
                    ["key"] = key,
                    ["from"] = first.From,
                    ["to"] = first.To,
                    ["props"] = Neo4jMergedValues.RelationProps(state.Assertions, state.Facts!),
                    ["confidence"] = ArticleGraphUpsert.MergedConfidence(state.Assertions.Select(a => a.Confidence)),
                    ["provConfidences"] = state.Assertions.Select(a => a.Confidence ?? Neo4jValues.Unscored).ToArray(),
                }));
            }
        }

        foreach (IGrouping<(RelationType, NodeKind, NodeKind), (RelationType Type, string From, string To, Dictionary<string, object?> Row)> group in
                 dead.GroupBy(r => (r.Type, StoredKind(r.From)!.Value, StoredKind(r.To)!.Value)))
        {
            (RelationType type, NodeKind fromKind, NodeKind toKind) = group.Key;
            statements.AddRange(Chunked(CypherStatements.DeleteRelationsBetween(type, fromKind, toKind), "rows", [.. group.Select(r => r.Row)]));
        }

        return live;
    }

    private NodeKind? StoredKind(string entityKey) => _entities.StoredKind(entityKey);

    private static List<long>? Longs(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray().Select(e => e.GetInt64())] : null;

    internal static List<TValue> Group<TKey, TValue>(Dictionary<TKey, List<TValue>> groups, TKey key)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out List<TValue>? list))
        {
            groups[key] = list = [];
        }

        return list;
    }

    /// <summary>The rows of <see cref="ReadStoredContributionsAsync"/>'s reads (none for a batch of new articles but the tallies).</summary>
    private sealed record StoredContributions(
        IReadOnlyList<JsonElement> Mentions, IReadOnlyList<JsonElement> RelationKeys, IReadOnlyList<JsonElement> Facts, Neo4jEntityMerge.TalliesRead NewEntityTallies);

    /// <summary>Entities and relations created (absent before, present after) and deleted (present before, absent after).</summary>
    public sealed record MergeOutcome(int NodesCreated, int NodesDeleted, int RelationsCreated, int RelationsDeleted);

    /// <summary>Reads by a list of keys, and writes cut into statements of at most the batch size of rows.</summary>
    internal sealed class Reader(INeo4jTransport transport, int batchSize)
    {
        /// <summary>One <c>UNWIND</c> statement per chunk of at most the batch size of rows (none for no rows).</summary>
        public IEnumerable<CypherStatement> Chunked<T>(string text, string parameter, IReadOnlyList<T> rows) =>
            rows.Chunk(batchSize).Select(chunk => new CypherStatement(text, new Dictionary<string, object?> { [parameter] = chunk }));

        public async Task<IReadOnlyList<JsonElement>> ReadAsync(string statement, string parameter, string[] values, CancellationToken cancellationToken)
        {
            if (values.Length == 0)
            {
                return [];
            }

            IReadOnlyList<CypherResult> results = await transport.RunAsync(
                [new CypherStatement(statement, new Dictionary<string, object?> { [parameter] = values })], Neo4jUpsert.ReadsOfTheWrite, cancellationToken);
            return results[0].Rows;
        }
    }

    private sealed class RelationState(RelationType type, string? storedFrom, string? storedTo, List<StoredAssertion> assertions, Neo4jRelationFacts? facts)
    {
        /// <summary>The articles asserting it as stored, before the change.</summary>
        public HashSet<string> StoredArticles { get; } = [.. assertions.Select(a => a.Article)];

        /// <summary>Its facts, stored and then brought forward; null for one stored before they were kept, until counted.</summary>
        public Neo4jRelationFacts? Facts { get; set; } = facts;

        public RelationType Type { get; } = type;

        public string? StoredFrom { get; } = storedFrom;

        public string? StoredTo { get; } = storedTo;

        public List<StoredAssertion> Assertions { get; } = assertions;
    }
}
