using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Lexicon;

/// <summary>A phrase found in a token list: where, which entry, and the normalized form that matched.</summary>
public readonly record struct PhraseMatch<T>(int Start, int End, T Value, string FirstForm)
{
    public int Length => End - Start;

    /// <summary>True when the first token matched only without its proclitic.</summary>
    public bool ViaClitic { get; init; }
}

/// <summary>
/// A trie over normalized token sequences. The first token of a phrase may carry a proclitic
/// (و، ف، ب، ل، ك، لل); the others must match exactly. Longest match wins.
/// </summary>
public sealed class PhraseIndex<T>
{
    private readonly Node _root = new();

    /// <summary>
    /// The words that open a phrase: most words of running text open none, and every pass that walks
    /// the tokens asks its indexes about each form; the filter answers most of those questions
    /// without hashing the form or reading the root's dictionary.
    /// </summary>
    private readonly WordFilter _firstWords = new(FirstWordFilterBits);

    private const int FirstWordFilterBits = 14;

    public int Count { get; private set; }

    /// <summary>Adds a phrase given as normalized words separated by single spaces.</summary>
    public void Add(string normalizedPhrase, T value)
    {
        if (normalizedPhrase.Length == 0)
        {
            return;
        }

        Node node = _root;
        string[] words = normalizedPhrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0)
        {
            _firstWords.Add(words[0]);
        }

        foreach (string word in words)
        {
            node = node.Child(word);
        }

        if (!node.HasValue)
        {
            node.Value = value;
            node.HasValue = true;
            Count++;
        }
    }

    public bool ContainsPhrase(string normalizedPhrase)
    {
        Node? node = _root;
        foreach (string word in normalizedPhrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.Children is null || !node.Children.TryGetValue(word, out node))
            {
                return false;
            }
        }

        return node.HasValue;
    }

    public bool TryGet(string normalizedPhrase, out T value)
    {
        Node? node = _root;
        foreach (string word in normalizedPhrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.Children is null || !node.Children.TryGetValue(word, out node))
            {
                value = default!;
                return false;
            }
        }

        value = node.Value!;
        return node.HasValue;
    }

    /// <summary>The longest phrase starting at <paramref name="start"/>, if any.</summary>
    public PhraseMatch<T>? Match(IReadOnlyList<Token> tokens, int start, bool allowClitic = true)
    {
        if (start >= tokens.Count || !tokens[start].IsWord || _root.Children is null)
        {
            return null;
        }

        if (!allowClitic)
        {
            // The written form alone: no array of one form built per call (this runs in loops over tokens).
            string norm = tokens[start].Norm;
            return _firstWords.MayHold(norm) && _root.Children.TryGetValue(norm, out Node? only) ? Extend(tokens, start, only, norm) : null;
        }

        PhraseMatch<T>? best = null;
        foreach (string form in tokens[start].Forms)
        {
            if (_firstWords.MayHold(form) && _root.Children.TryGetValue(form, out Node? node))
            {
                PhraseMatch<T>? m = Extend(tokens, start, node, form);
                if (m is { } found && (best is null || found.Length > best.Value.Length))
                {
                    best = found with { ViaClitic = form != tokens[start].Norm };
                }
            }
        }

        return best;
    }

    private static PhraseMatch<T>? Extend(IReadOnlyList<Token> tokens, int start, Node node, string firstForm)
    {
        PhraseMatch<T>? best = node.HasValue ? new PhraseMatch<T>(start, start + 1, node.Value!, firstForm) : null;
        int i = start + 1;
        while (i < tokens.Count && node.Children is not null)
        {
            Token t = tokens[i];
            if (!t.IsWord && t.Kind != TokenKind.Number)
            {
                break;
            }

            if (!node.Children.TryGetValue(t.Norm, out Node? next))
            {
                break;
            }

            node = next;
            i++;
            if (node.HasValue)
            {
                best = new PhraseMatch<T>(start, i, node.Value!, firstForm);
            }
        }

        return best;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public T? Value;
        public bool HasValue;

        public Node Child(string word)
        {
            Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!Children.TryGetValue(word, out Node? child))
            {
                child = new Node();
                Children[word] = child;
            }

            return child;
        }
    }
}
