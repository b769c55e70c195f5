using NewsGraph.Core.Storage;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// What one write batch adds to and takes from the merged rows, summed per entity, relation and
/// label before any merged row is touched: a hub that fifty articles of the batch mention is
/// updated once. Contributions taken out count with sign −1, contributions put in with +1.
/// </summary>
internal sealed class MergeDeltas
{
    public const int AliasList = 0;

    public const int TitleList = 1;

    public Dictionary<string, EntityDelta> Entities { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RelationDelta> Relations { get; } = new(StringComparer.Ordinal);

    /// <summary>Articles giving each (entity, list, value), as a change.</summary>
    public Dictionary<(string Entity, int List, string Value), int> Labels { get; } = [];

    /// <summary>Relations the batch inserted with their merged values (<see cref="SqliteNewRelations"/>): created, and not merged again.</summary>
    public HashSet<string> RelationsInsertedWhole { get; } = new(StringComparer.Ordinal);

    /// <summary>Entities the batch inserted with their merged values and labels (<see cref="SqliteNewEntities"/>): created, and not merged again.</summary>
    public HashSet<string> EntitiesInsertedWhole { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Entities.Count == 0 && Relations.Count == 0;

    /// <summary>The entity was inserted with its merged values and label rows: its delta, labels included, is spent.</summary>
    public void EntityInsertedWhole(string entityKey)
    {
        Entities.Remove(entityKey);
        EntitiesInsertedWhole.Add(entityKey);
    }

    /// <summary>The relation was inserted with its merged values: its delta is spent.</summary>
    public void InsertedWhole(string relationKey)
    {
        Relations.Remove(relationKey);
        RelationsInsertedWhole.Add(relationKey);
    }

    /// <summary>One article's mention of an entity, in (+1) or out (−1). Its labels count once however often it lists them.</summary>
    public void Mention(string entityKey, IEnumerable<string> aliases, IEnumerable<string> titles, bool hasIso, bool hasCategory, long mentions, int sign)
    {
        EntityDelta delta = Entity(entityKey);
        delta.Mentions += sign * mentions;
        delta.Articles += sign;
        delta.SeekIso |= hasIso;
        delta.SeekCategory |= hasCategory;
        foreach (string alias in aliases.Distinct(StringComparer.Ordinal))
        {
            Label(entityKey, AliasList, alias, sign);
        }

        foreach (string title in titles.Distinct(StringComparer.Ordinal))
        {
            Label(entityKey, TitleList, title, sign);
        }
    }

    /// <summary>
    /// Mentions put in by an article that is an original when they are written: the entity's
    /// <c>original_mention_count</c> moves by them with its merged row (schema version 12) instead of by a
    /// trigger per inserted mention, which rewrote the entity's row once per mention before the merge
    /// rewrote it again. Mentions taken out are still counted out by trigger, as is an article changing sides.
    /// </summary>
    public void OriginalMention(string entityKey, long mentions) => Entity(entityKey).OriginalMentions += mentions;

    /// <summary>An assertion put in by an article that is an original when it is written (see <see cref="OriginalMention"/>).</summary>
    public void OriginalAssertion(string relationKey) => Relation(relationKey).OriginalAssertions++;

    /// <summary>One assertion of a relation, in or out; which of its properties are set decides which first values are sought again.</summary>
    public void Assertion(string relationKey, double? confidence, AssertedProperties properties, int sign)
    {
        RelationDelta delta = Relation(relationKey);
        delta.Tally = sign > 0 ? delta.Tally.Add(confidence) : delta.Tally.Remove(confidence);
        delta.Seek |= properties;
    }

    /// <summary>An article that asserts the relation (at least once) came in or went out, published on <paramref name="published"/>.</summary>
    public void AssertingArticle(string relationKey, string? published, int sign)
    {
        RelationDelta delta = Relation(relationKey);
        delta.Articles += sign;
        if (published is null)
        {
            return;
        }

        if (sign > 0)
        {
            delta.EarliestAdded = Earlier(delta.EarliestAdded, published);
        }
        else
        {
            delta.EarliestRemoved = Earlier(delta.EarliestRemoved, published);
        }
    }

    /// <summary>The earlier of two <c>yyyy-MM-dd</c> dates, either of which may be missing.</summary>
    public static string? Earlier(string? a, string? b) =>
        a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private EntityDelta Entity(string key)
    {
        if (!Entities.TryGetValue(key, out EntityDelta? delta))
        {
            Entities[key] = delta = new EntityDelta();
        }

        return delta;
    }

    private RelationDelta Relation(string key)
    {
        if (!Relations.TryGetValue(key, out RelationDelta? delta))
        {
            Relations[key] = delta = new RelationDelta();
        }

        return delta;
    }

    private void Label(string entityKey, int list, string value, int sign)
    {
        (string, int, string) key = (entityKey, list, value);
        Labels[key] = Labels.GetValueOrDefault(key) + sign;
    }
}

/// <summary>The change to one entity's counts, and whether its iso or category must be sought again.</summary>
internal sealed class EntityDelta
{
    public long Mentions { get; set; }

    public int Articles { get; set; }

    public bool SeekIso { get; set; }

    public bool SeekCategory { get; set; }

    /// <summary>Mentions put in by originals, added to <c>original_mention_count</c> with the merged row.</summary>
    public long OriginalMentions { get; set; }
}

/// <summary>The change to one relation's article count and confidence tally, and what must be sought again.</summary>
internal sealed class RelationDelta
{
    public int Articles { get; set; }

    /// <summary>The tally of assertions put in minus those taken out (its parts may be negative).</summary>
    public ConfidenceTally Tally { get; set; }

    public AssertedProperties Seek { get; set; }

    /// <summary>Assertions put in by originals, added to <c>original_assertions</c> with the merged row.</summary>
    public int OriginalAssertions { get; set; }

    /// <summary>The earliest date among the asserting articles that came in.</summary>
    public string? EarliestAdded { get; set; }

    /// <summary>The earliest date among the asserting articles that went out: if it was the relation's earliest, that is sought again.</summary>
    public string? EarliestRemoved { get; set; }
}

/// <summary>Which of an assertion's properties are set (and so may be, or have been, the relation's first non-null).</summary>
[Flags]
internal enum AssertedProperties
{
    None = 0,
    Date = 1,
    Place = 2,
    Topic = 4,
    Verb = 8,
    Status = 16,
    Role = 32,
}
