namespace NewsGraph.Storage.Neo4j;

/// <summary>
/// Values kept with the number of articles giving each (aliases, titles, sources, dates), so that
/// one article's share can be added or taken out; a value no article gives any more is dropped.
/// Stored as two parallel lists: the sorted values and their counts.
/// </summary>
internal static class ReferenceCounts
{
    public static void Add(SortedDictionary<string, int> refs, string? value, int delta)
    {
        if (value is null)
        {
            return;
        }

        int count = refs.GetValueOrDefault(value) + delta;
        if (count > 0)
        {
            refs[value] = count;
        }
        else
        {
            refs.Remove(value);
        }
    }

    public static void Fill(SortedDictionary<string, int> refs, IReadOnlyList<string> values, IReadOnlyList<long> counts)
    {
        for (int i = 0; i < values.Count; i++)
        {
            refs[values[i]] = (int)counts[i];
        }
    }
}
