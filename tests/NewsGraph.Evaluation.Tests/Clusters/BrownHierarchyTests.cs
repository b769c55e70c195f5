using NewsGraph.Evaluation.Clusters;

namespace NewsGraph.Evaluation.Tests.Clusters;

public sealed class BrownHierarchyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Paths_RandomCounts_MergeAsGreedyMutualInformationFromScratch(int seed)
    {
        const int classes = 9;
        var random = new Random(seed);
        long[] counts = new long[classes * classes];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = random.Next(4) == 0 ? 0 : random.Next(1, 200);
        }

        string[] paths = BrownHierarchy.Paths(counts, classes, null, CancellationToken.None);

        Assert.Equal(GreedyPaths(counts, classes), paths);
    }

    [Fact]
    public void Paths_EveryClassGetsADistinctLeafOfOneTree()
    {
        long[] counts = [5, 1, 0, 2, 0, 7, 3, 3, 1, 0, 4, 0, 2, 2, 0, 9];

        string[] paths = BrownHierarchy.Paths(counts, 4, null, CancellationToken.None);

        Assert.Equal(4, paths.Distinct().Count());
        Assert.All(paths, p => Assert.Matches("^[01]+$", p));
        // A prefix-free code: no path is the beginning of another.
        Assert.DoesNotContain(paths, p => paths.Any(q => q != p && q.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>The textbook procedure: try every merge, recompute the mutual information, keep the best.</summary>
    private static string[] GreedyPaths(long[] counts, int n)
    {
        var members = Enumerable.Range(0, n).Select(c => new List<int> { c }).ToList();
        var node = Enumerable.Range(0, n).ToList();
        var children = new List<(int, int)>();
        while (members.Count > 1)
        {
            double best = double.NegativeInfinity;
            (int A, int B) pick = (0, 1);
            for (int a = 0; a < members.Count; a++)
            {
                for (int b = a + 1; b < members.Count; b++)
                {
                    var merged = members.Where((_, i) => i != b).Select((m, i) => i == a ? m.Concat(members[b]).ToList() : m).ToList();
                    double mi = MutualInformation(counts, n, merged);
                    if (mi > best + 1e-12)
                    {
                        best = mi;
                        pick = (a, b);
                    }
                }
            }

            members[pick.A] = [.. members[pick.A], .. members[pick.B]];
            members.RemoveAt(pick.B);
            children.Add((node[pick.A], node[pick.B]));
            node[pick.A] = n + children.Count - 1;
            node.RemoveAt(pick.B);
        }

        string[] paths = new string[n];
        void Walk(int id, string path)
        {
            if (id < n)
            {
                paths[id] = path;
                return;
            }

            Walk(children[id - n].Item1, path + "0");
            Walk(children[id - n].Item2, path + "1");
        }

        Walk(node[0], string.Empty);
        return paths;
    }

    private static double MutualInformation(long[] counts, int n, List<List<int>> clusters)
    {
        double total = counts.Sum();
        int k = clusters.Count;
        double[,] p = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                p[a, b] = clusters[a].Sum(x => clusters[b].Sum(y => counts[(x * n) + y])) / total;
            }
        }

        double mi = 0;
        for (int a = 0; a < k; a++)
        {
            double left = Enumerable.Range(0, k).Sum(b => p[a, b]);
            for (int b = 0; b < k; b++)
            {
                double right = Enumerable.Range(0, k).Sum(x => p[x, b]);
                if (p[a, b] > 0)
                {
                    mi += p[a, b] * Math.Log(p[a, b] / (left * right));
                }
            }
        }

        return mi;
    }
}
