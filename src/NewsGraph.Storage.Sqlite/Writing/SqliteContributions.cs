using System.Globalization;
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

    /// <summary>Writes the article row and puts its mentions and assertions in (it has none stored: taken out first).</summary>
    public async Task PutInAsync(ArticleGraph graph, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArticleInfo article = graph.Article;
        string? published = SqliteValues.Date(article.Published);
        await commands.ExecuteAsync(SqliteStatements.UpsertArticle, cancellationToken,
            ("@key", article.Key),
            ("@title", article.Title),
            ("@url", article.Url),
            ("@source", article.Source),
            ("@dateline", article.Dateline),
            ("@published", published),
            ("@language", article.Language),
            ("@file", article.File),
            ("@text", article.Text),
            ("@ingestedAt", now.ToString("O", CultureInfo.InvariantCulture)),
            ("@contentHash", hash),
            ("@titleNorm", ArabicText.Normalize(article.Title)),
            ("@textNorm", ArabicText.Normalize(article.Text)));

        foreach (ExtractedEntity entity in ArticleGraphUpsert.MergeWithinArticle(graph.Entities))
        {
            string kind = GraphNames.Label(entity.Kind);
            await commands.ExecuteAsync(SqliteStatements.InsertEntityIfMissing, cancellationToken,
                ("@key", entity.Key), ("@kind", kind), ("@name", entity.Name), ("@nameNorm", ArabicText.Normalize(entity.Name)));
            await commands.ExecuteAsync(SqliteStatements.InsertMention, cancellationToken,
                ("@articleKey", article.Key),
                ("@entityKey", entity.Key),
                ("@kind", kind),
                ("@name", entity.Name),
                ("@aliases", SqliteJson.Serialize(entity.Aliases)),
                ("@titles", SqliteJson.Serialize(entity.Titles)),
                ("@iso", entity.Iso),
                ("@category", entity.Category),
                ("@mentionCount", (long)entity.Mentions));
            deltas.Mention(entity.Key, entity.Aliases, entity.Titles, entity.Iso is not null, entity.Category is not null, entity.Mentions, +1);
        }

        var asserted = new HashSet<string>(StringComparer.Ordinal);
        foreach (ExtractedRelation relation in graph.Relations)
        {
            string key = ArticleGraphUpsert.RelationKey(relation);
            await commands.ExecuteAsync(SqliteStatements.InsertRelationIfMissing, cancellationToken,
                ("@key", key), ("@type", GraphNames.TypeName(relation.Type)), ("@fromKey", relation.From), ("@toKey", relation.To));
            int inserted = await commands.ExecuteAsync(SqliteStatements.InsertProvenance, cancellationToken,
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
                ("@datePrecision", relation.DatePrecision is { } precision ? GraphNames.PrecisionName(precision) : null),
                ("@dateSource", relation.DateSource is { } source ? GraphNames.SourceName(source) : null));

            // The same relation twice in one sentence is one assertion: the first, as stored.
            if (inserted == 1)
            {
                deltas.Assertion(key, relation.Confidence, Properties(relation), +1);
                asserted.Add(key);
            }
        }

        foreach (string relationKey in asserted)
        {
            deltas.AssertingArticle(relationKey, published, +1);
        }
    }

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
