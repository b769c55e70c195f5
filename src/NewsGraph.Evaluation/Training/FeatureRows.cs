namespace NewsGraph.Evaluation.Training;

/// <summary>
/// Examples' feature lists as integer rows for the learners here: the vocabulary in ordinal order
/// (so indices, and every fit over them, are the same from run to run) and each example's distinct
/// feature indices, sorted.
/// </summary>
internal static class FeatureRows
{
    public static (string[] Vocabulary, int[][] Rows) Build(IReadOnlyList<(IReadOnlyList<string> Features, bool Label)> examples)
    {
        string[] vocabulary = [.. examples.SelectMany(e => e.Features).Distinct().Order(StringComparer.Ordinal)];
        var index = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (int k = 0; k < vocabulary.Length; k++)
        {
            index[vocabulary[k]] = k;
        }

        int[][] rows = [.. examples.Select(e => e.Features.Select(f => index[f]).Distinct().Order().ToArray())];
        return (vocabulary, rows);
    }
}
