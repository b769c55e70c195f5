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

    /// <summary>The merged node from its tally (<see cref="Neo4jEntityTally"/>), with the tally itself.</summary>
    public static Dictionary<string, object?> EntityProps(Neo4jEntityTally tally)
    {
        string[] aliases = [.. tally.Aliases];
        string nameNorm = ArabicText.Normalize(tally.Name);
        string[] aliasesNorm = [.. aliases.Select(ArabicText.Normalize).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)];
        List<string> words = [.. SearchRanking.Words(nameNorm), .. aliasesNorm.SelectMany(SearchRanking.Words)];
        var props = new Dictionary<string, object?>
        {
            ["kind"] = GraphNames.Label(tally.Kind),
            ["name"] = tally.Name,
            ["nameNorm"] = nameNorm,
            ["aliases"] = aliases,
            ["aliasesNorm"] = aliasesNorm,
            ["titles"] = tally.Titles.ToArray(),
            ["iso"] = tally.Iso,
            ["category"] = tally.Category,
            ["mentionCount"] = tally.MentionCount,
            ["articleCount"] = tally.ArticleCount,
            ["searchText"] = " " + string.Join(' ', words) + " ",
            ["searchTokens"] = words.Count,
        };
        tally.AddTo(props);
        return props;
    }

    /// <summary>
    /// The merged relation, from assertions in article-key then sentence order: first non-null value
    /// wins, the date with its precision and source from one and the same assertion (the confidences,
    /// which merge, are set beside these: see <see cref="CypherStatements.CreateRelations"/>).
    /// </summary>
    /// <param name="facts">The asserting articles' sources, dates and sides, kept by reference counts.</param>
    public static Dictionary<string, object?> RelationProps(List<StoredAssertion> assertions, Neo4jRelationFacts facts)
    {
        StoredAssertion? dated = assertions.FirstOrDefault(a => a.Date is not null);
        string? date = dated?.Date;
        string[] articles = [.. assertions.Select(a => a.Article).Distinct(StringComparer.Ordinal)];
        string? topic = assertions.Select(a => a.Topic).FirstOrDefault(v => v is not null);
        string? verb = assertions.Select(a => a.Verb).FirstOrDefault(v => v is not null);
        var props = new Dictionary<string, object?>
        {
            ["date"] = date,
            ["datePrecision"] = dated?.DatePrecision,
            ["dateSource"] = dated?.DateSource,
            ["effectiveDate"] = date ?? facts.FirstDate,
            ["place"] = assertions.Select(a => a.Place).FirstOrDefault(v => v is not null),
            ["topic"] = topic,
            ["topicNorm"] = ArabicText.Normalize(topic),
            ["verb"] = verb,
            ["verbNorm"] = verb is null ? null : ArabicText.Normalize(verb),
            ["status"] = assertions.Select(a => a.Status).FirstOrDefault(v => v is not null),
            ["role"] = assertions.Select(a => a.Role).FirstOrDefault(v => v is not null),
            ["articleCount"] = articles.Length,
            ["articles"] = articles,
            ["provArticles"] = assertions.Select(a => a.Article).ToArray(),
            ["provSentences"] = assertions.Select(a => a.Sentence).ToArray(),
            ["provEvidence"] = assertions.Select(a => a.Evidence).ToArray(),
            ["assertions"] = StoredAssertion.Serialize(assertions),
        };
        facts.AddTo(props);
        return props;
    }
}
