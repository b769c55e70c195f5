namespace NewsGraph.Evaluation;

/// <summary>
/// The three splits. Train is for fitting rules and models, dev for choosing among them and for
/// calibration; blind is scored at most once per working session and nobody developing reads it.
/// </summary>
public static class Splits
{
    public const string Train = "train";
    public const string Dev = "dev";
    public const string Blind = "blind";

    public static readonly IReadOnlyList<string> All = [Train, Dev, Blind];
}
