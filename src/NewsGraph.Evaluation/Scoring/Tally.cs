namespace NewsGraph.Evaluation.Scoring;

/// <summary>True positives, false positives and false negatives per counter ("entity:Person", "relation:MET" …).</summary>
public sealed class Tally
{
    private readonly SortedDictionary<string, Counts> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Counts> Counters => _counts;

    public void Add(string counter, int tp = 0, int fp = 0, int fn = 0)
    {
        Counts c = _counts.GetValueOrDefault(counter);
        _counts[counter] = new Counts(c.Tp + tp, c.Fp + fp, c.Fn + fn);
    }

    public void Add(Tally other)
    {
        foreach ((string name, Counts c) in other._counts)
        {
            Add(name, c.Tp, c.Fp, c.Fn);
        }
    }

    /// <summary>All counters whose name starts with <paramref name="prefix"/> ("entity:", "relation:") pooled.</summary>
    public Counts Total(string prefix) =>
        _counts.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Aggregate(default(Counts), (sum, kv) => new Counts(sum.Tp + kv.Value.Tp, sum.Fp + kv.Value.Fp, sum.Fn + kv.Value.Fn));

    public Counts this[string counter] => _counts.GetValueOrDefault(counter);
}

/// <summary>Counts of one counter, with precision, recall and F1 (0 when undefined, as in the reference).</summary>
public readonly record struct Counts(int Tp, int Fp, int Fn)
{
    public double Precision => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);

    public double Recall => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts over two disjoint sets of articles.</summary>
    public static Counts operator +(Counts a, Counts b) => new(a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn);
}
