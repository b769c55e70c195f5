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

    /// <summary>Writes the gathered rows, parents before the rows that reference them, and forgets them.</summary>
    public async Task WriteAsync(SqliteBatchCommands commands, CancellationToken cancellationToken)
    {
        await WriteAllAsync(commands, SqliteStatements.UpsertArticles, _articles, cancellationToken);
        await WriteAllAsync(commands, SqliteStatements.InsertEntitiesIfMissing, _entities, cancellationToken);
        await WriteAllAsync(commands, SqliteStatements.InsertMentions, _mentions, cancellationToken);
        await WriteAllAsync(commands, SqliteStatements.InsertRelationsIfMissing, _relations, cancellationToken);
        foreach ((string Name, object? Value)[] assertion in _assertions)
        {
            await commands.ExecuteAsync(SqliteStatements.InsertProvenance, cancellationToken, assertion);
        }

        _assertions.Clear();
        _articleKeys.Clear();
        _entityKeys.Clear();
        _relationKeys.Clear();
    }

    private static async Task WriteAllAsync(SqliteBatchCommands commands, string sql, List<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > 0)
        {
            await commands.ExecuteAsync(sql, cancellationToken, ("@rows", SqliteJson.Serialize(rows)));
            rows.Clear();
        }
    }
}
