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

    /// <summary>The sentence of every mention (unordered; one entry per mention).</summary>
    public List<int> MentionSentences { get; } = [];

    public IReadOnlyList<string> Aliases => _aliases;

    public IReadOnlyList<string> Titles => _titles;

    /// <summary>Where each title was given (for roles).</summary>
    public List<TitleSpan> TitleSpans { get; } = [];

    /// <summary>Normalized words of every title, for resolving title-only mentions.</summary>
    public HashSet<string> TitleWords { get; } = new(StringComparer.Ordinal);

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
