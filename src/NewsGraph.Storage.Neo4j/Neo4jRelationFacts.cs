namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// What a relationship keeps about its asserting articles themselves (not their assertions): the
/// distinct <c>sources</c>, <c>articleDates</c> and <c>originalDates</c>, each with the number of
/// asserting articles giving it (<c>sourceRefs</c>, <c>articleDateRefs</c>, <c>originalDateRefs</c>,
/// parallel to the sorted lists), and <c>originalCount</c>. An article coming or going changes these
/// by its own published date, source and side (original or reprint), so a write reads the facts of
/// its own articles only, not those of every article a hub relation lists.
/// </summary>
internal sealed class Neo4jRelationFacts
{
    private readonly SortedDictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _dates = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _originalDates = new(StringComparer.Ordinal);

    public int OriginalCount { get; private set; }

    /// <summary>The earliest publication date of the asserting articles (the effective date of an undated relation).</summary>
    public string? FirstDate => _dates.Keys.FirstOrDefault();

    public static Neo4jRelationFacts Empty() => new();

    /// <summary>The facts stored on a relationship, or null when it was written before they were kept (or a recount left their counts out).</summary>
    public static Neo4jRelationFacts? Stored(
        IReadOnlyList<string> sources, IReadOnlyList<long>? sourceRefs, IReadOnlyList<string> dates, IReadOnlyList<long>? dateRefs,
        IReadOnlyList<string> originalDates, IReadOnlyList<long>? originalDateRefs, long? originalCount)
    {
        if (sourceRefs is null || dateRefs is null || originalDateRefs is null || originalCount is null ||
            sources.Count != sourceRefs.Count || dates.Count != dateRefs.Count || originalDates.Count != originalDateRefs.Count)
        {
            return null;
        }

        var facts = new Neo4jRelationFacts { OriginalCount = (int)originalCount };
        ReferenceCounts.Fill(facts._sources, sources, sourceRefs);
        ReferenceCounts.Fill(facts._dates, dates, dateRefs);
        ReferenceCounts.Fill(facts._originalDates, originalDates, originalDateRefs);
        return facts;
    }

    /// <summary>Adds (<paramref name="sign"/> +1) or takes out (−1) one asserting article.</summary>
    public void Count(string? published, string? source, bool original, int sign)
    {
        ReferenceCounts.Add(_sources, source, sign);
        ReferenceCounts.Add(_dates, published, sign);
        if (original)
        {
            OriginalCount += sign;
            ReferenceCounts.Add(_originalDates, published, sign);
        }
    }

    /// <summary>The merged lists and counts, with their reference counts, as relationship properties.</summary>
    public void AddTo(Dictionary<string, object?> props)
    {
        props["sources"] = _sources.Keys.ToArray();
        props["sourceRefs"] = _sources.Values.ToArray();
        props["articleDates"] = _dates.Keys.ToArray();
        props["articleDateRefs"] = _dates.Values.ToArray();
        props["originalCount"] = OriginalCount;
        props["originalDates"] = _originalDates.Keys.ToArray();
        props["originalDateRefs"] = _originalDates.Values.ToArray();
    }
}
