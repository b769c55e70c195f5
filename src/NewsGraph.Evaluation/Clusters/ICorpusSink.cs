namespace NewsGraph.Evaluation.Clusters;

/// <summary>What reads unlabelled text for the tagger's distributional features (clusters, vectors): documents in, one at a time.</summary>
public interface ICorpusSink
{
    /// <summary>Documents added so far.</summary>
    int DocumentCount { get; }

    /// <summary>Tokenizes <paramref name="text"/> as extraction does and adds it as one document.</summary>
    void AddText(string text);

    /// <summary>Adds already cut tokens (a sentence of a token-per-line corpus, say) as one document.</summary>
    void AddTokens(IEnumerable<string> tokens);
}
