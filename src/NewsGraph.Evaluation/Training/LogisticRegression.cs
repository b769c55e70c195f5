namespace NewsGraph.Evaluation.Training;

/// <summary>
/// L2-regularised logistic regression over binary features, fitted by full-batch gradient descent
/// with AdaGrad steps for a fixed number of iterations. Written here rather than taken from a
/// library so that training is small, exactly reproducible (same data in the same order gives the
/// same weights, byte for byte once rounded) and easy to read.
/// </summary>
public sealed class LogisticRegression(double l2, int iterations = 300, double learningRate = 0.5)
{
    public double L2 => l2;

    /// <summary>Fits weights for examples given as feature lists with 0/1 labels; returns (bias, weights by feature).</summary>
    public (double Bias, Dictionary<string, double> Weights) Fit(IReadOnlyList<(IReadOnlyList<string> Features, bool Label)> examples)
    {
        (string[] vocabulary, int[][] rows) = FeatureRows.Build(examples);
        double[] y = [.. examples.Select(e => e.Label ? 1.0 : 0.0)];
        double[] w = new double[vocabulary.Length];
        double[] gradSquares = new double[vocabulary.Length];
        double bias = 0, biasSquares = 0;
        int n = Math.Max(1, rows.Length);
        double[] gradient = new double[vocabulary.Length];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(gradient);
            double biasGradient = 0;
            for (int r = 0; r < rows.Length; r++)
            {
                double z = bias;
                foreach (int k in rows[r])
                {
                    z += w[k];
                }

                double error = Sigmoid(z) - y[r];
                biasGradient += error;
                foreach (int k in rows[r])
                {
                    gradient[k] += error;
                }
            }

            for (int k = 0; k < w.Length; k++)
            {
                double g = (gradient[k] / n) + (l2 * w[k] / n);
                gradSquares[k] += g * g;
                w[k] -= learningRate * g / (Math.Sqrt(gradSquares[k]) + 1e-8);
            }

            double gb = biasGradient / n;
            biasSquares += gb * gb;
            bias -= learningRate * gb / (Math.Sqrt(biasSquares) + 1e-8);
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int k = 0; k < w.Length; k++)
        {
            double rounded = Math.Round(w[k], 6);
            if (rounded != 0)
            {
                weights[vocabulary[k]] = rounded;
            }
        }

        return (Math.Round(bias, 6), weights);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
