namespace NewsGraph.Extraction.Ner;

/// <summary>
/// Token-per-line corpora (<c>token&lt;TAB&gt;tag</c>, as ANERcorp is distributed). ANERcorp has no
/// sentence boundaries, so a sentence ends after each "." token; a blank line also ends one.
/// </summary>
public static class NerCorpus
{
    public static async Task<IReadOnlyList<TaggedSentence>> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<TaggedSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();

        void Flush()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new TaggedSentence([.. tokens], [.. tags]));
                tokens.Clear();
                tags.Clear();
            }
        }

        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0 || line == "\r")
            {
                Flush();
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            string token = tab < 0 ? line.TrimEnd('\r') : line[..tab];
            string tag = tab < 0 ? NerTags.Outside : line[(tab + 1)..].Trim();
            tokens.Add(token);
            tags.Add(tag.Length == 0 ? NerTags.Outside : tag);
            if (token == ".")
            {
                Flush();
            }
        }

        Flush();
        return sentences;
    }

    /// <summary>Writes <c>token&lt;TAB&gt;tag</c> lines, no blank lines (the layout of the ANERcorp file).</summary>
    public static async Task WriteAsync(TextWriter writer, IEnumerable<TaggedSentence> sentences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (TaggedSentence sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < sentence.Tokens.Count; i++)
            {
                await writer.WriteAsync(sentence.Tokens[i]).ConfigureAwait(false);
                await writer.WriteAsync('\t').ConfigureAwait(false);
                await writer.WriteLineAsync(sentence.Tags[i]).ConfigureAwait(false);
            }
        }
    }
}
