namespace NewsGraph.Extraction.Lexicon;

public sealed record StateEntry(string Iso, string Name, IReadOnlyList<string> Names, IReadOnlyList<string> Metonyms);

public enum StateForm
{
    /// <summary>The state's name or a spelling variant (روسيا، روسيا الاتحادية).</summary>
    Name,

    /// <summary>A demonym (الروسي، الروسية، الروس).</summary>
    Demonym,

    /// <summary>A capital or seat used for the government (موسكو، الكرملين).</summary>
    Metonym,
}

public readonly record struct StateHit(StateEntry State, StateForm Form);

public sealed record OrganizationEntry(string Id, string Name, IReadOnlyList<string> Aliases, string Category);

/// <summary>A newspaper or a club whose name is also an ordinary word: which of the two it can be.</summary>
public sealed record ContextualOrganization(string Name, bool IsMedia, bool IsClub, bool IsArmedGroup = false);

public sealed record PlaceEntry(string Id, string Name, IReadOnlyList<string> Variants, string? Iso, string Kind);

public enum TitleRole
{
    /// <summary>Courtesy before a name (معالي، الدكتور، الشيخ); not a role.</summary>
    Honorific,

    /// <summary>A role noun that starts a title phrase (وزير، نائب، السفير).</summary>
    Head,

    /// <summary>A military or clerical rank (اللواء، ركن).</summary>
    Rank,

    /// <summary>A spokesperson title that takes "باسم X".</summary>
    Spokesperson,

    /// <summary>
    /// A describing noun learned from the annotated corpus (الفنان، المحامي, <c>gazetteers/learned-titles.tsv</c>):
    /// a head, but the name after it is the tagger's span, not the name rules' (they run on past it).
    /// </summary>
    Describing,
}

public enum CueKind
{
    Stated,
    StatedParticiple,
    Met,
    MetNoun,
    Phone,
    Future,
    According,
}
