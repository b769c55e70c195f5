using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Training;

/// <summary>
/// Gradient-boosted regression trees over binary features, for the log loss, grown on top of a base
/// margin (the logistic model's log-odds): the trees add what the linear model cannot say — that a
/// feature matters only together with another (a meeting noun with both persons after it, a
/// reporting verb after a quotation). Each split asks whether a feature is present; leaves hold
/// Newton steps shrunk by the learning rate and an L2 penalty. Written here, like
/// <see cref="LogisticRegression"/>, so that training is exactly reproducible: examples in a fixed
/// order, features in ordinal order, ties to the lower feature index.
/// </summary>
public sealed class BoostedTrees(BoostingSettings settings)
{
    private readonly int trees = settings.Trees, depth = settings.Depth;
    private readonly double learningRate = settings.LearningRate, l2 = settings.L2, minChildWeight = settings.MinChildWeight;

    /// <summary>
    /// Fits trees for examples given as feature lists with 0/1 labels, starting from each example's
    /// <paramref name="baseMargins"/> (log-odds; zeros for none).
    /// </summary>
    public IReadOnlyList<DecisionTree> Fit(IReadOnlyList<(IReadOnlyList<string> Features, bool Label)> examples, IReadOnlyList<double> baseMargins)
    {
        (string[] vocabulary, int[][] rows) = FeatureRows.Build(examples);
        double[] y = [.. examples.Select(e => e.Label ? 1.0 : 0.0)];
        double[] margin = [.. baseMargins];
        var grown = new List<DecisionTree>(trees);
        var gradient = new double[rows.Length];
        var hessian = new double[rows.Length];
        for (int t = 0; t < trees; t++)
        {
            for (int r = 0; r < rows.Length; r++)
            {
                double p = LogisticRegression.Sigmoid(margin[r]);
                gradient[r] = p - y[r];
                hessian[r] = Math.Max(p * (1 - p), 1e-6);
            }

            var nodes = new List<Node>();
            Grow(nodes, [.. Enumerable.Range(0, rows.Length)], 0, rows, gradient, hessian);
            var tree = new DecisionTree([.. nodes.Select(n => new TreeNode(n.FeatureIndex >= 0 ? vocabulary[n.FeatureIndex] : null, n.Value, n.Present, n.Absent))]);
            grown.Add(tree);
            for (int r = 0; r < rows.Length; r++)
            {
                margin[r] += Leaf(nodes, rows[r]);
            }
        }

        return grown;
    }

    /// <summary>Adds the subtree for <paramref name="members"/> to <paramref name="nodes"/> and returns its root's index.</summary>
    private int Grow(List<Node> nodes, int[] members, int level, int[][] rows, double[] gradient, double[] hessian)
    {
        double g = 0, h = 0;
        foreach (int r in members)
        {
            g += gradient[r];
            h += hessian[r];
        }

        int self = nodes.Count;
        nodes.Add(new Node(-1, Math.Round(-learningRate * g / (h + l2), 6), -1, -1));
        if (level >= depth)
        {
            return self;
        }

        var featureG = new Dictionary<int, (double G, double H)>();
        foreach (int r in members)
        {
            foreach (int f in rows[r])
            {
                (double fg, double fh) = featureG.GetValueOrDefault(f);
                featureG[f] = (fg + gradient[r], fh + hessian[r]);
            }
        }

        double parent = g * g / (h + l2);
        int bestFeature = -1;
        double bestGain = 1e-9;
        foreach ((int f, (double gl, double hl)) in featureG.OrderBy(p => p.Key))
        {
            double gr = g - gl, hr = h - hl;
            if (hl < minChildWeight || hr < minChildWeight)
            {
                continue;
            }

            double gain = (gl * gl / (hl + l2)) + (gr * gr / (hr + l2)) - parent;
            if (gain > bestGain)
            {
                (bestGain, bestFeature) = (gain, f);
            }
        }

        if (bestFeature < 0)
        {
            return self;
        }

        int[] present = [.. members.Where(r => Array.BinarySearch(rows[r], bestFeature) >= 0)];
        int[] absent = [.. members.Where(r => Array.BinarySearch(rows[r], bestFeature) < 0)];
        int left = Grow(nodes, present, level + 1, rows, gradient, hessian);
        int right = Grow(nodes, absent, level + 1, rows, gradient, hessian);
        nodes[self] = nodes[self] with { FeatureIndex = bestFeature, Present = left, Absent = right };
        return self;
    }

    private static double Leaf(List<Node> nodes, int[] row)
    {
        int at = 0;
        while (nodes[at].FeatureIndex >= 0)
        {
            at = Array.BinarySearch(row, nodes[at].FeatureIndex) >= 0 ? nodes[at].Present : nodes[at].Absent;
        }

        return nodes[at].Value;
    }

    /// <summary>A node while growing: the split feature's index (−1 for a leaf), the leaf value, the children.</summary>
    private sealed record Node(int FeatureIndex, double Value, int Present, int Absent);
}

/// <summary>
/// How many trees, how deep, how far each step goes (learning rate), the L2 penalty on leaf values, and
/// the least Hessian weight (about p(1−p) per example) a child must hold.
/// </summary>
public sealed record BoostingSettings(int Trees, int Depth, double LearningRate, double L2, double MinChildWeight)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Trees} trees of depth {Depth}, learning rate {LearningRate}, leaf L2 {L2}, min child weight {MinChildWeight}");
}
