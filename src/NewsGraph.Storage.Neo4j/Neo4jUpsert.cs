using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// One upsert batch, with the embedded store's semantics in graph form. Each article keeps its own
/// contribution: its MENTIONS relationships carry what it said about each entity, and each relation
/// keeps the assertions of every article (JSON in <c>assertions</c>, plus readable provenance
/// lists). A changed article's contribution is replaced wholesale; every entity and relation it
/// touches (before or after) is recomputed from all remaining contributions, exactly as the
/// embedded store does, and deleted when none remain. The reads of the current contributions are
/// made first; all writes then go in one transaction: nodes before relationships, each kind as
/// <c>UNWIND $rows … MERGE</c> on the key.
/// </summary>
internal sealed class Neo4jUpsert(INeo4jTransport transport, DateTimeOffset now, int batchSize)
{
    public async Task<UpsertResult> RunAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
    {
        // 1. Which articles changed (a batch may hold one key twice: the later one wins, as in order).
        string[] articleKeys = [.. batch.Select(g => g.Article.Key).Distinct(StringComparer.Ordinal)];
        Dictionary<string, string?> hashes = (await ReadAsync(CypherStatements.SelectContentHashes, "keys", articleKeys, cancellationToken))
            .ToDictionary(r => r[0].GetString()!, r => r[1].String(), StringComparer.Ordinal);
        var changed = new Dictionary<string, ArticleGraph>(StringComparer.Ordinal);
        int written = 0;
        int unchanged = 0;
        foreach (ArticleGraph graph in batch)
        {
            string hash = ArticleGraphUpsert.ContentHash(graph);
            if (hashes.TryGetValue(graph.Article.Key, out string? stored) && stored == hash)
            {
                unchanged++;
                continue;
            }

            hashes[graph.Article.Key] = hash;
            changed[graph.Article.Key] = graph;
            written++;
        }

        if (changed.Count == 0)
        {
            return new UpsertResult(0, unchanged, 0, 0);
        }

        // 2. What the changed articles contribute now, and what they will contribute.
        string[] changedKeys = [.. changed.Keys.Order(StringComparer.Ordinal)];
        var touchedEntities = new HashSet<string>(StringComparer.Ordinal);
        var relationEnds = new Dictionary<string, (RelationType Type, string From, string To)>(StringComparer.Ordinal);
        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectArticleEntityKeys, "keys", changedKeys, cancellationToken))
        {
            touchedEntities.Add(row[0].GetString()!);
        }

        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectArticleRelationKeys, "keys", changedKeys, cancellationToken))
        {
            relationEnds.TryAdd(row[0].GetString()!, (GraphNames.ParseType(row[3].GetString()!), row[1].GetString()!, row[2].GetString()!));
        }

        var newMentions = new Dictionary<string, List<ExtractedEntity>>(StringComparer.Ordinal);
        var newAssertions = new Dictionary<string, List<(string Key, RelationType Type, StoredAssertion Assertion)>>(StringComparer.Ordinal);
        foreach ((string articleKey, ArticleGraph graph) in changed)
        {
            List<ExtractedEntity> mentions = [.. ArticleGraphUpsert.MergeWithinArticle(graph.Entities)];
            newMentions[articleKey] = mentions;
            touchedEntities.UnionWith(mentions.Select(e => e.Key));
            var assertions = new List<(string, RelationType, StoredAssertion)>();
            var seen = new HashSet<(string, int)>();
            foreach (ExtractedRelation relation in graph.Relations)
            {
                string key = ArticleGraphUpsert.RelationKey(relation);
                relationEnds.TryAdd(key, (relation.Type, relation.From, relation.To));

                // One assertion per relation, article and sentence: the first one wins.
                if (seen.Add((key, relation.SentenceIndex)))
                {
                    assertions.Add((key, relation.Type, new StoredAssertion(
                        articleKey, relation.SentenceIndex, relation.Evidence, relation.From, relation.To, Neo4jValues.Date(relation.Date),
                        relation.PlaceKey, relation.Topic, relation.Verb, Neo4jValues.Status(relation.Status), relation.Role, relation.Confidence)));
                }
            }

            newAssertions[articleKey] = assertions;
        }

        // 3. The stored contributions of everything touched.
        var entities = new Dictionary<string, EntityState>(StringComparer.Ordinal);
        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectEntityContributions, "keys", touchedEntities.Order(StringComparer.Ordinal).ToArray(), cancellationToken))
        {
            string key = row[0].GetString()!;
            if (!entities.TryGetValue(key, out EntityState? state))
            {
                entities[key] = state = new EntityState(GraphNames.ParseKind(row[1].GetString()!));
            }

            if (row[2].String() is { } article)
            {
                state.Contributions[article] = new ExtractedEntity(
                    key, GraphNames.ParseKind(row[3].GetString()!), row[4].GetString() ?? string.Empty, row[5].Strings(), row[6].Strings(),
                    row[7].String(), row[8].String(), (int)row[9].Long());
            }
        }

        // Relations can only exist between stored ends; each type and pair of labels is one indexed read.
        var relations = new Dictionary<string, RelationState>(StringComparer.Ordinal);
        var lookups = new List<CypherStatement>();
        foreach (IGrouping<(RelationType, NodeKind, NodeKind), KeyValuePair<string, (RelationType Type, string From, string To)>> group in relationEnds
                     .Where(p => entities.GetValueOrDefault(p.Value.From)?.StoredKind is not null && entities.GetValueOrDefault(p.Value.To)?.StoredKind is not null)
                     .OrderBy(p => p.Key, StringComparer.Ordinal)
                     .GroupBy(p => (p.Value.Type, entities[p.Value.From].StoredKind!.Value, entities[p.Value.To].StoredKind!.Value)))
        {
            (RelationType type, NodeKind fromKind, NodeKind toKind) = group.Key;
            Add(lookups, CypherStatements.SelectRelationsBetween(type, fromKind, toKind), "rows", [.. group.Select(p => new Dictionary<string, object?>
            {
                ["key"] = p.Key,
                ["from"] = p.Value.From,
                ["to"] = p.Value.To,
            })]);
        }

        foreach (CypherResult result in await transport.RunAsync(lookups, Neo4jAccessMode.Read, cancellationToken))
        {
            foreach (JsonElement row in result.Rows)
            {
                relations.TryAdd(row[0].GetString()!, new RelationState(
                    relationEnds[row[0].GetString()!].Type, row[1].GetString(), row[2].GetString(), StoredAssertion.ParseList(row[3].String())));
            }
        }

        // 4. Replace the changed articles' contributions in memory.
        foreach (EntityState state in entities.Values)
        {
            foreach (string article in changedKeys)
            {
                state.Contributions.Remove(article);
            }
        }

        foreach (RelationState state in relations.Values)
        {
            state.Assertions.RemoveAll(a => changed.ContainsKey(a.Article));
        }

        var existedBefore = new HashSet<string>(entities.Keys, StringComparer.Ordinal);
        var relationsBefore = new HashSet<string>(relations.Keys, StringComparer.Ordinal);
        foreach ((string article, List<ExtractedEntity> mentions) in newMentions)
        {
            foreach (ExtractedEntity mention in mentions)
            {
                if (!entities.TryGetValue(mention.Key, out EntityState? state))
                {
                    entities[mention.Key] = state = new EntityState(null);
                }

                state.Contributions[article] = mention;
            }
        }

        foreach (List<(string Key, RelationType Type, StoredAssertion Assertion)> assertions in newAssertions.Values)
        {
            foreach ((string key, RelationType type, StoredAssertion assertion) in assertions)
            {
                if (!relations.TryGetValue(key, out RelationState? state))
                {
                    relations[key] = state = new RelationState(type, null, null, []);
                }

                state.Assertions.Add(assertion);
            }
        }

        // 5. Facts of every asserting article (published date, source) for the merged relation values.
        var facts = changed.Values.ToDictionary(g => g.Article.Key, g => (Published: Neo4jValues.Date(g.Article.Published), g.Article.Source), StringComparer.Ordinal);
        string[] missing = [.. relations.Values.SelectMany(r => r.Assertions).Select(a => a.Article).Distinct(StringComparer.Ordinal).Where(k => !facts.ContainsKey(k)).Order(StringComparer.Ordinal)];
        foreach (JsonElement row in await ReadAsync(CypherStatements.SelectArticleFacts, "keys", missing, cancellationToken))
        {
            facts[row[0].GetString()!] = (row[1].String(), row[2].String());
        }

        // 6. Write: one transaction.
        var statements = new List<CypherStatement>();
        var deadRelations = new List<(RelationType Type, string From, string To, Dictionary<string, object?> Row)>();
        var liveRelations = new List<(RelationType Type, string From, string To, Dictionary<string, object?> Row)>();
        foreach ((string key, RelationState state) in relations.OrderBy(p => p.Key, StringComparer.Ordinal))
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
                deadRelations.Add((state.Type, state.StoredFrom, state.StoredTo!, new() { ["key"] = key, ["from"] = state.StoredFrom, ["to"] = state.StoredTo }));
            }

            if (first is not null)
            {
                liveRelations.Add((state.Type, first.From, first.To, new()
                {
                    ["key"] = key,
                    ["from"] = first.From,
                    ["to"] = first.To,
                    ["props"] = RelationProps(state.Assertions, facts),
                    ["confidence"] = ArticleGraphUpsert.MergedConfidence(state.Assertions.Select(a => a.Confidence)),
                    ["provConfidences"] = state.Assertions.Select(a => a.Confidence ?? Neo4jValues.Unscored).ToArray(),
                }));
            }
        }

        foreach (IGrouping<(RelationType, NodeKind, NodeKind), (RelationType Type, string From, string To, Dictionary<string, object?> Row)> group in
                 deadRelations.GroupBy(r => (r.Type, entities[r.From].StoredKind!.Value, entities[r.To].StoredKind!.Value)))
        {
            (RelationType type, NodeKind fromKind, NodeKind toKind) = group.Key;
            Add(statements, CypherStatements.DeleteRelationsBetween(type, fromKind, toKind), "rows", [.. group.Select(r => r.Row)]);
        }

        Add(statements, CypherStatements.UpsertArticles, "rows", [.. changed.Values.Select(g => new Dictionary<string, object?>
        {
            ["key"] = g.Article.Key,
            ["props"] = ArticleProps(g.Article, hashes[g.Article.Key]!),
        })]);
        Add(statements, CypherStatements.DeleteArticleMentions, "keys", changedKeys);

        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        var upserts = new Dictionary<NodeKind, List<Dictionary<string, object?>>>();
        var deletions = new Dictionary<NodeKind, List<string>>();
        var relabels = new Dictionary<(NodeKind, NodeKind), List<string>>();
        foreach ((string key, EntityState state) in entities.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (state.Contributions.Count == 0)
            {
                if (state.StoredKind is { } storedKind)
                {
                    Group(deletions, storedKind).Add(key);
                }

                continue;
            }

            List<ExtractedEntity> ordered = [.. state.Contributions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];
            NodeKind kind = ordered[0].Kind;
            kinds[key] = kind;
            if (state.StoredKind is { } stored && stored != kind)
            {
                Group(relabels, (stored, kind)).Add(key);
            }

            Group(upserts, kind).Add(new() { ["key"] = key, ["props"] = EntityProps(ordered) });
        }

        foreach (((NodeKind from, NodeKind to), List<string> keys) in relabels)
        {
            Add(statements, CypherStatements.RelabelEntities(from, to), "keys", keys);
        }

        foreach ((NodeKind kind, List<Dictionary<string, object?>> rows) in upserts)
        {
            Add(statements, CypherStatements.UpsertEntities(kind), "rows", rows);
        }

        var mentionRows = new Dictionary<NodeKind, List<Dictionary<string, object?>>>();
        foreach ((string article, List<ExtractedEntity> mentions) in newMentions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (ExtractedEntity mention in mentions)
            {
                Group(mentionRows, kinds[mention.Key]).Add(new() { ["article"] = article, ["entity"] = mention.Key, ["props"] = MentionProps(mention) });
            }
        }

        foreach ((NodeKind kind, List<Dictionary<string, object?>> rows) in mentionRows)
        {
            Add(statements, CypherStatements.CreateMentions(kind), "rows", rows);
        }

        foreach (IGrouping<(RelationType, NodeKind, NodeKind), (RelationType Type, string From, string To, Dictionary<string, object?> Row)> group in
                 liveRelations.GroupBy(r => (r.Type, kinds[r.From], kinds[r.To])))
        {
            (RelationType type, NodeKind fromKind, NodeKind toKind) = group.Key;
            Add(statements, CypherStatements.UpsertRelations(type, fromKind, toKind), "rows", [.. group.Select(r => r.Row)]);
        }

        foreach ((NodeKind kind, List<string> keys) in deletions)
        {
            Add(statements, CypherStatements.DeleteEntities(kind), "keys", keys);
        }

        await transport.RunAsync(statements, Neo4jAccessMode.Write, cancellationToken);

        // Created = asked for in this batch, absent before, present after.
        int nodesCreated = batch.SelectMany(g => g.Entities).Select(e => e.Key).Distinct(StringComparer.Ordinal)
            .Count(k => !existedBefore.Contains(k) && kinds.ContainsKey(k));
        int relationsCreated = batch.SelectMany(g => g.Relations).Select(ArticleGraphUpsert.RelationKey).Distinct(StringComparer.Ordinal)
            .Count(k => !relationsBefore.Contains(k) && relations.TryGetValue(k, out RelationState? r) && r.Assertions.Count > 0);
        return new UpsertResult(written, unchanged, nodesCreated, relationsCreated);
    }

    private Dictionary<string, object?> ArticleProps(ArticleInfo article, string hash) => new()
    {
        // Neo4j Browser captions read "name"; an article's is its title.
        ["name"] = article.Title ?? article.Url ?? article.Key,
        ["title"] = article.Title,
        ["url"] = article.Url,
        ["source"] = article.Source,
        ["dateline"] = article.Dateline,
        ["published"] = Neo4jValues.Date(article.Published),
        ["language"] = article.Language,
        ["file"] = article.File,
        ["text"] = article.Text,
        ["ingestedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
        ["contentHash"] = hash,
        ["titleNorm"] = ArabicText.Normalize(article.Title),
        ["textNorm"] = ArabicText.Normalize(article.Text),
    };

    private static Dictionary<string, object?> MentionProps(ExtractedEntity mention) => new()
    {
        ["count"] = mention.Mentions,
        ["kind"] = GraphNames.Label(mention.Kind),
        ["name"] = mention.Name,
        ["aliases"] = mention.Aliases.ToList(),
        ["titles"] = mention.Titles.ToList(),
        ["iso"] = mention.Iso,
        ["category"] = mention.Category,
    };

    /// <summary>The merged node, from contributions in article-key order: the lowest article names it.</summary>
    private static Dictionary<string, object?> EntityProps(List<ExtractedEntity> ordered)
    {
        ExtractedEntity first = ordered[0];
        string[] aliases = [.. ordered.SelectMany(e => e.Aliases).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[] titles = [.. ordered.SelectMany(e => e.Titles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string nameNorm = ArabicText.Normalize(first.Name);
        string[] aliasesNorm = [.. aliases.Select(ArabicText.Normalize).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)];
        List<string> words = [.. SearchRanking.Words(nameNorm), .. aliasesNorm.SelectMany(SearchRanking.Words)];
        return new()
        {
            ["kind"] = GraphNames.Label(first.Kind),
            ["name"] = first.Name,
            ["nameNorm"] = nameNorm,
            ["aliases"] = aliases,
            ["aliasesNorm"] = aliasesNorm,
            ["titles"] = titles,
            ["iso"] = ordered.Select(e => e.Iso).FirstOrDefault(v => v is not null),
            ["category"] = ordered.Select(e => e.Category).FirstOrDefault(v => v is not null),
            ["mentionCount"] = ordered.Sum(e => e.Mentions),
            ["articleCount"] = ordered.Count,
            ["searchText"] = " " + string.Join(' ', words) + " ",
            ["searchTokens"] = words.Count,
        };
    }

    /// <summary>
    /// The merged relation, from assertions in article-key then sentence order: first non-null value
    /// wins (the confidences, which merge, are set beside these: see <see cref="CypherStatements.UpsertRelations"/>).
    /// </summary>
    private static Dictionary<string, object?> RelationProps(
        List<StoredAssertion> assertions, Dictionary<string, (string? Published, string? Source)> facts)
    {
        string? date = assertions.Select(a => a.Date).FirstOrDefault(v => v is not null);
        string[] articles = [.. assertions.Select(a => a.Article).Distinct(StringComparer.Ordinal)];
        string[] dates = [.. articles.Select(a => facts.GetValueOrDefault(a).Published).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string? topic = assertions.Select(a => a.Topic).FirstOrDefault(v => v is not null);
        string? verb = assertions.Select(a => a.Verb).FirstOrDefault(v => v is not null);
        return new()
        {
            ["date"] = date,
            ["effectiveDate"] = date ?? dates.FirstOrDefault(),
            ["place"] = assertions.Select(a => a.Place).FirstOrDefault(v => v is not null),
            ["topic"] = topic,
            ["topicNorm"] = ArabicText.Normalize(topic),
            ["verb"] = verb,
            ["verbNorm"] = verb is null ? null : ArabicText.Normalize(verb),
            ["status"] = assertions.Select(a => a.Status).FirstOrDefault(v => v is not null),
            ["role"] = assertions.Select(a => a.Role).FirstOrDefault(v => v is not null),
            ["articleCount"] = articles.Length,
            ["articles"] = articles,
            ["sources"] = articles.Select(a => facts.GetValueOrDefault(a).Source).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            ["articleDates"] = dates,
            ["provArticles"] = assertions.Select(a => a.Article).ToArray(),
            ["provSentences"] = assertions.Select(a => a.Sentence).ToArray(),
            ["provEvidence"] = assertions.Select(a => a.Evidence).ToArray(),
            ["assertions"] = StoredAssertion.Serialize(assertions),
        };
    }

    private async Task<IReadOnlyList<JsonElement>> ReadAsync(string statement, string parameter, object values, CancellationToken cancellationToken)
    {
        if (values is System.Collections.ICollection { Count: 0 })
        {
            return [];
        }

        IReadOnlyList<CypherResult> results = await transport.RunAsync(
            [new CypherStatement(statement, new Dictionary<string, object?> { [parameter] = values })], Neo4jAccessMode.Read, cancellationToken);
        return results[0].Rows;
    }

    /// <summary>Adds one UNWIND statement per chunk of at most <c>batchSize</c> rows (none for no rows).</summary>
    private void Add<T>(List<CypherStatement> statements, string text, string parameter, IReadOnlyList<T> rows)
    {
        foreach (T[] chunk in rows.Chunk(Math.Max(1, batchSize)))
        {
            statements.Add(new CypherStatement(text, new Dictionary<string, object?> { [parameter] = chunk }));
        }
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
