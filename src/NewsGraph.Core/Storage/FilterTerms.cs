using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Storage;

/// <summary>
/// The filters of a <see cref="RelationQuery"/> that every store renders the same way: one
/// condition each, one parameter each. The names are the parameter names the stores' statements use
/// (<c>@fromKey</c> in SQL, <c>$fromKey</c> in Cypher).
/// </summary>
public enum RelationFilter
{
    Keys,
    FromKey,
    ToKey,
    InvolvingKey,
    PlaceKey,
    Status,
    TextContains,
    Verb,
    DateFrom,
    DateTo,
    ArticleKey,
    Source,
    MinConfidence,
    MaxConfidence,
}

/// <summary>The filters of an <see cref="ArticleQuery"/>, as <see cref="RelationFilter"/> is for relations.</summary>
public enum ArticleFilter
{
    Keys,
    Source,
    TextContains,
    PublishedFrom,
    PublishedTo,
    MentionsKey,
}

/// <summary>
/// One set filter and its value in the form the stores compare: text normalized with
/// <see cref="ArabicText.Normalize"/>; keys as a list, a status as <see cref="MembershipStatus"/>,
/// dates as <see cref="DateOnly"/> (each store writes those its own way), confidences as <see cref="double"/>.
/// </summary>
public readonly record struct FilterTerm<TFilter>(TFilter Filter, object Value)
    where TFilter : struct, Enum
{
    /// <summary>The statement parameter's name: the filter's name in camelCase.</summary>
    public string ParameterName => JsonNamingPolicy.CamelCase.ConvertName(Filter.ToString());
}

/// <summary>Which filters of a query are set, so that adding one touches the query, this list and each store's table of conditions.</summary>
public static class FilterTerms
{
    public static IEnumerable<FilterTerm<RelationFilter>> Of(RelationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Set<RelationFilter>(
            (RelationFilter.Keys, query.Keys),
            (RelationFilter.FromKey, query.FromKey),
            (RelationFilter.ToKey, query.ToKey),
            (RelationFilter.InvolvingKey, query.InvolvingKey),
            (RelationFilter.PlaceKey, query.PlaceKey),
            (RelationFilter.Status, query.Status),
            (RelationFilter.TextContains, Normalized(query.TextContains)),
            (RelationFilter.Verb, Normalized(query.Verb)),
            (RelationFilter.DateFrom, query.DateFrom),
            (RelationFilter.DateTo, query.DateTo),
            (RelationFilter.ArticleKey, query.ArticleKey),
            (RelationFilter.Source, query.Source),
            (RelationFilter.MinConfidence, query.MinConfidence),
            (RelationFilter.MaxConfidence, query.MaxConfidence));
    }

    public static IEnumerable<FilterTerm<ArticleFilter>> Of(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Set<ArticleFilter>(
            (ArticleFilter.Keys, query.Keys),
            (ArticleFilter.Source, query.Source),
            (ArticleFilter.TextContains, Normalized(query.TextContains)),
            (ArticleFilter.PublishedFrom, query.PublishedFrom),
            (ArticleFilter.PublishedTo, query.PublishedTo),
            (ArticleFilter.MentionsKey, query.MentionsKey));
    }

    private static string? Normalized(string? text) => text is null ? null : ArabicText.Normalize(text);

    private static IEnumerable<FilterTerm<TFilter>> Set<TFilter>(params (TFilter Filter, object? Value)[] candidates)
        where TFilter : struct, Enum =>
        candidates.Where(c => c.Value is not null).Select(c => new FilterTerm<TFilter>(c.Filter, c.Value!));
}
