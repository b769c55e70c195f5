using System.Diagnostics;
using System.Globalization;

namespace NewsGraph.Evaluation.Clusters;

/// <summary>
/// Turns flat classes into a binary tree by Brown et al.'s (1992) agglomerative step: repeatedly
/// merge the two classes whose merge loses the least average mutual information between adjacent
/// classes, until one is left. A class's bit string is its path from the root (0 left, 1 right),
/// so classes that merged late differ early. Merge losses are updated incrementally after each
/// merge (Liang 2005, §3.3), O(C³) in all. Deterministic: ties go to the lowest pair of indices.
/// </summary>
internal static class BrownHierarchy
{
    /// <summary>
    /// Paths for the <paramref name="classes"/> classes whose bigram counts are
    /// <paramref name="counts"/> (row = first class). A class with no bigrams still gets a path.
    /// </summary>
    public static string[] Paths(long[] counts, int classes, Action<string>? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (classes == 1)
        {
            return ["0"];
        }

        var clock = Stopwatch.StartNew();
        var state = new State(counts, classes);
        int[] nodeOfSlot = Enumerable.Range(0, classes).ToArray();
        var children = new List<(int Left, int Right)>();
        for (int merge = 0; merge < classes - 1; merge++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (int a, int b) = state.CheapestPair();
            state.Merge(a, b);
            children.Add((nodeOfSlot[a], nodeOfSlot[b]));
            nodeOfSlot[a] = classes + children.Count - 1;
        }

        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"hierarchy: {classes - 1} merges ({clock.Elapsed.TotalSeconds:F1} s)"));

        string[] paths = new string[classes];
        var stack = new Stack<(int Node, string Path)>();
        stack.Push((classes + children.Count - 1, string.Empty));
        while (stack.Count > 0)
        {
            (int node, string path) = stack.Pop();
            if (node < classes)
            {
                paths[node] = path;
                continue;
            }

            (int left, int right) = children[node - classes];
            stack.Push((right, path + "1"));
            stack.Push((left, path + "0"));
        }

        return paths;
    }

    /// <summary>Probabilities of class bigrams, their marginals, and the merge loss of every active pair.</summary>
    private sealed class State
    {
        private readonly int _n;
        private readonly double[] _p;       // _p[a * n + b]: P(first in a, second in b)
        private readonly double[] _left;    // P(first in a)
        private readonly double[] _right;   // P(second in b)
        private readonly double[] _s;       // Σ_k q(a,k) + q(k,a) − q(a,a)
        private readonly double[] _loss;    // _loss[a * n + b], a < b: MI lost by merging a and b
        private readonly List<int> _active;

        public State(long[] counts, int n)
        {
            _n = n;
            _p = new double[n * n];
            _left = new double[n];
            _right = new double[n];
            _s = new double[n];
            _loss = new double[n * n];
            _active = Enumerable.Range(0, n).ToList();
            double total = 0;
            foreach (long c in counts)
            {
                total += c;
            }

            total = Math.Max(total, 1);
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    double p = counts[(a * n) + b] / total;
                    _p[(a * n) + b] = p;
                    _left[a] += p;
                    _right[b] += p;
                }
            }

            for (int a = 0; a < n; a++)
            {
                _s[a] = S(a);
            }

            Parallel.For(0, n, a =>
            {
                for (int b = a + 1; b < n; b++)
                {
                    _loss[(a * n) + b] = Loss(a, b);
                }
            });
        }

        public (int A, int B) CheapestPair()
        {
            int bestA = -1;
            int bestB = -1;
            double best = double.PositiveInfinity;
            for (int i = 0; i < _active.Count; i++)
            {
                int a = _active[i];
                for (int j = i + 1; j < _active.Count; j++)
                {
                    int b = _active[j];
                    double loss = _loss[(a * _n) + b];
                    if (loss < best)
                    {
                        best = loss;
                        bestA = a;
                        bestB = b;
                    }
                }
            }

            return (bestA, bestB);
        }

        /// <summary>Merges <paramref name="b"/> into <paramref name="a"/> (a &lt; b) and updates the losses of all other pairs.</summary>
        public void Merge(int a, int b)
        {
            int n = _n;
            _active.Remove(b);
            int[] others = _active.Where(c => c != a).ToArray();

            // The merged class m's bigrams with every other class, before anything changes.
            double leftM = _left[a] + _left[b];
            double rightM = _right[a] + _right[b];
            double[] changeOfS = new double[n];
            foreach (int c in others)
            {
                double cToM = _p[(c * n) + a] + _p[(c * n) + b];
                double mToC = _p[(a * n) + c] + _p[(b * n) + c];
                changeOfS[c] = Q(cToM, _left[c], rightM) + Q(mToC, leftM, _right[c])
                    - Q(c, a) - Q(a, c) - Q(c, b) - Q(b, c);
            }

            Parallel.For(0, others.Length, i =>
            {
                int c = others[i];
                for (int j = i + 1; j < others.Length; j++)
                {
                    int d = others[j];
                    double leftCd = _left[c] + _left[d];
                    double rightCd = _right[c] + _right[d];
                    double cdToA = _p[(c * n) + a] + _p[(d * n) + a];
                    double cdToB = _p[(c * n) + b] + _p[(d * n) + b];
                    double aToCd = _p[(a * n) + c] + _p[(a * n) + d];
                    double bToCd = _p[(b * n) + c] + _p[(b * n) + d];
                    double before = Q(cdToA, leftCd, _right[a]) + Q(aToCd, _left[a], rightCd)
                        + Q(cdToB, leftCd, _right[b]) + Q(bToCd, _left[b], rightCd);
                    double after = Q(cdToA + cdToB, leftCd, rightM) + Q(aToCd + bToCd, leftM, rightCd);
                    _loss[(c * n) + d] += changeOfS[c] + changeOfS[d] + before - after;
                }
            });

            for (int k = 0; k < n; k++)
            {
                _p[(a * n) + k] += _p[(b * n) + k];
                _p[(b * n) + k] = 0;
            }

            for (int k = 0; k < n; k++)
            {
                _p[(k * n) + a] += _p[(k * n) + b];
                _p[(k * n) + b] = 0;
            }

            _left[a] = leftM;
            _right[a] = rightM;
            _left[b] = 0;
            _right[b] = 0;
            foreach (int c in others)
            {
                _s[c] += changeOfS[c];
            }

            _s[a] = S(a);
            foreach (int c in others)
            {
                _loss[(Math.Min(a, c) * n) + Math.Max(a, c)] = Loss(Math.Min(a, c), Math.Max(a, c));
            }
        }

        private static double Q(double p, double left, double right) => p > 0 ? p * Math.Log(p / (left * right)) : 0;

        private double Q(int a, int b) => Q(_p[(a * _n) + b], _left[a], _right[b]);

        private double S(int a)
        {
            double s = -Q(a, a);
            foreach (int k in _active)
            {
                s += Q(a, k) + Q(k, a);
            }

            return s;
        }

        /// <summary>Mutual information lost by merging a and b, from scratch (O(C)).</summary>
        private double Loss(int a, int b)
        {
            int n = _n;
            double leftM = _left[a] + _left[b];
            double rightM = _right[a] + _right[b];
            double added = Q(_p[(a * n) + a] + _p[(a * n) + b] + _p[(b * n) + a] + _p[(b * n) + b], leftM, rightM);
            foreach (int k in _active)
            {
                if (k != a && k != b)
                {
                    added += Q(_p[(a * n) + k] + _p[(b * n) + k], leftM, _right[k]);
                    added += Q(_p[(k * n) + a] + _p[(k * n) + b], _left[k], rightM);
                }
            }

            return _s[a] + _s[b] - Q(a, b) - Q(b, a) - added;
        }
    }
}
