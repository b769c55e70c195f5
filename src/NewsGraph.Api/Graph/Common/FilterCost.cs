using NewsGraph.Core.Text;

namespace NewsGraph.Api.Graph.Common;

/// <summary>
/// A filter input whose conditions cost store work beyond reading a page: text conditions and
/// relationship conditions. The complexity limit prices them through <see cref="FilterCost"/>.
/// </summary>
internal interface ICostedFilter
{
    /// <summary>The text conditions given (raw; blank ones are ignored).</summary>
    IEnumerable<string?> TextConditions { get; }

    /// <summary>How many relationship conditions (<c>some</c>/<c>none</c>) are given.</summary>
    int RelationshipConditions { get; }
}

/// <summary>
/// What a filter adds to the estimated cost of the list it filters, on the scale of the
/// complexity limit (one unit ≈ one row read). Measured on the corpus graph (30,640 articles,
/// 2026-12-06): an indexed text condition (three letters or more: trigram indexes name the
/// candidates) answers with its total in 30–130 ms; a relationship condition probes two indexes
/// per candidate entity, 90–160 ms with a total over all 23,000 people; a text condition shorter
/// than a trigram cannot use an index and scans every statement or article — 0.3–0.7 s on that
/// graph and linear in its size — so it is priced above the default limit and refused.
/// </summary>
internal static class FilterCost
{
    public const int IndexedText = 100;

    public const int Relationship = 1_000;

    public const int TextScan = 30_000;

    /// <summary>The shortest normalized text the text indexes can look up (a trigram).</summary>
    public const int IndexedTextLength = 3;

    public static double Of(object? filter)
    {
        if (filter is not ICostedFilter costed)
        {
            return 0;
        }

        double cost = costed.RelationshipConditions * Relationship;
        foreach (string? text in costed.TextConditions)
        {
            int length = ArabicText.Normalize(text).Length;
            cost += length == 0 ? 0 : length < IndexedTextLength ? TextScan : IndexedText;
        }

        return cost;
    }
}
