using System.Globalization;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// The rows a batch's articles put in, gathered and then written together: all articles in one
/// statement, all placeholder entities in one, all mentions in one, all placeholder relations in
/// one (rows travel as one JSON array read with <c>json_each</c>), then each assertion.
/// <para>
/// Why: a statement that fires triggers runs in a statement savepoint, and FTS5 writes its pending
/// in-memory index out as a new segment at every savepoint. Row by row, every article and every new
/// entity left segments of one row each behind in the full-text indexes (and FTS5 merged them
/// again and again); together, each index receives the batch's rows in one statement and writes
/// them out as one segment. The rows and their order are those of writing them one at a time.
/// </para>
/// </summary>
internal sealed class SqliteContributionRows
{
    private readonly List<object?[]> _articles = [];
    private readonly List<object?[]> _entities = [];
    private readonly List<object?[]> _mentions = [];
    private readonly List<object?[]> _relations = [];
    private readonly List<(string Name, object? Value)[]> _assertions = [];
    private readonly HashSet<string> _articleKeys = new(StringComparer.Ordinal);

    // A placeholder is made by the first row of its key; later rows of the key would only conflict.
    private readonly HashSet<string> _entityKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _relationKeys = new(StringComparer.Ordinal);
    private readonly SqliteNewRelations _newRelations = new();
    private readonly SqliteNewEntities _newEntities = new();

    /// <summary>Whether rows of this article wait to be written.</summary>
    public bool Holds(string articleKey) => _articleKeys.Contains(articleKey);

    /// <param name="fingerprint">The encoded text fingerprint: a new row is inserted with it, a stored row keeps its own.</param>
    /// <param name="reprintOf">The original a new row is inserted linked to; a stored row keeps its link.</param>
    public void AddArticle(ArticleInfo article, string? published, string hash, string? fingerprint, string? reprintOf, DateTimeOffset now)
    {
        _articleKeys.Add(article.Key);
        _articles.Add(
        [
            article.Key, article.Title, article.Url, article.Source, article.Dateline, published, article.Language, article.File, article.Text,
            now.ToString("O", CultureInfo.InvariantCulture), hash, ArticleDigests.Normalized(article.Title), ArticleDigests.Normalized(article.Text),
            fingerprint, reprintOf,
        ]);
    }

    public void AddMention(string articleKey, ExtractedEntity entity, string kind)
    {
        if (_entityKeys.Add(entity.Key))
        {
            _entities.Add([entity.Key, kind, entity.Name, ArabicText.Normalize(entity.Name)]);
        }

        _newEntities.Add(articleKey, entity, kind);

        _mentions.Add(
        [
            articleKey, entity.Key, kind, entity.Name, SqliteJson.Serialize(entity.Aliases), SqliteJson.Serialize(entity.Titles),
            entity.Iso, entity.Category, (long)entity.Mentions,
        ]);
    }

    public void AddAssertion(string articleKey, string relationKey, ExtractedRelation relation)
    {
        if (_relationKeys.Add(relationKey))
        {
            _relations.Add([relationKey, GraphNames.TypeName(relation.Type), relation.From, relation.To]);
        }

        _newRelations.Add(relationKey, articleKey, relation);

        // One statement each: the confidence is bound as a double, never read back from JSON text.
        _assertions.Add(
        [
            ("@relationKey", relationKey),
            ("@articleKey", articleKey),
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
            ("@datePrecision", relation.DatePrecision is { } precision ? GraphNames.PrecisionName(precision) : null),
            ("@dateSource", relation.DateSource is { } source ? GraphNames.SourceName(source) : null),
        ]);
    }

    /// <summary>
    /// Writes the gathered rows, parents before the rows that reference them, and forgets them. <paramref name="last"/>:
    /// the batch's merge deltas when these are its last rows, so that the entities and relations they bring into being
    /// are inserted with their merged values (<see cref="SqliteNewEntities"/>, <see cref="SqliteNewRelations"/>) and left
    /// out of the merge; null for rows written early (an article twice in the batch), whose entities and relations are
    /// placeholders the merge fills in.
    /// </summary>
    public async Task WriteAsync(SqliteBatchCommands commands, MergeDeltas? last, CancellationToken cancellationToken)
    {
        await WriteAllAsync(commands, SqliteStatements.UpsertArticles, _articles, cancellationToken);
        if (last is null)
        {
            await WriteAllAsync(commands, SqliteStatements.InsertEntitiesIfMissing, _entities, cancellationToken);
            await WriteAllAsync(commands, SqliteStatements.InsertMentions, _mentions, cancellationToken);
            await WriteAllAsync(commands, SqliteStatements.InsertRelationsIfMissing, _relations, cancellationToken);
        }
        else
        {
            await InsertNewEntitiesAsync(commands, last, cancellationToken);
            await WriteAllAsync(commands, SqliteStatements.InsertMentions, _mentions, cancellationToken);
            await InsertNewRelationsAsync(commands, last, cancellationToken);
        }

        foreach ((string Name, object? Value)[] assertion in _assertions)
        {
            await commands.ExecuteAsync(SqliteStatements.InsertProvenance, cancellationToken, assertion);
        }

        _assertions.Clear();
        _articleKeys.Clear();
        _entityKeys.Clear();
        _relationKeys.Clear();
        _newRelations.Clear();
        _newEntities.Clear();
    }

    /// <summary>
    /// The gathered entities the store does not hold, inserted whole in the order they came (the order their
    /// placeholders were inserted in, so the ids are theirs), with their label rows. Not held now means not held
    /// before the batch and not written earlier in it, so no mention of theirs was taken out and their deltas are
    /// these rows' alone. The entities the store holds need no statement before their mentions.
    /// </summary>
    private async Task InsertNewEntitiesAsync(SqliteBatchCommands commands, MergeDeltas deltas, CancellationToken cancellationToken)
    {
        if (_entities.Count == 0)
        {
            return;
        }

        List<string> stored = await commands.ReadAsync(SqliteStatements.SelectExistingEntityKeys, r => r.GetString(0), cancellationToken,
            ("@keys", SqliteJson.Serialize(_entities.Select(r => (string)r[0]!))));
        var held = new HashSet<string>(stored, StringComparer.Ordinal);
        var rows = new List<object?[]>();
        var labels = new List<object?[]>();
        foreach (object?[] placeholder in _entities)
        {
            string key = (string)placeholder[0]!;
            if (!held.Contains(key))
            {
                rows.Add(_newEntities.Row(key, deltas.Entities[key], labels));
                deltas.EntityInsertedWhole(key);
            }
        }

        _entities.Clear();
        await WriteAllAsync(commands, SqliteStatements.InsertNewEntities, rows, cancellationToken);
        await WriteAllAsync(commands, SqliteStatements.AddNewEntityLabels, labels, cancellationToken);
    }

    /// <summary>
    /// The gathered relations the store does not hold, inserted whole in the order they came (the order their
    /// placeholders were inserted in). Not held now means not held before the batch and not written earlier in it,
    /// so no assertion of theirs was taken out and their deltas are these rows' alone.
    /// </summary>
    private async Task InsertNewRelationsAsync(SqliteBatchCommands commands, MergeDeltas deltas, CancellationToken cancellationToken)
    {
        if (_relations.Count == 0)
        {
            return;
        }

        List<string> stored = await commands.ReadAsync(SqliteStatements.SelectExistingRelationKeys, r => r.GetString(0), cancellationToken,
            ("@keys", SqliteJson.Serialize(_relations.Select(r => (string)r[0]!))));
        var held = new HashSet<string>(stored, StringComparer.Ordinal);
        var rows = new List<object?[]>();
        foreach (object?[] placeholder in _relations)
        {
            string key = (string)placeholder[0]!;
            if (!held.Contains(key))
            {
                rows.Add(_newRelations.Row(key, (string)placeholder[1]!, deltas.Relations[key]));
                deltas.InsertedWhole(key);
            }
        }

        _relations.Clear();
        await WriteAllAsync(commands, SqliteStatements.InsertNewRelations, rows, cancellationToken);
    }

    private static async Task WriteAllAsync(SqliteBatchCommands commands, string sql, List<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > 0)
        {
            await commands.ExecuteAsync(sql, cancellationToken, ("@rows", SqliteJson.SerializeToUtf8(rows)));
            rows.Clear();
        }
    }
}
