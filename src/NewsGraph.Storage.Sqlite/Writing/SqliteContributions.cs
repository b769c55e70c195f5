using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// One article's own rows — the article, its mentions, its assertions — taken out of the store or
/// put in, each noted in <paramref name="deltas"/> so the merged rows can follow. Nothing here reads
/// another article's contribution: the cost of an article is its own size.
/// </summary>
internal sealed class SqliteContributions(SqliteBatchCommands commands, MergeDeltas deltas)
{
    private readonly SqliteContributionRows _rows = new();

    /// <summary>Takes a stored article's mentions and assertions out; the article row stays.</summary>
    public async Task TakeOutAsync(string articleKey, string? published, CancellationToken cancellationToken)
    {
        var mentions = await commands.ReadAsync(SqliteStatements.SelectArticleMentions, r => (
            Key: r.GetString(0), Aliases: SqliteJson.StringList(r.GetString(1)), Titles: SqliteJson.StringList(r.GetString(2)),
            HasIso: r.GetBoolean(3), HasCategory: r.GetBoolean(4), Count: r.GetInt64(5)), cancellationToken, ("@articleKey", articleKey));
        foreach (var mention in mentions)
        {
            deltas.Mention(mention.Key, mention.Aliases, mention.Titles, mention.HasIso, mention.HasCategory, mention.Count, -1);
        }

        var assertions = await commands.ReadAsync(SqliteStatements.SelectArticleAssertions, r => (
            Key: r.GetString(0), Confidence: r.IsDBNull(1) ? (double?)null : r.GetDouble(1), Properties: Properties(r, 2)),
            cancellationToken, ("@articleKey", articleKey));
        foreach (var assertion in assertions)
        {
            deltas.Assertion(assertion.Key, assertion.Confidence, assertion.Properties, -1);
        }

        foreach (string relationKey in assertions.Select(a => a.Key).Distinct(StringComparer.Ordinal))
        {
            deltas.AssertingArticle(relationKey, published, -1);
        }

        await commands.ExecuteAsync(SqliteStatements.DeleteArticleMentions, cancellationToken, ("@articleKey", articleKey));
        await commands.ExecuteAsync(SqliteStatements.DeleteArticleProvenance, cancellationToken, ("@articleKey", articleKey));
    }

    /// <summary>
    /// Puts an article's row, mentions and assertions in (it has none stored: taken out first) as rows
    /// for <see cref="WriteAsync"/>; the merge deltas are noted now. <paramref name="fingerprint"/>: the encoded
    /// text fingerprint a new article row is inserted with. <paramref name="isOriginal"/>: the
    /// article row has no <c>reprint_of</c> when they are written (a new original; a stored one as stored),
    /// so its mentions and assertions count in the original counts (<see cref="MergeDeltas.OriginalMention"/>).
    /// <paramref name="reprintOf"/>: the original a new article row is inserted linked to.
    /// </summary>
    public void PutIn(ArticleGraph graph, string hash, string? fingerprint, string? reprintOf, DateTimeOffset now, bool isOriginal)
    {
        ArticleInfo article = graph.Article;
        string? published = SqliteValues.Date(article.Published);
        _rows.AddArticle(article, published, hash, fingerprint, reprintOf, now);
        foreach (ExtractedEntity entity in ArticleGraphUpsert.MergeWithinArticle(graph.Entities))
        {
            _rows.AddMention(article.Key, entity, GraphNames.Label(entity.Kind));
            deltas.Mention(entity.Key, entity.Aliases, entity.Titles, entity.Iso is not null, entity.Category is not null, entity.Mentions, +1);
            if (isOriginal)
            {
                deltas.OriginalMention(entity.Key, entity.Mentions);
            }
        }

        // The same relation twice in one sentence is one assertion: the first (the store keeps it, ON CONFLICT DO NOTHING).
        var sentences = new HashSet<(string Key, int Sentence)>();
        var asserted = new HashSet<string>(StringComparer.Ordinal);
        foreach (ExtractedRelation relation in graph.Relations)
        {
            string key = ArticleGraphUpsert.RelationKey(relation);
            _rows.AddAssertion(article.Key, key, relation);
            if (sentences.Add((key, relation.SentenceIndex)))
            {
                deltas.Assertion(key, relation.Confidence, Properties(relation), +1);
                asserted.Add(key);
                if (isOriginal)
                {
                    deltas.OriginalAssertion(key);
                }
            }
        }

        foreach (string relationKey in asserted)
        {
            deltas.AssertingArticle(relationKey, published, +1);
        }
    }

    /// <summary>Whether <paramref name="articleKey"/> was put in and not yet written (a key twice in one batch).</summary>
    public bool Holds(string articleKey) => _rows.Holds(articleKey);

    /// <summary>Writes the rows put in so far, early: an article twice in the batch is to be taken out.</summary>
    public Task WriteEarlyAsync(CancellationToken cancellationToken) => _rows.WriteAsync(commands, null, cancellationToken);

    /// <summary>Writes the batch's last rows: the relations they bring into being are inserted whole, not merged.</summary>
    public Task WriteLastAsync(CancellationToken cancellationToken) => _rows.WriteAsync(commands, deltas, cancellationToken);

    private static AssertedProperties Properties(ExtractedRelation relation) =>
        (relation.Date is not null ? AssertedProperties.Date : 0)
        | (relation.PlaceKey is not null ? AssertedProperties.Place : 0)
        | (relation.Topic is not null ? AssertedProperties.Topic : 0)
        | (relation.Verb is not null ? AssertedProperties.Verb : 0)
        | (relation.Status is not null ? AssertedProperties.Status : 0)
        | (relation.Role is not null ? AssertedProperties.Role : 0);

    /// <summary>The six "is set" columns of <see cref="SqliteStatements.SelectArticleAssertions"/> from <paramref name="offset"/>.</summary>
    private static AssertedProperties Properties(SqliteDataReader reader, int offset)
    {
        AssertedProperties properties = AssertedProperties.None;
        for (int i = 0; i < 6; i++)
        {
            if (reader.GetBoolean(offset + i))
            {
                properties |= (AssertedProperties)(1 << i);
            }
        }

        return properties;
    }
}
