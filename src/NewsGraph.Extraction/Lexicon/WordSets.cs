namespace NewsGraph.Extraction.Lexicon;

/// <summary>
/// The small closed word sets of <c>Data/lexicon/word-sets.txt</c> (the nouns that head a kind of
/// phrase, the verbs of one meaning, a construction's function words), read once: word lists are
/// data, and the code that consults a set says what it is for.
/// </summary>
internal static class WordSets
{
    private const string Resource = "lexicon/word-sets.txt";

    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> s_sets = new(() => Parse(EmbeddedData.ReadLines(Resource)));

    /// <summary>A new set holding the words of section <paramref name="name"/>; an unknown name is a build mistake and throws.</summary>
    public static HashSet<string> Get(string name) =>
        s_sets.Value.TryGetValue(name, out string[]? words)
            ? new HashSet<string>(words, StringComparer.Ordinal)
            : throw new InvalidOperationException($"Data/{Resource} has no section [{name}].");

    /// <summary>
    /// Section <paramref name="name"/> as the passes ask it: behind a word filter (<see cref="WordSet"/>), so that
    /// the many tokens in none of the words are answered without hashing them.
    /// </summary>
    public static WordSet Set(string name) => new(Get(name));

    /// <summary>Sections opened by "[name]" (anything after the bracket is a comment), one word per line.</summary>
    internal static IReadOnlyDictionary<string, string[]> Parse(IEnumerable<string> lines)
    {
        var sets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                int close = line.IndexOf(']', StringComparison.Ordinal);
                string name = close > 1 ? line[1..close] : throw new FormatException($"Data/{Resource}: a section name is not closed: {line}");
                if (sets.ContainsKey(name))
                {
                    throw new FormatException($"Data/{Resource}: section [{name}] appears twice.");
                }

                current = [];
                sets[name] = current;
                continue;
            }

            (current ?? throw new FormatException($"Data/{Resource}: a word before the first section: {line}")).Add(line);
        }

        return sets.ToDictionary(s => s.Key, s => s.Value.ToArray(), StringComparer.Ordinal);
    }
}
