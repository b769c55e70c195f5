namespace NewsGraph.Evaluation.Clusters;

/// <summary>
/// Adjacent-word counts of a token stream, as sparse rows: for each word its successors and
/// predecessors (other than itself) with counts, and how often it follows itself.
/// </summary>
internal sealed class BigramCounts
{
    private BigramCounts(int words)
    {
        WordCount = words;
        SelfCount = new long[words];
        LeftCount = new long[words];
        RightCount = new long[words];
        NextStart = new int[words + 1];
        PreviousStart = new int[words + 1];
        NextWord = [];
        NextCount = [];
        PreviousWord = [];
        PreviousCount = [];
    }

    public int WordCount { get; }

    /// <summary>Successors of w: NextWord/NextCount[NextStart[w]..NextStart[w + 1]].</summary>
    public int[] NextStart { get; }

    public int[] NextWord { get; private set; }

    public int[] NextCount { get; private set; }

    /// <summary>Predecessors of w: PreviousWord/PreviousCount[PreviousStart[w]..PreviousStart[w + 1]].</summary>
    public int[] PreviousStart { get; }

    public int[] PreviousWord { get; private set; }

    public int[] PreviousCount { get; private set; }

    /// <summary>Bigrams (w, w).</summary>
    public long[] SelfCount { get; }

    /// <summary>Bigrams with w first (self included).</summary>
    public long[] LeftCount { get; }

    /// <summary>Bigrams with w second (self included).</summary>
    public long[] RightCount { get; }

    /// <summary>Counts the bigrams of <paramref name="stream"/>: word ids below <paramref name="words"/>, a negative id separates documents.</summary>
    public static BigramCounts Count(ReadOnlySpan<int> stream, int words)
    {
        var counts = new BigramCounts(words);
        long[] pairs = new long[Math.Max(0, stream.Length - 1)];
        int pairCount = 0;
        for (int i = 1; i < stream.Length; i++)
        {
            int first = stream[i - 1];
            int second = stream[i];
            if (first < 0 || second < 0)
            {
                continue;
            }

            counts.LeftCount[first]++;
            counts.RightCount[second]++;
            if (first == second)
            {
                counts.SelfCount[first]++;
            }
            else
            {
                pairs[pairCount++] = ((long)first << 32) | (uint)second;
            }
        }

        Span<long> used = pairs.AsSpan(0, pairCount);
        used.Sort();
        (counts.NextWord, counts.NextCount) = Rows(used, counts.NextStart, words);

        for (int k = 0; k < used.Length; k++)
        {
            used[k] = (used[k] << 32) | (used[k] >>> 32);
        }

        used.Sort();
        (counts.PreviousWord, counts.PreviousCount) = Rows(used, counts.PreviousStart, words);
        return counts;
    }

    /// <summary>Sorted (row &lt;&lt; 32 | column) pairs → distinct columns with counts per row.</summary>
    private static (int[] Columns, int[] Counts) Rows(ReadOnlySpan<long> sorted, int[] start, int words)
    {
        var columns = new List<int>();
        var values = new List<int>();
        int k = 0;
        for (int row = 0; row < words; row++)
        {
            start[row] = columns.Count;
            while (k < sorted.Length && (int)(sorted[k] >>> 32) == row)
            {
                int column = (int)(sorted[k] & 0xFFFFFFFF);
                int n = 0;
                while (k < sorted.Length && sorted[k] == (((long)row << 32) | (uint)column))
                {
                    n++;
                    k++;
                }

                columns.Add(column);
                values.Add(n);
            }
        }

        start[words] = columns.Count;
        return ([.. columns], [.. values]);
    }
}
