namespace NewsGraph.Evaluation.Training;

/// <summary>
/// Platt scaling: p = σ(a·score + b), a and b fitted by Newton's method on held-out scores and labels
/// (with Platt's smoothed targets), so that the model's confidence reads as a probability on data it
/// was not trained on. A small ridge pulls (a, b) towards (1, 0) — the uncalibrated model — so that
/// few or separable held-out examples cannot send the scale to infinity.
/// </summary>
public static class PlattScaling
{
    public static (double A, double B) Fit(IReadOnlyList<(double Score, bool Label)> data, int iterations = 100, double ridge = 1.0)
    {
        int positives = data.Count(d => d.Label);
        int negatives = data.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return (1, 0);
        }

        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        for (int it = 0; it < iterations; it++)
        {
            double gA = ridge * (a - 1), gB = ridge * b, hAA = ridge, hAB = 0, hBB = ridge;
            foreach ((double score, bool label) in data)
            {
                double p = LogisticRegression.Sigmoid((a * score) + b);
                double t = label ? hi : lo;
                double d = p - t;
                double v = p * (1 - p);
                gA += d * score;
                gB += d;
                hAA += v * score * score;
                hAB += v * score;
                hBB += v;
            }

            double det = (hAA * hBB) - (hAB * hAB);
            if (Math.Abs(det) < 1e-12)
            {
                break;
            }

            double da = ((hBB * gA) - (hAB * gB)) / det;
            double db = ((hAA * gB) - (hAB * gA)) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return (Math.Round(a, 6), Math.Round(b, 6));
    }
}
