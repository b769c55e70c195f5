namespace NewsGraph.Extraction.Ner;

/// <summary>A tokenized sentence with one BIO tag per token (training and evaluation data).</summary>
public sealed record TaggedSentence
{
    public TaggedSentence(IReadOnlyList<string> tokens, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(tags);
        if (tokens.Count != tags.Count)
        {
            throw new ArgumentException($"{tokens.Count} tokens but {tags.Count} tags.", nameof(tags));
        }

        Tokens = tokens;
        Tags = tags;
    }

    public IReadOnlyList<string> Tokens { get; }

    public IReadOnlyList<string> Tags { get; }
}
