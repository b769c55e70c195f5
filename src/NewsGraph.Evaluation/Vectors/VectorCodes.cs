namespace NewsGraph.Evaluation.Vectors;

/// <summary>
/// Word vectors quantised to bit-string paths, so the tagger can use them exactly as it uses Brown
/// clusters (path prefixes of a few lengths as sparse features, <c>NerWordClusters</c>): a
/// perceptron over sparse binary features cannot weigh a real value per tag without a change of
/// learner, while prefixes at several lengths give it a coarse-to-fine partition of the space.
/// </summary>
internal static class VectorCodes
{
    /// <summary>
    /// Sign bits of the leading dimensions (in order of singular value) after the first: prefix k
    /// is the orthant of the word in that k-dimensional principal subspace. The first is skipped
    /// because the leading singular vector of a non-negative matrix has one sign almost
    /// everywhere (Perron–Frobenius; on SaudiNewsNet positive for all but 1 in 30,000 words), so
    /// its bit would tell nothing.
    /// </summary>
    public static string[] SignPaths(float[] vectors, int dimensions, int bits)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int rows = vectors.Length / dimensions;
        bits = Math.Min(bits, dimensions - 1);
        string[] paths = new string[rows];
        for (int r = 0; r < rows; r++)
        {
            paths[r] = string.Create(bits, (vectors, r * dimensions), static (span, state) =>
            {
                for (int j = 0; j < span.Length; j++)
                {
                    span[j] = state.vectors[state.Item2 + 1 + j] >= 0 ? '1' : '0';
                }
            });
        }

        return paths;
    }

    /// <summary>
    /// Binarized vectors (Guo, Che, Wang &amp; Liu 2014): dimension j is "positive" for a word whose
    /// component exceeds the mean of the positive components of all words in that dimension, and
    /// "negative" below the mean of the negative ones; near zero it says nothing. Written as 2 d
    /// bits: the d positive flags, then the d negative ones (a <c>NerWordClusters</c> binarized file).
    /// </summary>
    public static string[] BinarizedPaths(float[] vectors, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int rows = vectors.Length / dimensions;
        double[] positiveMean = new double[dimensions];
        double[] negativeMean = new double[dimensions];
        for (int j = 0; j < dimensions; j++)
        {
            double positive = 0;
            double negative = 0;
            int positives = 0;
            int negatives = 0;
            for (int r = 0; r < rows; r++)
            {
                float v = vectors[(r * dimensions) + j];
                if (v > 0)
                {
                    positive += v;
                    positives++;
                }
                else if (v < 0)
                {
                    negative += v;
                    negatives++;
                }
            }

            positiveMean[j] = positives > 0 ? positive / positives : double.PositiveInfinity;
            negativeMean[j] = negatives > 0 ? negative / negatives : double.NegativeInfinity;
        }

        string[] paths = new string[rows];
        char[] code = new char[2 * dimensions];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < dimensions; j++)
            {
                float v = vectors[(r * dimensions) + j];
                code[j] = v > positiveMean[j] ? '1' : '0';
                code[dimensions + j] = v < negativeMean[j] ? '1' : '0';
            }

            paths[r] = new string(code);
        }

        return paths;
    }

    /// <summary>
    /// A binary tree by divisive 2-means: each node splits at the sign of its points' projection on
    /// their principal direction (Boley's PDDP, deterministic), refined by a few 2-means (Lloyd)
    /// steps; 0 and 1 name the halves. Down to <paramref name="depth"/> levels, or single words.
    /// </summary>
    public static string[] BisectingPaths(float[] vectors, int dimensions, int depth, int seed)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int rows = vectors.Length / dimensions;
        var paths = new System.Text.StringBuilder[rows];
        for (int r = 0; r < rows; r++)
        {
            paths[r] = new System.Text.StringBuilder(depth);
        }

        var nodes = new List<int[]> { Enumerable.Range(0, rows).ToArray() };
        for (int level = 0; level < depth && nodes.Count > 0; level++)
        {
            var next = new List<int[]>();
            foreach (int[] node in nodes)
            {
                if (node.Length < 2)
                {
                    continue;
                }

                bool[] side = Split(vectors, dimensions, node, seed + level);
                var zero = new List<int>();
                var one = new List<int>();
                for (int i = 0; i < node.Length; i++)
                {
                    paths[node[i]].Append(side[i] ? '1' : '0');
                    (side[i] ? one : zero).Add(node[i]);
                }

                next.Add([.. zero]);
                next.Add([.. one]);
            }

            nodes = next;
        }

        return paths.Select(p => p.Length == 0 ? "0" : p.ToString()).ToArray();
    }

    private static bool[] Split(float[] vectors, int dims, int[] node, int seed)
    {
        double[] mean = new double[dims];
        foreach (int r in node)
        {
            for (int j = 0; j < dims; j++)
            {
                mean[j] += vectors[(r * dims) + j];
            }
        }

        for (int j = 0; j < dims; j++)
        {
            mean[j] /= node.Length;
        }

        double[] direction = PrincipalDirection(vectors, dims, node, mean, seed);
        bool[] side = new bool[node.Length];
        for (int i = 0; i < node.Length; i++)
        {
            side[i] = Project(vectors, dims, node[i], mean, direction) >= 0;
        }

        Refine(vectors, dims, node, side);
        return side;
    }

    /// <summary>Power iteration on the node's scatter matrix (never formed: Xᵀ(X v)), from a seeded start.</summary>
    private static double[] PrincipalDirection(float[] vectors, int dims, int[] node, double[] mean, int seed)
    {
        double[] v = RandomizedSvd.Gaussian(dims, seed);
        for (int iteration = 0; iteration < 20; iteration++)
        {
            double[] w = new double[dims];
            foreach (int r in node)
            {
                double p = Project(vectors, dims, r, mean, v);
                for (int j = 0; j < dims; j++)
                {
                    w[j] += p * (vectors[(r * dims) + j] - mean[j]);
                }
            }

            double norm = Math.Sqrt(w.Sum(x => x * x));
            if (norm == 0)
            {
                return v;
            }

            v = w.Select(x => x / norm).ToArray();
        }

        return v;
    }

    private static double Project(float[] vectors, int dims, int r, double[] mean, double[] direction)
    {
        double p = 0;
        for (int j = 0; j < dims; j++)
        {
            p += (vectors[(r * dims) + j] - mean[j]) * direction[j];
        }

        return p;
    }

    /// <summary>A few Lloyd steps of 2-means from the principal split; stops when no point moves or a side empties.</summary>
    private static void Refine(float[] vectors, int dims, int[] node, bool[] side)
    {
        for (int step = 0; step < 5; step++)
        {
            double[] c0 = new double[dims];
            double[] c1 = new double[dims];
            int n0 = 0;
            int n1 = 0;
            for (int i = 0; i < node.Length; i++)
            {
                double[] c = side[i] ? c1 : c0;
                if (side[i])
                {
                    n1++;
                }
                else
                {
                    n0++;
                }

                for (int j = 0; j < dims; j++)
                {
                    c[j] += vectors[(node[i] * dims) + j];
                }
            }

            if (n0 == 0 || n1 == 0)
            {
                return;
            }

            bool moved = false;
            for (int i = 0; i < node.Length; i++)
            {
                double d0 = 0;
                double d1 = 0;
                for (int j = 0; j < dims; j++)
                {
                    double x = vectors[(node[i] * dims) + j];
                    d0 += (x - (c0[j] / n0)) * (x - (c0[j] / n0));
                    d1 += (x - (c1[j] / n1)) * (x - (c1[j] / n1));
                }

                bool one = d1 < d0;
                moved |= one != side[i];
                side[i] = one;
            }

            if (!moved)
            {
                return;
            }
        }
    }
}
