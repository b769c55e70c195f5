namespace NewsGraph.Evaluation.Training;

/// <summary>
/// The L2 strength of a <see cref="LogisticRegression"/> chosen by k-fold cross-validation: the
/// grid value with the lowest mean held-out log loss. Callers put whole articles in one fold (an
/// article's examples share its names) and give the examples in a fixed order, so the choice, like
/// the fit, is deterministic.
/// </summary>
public static class CrossValidatedL2
{
    public const int Folds = 5;

    public static IReadOnlyList<double> Grid { get; } = [0.1, 1, 10, 100];

    /// <summary>
    /// Fits on every fold but one and scores the one left out, for each strength of <see cref="Grid"/>;
    /// <paramref name="reportLoss"/> is told each strength's mean held-out log loss.
    /// </summary>
    public static double Choose(IReadOnlyList<(IReadOnlyList<string> Features, bool Label, int Fold)> examples, Action<double, double> reportLoss)
    {
        double best = Grid[0], bestLoss = double.MaxValue;
        foreach (double l2 in Grid)
        {
            double loss = 0;
            int count = 0;
            for (int fold = 0; fold < Folds; fold++)
            {
                (double bias, Dictionary<string, double> weights) = new LogisticRegression(l2).Fit([.. examples.Where(e => e.Fold != fold).Select(e => (e.Features, e.Label))]);
                foreach ((IReadOnlyList<string> features, bool label, _) in examples.Where(e => e.Fold == fold))
                {
                    double p = Math.Clamp(Probability(bias, weights, features), 1e-6, 1 - 1e-6);
                    loss -= label ? Math.Log(p) : Math.Log(1 - p);
                    count++;
                }
            }

            double mean = loss / Math.Max(1, count);
            reportLoss(l2, mean);
            if (mean < bestLoss)
            {
                (best, bestLoss) = (l2, mean);
            }
        }

        return best;
    }

    /// <summary>The fitted model's probability, summed as the extraction models sum it (bias first, then each feature in order).</summary>
    private static double Probability(double bias, Dictionary<string, double> weights, IReadOnlyList<string> features)
    {
        double z = bias;
        foreach (string f in features)
        {
            z += weights.GetValueOrDefault(f);
        }

        return LogisticRegression.Sigmoid(z);
    }
}
