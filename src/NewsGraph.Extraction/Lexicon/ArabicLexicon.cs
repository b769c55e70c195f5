using System.Reflection;
using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Lexicon;

/// <summary>
/// Everything extraction knows about words, loaded once from the data files embedded in this
/// assembly (see Data/gazetteers/SOURCES.md): states with variants, demonyms and metonyms,
/// organizations, places, titles, relation cues, function words, and the common-word and
/// given-name lists derived from ANERcorp. Immutable after construction, so it is shared by all
/// threads.
/// </summary>
public sealed class ArabicLexicon
{
    private static readonly Lazy<ArabicLexicon> s_default = new(() => new ArabicLexicon(withLearnedNames: true));
    private static readonly Lazy<ArabicLexicon> s_handMade = new(() => new ArabicLexicon(withLearnedNames: false));



    private ArabicLexicon(bool withLearnedNames)
    {
        LoadStates();
        LoadOrganizations();
        LoadContextualOrganizations();
        LoadWellKnownPersons();
        LoadPlaces();
        if (withLearnedNames)
        {
            LoadLearnedNames();
        }

        LoadTitles(withLearnedNames);
        LoadCues();
        FunctionWords = new WordSet(LoadWordSet("gazetteers/function-words.txt"));
        CommonWords = new WordSet(LoadWordSet("lexicon/common-words.txt"));
        GivenNames = new WordSet(LoadWordSet("lexicon/given-names.txt").Union(LoadWordSet("lexicon/given-names-extra.txt")).Union(LoadWordSet("lexicon/given-names-gulf.txt"))
            .ToHashSet(StringComparer.Ordinal));
        NeverPersonWords = new WordSet(LoadWordSet("lexicon/never-person-words.txt"));
        FirstNames = new WordSet(LoadWordSet("ner/ner-first-names-ar.txt").Union(LoadWordSet("lexicon/first-names-more.txt")).Union(LoadWordSet("lexicon/first-names-annotated.txt")).Union(LoadWordSet("lexicon/first-names-general.txt"))
            .Union(GivenNames).ToHashSet(StringComparer.Ordinal));
        OrganizationHeads = new WordSet(LoadWordSet("lexicon/organization-heads.txt"));
        foreach (string head in OrganizationHeads)
        {
            _organizationOpeners.Add(head);
            _organizationOpeners.Add("ال" + head);
        }

        OrganizationOpeners = new WordSet(_organizationOpeners);
        NamedTypeHeads = new WordSet(LoadWordSet("lexicon/named-type-heads.txt"));
        TitleComplements = new WordSet(LoadWordSet("lexicon/title-complements.txt"));
        PlaceHeads = new WordSet(LoadWordSet("lexicon/place-heads.txt"));
    }

    /// <summary>The lexicon built from the embedded data files.</summary>
    public static ArabicLexicon Default => s_default.Value;

    /// <summary>
    /// The lexicon without the places, organizations and persons learned from the annotated corpus
    /// (<c>gazetteers/learned-*.tsv</c>): what <c>newsgraph train gazetteer</c> mines against, so
    /// that mining again gives the same files.
    /// </summary>
    public static ArabicLexicon HandMade => s_handMade.Value;

    public PhraseIndex<StateHit> States { get; } = new();

    public IReadOnlyDictionary<string, StateEntry> StatesByIso => _statesByIso;

    public PhraseIndex<OrganizationEntry> Organizations { get; } = new();

    /// <summary>
    /// Words that can open an organization's name (the first word of a gazetteer name, or a head
    /// noun with or without the article): most tokens are not, and need no further look.
    /// </summary>
    public IReadOnlySet<string> OrganizationOpeners { get; }

    /// <summary>The organization openers as the gazetteers are read (<see cref="OrganizationOpeners"/> once all are).</summary>
    private readonly HashSet<string> _organizationOpeners = new(StringComparer.Ordinal);

    /// <summary>
    /// Organizations whose names are also ordinary words or places (<c>gazetteers/contextual-organizations.tsv</c>:
    /// الهلال، الوطن، الشرق الأوسط), recognized only where the context says so.
    /// </summary>
    public PhraseIndex<ContextualOrganization> ContextualOrganizations { get; } = new();

    public PhraseIndex<PlaceEntry> Places { get; } = new();

    public PhraseIndex<TitleRole> Titles { get; } = new();

    /// <summary>Full person names learned from the annotated corpus (two words or more), with the form annotators wrote.</summary>
    public PhraseIndex<string> KnownPersons { get; } = new();

    /// <summary>People the news names by one word (<c>gazetteers/well-known-persons.tsv</c>: أوباما), with their full names.</summary>
    public PhraseIndex<string> WellKnownPersons { get; } = new();

    public PhraseIndex<CueKind> Cues { get; } = new();

    public WordSet FunctionWords { get; }

    public WordSet CommonWords { get; }

    public WordSet GivenNames { get; }

    /// <summary>
    /// First names, ambiguous ones included (عادل، مساعد، وحيد, also ordinary words): the NER
    /// tagger's hand-written list with <see cref="GivenNames"/>. Never a decision by itself, only
    /// where to ask the tagger.
    /// </summary>
    public WordSet FirstNames { get; }

    /// <summary>Words seen at least twice in ANERcorp and never inside a person's name (they may name places or organizations).</summary>
    public WordSet NeverPersonWords { get; }

    /// <summary>Nouns that head an organization's name (<c>lexicon/organization-heads.txt</c>): وزارة الخارجية الروسية، الجيش النيجيري.</summary>
    public WordSet OrganizationHeads { get; }

    /// <summary>Generic type nouns that introduce a quoted proper name (<c>lexicon/named-type-heads.txt</c>): تنظيم “داعش”، صحيفة «إزفيستيا».</summary>
    public IReadOnlySet<string> NamedTypeHeads { get; }

    /// <summary>Nouns in construct that belong to a title rather than a name (<c>lexicon/title-complements.txt</c>): وزير خارجية، رئيس مجلس.</summary>
    public IReadOnlySet<string> TitleComplements { get; }

    /// <summary>Nouns that head a place name followed by a proper name not in the gazetteer (مدينة باغا، ولاية بورنو).</summary>
    public IReadOnlySet<string> PlaceHeads { get; }

    /// <summary>
    /// Reporting verbs that open statement candidates beyond the rules' cues: the listed forms
    /// (<c>lexicon/more-reporting-verbs.txt</c>) and every past form of the stems in
    /// <c>lexicon/reporting-verb-stems.txt</c> (he, she, the two, they), normalized.
    /// </summary>
    public IReadOnlySet<string> MoreReportingVerbs { get; } = new WordSet(LoadWordSet("lexicon/more-reporting-verbs.txt")
        .Union(LoadWordSet("lexicon/reporting-verb-stems.txt").SelectMany(PastForms)).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Meeting words that open MET candidates beyond the rules' cues (<c>lexicon/more-meeting-cues.txt</c>),
    /// normalized: the model, not the rules, weighs them.
    /// </summary>
    public IReadOnlySet<string> MoreMeetingCues { get; } = new WordSet(LoadWordSet("lexicon/more-meeting-cues.txt"));

    /// <summary>Past-tense forms of a normalized he-form stem: و-less, ت، ا، تا، وا; a final ي (رأى → راي) takes its other spellings.</summary>
    private static IEnumerable<string> PastForms(string stem)
    {
        yield return stem;
        string root = stem.EndsWith('ي') ? stem[..^1] : stem;
        string[] suffixes = stem.EndsWith('ي') ? ["ت", "يا", "تا", "وا"] : ["ت", "ا", "تا", "وا"];
        foreach (string suffix in suffixes)
        {
            yield return root + suffix;
        }
    }

    /// <summary>Words that make a sentence speak of membership (<c>lexicon/membership-cues.txt</c>).</summary>
    public IReadOnlySet<string> MembershipCues { get; } = new WordSet(LoadWordSet("lexicon/membership-cues.txt"));

    private readonly Dictionary<string, StateEntry> _statesByIso = new(StringComparer.Ordinal);

    /// <summary>True when the normalized word (or its form without a proclitic) is a function word.</summary>
    public bool IsFunctionWord(string norm) =>
        FunctionWords.Contains(norm) || (norm.Length >= 3 && norm[0] is 'و' or 'ف' && FunctionWords.Contains(norm.AsSpan(1)));

    public bool IsCommonWord(string norm) => CommonWords.Contains(norm);

    private static HashSet<string> ToSet(IEnumerable<string> words) =>
        new(words.Select(ArabicText.Normalize), StringComparer.Ordinal);

    private static IEnumerable<string[]> ReadTable(string resource)
    {
        bool header = true;
        foreach (string line in ReadLines(resource))
        {
            if (header)
            {
                header = false;
                continue;
            }

            yield return line.Split('\t');
        }
    }

    private static IEnumerable<string> ReadLines(string resource) => EmbeddedData.ReadLines(resource);

    private static HashSet<string> LoadWordSet(string resource) =>
        new(ReadLines(resource).Select(l => ArabicText.Normalize(l)).Where(w => w.Length > 0), StringComparer.Ordinal);

    private static string[] SplitList(string field) =>
        field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void LoadStates()
    {
        foreach (string[] row in ReadTable("gazetteers/states.tsv"))
        {
            var entry = new StateEntry(row[0], row[1], SplitList(row[2]), SplitList(row[5]));
            _statesByIso[entry.Iso] = entry;
            foreach (string name in entry.Names)
            {
                States.Add(ArabicText.Normalize(name), new StateHit(entry, StateForm.Name));
            }

            foreach (string stem in SplitList(row[3]))
            {
                // Demonyms count as mentions of the state only with the article (الروسي، الروسية،
                // الروس): bare forms are too often given names or family names (تركي، كندي).
                string s = ArabicText.Normalize(stem);
                foreach (string form in new[] { s, s + "ه", s + "ين", s + "ون", s + "ات" })
                {
                    States.Add("ال" + form, new StateHit(entry, StateForm.Demonym));
                }
            }

            foreach (string plural in SplitList(row[4]))
            {
                States.Add(ArabicText.Normalize(plural), new StateHit(entry, StateForm.Demonym));
            }

            foreach (string metonym in entry.Metonyms)
            {
                States.Add(ArabicText.Normalize(metonym), new StateHit(entry, StateForm.Metonym));
            }
        }
    }

    private void LoadOrganizations()
    {
        foreach (string[] row in ReadTable("gazetteers/organizations.tsv"))
        {
            var entry = new OrganizationEntry(row[0], row[1], SplitList(row[2]), row[3]);
            foreach (string name in entry.Aliases.Prepend(entry.Name))
            {
                string norm = ArabicText.Normalize(name);
                Organizations.Add(norm, entry);
                _organizationOpeners.Add(norm.Split(' ')[0]);
            }
        }
    }

    private void LoadContextualOrganizations()
    {
        var entries = new Dictionary<string, ContextualOrganization>(StringComparer.Ordinal); // a name may be both (الجزيرة، الخليج)
        foreach (string[] row in ReadTable("gazetteers/contextual-organizations.tsv"))
        {
            if (row[1] is not ("media" or "club" or "armed_group"))
            {
                throw new InvalidDataException($"contextual-organizations.tsv: unknown category '{row[1]}'");
            }

            string norm = ArabicText.Normalize(row[0]);
            ContextualOrganization entry = entries.GetValueOrDefault(norm) ?? new ContextualOrganization(row[0], false, false);
            entries[norm] = entry with
            {
                IsMedia = entry.IsMedia || row[1] == "media",
                IsClub = entry.IsClub || row[1] == "club",
                IsArmedGroup = entry.IsArmedGroup || row[1] == "armed_group",
            };
        }

        foreach ((string norm, ContextualOrganization entry) in entries)
        {
            ContextualOrganizations.Add(norm, entry);
        }
    }

    private void LoadWellKnownPersons()
    {
        foreach (string[] row in ReadTable("gazetteers/well-known-persons.tsv"))
        {
            WellKnownPersons.Add(ArabicText.Normalize(row[0]), row[1]);
        }
    }

    private void LoadPlaces()
    {
        foreach (string[] row in ReadTable("gazetteers/places.tsv"))
        {
            var entry = new PlaceEntry(ArabicText.Normalize(row[0]), row[0], SplitList(row[1]), row[2].Length == 2 ? row[2] : null, row[3]);
            Places.Add(ArabicText.Normalize(entry.Name), entry);
            foreach (string variant in entry.Variants)
            {
                Places.Add(ArabicText.Normalize(variant), entry);
            }
        }
    }

    /// <summary>Places and organizations learned from the annotated train split (NewsGraph.Evaluation GazetteerMining).</summary>
    private void LoadLearnedNames()
    {
        foreach (string[] row in ReadTable("gazetteers/learned-places.tsv"))
        {
            if (!Places.ContainsPhrase(row[0]))
            {
                Places.Add(row[0], new PlaceEntry(row[0], row[1], [], null, "learned"));
            }
        }

        foreach (string[] row in ReadTable("gazetteers/learned-persons.tsv"))
        {
            KnownPersons.Add(row[0], row[1]);
        }

        foreach (string[] row in ReadTable("gazetteers/learned-organizations.tsv"))
        {
            if (!Organizations.ContainsPhrase(row[0]))
            {
                Organizations.Add(row[0], new OrganizationEntry(row[0], row[1], [], "learned"));
                _organizationOpeners.Add(row[0].Split(' ')[0]);
            }
        }
    }

    private void LoadTitles(bool withLearnedTitles)
    {
        // Learned titles (NewsGraph.Evaluation TitleMining) are describing nouns before a name.
        IEnumerable<string[]> learned = withLearnedTitles ? ReadTable("gazetteers/learned-titles.tsv").Select(row => new[] { row[0], "describing" }) : [];
        foreach (string[] row in ReadTable("gazetteers/titles.tsv").Concat(learned))
        {
            TitleRole role = row[1] switch
            {
                "honorific" => TitleRole.Honorific,
                "head" => TitleRole.Head,
                "rank" => TitleRole.Rank,
                "spokesperson" => TitleRole.Spokesperson,
                "describing" => TitleRole.Describing,
                _ => throw new InvalidDataException($"titles.tsv: unknown role '{row[1]}'"),
            };
            string title = ArabicText.Normalize(row[0]);
            Titles.Add(title, role);
            if (!title.StartsWith("ال", StringComparison.Ordinal) && role != TitleRole.Honorific && !title.Contains(' ', StringComparison.Ordinal))
            {
                Titles.Add("ال" + title, role);
            }

            // Feminine forms of single-word roles: المفوض → المفوضة، المتحدث → المتحدثة.
            if (role is TitleRole.Head or TitleRole.Spokesperson or TitleRole.Describing && !title.Contains(' ', StringComparison.Ordinal) && !title.EndsWith('ه'))
            {
                Titles.Add(title + "ه", role);
                if (!title.StartsWith("ال", StringComparison.Ordinal))
                {
                    Titles.Add("ال" + title + "ه", role);
                }
            }
        }
    }

    private void LoadCues()
    {
        foreach (string[] row in ReadTable("gazetteers/cues.tsv"))
        {
            CueKind kind = row[1] switch
            {
                "STATED" => CueKind.Stated,
                "STATED_PARTICIPLE" => CueKind.StatedParticiple,
                "MET" => CueKind.Met,
                "MET_NOUN" => CueKind.MetNoun,
                "PHONE" => CueKind.Phone,
                "FUTURE" => CueKind.Future,
                "ACCORDING" => CueKind.According,
                _ => throw new InvalidDataException($"cues.tsv: unknown relation '{row[1]}'"),
            };
            Cues.Add(ArabicText.Normalize(row[0]), kind);
        }
    }
}
