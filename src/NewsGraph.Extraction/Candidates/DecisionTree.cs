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

    // One array of nodes, not one array per field: a step of the walk reads one node of 12 bytes
    // instead of three arrays, each with its own bounds check; the leaves' values lie apart.
    private readonly Node[] _nodes;
    private readonly double[] _leafValues;
    private readonly int[] _roots;

    public TreeEnsemble(IReadOnlyList<DecisionTree> trees)
    {
        Source = trees;
        var nodes = new List<Node>();
        var leafValues = new List<double>();
        _roots = new int[trees.Count];
        for (int t = 0; t < trees.Count; t++)
        {
            int offset = nodes.Count;
            _roots[t] = offset;
            foreach (TreeNode node in trees[t].Nodes)
            {
                nodes.Add(node.Feature is { } f
                    ? new Node(Id(f), node.Present + offset, node.Absent + offset)
                    : new Node(-1, leafValues.Count, -1));
                if (node.Feature is null)
                {
                    leafValues.Add(node.Value);
                }
            }
        }

        (_nodes, _leafValues) = ([.. nodes], [.. leafValues]);
    }

    /// <summary>
    /// A split on feature number <see cref="Feature"/> (next node <see cref="Present"/> or <see cref="Absent"/>),
    /// or a leaf (feature −1) whose value is leaf value number <see cref="Present"/>.
    /// </summary>
    private readonly record struct Node(int Feature, int Present, int Absent);

    /// <summary>The trees this was made from (a model copied with other trees makes its own).</summary>
    public IReadOnlyList<DecisionTree> Source { get; }

    /// <summary>The features the trees split on, numbered 0 … count − 1.</summary>
    public IReadOnlyDictionary<string, int> FeatureIds => _ids;

    /// <summary>How many 64-bit words a bit set over <see cref="FeatureIds"/> takes.</summary>
    public int PresenceWords => (_ids.Count + 63) / 64;

    /// <summary>The sum of the trees' leaf values, in the trees' order, for the features whose bits are set.</summary>
    public double Output(ReadOnlySpan<ulong> present)
    {
        Node[] nodes = _nodes;
        double sum = 0;
        foreach (int root in _roots)
        {
            Node node = nodes[root];
            while (node.Feature >= 0)
            {
                int id = node.Feature;
                node = nodes[(present[id >> 6] & (1UL << (id & 63))) != 0 ? node.Present : node.Absent];
            }

            sum += _leafValues[node.Present];
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
