using System.Text;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;

namespace NewsGraph.Storage.Sqlite.Writing;

/// <summary>
/// The entities a batch brings into being, inserted with their merged values instead of as placeholders
/// that the merge then rewrites (issue 13, seventh round). A placeholder row went into the entity table's
/// indexes and both full-text indexes with its first name and no aliases, and the merge moved it again —
/// kind and name indexes, count indexes, a full-text delete and insert each — for nearly every entity the
/// corpus has; its labels went in one upsert statement each. An entity the store does not hold when the
/// batch's last rows are written has every mention it will have in those rows (one per article: an article
/// twice in the batch was written early and taken out), so its merged row is what <see cref="SqliteMergedRows"/>
/// would compute from them: kind and name from the lowest article key's mention (keys compared by their UTF-8
/// bytes, as SQLite compares them), iso and category the first non-null in that order, the aliases and titles
/// the ordinal-sorted union, the counts summed, and a label row per alias and title with the number of
/// articles giving it. Those rows are inserted before the mentions (which reference them), so foreign keys
/// stay immediate: deferring them moved the cost to the mention insert when this was tried in the fifth round.
/// </summary>
internal sealed class SqliteNewEntities
{
    private readonly Dictionary<string, List<Mention>> _mentions = new(StringComparer.Ordinal);

    /// <summary>Notes one article's (merged within the article) mention of an entity as written.</summary>
    public void Add(string articleKey, ExtractedEntity entity, string kind)
    {
        if (!_mentions.TryGetValue(entity.Key, out List<Mention>? list))
        {
            _mentions[entity.Key] = list = [];
        }

        list.Add(new Mention(articleKey, entity, kind));
    }

    public void Clear() => _mentions.Clear();

    /// <summary>
    /// The row of <see cref="SqliteStatements.InsertNewEntities"/> for an entity all of whose mentions were added
    /// here ([key, kind, name, name_norm, aliases (JSON), aliases_norm, titles (JSON), iso, category, mention
    /// count, article count, mentions put in by originals]), and its label rows appended to <paramref name="labels"/>
    /// ([key, list, value, articles giving it]).
    /// </summary>
    public object?[] Row(string key, EntityDelta delta, List<object?[]> labels)
    {
        List<Mention> mentions = _mentions[key];
        mentions.Sort(static (a, b) => a.CompareTo(b));
        Mention first = mentions[0];
        List<string> aliases = Labels(key, mentions, MergeDeltas.AliasList, m => m.Entity.Aliases, labels);
        List<string> titles = Labels(key, mentions, MergeDeltas.TitleList, m => m.Entity.Titles, labels);

        // As the merge writes a relisted entity: ordinal order, the aliases' normal forms in that order.
        string aliasesNorm = string.Join('\n', aliases.Select(ArabicText.Normalize).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal));
        long mentionCount = mentions.Sum(m => (long)m.Entity.Mentions);
        return
        [
            key, first.Kind, first.Entity.Name, ArabicText.Normalize(first.Entity.Name), SqliteJson.Serialize(aliases), aliasesNorm,
            SqliteJson.Serialize(titles), mentions.Select(m => m.Entity.Iso).FirstOrDefault(v => v is not null),
            mentions.Select(m => m.Entity.Category).FirstOrDefault(v => v is not null), mentionCount, (long)mentions.Count,
            delta.OriginalMentions,
        ];
    }

    /// <summary>The distinct values of one list over the mentions, ordinal-sorted; each one's label row counts the articles giving it.</summary>
    private static List<string> Labels(string key, List<Mention> mentions, int list, Func<Mention, IReadOnlyList<string>> values, List<object?[]> labels)
    {
        var refs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (Mention mention in mentions)
        {
            foreach (string value in values(mention).Distinct(StringComparer.Ordinal))
            {
                refs[value] = refs.GetValueOrDefault(value) + 1;
            }
        }

        List<string> sorted = [.. refs.Keys.Order(StringComparer.Ordinal)];
        foreach (string value in sorted)
        {
            labels.Add([key, (long)list, value, refs[value]]);
        }

        return sorted;
    }

    /// <summary>One article's mention, ordered as SQLite orders the article key: by its UTF-8 bytes.</summary>
    private sealed class Mention(string articleKey, ExtractedEntity entity, string kind)
    {
        private readonly byte[] _articleKeyUtf8 = Encoding.UTF8.GetBytes(articleKey);

        public ExtractedEntity Entity { get; } = entity;

        public string Kind { get; } = kind;

        public int CompareTo(Mention other) => _articleKeyUtf8.AsSpan().SequenceCompareTo(other._articleKeyUtf8);
    }
}
