namespace NewsGraph.Evaluation.Vectors;

/// <summary>The leading singular values (descending) and left singular vectors (Rows × Count, row-major) of a matrix.</summary>
internal sealed record TruncatedSvd(double[] Values, double[] Left, int Count);

/// <summary>
/// Truncated SVD by randomized range finding (Halko, Martinsson &amp; Tropp 2011): Y = A Ω with a
/// Gaussian Ω of k + oversampling columns, a few power iterations (A Aᵀ)^q Y to sharpen the decay
/// of the spectrum, an orthonormal basis Q of Y, then the small matrix B = Qᵀ A whose
/// B Bᵀ = W Λ Wᵀ (Jacobi) gives U = Q W and σ = √λ. Only the left vectors are needed (word
/// vectors), so B Bᵀ — l × l — is all that is decomposed. Deterministic for a given seed.
/// </summary>
internal static class RandomizedSvd
{
    public static TruncatedSvd Compute(SparseMatrix a, int rank, int oversampling, int powerIterations, int seed)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        int l = Math.Min(rank + oversampling, Math.Min(a.Rows, a.Columns));
        rank = Math.Min(rank, l);

        double[] omega = Gaussian(a.Columns * l, seed);
        double[] q = a.Times(omega, l);
        Orthonormalize(q, a.Rows, l);
        for (int i = 0; i < powerIterations; i++)
        {
            // Re-orthonormalizing between the two products keeps the small singular directions
            // from drowning in rounding error (the "subspace iteration" form).
            double[] z = a.TransposeTimes(q, l);
            Orthonormalize(z, a.Columns, l);
            q = a.Times(z, l);
            Orthonormalize(q, a.Rows, l);
        }

        // Bᵀ = Aᵀ Q (Columns × l); B Bᵀ = (Aᵀ Q)ᵀ (Aᵀ Q).
        double[] bt = a.TransposeTimes(q, l);
        double[] gram = Gram(bt, a.Columns, l);
        (double[] eigenvalues, double[] eigenvectors) = SymmetricEigen(gram, l);

        int[] order = Enumerable.Range(0, l).OrderByDescending(i => eigenvalues[i]).ThenBy(i => i).Take(rank).ToArray();
        double[] values = order.Select(i => Math.Sqrt(Math.Max(0, eigenvalues[i]))).ToArray();
        double[] left = new double[a.Rows * rank];
        for (int r = 0; r < a.Rows; r++)
        {
            ReadOnlySpan<double> qr = q.AsSpan(r * l, l);
            for (int j = 0; j < rank; j++)
            {
                double sum = 0;
                for (int m = 0; m < l; m++)
                {
                    sum += qr[m] * eigenvectors[(m * l) + order[j]];
                }

                left[(r * rank) + j] = sum;
            }
        }

        FixSigns(left, a.Rows, rank);
        return new TruncatedSvd(values, left, rank);
    }

    /// <summary>Standard normal numbers (Box–Muller over <see cref="Random"/>, whose seeded sequence is fixed).</summary>
    internal static double[] Gaussian(int count, int seed)
    {
        var random = new Random(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i += 2)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u1));
            values[i] = radius * Math.Cos(2 * Math.PI * u2);
            if (i + 1 < count)
            {
                values[i + 1] = radius * Math.Sin(2 * Math.PI * u2);
            }
        }

        return values;
    }

    /// <summary>
    /// Modified Gram–Schmidt on the columns of a rows × k matrix, run twice ("twice is enough",
    /// Giraud et al. 2005) so the basis stays orthogonal to working precision. A column that
    /// vanishes (rank deficiency) is left zero.
    /// </summary>
    internal static void Orthonormalize(double[] m, int rows, int k)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            for (int j = 0; j < k; j++)
            {
                for (int p = 0; p < j; p++)
                {
                    double dot = 0;
                    for (int r = 0; r < rows; r++)
                    {
                        dot += m[(r * k) + p] * m[(r * k) + j];
                    }

                    for (int r = 0; r < rows; r++)
                    {
                        m[(r * k) + j] -= dot * m[(r * k) + p];
                    }
                }

                double norm = 0;
                for (int r = 0; r < rows; r++)
                {
                    norm += m[(r * k) + j] * m[(r * k) + j];
                }

                double scale = norm > 1e-300 ? 1 / Math.Sqrt(norm) : 0;
                for (int r = 0; r < rows; r++)
                {
                    m[(r * k) + j] *= scale;
                }
            }
        }
    }

    /// <summary>Mᵀ M for a rows × k matrix M.</summary>
    private static double[] Gram(double[] m, int rows, int k)
    {
        double[] gram = new double[k * k];
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> row = m.AsSpan(r * k, k);
            for (int i = 0; i < k; i++)
            {
                double v = row[i];
                if (v == 0)
                {
                    continue;
                }

                for (int j = i; j < k; j++)
                {
                    gram[(i * k) + j] += v * row[j];
                }
            }
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < i; j++)
            {
                gram[(i * k) + j] = gram[(j * k) + i];
            }
        }

        return gram;
    }

    /// <summary>
    /// Eigenvalues and eigenvectors (columns of an n × n row-major matrix) of a symmetric matrix by
    /// cyclic Jacobi rotations: slow for large n, exact to rounding and simple for the l ≈ 100 here.
    /// </summary>
    internal static (double[] Values, double[] Vectors) SymmetricEigen(double[] symmetric, int n)
    {
        double[] a = (double[])symmetric.Clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
        }

        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double x = a[(i * n) + j] * a[(i * n) + j];
                    total += x;
                    off += i != j ? x : 0;
                }
            }

            if (off <= 1e-30 * Math.Max(total, 1e-300))
            {
                break;
            }

            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Rotate(a, v, n, p, q);
                }
            }
        }

        double[] values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = a[(i * n) + i];
        }

        return (values, v);
    }

    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        double apq = a[(p * n) + q];
        if (Math.Abs(apq) < 1e-300)
        {
            return;
        }

        double theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        if (theta == 0)
        {
            t = 1;
        }

        double c = 1 / Math.Sqrt((t * t) + 1);
        double s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[(k * n) + p];
            double akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }

        for (int k = 0; k < n; k++)
        {
            double apk = a[(p * n) + k];
            double aqk = a[(q * n) + k];
            a[(p * n) + k] = (c * apk) - (s * aqk);
            a[(q * n) + k] = (s * apk) + (c * aqk);
        }

        for (int k = 0; k < n; k++)
        {
            double vkp = v[(k * n) + p];
            double vkq = v[(k * n) + q];
            v[(k * n) + p] = (c * vkp) - (s * vkq);
            v[(k * n) + q] = (s * vkp) + (c * vkq);
        }
    }

    /// <summary>A singular vector's sign is arbitrary: make each column's largest-magnitude entry positive, so the output does not hinge on rounding.</summary>
    private static void FixSigns(double[] m, int rows, int k)
    {
        for (int j = 0; j < k; j++)
        {
            int best = 0;
            for (int r = 1; r < rows; r++)
            {
                if (Math.Abs(m[(r * k) + j]) > Math.Abs(m[(best * k) + j]))
                {
                    best = r;
                }
            }

            if (m[(best * k) + j] < 0)
            {
                for (int r = 0; r < rows; r++)
                {
                    m[(r * k) + j] = -m[(r * k) + j];
                }
            }
        }
    }
}
