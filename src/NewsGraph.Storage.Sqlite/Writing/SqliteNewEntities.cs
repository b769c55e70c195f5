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
    private readonly Dictionary<string, List<PreparedMention>> _mentions = new(StringComparer.Ordinal);

    /// <summary>Notes one article's (merged within the article) mention of an entity as written.</summary>
    public void Add(PreparedMention mention)
    {
        if (!_mentions.TryGetValue(mention.Entity.Key, out List<PreparedMention>? list))
        {
            _mentions[mention.Entity.Key] = list = [];
        }

        list.Add(mention);
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
        List<PreparedMention> mentions = _mentions[key];

        // Ordered as SQLite orders the article key: by its UTF-8 bytes.
        mentions.Sort(static (a, b) => a.ArticleKeyUtf8.AsSpan().SequenceCompareTo(b.ArticleKeyUtf8));
        PreparedMention first = mentions[0];
        List<string> aliases = Labels(key, mentions, MergeDeltas.AliasList, m => m.Entity.Aliases, labels);
        List<string> titles = Labels(key, mentions, MergeDeltas.TitleList, m => m.Entity.Titles, labels);

        // As the merge writes a relisted entity: ordinal order, the aliases' normal forms in that order.
        string aliasesNorm = string.Join('\n', aliases.Select(AliasNorms(mentions)).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal));
        long mentionCount = mentions.Sum(m => (long)m.Entity.Mentions);
        return
        [
            key, first.Kind, first.Entity.Name, first.NameNorm, SqliteJson.Serialize(aliases), aliasesNorm,
            SqliteJson.Serialize(titles), mentions.Select(m => m.Entity.Iso).FirstOrDefault(v => v is not null),
            mentions.Select(m => m.Entity.Category).FirstOrDefault(v => v is not null), mentionCount, (long)mentions.Count,
            delta.OriginalMentions,
        ];
    }

    /// <summary>Each alias's normal form, as the mentions' preparation computed it (<see cref="ArabicText.Normalize"/>).</summary>
    private static Func<string, string> AliasNorms(List<PreparedMention> mentions)
    {
        var norms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PreparedMention mention in mentions)
        {
            for (int i = 0; i < mention.Entity.Aliases.Count; i++)
            {
                norms.TryAdd(mention.Entity.Aliases[i], mention.AliasNorms[i]);
            }
        }

        return alias => norms[alias];
    }

    /// <summary>The distinct values of one list over the mentions, ordinal-sorted; each one's label row counts the articles giving it.</summary>
    private static List<string> Labels(string key, List<PreparedMention> mentions, int list, Func<PreparedMention, IReadOnlyList<string>> values, List<object?[]> labels)
    {
        var refs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (PreparedMention mention in mentions)
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
}
