namespace NewsGraph.Evaluation.Vectors;

/// <summary>
/// A read-only sparse matrix in compressed rows (CSR), with the two dense products a randomized
/// SVD needs. Dense matrices are row-major <c>double[]</c> with a given column count.
/// </summary>
internal sealed class SparseMatrix
{
    public SparseMatrix(int rows, int columns, int[] rowStart, int[] column, double[] value)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(value);
        if (rowStart.Length != rows + 1 || column.Length != value.Length || rowStart[rows] != value.Length)
        {
            throw new ArgumentException("Inconsistent compressed-row arrays.", nameof(rowStart));
        }

        Rows = rows;
        Columns = columns;
        RowStart = rowStart;
        Column = column;
        Value = value;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Row r's entries are Column/Value[RowStart[r]..RowStart[r + 1]].</summary>
    public int[] RowStart { get; }

    public int[] Column { get; }

    public double[] Value { get; }

    /// <summary>A dense matrix (row-major) as a sparse one; zeros are left out.</summary>
    public static SparseMatrix FromDense(double[,] dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        int rows = dense.GetLength(0);
        int columns = dense.GetLength(1);
        int[] start = new int[rows + 1];
        var column = new List<int>();
        var value = new List<double>();
        for (int r = 0; r < rows; r++)
        {
            start[r] = value.Count;
            for (int c = 0; c < columns; c++)
            {
                if (dense[r, c] != 0)
                {
                    column.Add(c);
                    value.Add(dense[r, c]);
                }
            }
        }

        start[rows] = value.Count;
        return new SparseMatrix(rows, columns, start, [.. column], [.. value]);
    }

    /// <summary>This × <paramref name="dense"/> (Columns × k) → Rows × k. Rows are independent, so the parallel loop is deterministic.</summary>
    public double[] Times(double[] dense, int k)
    {
        ArgumentNullException.ThrowIfNull(dense);
        double[] result = new double[Rows * k];
        Parallel.For(0, Rows, r =>
        {
            Span<double> target = result.AsSpan(r * k, k);
            for (int e = RowStart[r]; e < RowStart[r + 1]; e++)
            {
                double v = Value[e];
                ReadOnlySpan<double> source = dense.AsSpan(Column[e] * k, k);
                for (int j = 0; j < k; j++)
                {
                    target[j] += v * source[j];
                }
            }
        });
        return result;
    }

    /// <summary>
    /// Thisᵀ × <paramref name="dense"/> (Rows × k) → Columns × k. Accumulated in row order in one
    /// thread: a parallel scatter would add in a varying order and change the last bits.
    /// </summary>
    public double[] TransposeTimes(double[] dense, int k)
    {
        ArgumentNullException.ThrowIfNull(dense);
        double[] result = new double[Columns * k];
        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<double> source = dense.AsSpan(r * k, k);
            for (int e = RowStart[r]; e < RowStart[r + 1]; e++)
            {
                double v = Value[e];
                Span<double> target = result.AsSpan(Column[e] * k, k);
                for (int j = 0; j < k; j++)
                {
                    target[j] += v * source[j];
                }
            }
        }

        return result;
    }
}
