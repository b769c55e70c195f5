using System.Globalization;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite;

/// <summary>How an entity, article or relation list becomes SQL: its sort, its filter conditions and the list query they make.</summary>
public sealed partial class SqliteGraphStore
{
    private static SqliteSort EntitySort(EntityQuery query) => query.OrderBy switch
    {
        EntityOrderField.Name => new(SqliteStatements.EntityNameSort, SortValueKind.Text, query.Direction),
        EntityOrderField.Mentions => new(SqliteStatements.EntityMentionsSort, SortValueKind.Number, query.Direction),
        EntityOrderField.Articles => new(SqliteStatements.EntityArticlesSort, SortValueKind.Number, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not an entity order"),
    };

    private static SqliteSort ArticleSort(ArticleQuery query) => query.OrderBy switch
    {
        ArticleOrderField.Published => new(SqliteStatements.ArticlePublishedSort, SortValueKind.Date, query.Direction),
        ArticleOrderField.Title => new(SqliteStatements.ArticleTitleSort, SortValueKind.Text, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not an article order"),
    };

    private static SqliteSort RelationSort(RelationQuery query) => query.OrderBy switch
    {
        RelationOrderField.Date => new(SqliteStatements.RelationDateSort, SortValueKind.Date, query.Direction),
        RelationOrderField.Articles => new(SqliteStatements.RelationArticlesSort, SortValueKind.Number, query.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.OrderBy, "not a relation order"),
    };

    /// <param name="grouped">Pages per article: the kind stays a list there (see below).</param>
    /// <param name="nameMatch">The trigram index's MATCH expression for a name text (<see cref="TrigramFrequencies"/>).</param>
    private static SqliteListQuery EntityList(EntityQuery query, bool grouped, Func<string, string> nameMatch)
    {
        var list = new SqliteListQuery(SqliteStatements.EntityColumns, SqliteStatements.EntityColumnNames, "e.key", string.Empty);
        // people, states …: (kind, name_norm, key) serves a page by name in order (24 ms -> 19 µs for
        // people on the corpus graph); next to a name filter the name index must lead instead.
        bool kindOnly = !grouped && query with { Kinds = null, OrderBy = default, Direction = default } == new EntityQuery { OrderBy = default, Direction = default };
        list.WhereCategory(
            query.Kinds?.Select(GraphNames.Label).ToList(), kindOnly, (SqliteStatements.EntityKindEquals, "@kind"), (SqliteStatements.EntityKindIn, "@kinds"),
            SqliteStatements.CountEntitiesOfKinds);

        if (query.Keys is { } keys)
        {
            list.Where(SqliteStatements.EntityKeyIn, "@keys", SqliteJson.Serialize(keys));
        }

        if (query.NameContains is { } name)
        {
            string normalized = ArabicText.Normalize(name);
            if (normalized.Length >= FtsQuery.TrigramLength)
            {
                list.Where(SqliteStatements.EntityNameContainsIndexed, "@nameContains", normalized);
                list.Bind("@nameMatch", nameMatch(normalized));
            }
            else
            {
                list.Where(SqliteStatements.EntityNameContains, "@nameContains", normalized);
            }
        }

        if (query.Iso is { } iso)
        {
            list.Where(SqliteStatements.EntityIsoEquals, "@iso", iso);
        }

        if (query.Category is { } category)
        {
            list.Where(SqliteStatements.EntityCategoryEquals, "@category", category);
        }

        if (query.Source is not null || query.MentionedFrom is not null || query.MentionedTo is not null)
        {
            list.Where(SqliteStatements.EntityMentionedIn);
            list.Bind("@source", query.Source);
            list.Bind("@mentionedFrom", SqliteValues.Date(query.MentionedFrom));
            list.Bind("@mentionedTo", SqliteValues.Date(query.MentionedTo));
        }

        for (int i = 0; i < (query.Relations?.Count ?? 0); i++)
        {
            RelationExists condition = query.Relations![i];
            string suffix = i.ToString(CultureInfo.InvariantCulture);
            string? text = condition.TextContains is null ? null : ArabicText.Normalize(condition.TextContains);
            string negation = condition.Exists ? string.Empty : "NOT";
            if (text is { Length: >= FtsQuery.TrigramLength })
            {
                list.Where(string.Format(CultureInfo.InvariantCulture, SqliteStatements.EntityRelationTextSetTemplate, suffix, negation));
                list.Bind("@relMatch" + suffix, FtsQuery.CoveringTrigrams(text));
            }
            else
            {
                string textCondition = string.Format(CultureInfo.InvariantCulture, SqliteStatements.RelationExistsTextScan, suffix);
                list.Where(string.Format(CultureInfo.InvariantCulture, SqliteStatements.EntityRelationExistsTemplate, suffix, negation, textCondition));
            }

            list.Bind("@relType" + suffix, GraphNames.TypeName(condition.Type));
            list.Bind("@relCounterpart" + suffix, condition.CounterpartKey);
            list.Bind("@relPlace" + suffix, condition.PlaceKey);
            list.Bind("@relStatus" + suffix, SqliteValues.Status(condition.Status));
            list.Bind("@relText" + suffix, text);
        }

        return list;
    }

    /// <summary>The trigram query for a normalized text filter long enough for the indexes, else null (the filter scans).</summary>
    private static string? IndexedText(object? value) =>
        value is string { Length: >= FtsQuery.TrigramLength } text ? FtsQuery.CoveringTrigrams(text) : null;

    /// <summary>The condition each article filter adds (its parameter is named after the filter).</summary>
    private static string ArticleCondition(ArticleFilter filter) => filter switch
    {
        ArticleFilter.Keys => SqliteStatements.ArticleKeyIn,
        ArticleFilter.Source => SqliteStatements.ArticleSourceEquals,
        ArticleFilter.TextContains => SqliteStatements.ArticleTextContains,
        ArticleFilter.PublishedFrom => SqliteStatements.ArticlePublishedFrom,
        ArticleFilter.PublishedTo => SqliteStatements.ArticlePublishedTo,
        ArticleFilter.MentionsKey => SqliteStatements.ArticleMentions,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "not an article filter"),
    };

    /// <summary>The condition each relation filter adds (its parameter is named after the filter).</summary>
    private static string RelationCondition(RelationFilter filter) => filter switch
    {
        RelationFilter.Keys => SqliteStatements.RelationKeyIn,
        RelationFilter.FromKey => SqliteStatements.RelationFromEquals,
        RelationFilter.ToKey => SqliteStatements.RelationToEquals,
        RelationFilter.InvolvingKey => SqliteStatements.RelationInvolves,
        RelationFilter.PlaceKey => SqliteStatements.RelationPlaceEquals,
        RelationFilter.Status => SqliteStatements.RelationStatusEquals,
        RelationFilter.TextContains => SqliteStatements.RelationTextContains,
        RelationFilter.Verb => SqliteStatements.RelationVerbEquals,
        RelationFilter.DateFrom => SqliteStatements.RelationDateFrom,
        RelationFilter.DateTo => SqliteStatements.RelationDateTo,
        RelationFilter.ArticleKey => SqliteStatements.RelationAssertedByArticle,
        RelationFilter.Source => SqliteStatements.RelationAssertedBySource,
        RelationFilter.MinConfidence => SqliteStatements.RelationConfidenceAtLeast,
        RelationFilter.MaxConfidence => SqliteStatements.RelationConfidenceAtMost,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "not a relation filter"),
    };

    private static SqliteListQuery ArticleList(ArticleQuery query)
    {
        var list = new SqliteListQuery(SqliteStatements.ArticleColumns, SqliteStatements.ArticleColumnNames, "a.key", string.Empty);
        foreach (FilterTerm<ArticleFilter> term in FilterTerms.Of(query))
        {
            if (term.Filter == ArticleFilter.TextContains && IndexedText(term.Value) is { } match)
            {
                list.Where(SqliteStatements.ArticleTextContainsIndexed, "@" + term.ParameterName, SqliteValues.Filter(term.Value));
                list.Bind("@textMatch", match);
                continue;
            }

            list.Where(ArticleCondition(term.Filter), "@" + term.ParameterName, SqliteValues.Filter(term.Value));
        }

        return list;
    }

    /// <param name="grouped">Pages per entity or article: the type stays a list there (see below).</param>
    private static SqliteListQuery RelationList(RelationQuery query, bool grouped)
    {
        var list = new SqliteListQuery(
            SqliteStatements.RelationColumns,
            SqliteStatements.RelationColumnNames,
            "r.key",
            ", " + (query.WithoutProvenance ? SqliteStatements.NoProvenance : SqliteStatements.PageRelationProvenance));
        // meetings, statements …: (type, date_sort, key) serves a page by date in order; next to an
        // entity or key filter the entity's own index must lead instead.
        bool typeOnly = !grouped && query with { Types = null, OrderBy = default, Direction = default, WithoutProvenance = false }
            == new RelationQuery { OrderBy = default, Direction = default };
        list.WhereCategory(
            query.Types?.Select(GraphNames.TypeName).ToList(), typeOnly, (SqliteStatements.RelationTypeEquals, "@type"), (SqliteStatements.RelationTypeIn, "@types"),
            SqliteStatements.CountRelationsOfTypes);

        foreach (FilterTerm<RelationFilter> term in FilterTerms.Of(query))
        {
            if (term.Filter == RelationFilter.TextContains && IndexedText(term.Value) is { } match)
            {
                list.Where(SqliteStatements.RelationTextContainsIndexed, "@" + term.ParameterName, SqliteValues.Filter(term.Value));
                list.Bind("@textMatch", match);
                continue;
            }

            list.Where(RelationCondition(term.Filter), "@" + term.ParameterName, SqliteValues.Filter(term.Value));
        }

        return list;
    }
}
