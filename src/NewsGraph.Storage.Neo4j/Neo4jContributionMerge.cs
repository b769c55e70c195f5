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
/// relations those articles touch, before or after, are read and recomputed from their remaining
/// contributions (exactly as the embedded store merges them); the ones left with none are deleted.
/// Reads come first; all writes then go in one transaction: nodes before relationships, each kind as
/// <c>UNWIND $rows …</c> on the key.
/// </summary>
internal sealed class Neo4jContributionMerge
{
    private readonly INeo4jTransport _transport;
    private readonly int _batchSize;
    private readonly string[] _changedKeys;
    private readonly HashSet<string> _changed;
    private readonly HashSet<string> _touchedEntities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RelationType Type, string From, string To)> _relationEnds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ExtractedEntity>> _newMentions = new(StringComparer.Ordinal);
    private readonly List<(string Key, RelationType Type, StoredAssertion Assertion)> _newAssertions = [];
    private readonly Dictionary<string, EntityState> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationState> _relations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Published, string? Source)> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeKind> _kinds = new(StringComparer.Ordinal);

    /// <param name="changedArticleKeys">The articles whose contribution is replaced (or taken out): every one of them, whether it brings a new contribution or not.</param>
    /// <param name="reprintOf">The <c>reprintOf</c> the write gives articles (linked or handed on); the others keep the stored one.</param>
    public Neo4jContributionMerge(INeo4jTransport transport, int batchSize, IEnumerable<string> changedArticleKeys, IReadOnlyDictionary<string, string?>? reprintOf = null)
    {
        foreach ((string key, string? original) in reprintOf ?? new Dictionary<string, string?>())
        {
            _originals[key] = ReprintCounting.Counts(original);
        }

        _transport = transport;
        _batchSize = Math.Max(1, batchSize);
        _changedKeys = [.. changedArticleKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _changed = new HashSet<string>(_changedKeys, StringComparer.Ordinal);
    }

    /// <summary>The new contribution of a changed article (an article with none is taken out of every merged value).</summary>
    public void Contribute(ArticleGraph graph)
    {
        string articleKey = graph.Article.Key;
        List<ExtractedEntity> mentions = [.. ArticleGraphUpsert.MergeWithinArticle(graph.Entities)];
        _newMentions[articleKey] = mentions;
        _touchedEntities.UnionWith(mentions.Select(e => e.Key));
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
        await ReadTouchedKeysAsync(cancellationToken);
        await ReadEntityContributionsAsync(cancellationToken);
        await ReadRelationsAsync(cancellationToken);
        ReplaceContributions();
        await ReadFactsAsync(cancellationToken);

        var statements = new List<CypherStatement>();
        List<(RelationType Type, string From, string To, Dictionary<string, object?> Row)> live = MergeRelations(statements);
        statements.AddRange(articleWrites);
        WriteEntities(statements);
        foreach (IGrouping<(RelationType, NodeKind, NodeKind), (RelationType Type, string From, string To, Dictionary<string, object?> Row)> group in
                 live.GroupBy(r => (r.Type, _kinds[r.From], _kinds[r.To])))
        {
            (RelationType type, NodeKind fromKind, NodeKind toKind) = group.Key;
            statements.AddRange(Chunked(CypherStatements.UpsertRelations(type, fromKind, toKind), "rows", [.. group.Select(r => r.Row)]));
        }

        foreach (IGrouping<NodeKind, string> dead in _entities
                     .Where(p => p.Value.Contributions.Count == 0 && p.Value.StoredKind is not null)
                     .OrderBy(p => p.Key, StringComparer.Ordinal)
                     .GroupBy(p => p.Value.StoredKind!.Value, p => p.Key))
        {
            statements.AddRange(Chunked(CypherStatements.DeleteEntities(dead.Key), "keys", [.. dead]));
        }

        statements.AddRange(lastWrites);
        await _transport.RunAsync(statements, Neo4jAccessMode.Write, cancellationToken);
        return new MergeOutcome(
            NodesCreated: _entities.Values.Count(e => e.StoredKind is null && e.Contributions.Count > 0),
            NodesDeleted: _entities.Values.Count(e => e.StoredKind is not null && e.Contributions.Count == 0),
            RelationsCreated: _relations.Values.Count(r => r.StoredFrom is null && r.Assertions.Count > 0),
            RelationsDeleted: _relations.Values.Count(r => r.StoredFrom is not null && r.Assertions.Count == 0));
    }

    /// <summary>One <c>UNWIND</c> statement per chunk of at most the batch size of rows (none for no rows).</summary>
    public IEnumerable<CypherStatement> Chunked<T>(string text, string parameter, IReadOnlyList<T> rows) =>
        rows.Chunk(_batchSize).Select(chunk => new CypherStatement(text, new Dictionary<string, object?> { [parameter] = chunk }));

    /// <summary>The entities the changed articles mention now and the relations they assert now (a relation's source end is among its article's mentions).</summary>
    private async Task ReadTouchedKeysAsync(CancellationToken cancellationToken)
    {
        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectArticleEntityKeys, "keys", _changedKeys, cancellationToken))
        {
            _touchedEntities.Add(row[0].GetString()!);
        }

        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectArticleRelationKeys, "keys", _changedKeys, cancellationToken))
        {
            _relationEnds.TryAdd(row[0].GetString()!, (GraphNames.ParseType(row[3].GetString()!), row[1].GetString()!, row[2].GetString()!));
        }
    }

    /// <summary>Every stored contribution (MENTIONS) to the touched entities; an entity found has a stored kind.</summary>
    private async Task ReadEntityContributionsAsync(CancellationToken cancellationToken)
    {
        string[] keys = [.. _touchedEntities.Order(StringComparer.Ordinal)];
        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectEntityContributions, "keys", keys, cancellationToken))
        {
            string key = row[0].GetString()!;
            if (!_entities.TryGetValue(key, out EntityState? state))
            {
                _entities[key] = state = new EntityState(GraphNames.ParseKind(row[1].GetString()!));
            }

            if (row[2].String() is { } article)
            {
                state.Contributions[article] = new ExtractedEntity(
                    key, GraphNames.ParseKind(row[3].GetString()!), row[4].GetString() ?? string.Empty, row[5].Strings(), row[6].Strings(),
                    row[7].String(), row[8].String(), (int)row[9].Long());
            }
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

        foreach (CypherResult result in await _transport.RunAsync(lookups, Neo4jAccessMode.Read, cancellationToken))
        {
            foreach (JsonElement row in result.Rows)
            {
                string key = row[0].GetString()!;
                _relations.TryAdd(key, new RelationState(_relationEnds[key].Type, row[1].GetString(), row[2].GetString(), StoredAssertion.ParseList(row[3].String())));
            }
        }
    }

    /// <summary>In memory: the changed articles' stored contributions go, their new ones (if any) come.</summary>
    private void ReplaceContributions()
    {
        foreach (EntityState state in _entities.Values)
        {
            foreach (string article in _changedKeys)
            {
                state.Contributions.Remove(article);
            }
        }

        foreach (RelationState state in _relations.Values)
        {
            state.Assertions.RemoveAll(a => _changed.Contains(a.Article));
        }

        foreach ((string article, List<ExtractedEntity> mentions) in _newMentions)
        {
            foreach (ExtractedEntity mention in mentions)
            {
                if (!_entities.TryGetValue(mention.Key, out EntityState? state))
                {
                    _entities[mention.Key] = state = new EntityState(null);
                }

                state.Contributions[article] = mention;
            }
        }

        foreach ((string key, RelationType type, StoredAssertion assertion) in _newAssertions)
        {
            if (!_relations.TryGetValue(key, out RelationState? state))
            {
                _relations[key] = state = new RelationState(type, null, null, []);
            }

            state.Assertions.Add(assertion);
        }
    }

    /// <summary>
    /// Published date, source and side (original or reprint) of every article still asserting a touched
    /// relation (for the merged relation values); what this write gives them stands over what is stored.
    /// </summary>
    private async Task ReadFactsAsync(CancellationToken cancellationToken)
    {
        string[] missing = [.. _relations.Values.SelectMany(r => r.Assertions).Select(a => a.Article)
            .Distinct(StringComparer.Ordinal).Where(k => !_facts.ContainsKey(k) || !_originals.ContainsKey(k)).Order(StringComparer.Ordinal)];
        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectArticleFacts, "keys", missing, cancellationToken))
        {
            string key = row[0].GetString()!;
            _facts.TryAdd(key, (row[1].String(), row[2].String()));
            _originals.TryAdd(key, ReprintCounting.Counts(row[3].String()));
        }
    }

    /// <summary>
    /// Adds the deletions of relationships no article asserts any more or whose ends moved (the
    /// lowest asserting article orders them), and returns the rows of every live touched relation.
    /// </summary>
    private List<(RelationType Type, string From, string To, Dictionary<string, object?> Row)> MergeRelations(List<CypherStatement> statements)
    {
        var dead = new List<(RelationType Type, string From, string To, Dictionary<string, object?> Row)>();
        var live = new List<(RelationType Type, string From, string To, Dictionary<string, object?> Row)>();
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
                live.Add((state.Type, first.From, first.To, new()
                {
                    ["key"] = key,
                    ["from"] = first.From,
                    ["to"] = first.To,
                    ["props"] = Neo4jMergedValues.RelationProps(state.Assertions, _facts, _originals),
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

    /// <summary>Relabels, merged values and the changed articles' new MENTIONS of every entity that keeps a contribution.</summary>
    private void WriteEntities(List<CypherStatement> statements)
    {
        var upserts = new Dictionary<NodeKind, List<Dictionary<string, object?>>>();
        var relabels = new Dictionary<(NodeKind, NodeKind), List<string>>();
        foreach ((string key, EntityState state) in _entities.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => p.Value.Contributions.Count > 0))
        {
            List<ExtractedEntity> ordered = [.. state.Contributions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];
            NodeKind kind = ordered[0].Kind;
            _kinds[key] = kind;
            if (state.StoredKind is { } stored && stored != kind)
            {
                Group(relabels, (stored, kind)).Add(key);
            }

            Group(upserts, kind).Add(new() { ["key"] = key, ["props"] = Neo4jMergedValues.EntityProps(ordered) });
        }

        foreach (((NodeKind from, NodeKind to), List<string> keys) in relabels)
        {
            statements.AddRange(Chunked(CypherStatements.RelabelEntities(from, to), "keys", keys));
        }

        foreach ((NodeKind kind, List<Dictionary<string, object?>> rows) in upserts)
        {
            statements.AddRange(Chunked(CypherStatements.UpsertEntities(kind), "rows", rows));
        }

        var mentionRows = new Dictionary<NodeKind, List<Dictionary<string, object?>>>();
        foreach ((string article, List<ExtractedEntity> mentions) in _newMentions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (ExtractedEntity mention in mentions)
            {
                Group(mentionRows, _kinds[mention.Key]).Add(new() { ["article"] = article, ["entity"] = mention.Key, ["props"] = Neo4jMergedValues.MentionProps(mention) });
            }
        }

        foreach ((NodeKind kind, List<Dictionary<string, object?>> rows) in mentionRows)
        {
            statements.AddRange(Chunked(CypherStatements.CreateMentions(kind), "rows", rows));
        }
    }

    private NodeKind? StoredKind(string entityKey) => _entities.GetValueOrDefault(entityKey)?.StoredKind;

    private async Task<IReadOnlyList<JsonElement>> ReadAsync(string statement, string parameter, string[] values, CancellationToken cancellationToken)
    {
        if (values.Length == 0)
        {
            return [];
        }

        IReadOnlyList<CypherResult> results = await _transport.RunAsync(
            [new CypherStatement(statement, new Dictionary<string, object?> { [parameter] = values })], Neo4jAccessMode.Read, cancellationToken);
        return results[0].Rows;
    }

    private static List<TValue> Group<TKey, TValue>(Dictionary<TKey, List<TValue>> groups, TKey key)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out List<TValue>? list))
        {
            groups[key] = list = [];
        }

        return list;
    }

    /// <summary>Entities and relations created (absent before, present after) and deleted (present before, absent after).</summary>
    public sealed record MergeOutcome(int NodesCreated, int NodesDeleted, int RelationsCreated, int RelationsDeleted);

    private sealed class EntityState(NodeKind? storedKind)
    {
        public NodeKind? StoredKind { get; } = storedKind;

        public Dictionary<string, ExtractedEntity> Contributions { get; } = new(StringComparer.Ordinal);
    }

    private sealed class RelationState(RelationType type, string? storedFrom, string? storedTo, List<StoredAssertion> assertions)
    {
        public RelationType Type { get; } = type;

        public string? StoredFrom { get; } = storedFrom;

        public string? StoredTo { get; } = storedTo;

        public List<StoredAssertion> Assertions { get; } = assertions;
    }
}
