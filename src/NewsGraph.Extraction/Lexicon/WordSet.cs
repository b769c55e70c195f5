using System.Collections;

namespace NewsGraph.Extraction.Lexicon;

/// <summary>
/// A read-only word set that asks a <see cref="WordFilter"/> before its hash set: the lexicon's lists
/// are asked about nearly every token by many passes, and most tokens are in none of them (the common
/// words' set alone is half a megabyte; a miss there costs cache misses the filter avoids). Everything
/// else, enumeration order included, is the hash set's.
/// </summary>
public sealed class WordSet : IReadOnlySet<string>
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private readonly WordFilter _filter;

    /// <param name="words">An ordinal set (the lexicon's are), so that a part of a word can be looked up as it is.</param>
    internal WordSet(HashSet<string> words)
    {
        _words = words;
        _spans = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = WordFilter.For(words.Count);
        foreach (string word in words)
        {
            _filter.Add(word);
        }
    }

    public int Count => _words.Count;

    public bool Contains(string item) => item is not null && _filter.MayHold(item) && _words.Contains(item);

    /// <summary>
    /// Whether the set holds these letters as a word: a word without its first letter ("و" + name) is
    /// asked about without making a string of it (these run for most tokens, several times each).
    /// </summary>
    public bool Contains(ReadOnlySpan<char> word) => _filter.MayHold(word) && _spans.Contains(word);

    public IEnumerator<string> GetEnumerator() => _words.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<string> other) => _words.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => _words.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => _words.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => _words.IsSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => _words.Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => _words.SetEquals(other);
}
