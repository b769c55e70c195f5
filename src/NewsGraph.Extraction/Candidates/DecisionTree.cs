namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// One node of a <see cref="DecisionTree"/>: a split on whether <see cref="Feature"/> is present (then
/// <see cref="Present"/> or <see cref="Absent"/> is the next node's index), or a leaf (no feature) adding
/// <see cref="Value"/> to the log-odds.
/// </summary>
public sealed record TreeNode(string? Feature, double Value, int Present, int Absent);

/// <summary>
/// A regression tree over a candidate's binary features, as boosting grows them on top of a logistic
/// model (<see cref="TypeModel"/>): its leaf's value is added to the candidate's log-odds. Node 0 is the root.
/// </summary>
public sealed record DecisionTree(IReadOnlyList<TreeNode> Nodes);

/// <summary>
/// A list of trees made fast to evaluate: features become small integers once per candidate, so a
/// walk compares integers rather than strings (a hundred trees, a few levels each, per candidate).
/// </summary>
internal sealed class TreeEnsemble
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly int[] _feature;
    private readonly double[] _value;
    private readonly int[] _present;
    private readonly int[] _absent;
    private readonly int[] _roots;

    public TreeEnsemble(IReadOnlyList<DecisionTree> trees)
    {
        Source = trees;
        var feature = new List<int>();
        var value = new List<double>();
        var present = new List<int>();
        var absent = new List<int>();
        _roots = new int[trees.Count];
        for (int t = 0; t < trees.Count; t++)
        {
            int offset = feature.Count;
            _roots[t] = offset;
            foreach (TreeNode node in trees[t].Nodes)
            {
                feature.Add(node.Feature is { } f ? Id(f) : -1);
                value.Add(node.Value);
                present.Add(node.Present + offset);
                absent.Add(node.Absent + offset);
            }
        }

        (_feature, _value, _present, _absent) = ([.. feature], [.. value], [.. present], [.. absent]);
    }

    /// <summary>The trees this was made from (a model copied with other trees makes its own).</summary>
    public IReadOnlyList<DecisionTree> Source { get; }

    /// <summary>The sum of the trees' leaf values for the features.</summary>
    public double Output(IEnumerable<string> features)
    {
        // Every feature the trees know must be seen: a candidate with more than the stack's room gets a
        // heap buffer rather than a walk that silently misses a split.
        IReadOnlyCollection<string> all = features as IReadOnlyCollection<string> ?? [.. features];
        Span<int> present = all.Count <= 64 ? stackalloc int[64] : new int[all.Count];
        int count = 0;
        foreach (string f in all)
        {
            if (_ids.TryGetValue(f, out int id))
            {
                present[count++] = id;
            }
        }

        Span<int> ids = present[..count];
        ids.Sort();
        double sum = 0;
        foreach (int root in _roots)
        {
            int at = root;
            while (_feature[at] >= 0)
            {
                at = ids.BinarySearch(_feature[at]) >= 0 ? _present[at] : _absent[at];
            }

            sum += _value[at];
        }

        return sum;
    }

    private int Id(string feature)
    {
        if (!_ids.TryGetValue(feature, out int id))
        {
            _ids[feature] = id = _ids.Count;
        }

        return id;
    }
}
