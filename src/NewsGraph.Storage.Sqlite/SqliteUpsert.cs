using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite;

/// <summary>
/// One upsert batch inside one transaction. Each article's contribution (its mentions and its
/// provenance rows) is replaced wholesale, then every merged entity and relation the batch
/// touched is recomputed from all contributions that remain, and deleted when none remain. The
/// merged rows are therefore a pure function of the stored contributions: the order in which
/// articles arrive, or how often, cannot change them.
/// </summary>
internal sealed class SqliteUpsert(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now) : IAsyncDisposable
{
    // One prepared command per statement for the whole batch: re-preparing per row dominated ingest time.
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touchedEntities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touchedRelations = new(StringComparer.Ordinal);

    public async Task<UpsertResult> RunAsync(IReadOnlyList<ArticleGraph> batch, CancellationToken cancellationToken)
    {
        Dictionary<string, string> storedHashes = await ReadPairsAsync(
            SqliteStatements.SelectContentHashes, batch.Select(g => g.Article.Key), cancellationToken);
        string[] newEntityKeys = [.. batch.SelectMany(g => g.Entities).Select(e => e.Key).Distinct(StringComparer.Ordinal)];
        string[] newRelationKeys = [.. batch.SelectMany(g => g.Relations).Select(ArticleGraphUpsert.RelationKey).Distinct(StringComparer.Ordinal)];
        HashSet<string> entitiesBefore = await ReadKeysAsync(SqliteStatements.SelectExistingEntityKeys, newEntityKeys, cancellationToken);
        HashSet<string> relationsBefore = await ReadKeysAsync(SqliteStatements.SelectExistingRelationKeys, newRelationKeys, cancellationToken);

        int written = 0;
        int unchanged = 0;
        foreach (ArticleGraph graph in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string hash = ArticleGraphUpsert.ContentHash(graph);
            if (storedHashes.TryGetValue(graph.Article.Key, out string? stored) && stored == hash)
            {
                unchanged++;
                continue;
            }

            await ReplaceArticleAsync(graph, hash, cancellationToken);
            storedHashes[graph.Article.Key] = hash;
            written++;
        }

        // Relations first: they reference entities, which may be going away.
        await RecomputeRelationsAsync(cancellationToken);
        await RecomputeEntitiesAsync(cancellationToken);

        HashSet<string> entitiesAfter = await ReadKeysAsync(SqliteStatements.SelectExistingEntityKeys, newEntityKeys, cancellationToken);
        HashSet<string> relationsAfter = await ReadKeysAsync(SqliteStatements.SelectExistingRelationKeys, newRelationKeys, cancellationToken);
        return new UpsertResult(
            written,
            unchanged,
            entitiesAfter.Count(k => !entitiesBefore.Contains(k)),
            relationsAfter.Count(k => !relationsBefore.Contains(k)));
    }

    private async Task ReplaceArticleAsync(ArticleGraph graph, string hash, CancellationToken cancellationToken)
    {
        ArticleInfo article = graph.Article;
        _touchedEntities.UnionWith(await ReadKeysAsync(SqliteStatements.SelectArticleEntityKeys, article.Key, cancellationToken));
        _touchedRelations.UnionWith(await ReadKeysAsync(SqliteStatements.SelectArticleRelationKeys, article.Key, cancellationToken));

        await ExecuteAsync(SqliteStatements.UpsertArticle, cancellationToken, [
            ("@key", article.Key),
            ("@title", article.Title),
            ("@url", article.Url),
            ("@source", article.Source),
            ("@dateline", article.Dateline),
            ("@published", SqliteValues.Date(article.Published)),
            ("@language", article.Language),
            ("@file", article.File),
            ("@text", article.Text),
            ("@ingestedAt", now.ToString("O", CultureInfo.InvariantCulture)),
            ("@contentHash", hash),
            ("@titleNorm", ArabicText.Normalize(article.Title)),
            ("@textNorm", ArabicText.Normalize(article.Text)),
        ]);
        await ExecuteAsync(SqliteStatements.DeleteArticleMentions, cancellationToken, [("@articleKey", article.Key)]);
        await ExecuteAsync(SqliteStatements.DeleteArticleProvenance, cancellationToken, [("@articleKey", article.Key)]);

        foreach (ExtractedEntity entity in ArticleGraphUpsert.MergeWithinArticle(graph.Entities))
        {
            _touchedEntities.Add(entity.Key);
            string kind = GraphNames.Label(entity.Kind);
            await ExecuteAsync(SqliteStatements.InsertEntityIfMissing, cancellationToken, [
                ("@key", entity.Key), ("@kind", kind), ("@name", entity.Name), ("@nameNorm", ArabicText.Normalize(entity.Name)),
            ]);
            await ExecuteAsync(SqliteStatements.InsertMention, cancellationToken, [
                ("@articleKey", article.Key),
                ("@entityKey", entity.Key),
                ("@kind", kind),
                ("@name", entity.Name),
                ("@aliases", SqliteJson.Serialize(entity.Aliases)),
                ("@titles", SqliteJson.Serialize(entity.Titles)),
                ("@iso", entity.Iso),
                ("@category", entity.Category),
                ("@mentionCount", (long)entity.Mentions),
            ]);
        }

        foreach (ExtractedRelation relation in graph.Relations)
        {
            string key = ArticleGraphUpsert.RelationKey(relation);
            _touchedRelations.Add(key);
            await ExecuteAsync(SqliteStatements.InsertRelationIfMissing, cancellationToken, [
                ("@key", key), ("@type", GraphNames.TypeName(relation.Type)), ("@fromKey", relation.From), ("@toKey", relation.To),
            ]);
            await ExecuteAsync(SqliteStatements.InsertProvenance, cancellationToken, [
                ("@relationKey", key),
                ("@articleKey", article.Key),
                ("@sentenceIndex", (long)relation.SentenceIndex),
                ("@evidence", relation.Evidence),
                ("@fromKey", relation.From),
                ("@toKey", relation.To),
                ("@date", SqliteValues.Date(relation.Date)),
                ("@placeKey", relation.PlaceKey),
                ("@topic", relation.Topic),
                ("@verb", relation.Verb),
                ("@status", SqliteValues.Status(relation.Status)),
                ("@role", relation.Role),
                ("@confidence", relation.Confidence),
            ]);
        }
    }

    private async Task RecomputeRelationsAsync(CancellationToken cancellationToken)
    {
        if (_touchedRelations.Count == 0)
        {
            return;
        }

        string keys = SqliteJson.Serialize(_touchedRelations.Order(StringComparer.Ordinal));
        var rows = new List<ProvenanceRow>();
        await using (SqliteDataReader reader = await Command(SqliteStatements.SelectProvenanceForMerge, [("@keys", keys)]).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ProvenanceRow(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), Text(reader, 5),
                    Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10),
                    reader.IsDBNull(11) ? null : reader.GetDouble(11)));
            }
        }

        // Rows come by relation, then article key, then sentence: the first non-null value wins, and
        // confidences merge in that order.
        foreach (IGrouping<string, ProvenanceRow> group in rows.GroupBy(r => r.RelationKey, StringComparer.Ordinal))
        {
            ProvenanceRow first = group.First();
            string? date = group.Select(r => r.Date).FirstOrDefault(v => v is not null);
            string? earliestArticle = group.Select(r => r.Published).Where(v => v is not null).Order(StringComparer.Ordinal).FirstOrDefault();
            string? topic = group.Select(r => r.Topic).FirstOrDefault(v => v is not null);
            string? verb = group.Select(r => r.Verb).FirstOrDefault(v => v is not null);
            await ExecuteAsync(SqliteStatements.UpdateMergedRelation, cancellationToken, [
                ("@key", group.Key),
                ("@fromKey", first.FromKey),
                ("@toKey", first.ToKey),
                ("@date", date),
                ("@effectiveDate", date ?? earliestArticle),
                ("@placeKey", group.Select(r => r.PlaceKey).FirstOrDefault(v => v is not null)),
                ("@topic", topic),
                ("@topicNorm", ArabicText.Normalize(topic)),
                ("@verb", verb),
                ("@verbNorm", verb is null ? null : ArabicText.Normalize(verb)),
                ("@status", group.Select(r => r.Status).FirstOrDefault(v => v is not null)),
                ("@role", group.Select(r => r.Role).FirstOrDefault(v => v is not null)),
                ("@articleCount", (long)group.Select(r => r.ArticleKey).Distinct(StringComparer.Ordinal).Count()),
                ("@confidence", ArticleGraphUpsert.MergedConfidence(group.Select(r => r.Confidence))),
            ]);
        }

        await ExecuteAsync(SqliteStatements.DeleteUnsupportedRelations, cancellationToken, [("@keys", keys)]);
    }

    private async Task RecomputeEntitiesAsync(CancellationToken cancellationToken)
    {
        if (_touchedEntities.Count == 0)
        {
            return;
        }

        string keys = SqliteJson.Serialize(_touchedEntities.Order(StringComparer.Ordinal));
        var rows = new List<MentionRow>();
        await using (SqliteDataReader reader = await Command(SqliteStatements.SelectMentionsForMerge, [("@keys", keys)]).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new MentionRow(
                    reader.GetString(0), reader.GetString(2), reader.GetString(3),
                    SqliteJson.StringList(reader.GetString(4)), SqliteJson.StringList(reader.GetString(5)),
                    Text(reader, 6), Text(reader, 7), reader.GetInt64(8)));
            }
        }

        // Rows come by entity, then article key: the lowest article key names the entity.
        foreach (IGrouping<string, MentionRow> group in rows.GroupBy(r => r.EntityKey, StringComparer.Ordinal))
        {
            MentionRow first = group.First();
            string[] aliases = [.. group.SelectMany(r => r.Aliases).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            string[] titles = [.. group.SelectMany(r => r.Titles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            string aliasesNorm = string.Join('\n', aliases.Select(ArabicText.Normalize).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal));
            await ExecuteAsync(SqliteStatements.UpdateMergedEntity, cancellationToken, [
                ("@key", group.Key),
                ("@kind", first.Kind),
                ("@name", first.Name),
                ("@nameNorm", ArabicText.Normalize(first.Name)),
                ("@aliases", SqliteJson.Serialize(aliases)),
                ("@aliasesNorm", aliasesNorm),
                ("@titles", SqliteJson.Serialize(titles)),
                ("@iso", group.Select(r => r.Iso).FirstOrDefault(v => v is not null)),
                ("@category", group.Select(r => r.Category).FirstOrDefault(v => v is not null)),
                ("@mentionCount", group.Sum(r => r.MentionCount)),
                ("@articleCount", (long)group.Count()),
            ]);
        }

        await ExecuteAsync(SqliteStatements.DeleteUnmentionedEntities, cancellationToken, [("@keys", keys)]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }

    /// <summary>The batch's command for <paramref name="sql"/>, bound to these parameters. Not to be disposed by callers.</summary>
    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, SqliteValues.OrNull(value));
        }

        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, (string Name, object? Value)[] parameters)
    {
        await Command(sql, parameters).ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<HashSet<string>> ReadKeysAsync(string sql, IEnumerable<string> keys, CancellationToken cancellationToken) =>
        ReadKeysAsync(sql, "@keys", SqliteJson.Serialize(keys), cancellationToken);

    private Task<HashSet<string>> ReadKeysAsync(string sql, string articleKey, CancellationToken cancellationToken) =>
        ReadKeysAsync(sql, "@articleKey", articleKey, cancellationToken);

    private async Task<HashSet<string>> ReadKeysAsync(string sql, string parameter, string value, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        SqliteCommand command = Command(sql, [(parameter, value)]);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private async Task<Dictionary<string, string>> ReadPairsAsync(string sql, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        SqliteCommand command = Command(sql, [("@keys", SqliteJson.Serialize(keys))]);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs[reader.GetString(0)] = reader.GetString(1);
        }

        return pairs;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed record ProvenanceRow(
        string RelationKey, string ArticleKey, string FromKey, string ToKey, string? Date, string? PlaceKey,
        string? Topic, string? Verb, string? Status, string? Role, string? Published, double? Confidence);

    private sealed record MentionRow(
        string EntityKey, string Kind, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Titles,
        string? Iso, string? Category, long MentionCount);
}
