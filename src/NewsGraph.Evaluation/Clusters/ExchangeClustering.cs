using System.Diagnostics;
using System.Globalization;

namespace NewsGraph.Evaluation.Clusters;

/// <summary>
/// Flat word clustering by the exchange algorithm (Kneser &amp; Ney 1993; Martin, Liermann &amp; Ney
/// 1998): maximise the likelihood of a class bigram model — equivalently Brown et al.'s average
/// mutual information between adjacent classes — by moving one word at a time to the class that
/// raises it most, until few words move. The objective is
/// Σ N(c,d) log N(c,d) − Σ N(c,·) log N(c,·) − Σ N(·,d) log N(·,d) over class bigram counts N.
/// Deterministic: no randomness, words visited in id order (most frequent first), ties broken
/// towards staying put and then the lowest class index. Each pass costs O(C · Σ distinct
/// neighbour classes of the words).
/// </summary>
internal sealed class ExchangeClustering
{
    private const int TableSize = 1 << 20;
    private static readonly double[] s_xLogX = BuildTable();

    private readonly BigramCounts _bigrams;
    private readonly int _classes;
    private readonly int[] _classOf;

    // Class bigram counts, row = first class: _counts[a * C + b]; _transposed[b * C + a] holds the same.
    private readonly long[] _counts;
    private readonly long[] _transposed;
    private readonly long[] _leftTotals;
    private readonly long[] _rightTotals;

    private ExchangeClustering(BigramCounts bigrams, int classes)
    {
        _bigrams = bigrams;
        _classes = classes;
        int words = bigrams.WordCount;
        _classOf = new int[words];
        _counts = new long[classes * classes];
        _transposed = new long[classes * classes];
        _leftTotals = new long[classes];
        _rightTotals = new long[classes];

        // The most frequent classes−1 words start alone, every other word in the last class
        // (Martin et al.): the first pass then places the rest next to frequent words. Classes may
        // empty and fill again, so that the frequent words, too, can end up together.
        for (int w = 0; w < words; w++)
        {
            int c = Math.Min(w, classes - 1);
            _classOf[w] = c;
        }

        for (int w = 0; w < words; w++)
        {
            int a = _classOf[w];
            _leftTotals[a] += bigrams.LeftCount[w];
            _rightTotals[a] += bigrams.RightCount[w];
            for (int k = bigrams.NextStart[w]; k < bigrams.NextStart[w + 1]; k++)
            {
                int b = _classOf[bigrams.NextWord[k]];
                _counts[(a * classes) + b] += bigrams.NextCount[k];
                _transposed[(b * classes) + a] += bigrams.NextCount[k];
            }

            _counts[(a * classes) + a] += bigrams.SelfCount[w];
            _transposed[(a * classes) + a] += bigrams.SelfCount[w];
        }
    }

    /// <summary>
    /// Clusters the words of <paramref name="bigrams"/> into at most <paramref name="classes"/>
    /// classes (some may end up empty). Returns the class of each word and the class bigram counts.
    /// </summary>
    public static (int[] ClassOf, long[] ClassBigrams) Run(
        BigramCounts bigrams,
        int classes,
        int maxIterations,
        double minMovedShare,
        Action<string>? log,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bigrams);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        classes = Math.Min(classes, Math.Max(2, bigrams.WordCount));
        var clustering = new ExchangeClustering(bigrams, classes);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"exchange: {bigrams.WordCount:N0} words, {classes} classes, objective {clustering.Objective():F0}"));
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            var clock = Stopwatch.StartNew();
            int moved = clustering.Pass(cancellationToken);
            log?.Invoke(string.Create(
                CultureInfo.InvariantCulture,
                $"exchange pass {iteration}: {moved:N0} words moved, objective {clustering.Objective():F0} ({clock.Elapsed.TotalSeconds:F1} s)"));
            if (moved <= minMovedShare * bigrams.WordCount)
            {
                break;
            }
        }

        return (clustering._classOf, clustering._counts);
    }

    private static double XLogX(long x) => x < TableSize ? s_xLogX[x] : x * Math.Log(x);

    private static double[] BuildTable()
    {
        double[] table = new double[TableSize];
        for (int x = 1; x < TableSize; x++)
        {
            table[x] = x * Math.Log(x);
        }

        return table;
    }

    private double Objective()
    {
        double total = 0;
        foreach (long n in _counts)
        {
            total += XLogX(n);
        }

        for (int c = 0; c < _classes; c++)
        {
            total -= XLogX(_leftTotals[c]) + XLogX(_rightTotals[c]);
        }

        return total;
    }

    private int Pass(CancellationToken cancellationToken)
    {
        int classes = _classes;
        BigramCounts g = _bigrams;
        long[] next = new long[classes];
        long[] previous = new long[classes];
        int[] nextClasses = new int[classes];
        long[] nextValues = new long[classes];
        int[] previousClasses = new int[classes];
        long[] previousValues = new long[classes];
        double[] gain = new double[classes];
        int moved = 0;
        for (int w = 0; w < g.WordCount; w++)
        {
            if ((w & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int from = _classOf[w];
            // Counts of w's bigrams by the class of the other word (w itself apart).
            int nextCount = Gather(g.NextStart[w], g.NextStart[w + 1], g.NextWord, g.NextCount, next, nextClasses, nextValues);
            int previousCount = Gather(g.PreviousStart[w], g.PreviousStart[w + 1], g.PreviousWord, g.PreviousCount, previous, previousClasses, previousValues);
            long self = g.SelfCount[w];
            long left = g.LeftCount[w];
            long right = g.RightCount[w];

            Move(w, from, -1, nextClasses.AsSpan(0, nextCount), nextValues, previousClasses.AsSpan(0, previousCount), previousValues, self, left, right);

            long work = (long)classes * (nextCount + previousCount);
            if (work > 200_000)
            {
                // Each class's gain is independent of the others: splitting the classes between
                // threads changes nothing but the wall time.
                int chunks = Environment.ProcessorCount;
                Parallel.For(0, chunks, chunk =>
                {
                    int start = (int)((long)classes * chunk / chunks);
                    int end = (int)((long)classes * (chunk + 1) / chunks);
                    for (int to = start; to < end; to++)
                    {
                        gain[to] = Gain(to, nextClasses, nextValues, nextCount, previousClasses, previousValues, previousCount, next, previous, self, left, right);
                    }
                });
            }
            else
            {
                for (int to = 0; to < classes; to++)
                {
                    gain[to] = Gain(to, nextClasses, nextValues, nextCount, previousClasses, previousValues, previousCount, next, previous, self, left, right);
                }
            }

            int best = from;
            double bestGain = gain[from];
            for (int to = 0; to < classes; to++)
            {
                if (gain[to] > bestGain)
                {
                    best = to;
                    bestGain = gain[to];
                }
            }

            Move(w, best, 1, nextClasses.AsSpan(0, nextCount), nextValues, previousClasses.AsSpan(0, previousCount), previousValues, self, left, right);
            if (best != from)
            {
                moved++;
            }

            for (int k = 0; k < nextCount; k++)
            {
                next[nextClasses[k]] = 0;
            }

            for (int k = 0; k < previousCount; k++)
            {
                previous[previousClasses[k]] = 0;
            }
        }

        return moved;
    }

    private int Gather(int start, int end, int[] words, int[] counts, long[] byClass, int[] classes, long[] values)
    {
        int touched = 0;
        for (int k = start; k < end; k++)
        {
            int c = _classOf[words[k]];
            if (byClass[c] == 0)
            {
                classes[touched++] = c;
            }

            byClass[c] += counts[k];
        }

        for (int k = 0; k < touched; k++)
        {
            values[k] = byClass[classes[k]];
        }

        return touched;
    }

    /// <summary>Change of the objective if the word (already taken out) joins class <paramref name="to"/>.</summary>
    private double Gain(
        int to,
        int[] nextClasses,
        long[] nextValues,
        int nextCount,
        int[] previousClasses,
        long[] previousValues,
        int previousCount,
        long[] next,
        long[] previous,
        long self,
        long left,
        long right)
    {
        int classes = _classes;
        ReadOnlySpan<long> row = _counts.AsSpan(to * classes, classes);
        ReadOnlySpan<long> column = _transposed.AsSpan(to * classes, classes);
        double delta = 0;
        for (int k = 0; k < nextCount; k++)
        {
            long n = row[nextClasses[k]];
            delta += XLogX(n + nextValues[k]) - XLogX(n);
        }

        for (int k = 0; k < previousCount; k++)
        {
            long n = column[previousClasses[k]];
            delta += XLogX(n + previousValues[k]) - XLogX(n);
        }

        // The (to, to) cell was counted twice above, once per direction: replace both by its true change.
        long diagonal = row[to];
        long nextHere = next[to];
        long previousHere = previous[to];
        delta -= XLogX(diagonal + nextHere) - XLogX(diagonal);
        delta -= XLogX(diagonal + previousHere) - XLogX(diagonal);
        delta += XLogX(diagonal + nextHere + previousHere + self) - XLogX(diagonal);

        delta -= XLogX(_leftTotals[to] + left) - XLogX(_leftTotals[to]);
        delta -= XLogX(_rightTotals[to] + right) - XLogX(_rightTotals[to]);
        return delta;
    }

    private void Move(int w, int c, int sign, ReadOnlySpan<int> nextClasses, long[] nextValues, ReadOnlySpan<int> previousClasses, long[] previousValues, long self, long left, long right)
    {
        int classes = _classes;
        for (int k = 0; k < nextClasses.Length; k++)
        {
            int d = nextClasses[k];
            _counts[(c * classes) + d] += sign * nextValues[k];
            _transposed[(d * classes) + c] += sign * nextValues[k];
        }

        for (int k = 0; k < previousClasses.Length; k++)
        {
            int d = previousClasses[k];
            _counts[(d * classes) + c] += sign * previousValues[k];
            _transposed[(c * classes) + d] += sign * previousValues[k];
        }

        _counts[(c * classes) + c] += sign * self;
        _transposed[(c * classes) + c] += sign * self;
        _leftTotals[c] += sign * left;
        _rightTotals[c] += sign * right;
        if (sign > 0)
        {
            _classOf[w] = c;
        }
    }
}
