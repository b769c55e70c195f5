using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// The merged properties written on entity nodes, MENTIONS and relationships, each computed from all
/// the contributions that remain (the embedded store's merge rules, in graph form).
/// </summary>
internal static class Neo4jMergedValues
{
    /// <summary>What one article said about one entity, kept on its MENTIONS relationship.</summary>
    public static Dictionary<string, object?> MentionProps(ExtractedEntity mention) => new()
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
    public static Dictionary<string, object?> EntityProps(List<ExtractedEntity> ordered)
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
    /// wins, the date with its precision and source from one and the same assertion (the confidences,
    /// which merge, are set beside these: see <see cref="CypherStatements.UpsertRelations"/>).
    /// </summary>
    /// <param name="originals">Whether each asserting article is an original (<see cref="ReprintCounting"/>), as the write leaves it.</param>
    public static Dictionary<string, object?> RelationProps(
        List<StoredAssertion> assertions, Dictionary<string, (string? Published, string? Source)> facts, IReadOnlyDictionary<string, bool> originals)
    {
        StoredAssertion? dated = assertions.FirstOrDefault(a => a.Date is not null);
        string? date = dated?.Date;
        string[] articles = [.. assertions.Select(a => a.Article).Distinct(StringComparer.Ordinal)];
        string[] dates = [.. articles.Select(a => facts.GetValueOrDefault(a).Published).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[] originalArticles = [.. articles.Where(a => originals.GetValueOrDefault(a))];
        string? topic = assertions.Select(a => a.Topic).FirstOrDefault(v => v is not null);
        string? verb = assertions.Select(a => a.Verb).FirstOrDefault(v => v is not null);
        return new()
        {
            ["date"] = date,
            ["datePrecision"] = dated?.DatePrecision,
            ["dateSource"] = dated?.DateSource,
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
            ["originalCount"] = originalArticles.Length,
            ["originalDates"] = originalArticles.Select(a => facts.GetValueOrDefault(a).Published).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            ["provArticles"] = assertions.Select(a => a.Article).ToArray(),
            ["provSentences"] = assertions.Select(a => a.Sentence).ToArray(),
            ["provEvidence"] = assertions.Select(a => a.Evidence).ToArray(),
            ["assertions"] = StoredAssertion.Serialize(assertions),
        };
    }
}
