using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>How a mention refers to its entity.</summary>
internal enum MentionForm
{
    /// <summary>The entity's name or a variant of it.</summary>
    Name,

    /// <summary>A shorter form: a surname, an acronym, a short name.</summary>
    Alias,

    /// <summary>A demonym standing for a state (الروسي).</summary>
    Demonym,

    /// <summary>A capital or seat standing for a state's government (موسكو).</summary>
    Metonym,

    /// <summary>A title standing for the person who holds it (نائب وزير الدفاع الروسي).</summary>
    Title,

    /// <summary>A generic head standing for the organization last named (الوزارة، المنظمة).</summary>
    ShortForm,
}

/// <summary>An entity of one article while it is being extracted.</summary>
internal sealed class EntityInfo(string key, NodeKind kind, string name)
{
    private readonly List<string> _aliases = [];
    private readonly List<string> _titles = [];

    public string Key { get; } = key;

    public NodeKind Kind { get; } = kind;

    public string Name { get; private set; } = name;

    public string? Iso { get; init; }

    public string? Category { get; init; }

    /// <summary>For organizations named by a pattern: the head noun (وزارة، منظمة) that short forms refer back with.</summary>
    public string? HeadNoun { get; init; }

    /// <summary>For places that stand for a state's government (capitals).</summary>
    public string? MetonymIso { get; init; }

    public int Mentions { get; set; }

    public int FirstSentence { get; set; } = int.MaxValue;

    /// <summary>The sentences the entity is mentioned in, ascending, each once.</summary>
    private readonly List<int> _mentionSentences = [];

    public void AddMentionSentence(int sentence)
    {
        // Passes run over the sentences in order, so this nearly always appends.
        int at = _mentionSentences.BinarySearch(sentence);
        if (at < 0)
        {
            _mentionSentences.Insert(~at, sentence);
        }
    }

    /// <summary>The last sentence at or before <paramref name="upTo"/> that mentions the entity; -1 if none.</summary>
    public int LastMentionSentence(int upTo)
    {
        int at = _mentionSentences.BinarySearch(upTo);
        return at >= 0 ? upTo : ~at - 1 >= 0 ? _mentionSentences[~at - 1] : -1;
    }

    public IReadOnlyList<string> Aliases => _aliases;

    public IReadOnlyList<string> Titles => _titles;

    /// <summary>Where each title was given (for roles).</summary>
    public List<TitleSpan> TitleSpans { get; } = [];

    /// <summary>Normalized words of every title, for resolving title-only mentions.</summary>
    public HashSet<string> TitleWords { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The name and aliases as normalized word arrays, in <paramref name="normalize"/>'s form; kept
    /// until the name or an alias changes. Person lookups compare every known person's forms for
    /// every new name mention, so normalizing them each time made long articles quadratic in text work.
    /// </summary>
    public IReadOnlyList<string[]> NameForms(Func<string, string> normalize)
    {
        _nameForms ??= [.. _aliases.Append(Name).Select(normalize).Select(n => n.Split(' '))];
        return _nameForms;
    }

    private List<string[]>? _nameForms;

    public void AddAlias(string alias)
    {
        string trimmed = alias.Trim();
        if (trimmed.Length == 0 || ArabicText.Normalize(trimmed) == ArabicText.Normalize(Name))
        {
            return;
        }

        if (!_aliases.Exists(a => ArabicText.Normalize(a) == ArabicText.Normalize(trimmed)))
        {
            _aliases.Add(trimmed);
            _nameForms = null;
        }
    }

    /// <summary>Keeps the fullest form as the name; the shorter one becomes an alias.</summary>
    public void OfferName(string candidate)
    {
        if (ArabicText.Normalize(candidate).Length > ArabicText.Normalize(Name).Length && Kind == NodeKind.Person)
        {
            string old = Name;
            Name = candidate;
            AddAlias(old);
            _aliases.RemoveAll(a => ArabicText.Normalize(a) == ArabicText.Normalize(candidate));
            _nameForms = null;
        }
        else
        {
            AddAlias(candidate);
        }
    }

    public void AddTitle(string title)
    {
        string trimmed = title.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        string norm = ArabicText.Normalize(trimmed);
        if (!_titles.Exists(t => ArabicText.Normalize(t) == norm))
        {
            _titles.Add(trimmed);
        }

        foreach (string word in norm.Split(' '))
        {
            TitleWords.Add(TitleWord(word));
        }
    }

    /// <summary>A title word compared without the article or a ل/لل prefix (للرئيس ~ الرئيس ~ رئيس).</summary>
    public static string TitleWord(string norm)
    {
        if (norm.StartsWith("لل", StringComparison.Ordinal) && norm.Length > 4)
        {
            return norm[2..];
        }

        if (norm.StartsWith("ال", StringComparison.Ordinal) && norm.Length > 4)
        {
            return norm[2..];
        }

        return norm;
    }

    public override string ToString() => $"{Kind} {Name}";
}

/// <summary>A mention of an entity: sentence and token span.</summary>
internal sealed record Mention(int Sentence, int Start, int End, EntityInfo Entity, MentionForm Form);
