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
/// A list of trees made fast to evaluate: the features the trees split on are numbered once, a
/// candidate's features become a bit set of those numbers, so a walk tests bits rather than
/// comparing strings (fifty trees, a few levels each, per candidate).
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

    /// <summary>The features the trees split on, numbered 0 … count − 1.</summary>
    public IReadOnlyDictionary<string, int> FeatureIds => _ids;

    /// <summary>How many 64-bit words a bit set over <see cref="FeatureIds"/> takes.</summary>
    public int PresenceWords => (_ids.Count + 63) / 64;

    /// <summary>The sum of the trees' leaf values, in the trees' order, for the features whose bits are set.</summary>
    public double Output(ReadOnlySpan<ulong> present)
    {
        double sum = 0;
        foreach (int root in _roots)
        {
            int at = root;
            while (_feature[at] is int id and >= 0)
            {
                at = (present[id >> 6] & (1UL << (id & 63))) != 0 ? _present[at] : _absent[at];
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
