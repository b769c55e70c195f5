namespace NewsGraph.Evaluation.Gold;

/// <summary>
/// One annotated article ready to score: its text and gold, which part of the corpus it belongs to
/// (<see cref="Parts.Corpus"/> or <see cref="Parts.Written"/>), its source (the paper, or the
/// agency whose style a written article follows) and its split.
/// </summary>
public sealed record EvalArticle(string Id, string Part, string Source, string Split, string Text, GoldDocument Gold);

public static class Parts
{
    /// <summary>Real articles of the SaudiNewsNet corpus, annotated standoff.</summary>
    public const string Corpus = "corpus";

    /// <summary>Articles the team wrote in the house styles of wire agencies, kept in full.</summary>
    public const string Written = "written";
}
