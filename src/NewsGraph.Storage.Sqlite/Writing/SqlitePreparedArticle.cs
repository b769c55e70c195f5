using System.Runtime.CompilerServices;
using System.Text;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// The part of an article's rows that depends on the article alone — its row's values as UTF-8 JSON, its entities merged
/// within the article with their normalized names and mention rows, its relations' keys and assertion parameters —
/// computed once per graph and kept with it while it lives (issue 13, tenth round). <see cref="SqliteGraphStore.Prepare"/>
/// computes it on the pipeline's extraction threads, in parallel, so the writer's single thread only joins the rows of a
/// batch; a graph that was not prepared is prepared on first use, on the writer, with the same result. Every value is a
/// pure function of the immutable graph (records and strings, held by reference), so a kept one is always what computing
/// it again would give. Measured before: the writer thread spent ~1 s of its ~29 s on <c>ArabicText.Normalize</c> (mostly
/// mention names), and more on serializing article texts, hashing relation keys and building rows.
/// </summary>
internal sealed class SqlitePreparedArticle
{
    private static readonly ConditionalWeakTable<ArticleGraph, SqlitePreparedArticle> s_prepared = new();

    private SqlitePreparedArticle(ArticleGraph graph)
    {
        ArticleInfo article = graph.Article;
        Fingerprint = ArticleDigests.Fingerprint(article.Text)?.Encode();
        ArticleValues = ValuesWithoutBrackets(SqliteJson.SerializeToUtf8<object?[]>(
        [
            article.Key, article.Title, article.Url, article.Source, article.Dateline, SqliteValues.Date(article.Published), article.Language,
            article.File, article.Text, ArticleDigests.ContentHash(graph), ArticleDigests.Normalized(article.Title), ArticleDigests.Normalized(article.Text),
            Fingerprint,
        ]));
        byte[] keyUtf8 = Encoding.UTF8.GetBytes(article.Key);
        Mentions = [.. ArticleGraphUpsert.MergeWithinArticle(graph.Entities).Select(entity => new PreparedMention(article.Key, keyUtf8, entity))];
        Assertions = [.. graph.Relations.Select(relation => new PreparedAssertion(article.Key, relation))];
    }

    /// <summary>The text fingerprint, encoded as <c>articles.fingerprint</c> holds it (null for a text too short to have one).</summary>
    public string? Fingerprint { get; }

    /// <summary>
    /// The values of the article's row for <see cref="SqliteStatements.UpsertArticles"/> before its link, as UTF-8 JSON
    /// separated by commas without the array's brackets: key, title, url, source, dateline, published, language, file,
    /// text, content hash, normalized title, normalized text, fingerprint. The writer closes the row with the link.
    /// </summary>
    public byte[] ArticleValues { get; }

    /// <summary>The article's entities merged within it (<see cref="ArticleGraphUpsert.MergeWithinArticle"/>), in that order.</summary>
    public IReadOnlyList<PreparedMention> Mentions { get; }

    /// <summary>One per relation of the graph, in its order.</summary>
    public IReadOnlyList<PreparedAssertion> Assertions { get; }

    /// <summary>The graph's prepared rows, computed now unless they were before.</summary>
    public static SqlitePreparedArticle Of(ArticleGraph graph) => s_prepared.GetValue(graph, static g => new SqlitePreparedArticle(g));

    private static byte[] ValuesWithoutBrackets(byte[] array) => array[1..^1];
}

/// <summary>One entity of an article, merged within it, with what its rows need.</summary>
internal sealed class PreparedMention
{
    public PreparedMention(string articleKey, byte[] articleKeyUtf8, ExtractedEntity entity)
    {
        ArticleKeyUtf8 = articleKeyUtf8;
        Entity = entity;
        Kind = GraphNames.Label(entity.Kind);
        NameNorm = ArabicText.Normalize(entity.Name);
        AliasNorms = [.. entity.Aliases.Select(ArabicText.Normalize)];
        Row = SqliteJson.SerializeToUtf8<object?[]>(
        [
            articleKey, entity.Key, Kind, entity.Name, SqliteJson.Serialize(entity.Aliases), SqliteJson.Serialize(entity.Titles),
            entity.Iso, entity.Category, (long)entity.Mentions,
        ]);
    }

    /// <summary>The article's key as UTF-8, the order SQLite compares keys in (shared by the article's mentions).</summary>
    public byte[] ArticleKeyUtf8 { get; }

    public ExtractedEntity Entity { get; }

    /// <summary>The kind as stored (<see cref="GraphNames.Label"/>).</summary>
    public string Kind { get; }

    /// <summary><see cref="ArabicText.Normalize"/> of the name.</summary>
    public string NameNorm { get; }

    /// <summary><see cref="ArabicText.Normalize"/> of each alias, in the aliases' order.</summary>
    public IReadOnlyList<string> AliasNorms { get; }

    /// <summary>The mention's row of <see cref="SqliteStatements.InsertMentions"/>, a JSON array as UTF-8.</summary>
    public byte[] Row { get; }
}

/// <summary>One relation of an article: its merged key and its row's parameters for <see cref="SqliteStatements.InsertProvenance"/>.</summary>
internal sealed class PreparedAssertion
{
    public PreparedAssertion(string articleKey, ExtractedRelation relation)
    {
        Relation = relation;
        Key = ArticleGraphUpsert.RelationKey(relation);
        Parameters =
        [
            ("@relationKey", Key),
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
        ];
    }

    public ExtractedRelation Relation { get; }

    /// <summary><see cref="ArticleGraphUpsert.RelationKey"/> of the relation.</summary>
    public string Key { get; }

    /// <summary>
    /// The assertion's parameters: one statement each, so the confidence is bound as a double, never read back
    /// from JSON text. Shared by every write of the graph: the command binds the values, it never changes them.
    /// </summary>
    public (string Name, object? Value)[] Parameters { get; }
}
