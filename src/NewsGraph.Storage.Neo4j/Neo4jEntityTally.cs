using NewsGraph.Core.Graph;

namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// An entity node's merged values kept so that one article's contribution can be added or taken
/// out without reading the others' (a hub state is mentioned by most articles): counts by delta,
/// aliases and titles each with the number of articles giving it (<c>aliasRefs</c>, <c>titleRefs</c>,
/// parallel to the sorted lists), and the article that gave the name and kind (the lowest key:
/// <c>nameArticle</c>), the iso (<c>isoArticle</c>) and the category (<c>categoryArticle</c>: the
/// lowest key giving a non-null one). Only when such an article leaves without giving the value
/// again is the next one unknown; <see cref="NeedsAllContributions"/> then says so and the merge
/// recomputes the entity from all its MENTIONS (<see cref="FromContributions"/>).
/// </summary>
internal sealed class Neo4jEntityTally
{
    private readonly SortedDictionary<string, int> _aliases = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _titles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _leaving = new(StringComparer.Ordinal);

    private Neo4jEntityTally()
    {
    }

    public NodeKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? NameArticle { get; private set; }

    public string? Iso { get; private set; }

    public string? IsoArticle { get; private set; }

    public string? Category { get; private set; }

    public string? CategoryArticle { get; private set; }

    public long MentionCount { get; private set; }

    public long ArticleCount { get; private set; }

    /// <summary>An article that chose the name, iso or category left and no contribution gave it again: the next one needs every contribution.</summary>
    public bool NeedsAllContributions =>
        (NameArticle is not null && _leaving.Contains(NameArticle)) ||
        (IsoArticle is not null && _leaving.Contains(IsoArticle)) ||
        (CategoryArticle is not null && _leaving.Contains(CategoryArticle));

    public IReadOnlyCollection<string> Aliases => _aliases.Keys;

    public IReadOnlyCollection<string> Titles => _titles.Keys;

    /// <summary>A tally with no contribution (an entity not stored yet).</summary>
    public static Neo4jEntityTally Empty() => new();

    /// <summary>The tally stored on a node, or null when the node was written before tallies were kept (its merged values are right, its tallies absent).</summary>
    public static Neo4jEntityTally? Stored(
        NodeKind kind, string name, string? nameArticle, IReadOnlyList<string> aliases, IReadOnlyList<long> aliasRefs,
        IReadOnlyList<string> titles, IReadOnlyList<long> titleRefs, string? iso, string? isoArticle, string? category, string? categoryArticle,
        long mentionCount, long articleCount)
    {
        if (nameArticle is null || aliases.Count != aliasRefs.Count || titles.Count != titleRefs.Count)
        {
            return null;
        }

        var tally = new Neo4jEntityTally
        {
            Kind = kind, Name = name, NameArticle = nameArticle, Iso = iso, IsoArticle = isoArticle, Category = category,
            CategoryArticle = categoryArticle, MentionCount = mentionCount, ArticleCount = articleCount,
        };
        ReferenceCounts.Fill(tally._aliases, aliases, aliasRefs);
        ReferenceCounts.Fill(tally._titles, titles, titleRefs);
        return tally;
    }

    /// <summary>The tally of all of an entity's contributions (by article key).</summary>
    public static Neo4jEntityTally FromContributions(IEnumerable<KeyValuePair<string, ExtractedEntity>> contributions)
    {
        Neo4jEntityTally tally = Empty();
        foreach ((string article, ExtractedEntity mention) in contributions)
        {
            tally.Add(article, mention);
        }

        return tally;
    }

    /// <summary>Takes out what <paramref name="article"/> gave (its stored MENTIONS).</summary>
    public void Subtract(string article, ExtractedEntity mention)
    {
        MentionCount -= mention.Mentions;
        ArticleCount--;
        Count(_aliases, mention.Aliases, -1);
        Count(_titles, mention.Titles, -1);
        _leaving.Add(article);
    }

    /// <summary>Adds what <paramref name="article"/> gives; the lowest article key names the entity, and gives iso and category if it has them.</summary>
    public void Add(string article, ExtractedEntity mention)
    {
        MentionCount += mention.Mentions;
        ArticleCount++;
        Count(_aliases, mention.Aliases, +1);
        Count(_titles, mention.Titles, +1);
        _leaving.Remove(article);
        if (Chooses(article, NameArticle))
        {
            (NameArticle, Kind, Name) = (article, mention.Kind, mention.Name);
        }

        if (mention.Iso is not null && Chooses(article, IsoArticle))
        {
            (IsoArticle, Iso) = (article, mention.Iso);
        }

        if (mention.Category is not null && Chooses(article, CategoryArticle))
        {
            (CategoryArticle, Category) = (article, mention.Category);
        }
    }

    /// <summary>The node's tally properties, written beside its merged values.</summary>
    public void AddTo(Dictionary<string, object?> props)
    {
        props["nameArticle"] = NameArticle;
        props["isoArticle"] = IsoArticle;
        props["categoryArticle"] = CategoryArticle;
        props["aliasRefs"] = _aliases.Values.ToArray();
        props["titleRefs"] = _titles.Values.ToArray();
    }

    /// <summary>
    /// Whether <paramref name="article"/> takes over from <paramref name="current"/>: it is lower, or it
    /// is the same article giving the value again. (A higher article never does: if the current one
    /// left for good, the others below the newcomer are unknown, and <see cref="NeedsAllContributions"/> says so.)
    /// </summary>
    private static bool Chooses(string article, string? current) => current is null || string.CompareOrdinal(article, current) <= 0;

    private static void Count(SortedDictionary<string, int> refs, IEnumerable<string> values, int delta)
    {
        foreach (string value in values.Distinct(StringComparer.Ordinal))
        {
            ReferenceCounts.Add(refs, value, delta);
        }
    }
}
