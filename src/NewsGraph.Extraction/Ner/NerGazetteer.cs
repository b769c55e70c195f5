using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Ner;

/// <summary>What a gazetteer phrase is evidence of. The numeric values are part of the model format.</summary>
public enum NerGazetteerCategory
{
    Location = 0,
    Organization = 1,
    OrganizationHead = 2,
    PersonTitle = 3,
    PersonCue = 4,
    FirstName = 5,
    Demonym = 6,
}

/// <summary>One gazetteer phrase (original spelling; matching normalizes it).</summary>
public sealed record NerGazetteerEntry(NerGazetteerCategory Category, string Phrase);

/// <summary>
/// Word lists the tagger uses as features — never as decisions. Phrases are matched
/// token by token on normalized forms, the first token also without conjunction/preposition
/// proclitics ("وبالقاهرة" matches "القاهرة"); per category, longest match left to right.
/// A model carries the gazetteer it was trained with, so features at tagging time are the
/// features it learned from.
/// </summary>
public sealed class NerGazetteer
{
    internal const int CategoryCount = 7;

    private readonly Node _root = new();

    private NerGazetteer(IReadOnlyList<NerGazetteerEntry> entries)
    {
        Entries = entries;
        foreach (NerGazetteerEntry entry in entries)
        {
            string normalized = ArabicText.Normalize(NerTokenForms.Sanitize(entry.Phrase));
            if (normalized.Length == 0)
            {
                continue;
            }

            Node node = _root;
            int depth = 0;
            foreach (string word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Children.TryGetValue(word, out Node? child))
                {
                    child = new Node();
                    node.Children.Add(word, child);
                }

                node = child;
                depth++;
            }

            node.Categories |= 1 << (int)entry.Category;
            MaxPhraseLength = Math.Max(MaxPhraseLength, depth);
        }
    }

    /// <summary>A gazetteer with no entries (gazetteer features then never fire).</summary>
    public static NerGazetteer Empty { get; } = new([]);

    public IReadOnlyList<NerGazetteerEntry> Entries { get; }

    /// <summary>The longest phrase in tokens; matching looks no further ahead than this.</summary>
    public int MaxPhraseLength { get; }

    public static NerGazetteer Create(IEnumerable<NerGazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries
            .Where(e => !string.IsNullOrWhiteSpace(e.Phrase) && Enum.IsDefined(e.Category))
            .Select(e => e with { Phrase = e.Phrase.Trim() })
            .Distinct()
            .ToList();
        return new NerGazetteer(list);
    }

    /// <summary>The gazetteer files under Data/ner/ embedded in this assembly.</summary>
    public static NerGazetteer LoadDefault()
    {
        var entries = new List<NerGazetteerEntry>();
        entries.AddRange(ParseKinded(EmbeddedData.ReadText("ner/ner-places-ar.tsv"), kind => kind switch
        {
            "country" or "capital" or "city" or "region" => NerGazetteerCategory.Location,
            "demonym" => NerGazetteerCategory.Demonym,
            _ => null,
        }));
        entries.AddRange(ParseKinded(EmbeddedData.ReadText("ner/ner-orgs-ar.tsv"), kind => kind switch
        {
            "name" => NerGazetteerCategory.Organization,
            "head" => NerGazetteerCategory.OrganizationHead,
            _ => null,
        }));
        entries.AddRange(ParseKinded(EmbeddedData.ReadText("ner/ner-person-cues-ar.tsv"), kind => kind switch
        {
            "title" => NerGazetteerCategory.PersonTitle,
            "verb" => NerGazetteerCategory.PersonCue,
            _ => null,
        }));
        entries.AddRange(ParseList(EmbeddedData.ReadText("ner/ner-first-names-ar.txt"), NerGazetteerCategory.FirstName));
        return Create(entries);
    }

    /// <summary>Lines of <c>kind&lt;TAB&gt;phrase</c>; '#' starts a comment line; unknown kinds are skipped.</summary>
    public static IEnumerable<NerGazetteerEntry> ParseKinded(string text, Func<string, NerGazetteerCategory?> categoryOfKind)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(categoryOfKind);
        foreach (string line in Lines(text))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && categoryOfKind(line[..tab].Trim()) is { } category)
            {
                yield return new NerGazetteerEntry(category, line[(tab + 1)..].Trim());
            }
        }
    }

    /// <summary>One phrase per line; '#' starts a comment line.</summary>
    public static IEnumerable<NerGazetteerEntry> ParseList(string text, NerGazetteerCategory category)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Lines(text).Select(line => new NerGazetteerEntry(category, line.Trim()));
    }

    /// <summary>
    /// Sets, per token, bit <c>category * 4 + position</c> (position 0 single-token match, 1 begin,
    /// 2 inside, 3 end of a multi-token match). Linear: at most <see cref="MaxPhraseLength"/>
    /// look-ups per token.
    /// </summary>
    internal void Mark(ReadOnlySpan<NerTokenForms> forms, Span<uint> masks, Span<byte> lengths)
    {
        int n = forms.Length;
        masks[..n].Clear();
        if (_root.Children is null || n == 0)
        {
            return;
        }

        // lengths[i * CategoryCount + c]: longest phrase of category c starting at token i.
        lengths[..(n * CategoryCount)].Clear();
        for (int i = 0; i < n; i++)
        {
            Span<byte> longest = lengths.Slice(i * CategoryCount, CategoryCount);
            Walk(forms, i, forms[i].Normalized, longest);
            if (!string.Equals(forms[i].Light, forms[i].Normalized, StringComparison.Ordinal))
            {
                Walk(forms, i, forms[i].Light, longest);
            }
        }

        for (int c = 0; c < CategoryCount; c++)
        {
            int i = 0;
            while (i < n)
            {
                int length = lengths[(i * CategoryCount) + c];
                if (length == 0)
                {
                    i++;
                    continue;
                }

                int bit = c * 4;
                if (length == 1)
                {
                    masks[i] |= 1u << bit;
                }
                else
                {
                    masks[i] |= 1u << (bit + 1);
                    for (int j = i + 1; j < i + length - 1; j++)
                    {
                        masks[j] |= 1u << (bit + 2);
                    }

                    masks[i + length - 1] |= 1u << (bit + 3);
                }

                i += length;
            }
        }
    }

    private void Walk(ReadOnlySpan<NerTokenForms> forms, int start, string firstKey, Span<byte> longest)
    {
        if (!_root.Children!.TryGetValue(firstKey, out Node? node))
        {
            return;
        }

        int depth = 1;
        while (true)
        {
            for (int c = 0; c < CategoryCount; c++)
            {
                if ((node.Categories & (1 << c)) != 0 && longest[c] < depth)
                {
                    longest[c] = (byte)depth;
                }
            }

            int next = start + depth;
            if (next >= forms.Length || node.Children is null || !node.Children.TryGetValue(forms[next].Normalized, out node))
            {
                return;
            }

            depth++;
        }
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public int Categories { get; set; }
    }
}
