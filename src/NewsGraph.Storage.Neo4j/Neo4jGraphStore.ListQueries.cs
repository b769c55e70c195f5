using System.Globalization;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Neo4j;

/// <summary>How an entity, article or relation list becomes Cypher: its sort, its filter conditions and the list query they make.</summary>
public sealed partial class Neo4jGraphStore
{
    private static CypherSort EntitySort(EntityQuery query) => query.OrderBy switch
    {
        EntityOrderField.Name => new(CypherStatements.EntityNameSort, SortValueKind.Text, query.Direction),
        EntityOrderField.Mentions => new(CypherStatements.EntityMentionsSort, SortValueKind.Number, query.Direction),
        EntityOrderField.Articles => new(CypherStatements.EntityArticlesSort, SortValueKind.Number, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not an entity order"),
    };

    private static CypherSort ArticleSort(ArticleQuery query) => query.OrderBy switch
    {
        ArticleOrderField.Published => new(CypherStatements.ArticlePublishedSort, SortValueKind.Date, query.Direction),
        ArticleOrderField.Title => new(CypherStatements.ArticleTitleSort, SortValueKind.Text, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not an article order"),
    };

    private static CypherSort RelationSort(RelationQuery query) => query.OrderBy switch
    {
        RelationOrderField.Date => new(CypherStatements.RelationDateSort, SortValueKind.Date, query.Direction),
        RelationOrderField.Articles => new(CypherStatements.RelationArticlesSort, SortValueKind.Number, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not a relation order"),
    };

    /// <summary>The relation types to match; an empty filter keeps all in the pattern and matches nothing (see <see cref="RelationList"/>).</summary>
    private static string RelationTypes(RelationQuery query) =>
        query.Types is { Count: > 0 } types ? CypherStatements.TypeAlternatives(types) : CypherStatements.AllRelationTypes;

    private static Neo4jListQuery EntityList(EntityQuery query)
    {
        var list = new Neo4jListQuery(CypherStatements.EntityProjection);
        if (query.Kinds is { } kinds)
        {
            list.Where(CypherStatements.EntityKindIn, "kinds", kinds.Select(GraphNames.Label).ToList());
        }

        if (query.Keys is { } keys)
        {
            list.Where(CypherStatements.KeyIn, "keys", keys.ToList());
        }

        if (query.NameContains is { } name)
        {
            list.Where(CypherStatements.EntityNameContains, "nameContains", ArabicText.Normalize(name));
        }

        if (query.Iso is { } iso)
        {
            list.Where(CypherStatements.EntityIsoEquals, "iso", iso);
        }

        if (query.Category is { } category)
        {
            list.Where(CypherStatements.EntityCategoryEquals, "category", category);
        }

        if (query.Source is not null || query.MentionedFrom is not null || query.MentionedTo is not null)
        {
            list.Where(CypherStatements.EntityMentionedIn);
            list.Bind("source", query.Source);
            list.Bind("mentionedFrom", Neo4jValues.Date(query.MentionedFrom));
            list.Bind("mentionedTo", Neo4jValues.Date(query.MentionedTo));
        }

        for (int i = 0; i < (query.Relations?.Count ?? 0); i++)
        {
            RelationExists condition = query.Relations![i];
            string suffix = i.ToString(CultureInfo.InvariantCulture);
            list.Where(string.Format(CultureInfo.InvariantCulture, CypherStatements.EntityRelationExistsTemplate, suffix, condition.Exists ? ">" : "="));
            list.Bind("relType" + suffix, GraphNames.TypeName(condition.Type));
            list.Bind("relCounterpart" + suffix, condition.CounterpartKey);
            list.Bind("relPlace" + suffix, condition.PlaceKey);
            list.Bind("relStatus" + suffix, Neo4jValues.Status(condition.Status));
            list.Bind("relText" + suffix, condition.TextContains is null ? null : ArabicText.Normalize(condition.TextContains));
        }

        return list;
    }

    /// <summary>The condition each article filter adds (its parameter is named after the filter).</summary>
    private static string ArticleCondition(ArticleFilter filter) => filter switch
    {
        ArticleFilter.Keys => CypherStatements.KeyIn,
        ArticleFilter.Source => CypherStatements.ArticleSourceEquals,
        ArticleFilter.TextContains => CypherStatements.ArticleTextContains,
        ArticleFilter.PublishedFrom => CypherStatements.ArticlePublishedFrom,
        ArticleFilter.PublishedTo => CypherStatements.ArticlePublishedTo,
        ArticleFilter.MentionsKey => CypherStatements.ArticleMentions,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "not an article filter"),
    };

    /// <summary>The condition each relation filter adds (its parameter is named after the filter).</summary>
    private static string RelationCondition(RelationFilter filter) => filter switch
    {
        RelationFilter.Keys => CypherStatements.KeyIn,
        RelationFilter.FromKey => CypherStatements.RelationFromEquals,
        RelationFilter.ToKey => CypherStatements.RelationToEquals,
        RelationFilter.InvolvingKey => CypherStatements.RelationInvolves,
        RelationFilter.PlaceKey => CypherStatements.RelationPlaceEquals,
        RelationFilter.Status => CypherStatements.RelationStatusEquals,
        RelationFilter.TextContains => CypherStatements.RelationTextContains,
        RelationFilter.Verb => CypherStatements.RelationVerbEquals,
        RelationFilter.DateFrom => CypherStatements.RelationDateFrom,
        RelationFilter.DateTo => CypherStatements.RelationDateTo,
        RelationFilter.ArticleKey => CypherStatements.RelationAssertedByArticle,
        RelationFilter.Source => CypherStatements.RelationAssertedBySource,
        RelationFilter.MinConfidence => CypherStatements.RelationConfidenceAtLeast,
        RelationFilter.MaxConfidence => CypherStatements.RelationConfidenceAtMost,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "not a relation filter"),
    };

    private static Neo4jListQuery ArticleList(ArticleQuery query)
    {
        var list = new Neo4jListQuery(CypherStatements.ArticleProjection);
        foreach (FilterTerm<ArticleFilter> term in FilterTerms.Of(query))
        {
            list.Where(ArticleCondition(term.Filter), "" + term.ParameterName, Neo4jValues.Filter(term.Value));
        }

        return list;
    }

    private static Neo4jListQuery RelationList(RelationQuery query)
    {
        var list = new Neo4jListQuery(CypherStatements.RelationProjection);
        if (query.Types is { Count: 0 })
        {
            // Matches nothing; not a constant (see Neo4jListQuery.Filters).
            list.Where("x.key IS NULL");
        }

        foreach (FilterTerm<RelationFilter> term in FilterTerms.Of(query))
        {
            list.Where(RelationCondition(term.Filter), "" + term.ParameterName, Neo4jValues.Filter(term.Value));
        }

        return list;
    }
}
