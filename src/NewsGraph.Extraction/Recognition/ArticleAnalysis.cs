using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// The entities of one article and where each is mentioned. Built in passes over the sentences:
/// (1) gazetteer and pattern entities — organizations, states, places — then organizations
/// whose names are ordinary words where the context says so; (2) persons announced by
/// a title before or after the name; (3) persons announced by a reporting or meeting verb, then
/// untitled names the NER tagger finds where a first name stands unclaimed; (4)
/// later mentions — surnames, titles alone, short forms — resolved to the entities already found.
/// Relations are read off these mentions by the relation finders.
/// </summary>
internal sealed partial class ArticleAnalysis
{
    private const int MaxNameTokens = 4;
    private const int MaxTitleTokens = 16;
    /// <summary>Buildings and streets named after people (normalized), besides the bodies of s_personNamedHeads: جامع، مسجد، شارع …</summary>
    private static readonly WordSet s_namedAfterHeads = WordSets.Set("named-after-heads");
    private static readonly IReadOnlySet<string> s_nameParticles = WordSets.Set("name-particles");
    private static readonly WordSet s_titleConnectors = WordSets.Set("title-connectors");
    private static readonly WordSet s_ambiguousStateNames = WordSets.Set("ambiguous-state-names");
    private static readonly WordSet s_stateLicensors = WordSets.Set("state-licensors");

    private readonly ArabicLexicon _lex;
    private readonly string _text;
    private readonly Dictionary<string, EntityInfo> _entities = new(StringComparer.Ordinal);
    private readonly MatchCache<CueKind> _cues;
    private readonly MatchCache<TitleRole> _titles;
    private readonly MatchCache<StateHit> _states;
    private readonly MatchCache<PlaceEntry> _places;
    private readonly MatchCache<OrganizationEntry> _organizations;
    private readonly MatchCache<ContextualOrganization> _contextualOrganizations;
    private readonly MatchCache<string> _knownPersons;
    private readonly MatchCache<string> _wellKnownPersons;

    private readonly NerTagger? _ner;
    private readonly IReadOnlyList<string>?[] _nerTags;

    private readonly SpanModel? _organizationSpans;

    private readonly SpanModel? _personSpans;

    /// <summary>Whether every organization span considered is kept (training, inspection) or dropped once decided.</summary>
    private readonly bool _keepSpanCandidates;

    public ArticleAnalysis(
        ArabicLexicon lexicon, string text, IReadOnlyList<Sentence> sentences, string? datelineCity, NerTagger? ner = null, SpanModel? organizationSpans = null,
        bool keepSpanCandidates = false, SpanModel? personSpans = null)
    {
        _lex = lexicon;
        _ner = ner;
        _organizationSpans = organizationSpans;
        _personSpans = personSpans;
        _keepSpanCandidates = keepSpanCandidates;
        _nerTags = new IReadOnlyList<string>?[sentences.Count];
        _text = text;
        Sentences = sentences;
        _cues = new MatchCache<CueKind>(lexicon.Cues, sentences);
        _titles = new MatchCache<TitleRole>(lexicon.Titles, sentences);
        _states = new MatchCache<StateHit>(lexicon.States, sentences);
        _places = new MatchCache<PlaceEntry>(lexicon.Places, sentences);
        _organizations = new MatchCache<OrganizationEntry>(lexicon.Organizations, sentences);
        _contextualOrganizations = new MatchCache<ContextualOrganization>(lexicon.ContextualOrganizations, sentences);
        _knownPersons = new MatchCache<string>(lexicon.KnownPersons, sentences);
        _wellKnownPersons = new MatchCache<string>(lexicon.WellKnownPersons, sentences);
        Mentions = new List<Mention>[sentences.Count];
        Owner = new Mention?[sentences.Count][];
        TitleMentions = new List<TitleSpan>[sentences.Count];
        for (int s = 0; s < sentences.Count; s++)
        {
            Mentions[s] = [];
            Owner[s] = new Mention?[sentences[s].Tokens.Count];
            TitleMentions[s] = [];
        }

        if (!string.IsNullOrWhiteSpace(datelineCity))
        {
            DatelinePlace = FindPlaceByName(datelineCity);
        }
    }

    public string Text => _text;

    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Mentions per sentence, in token order once <see cref="Run"/> has finished.</summary>
    public List<Mention>[] Mentions { get; }

    /// <summary>Per sentence and token: the mention that covers the token, if any.</summary>
    public Mention?[][] Owner { get; }

    /// <summary>Titles found without a name next to them (candidates for title-only mentions).</summary>
    public List<TitleSpan>[] TitleMentions { get; }

    public EntityInfo? DatelinePlace { get; private set; }

    public IEnumerable<EntityInfo> Entities => _entities.Values;

    public ArabicLexicon Lexicon => _lex;

    /// <summary>The relation cue (verb or noun) starting at a token, if any.</summary>
    public PhraseMatch<CueKind>? Cue(int s, int j) => _cues.At(s, j);

    /// <summary>
    /// The title phrase at <paramref name="j"/>, if any. A one-word title right before بن is a given
    /// name there: "الدكتور مساعد بن محمد العيبان" (مساعد = assistant, and a name).
    /// </summary>
    public PhraseMatch<TitleRole>? Title(int s, int j) =>
        _titles.At(s, j) is { } t && !(t.Length == 1 && IsBeforeBin(Sentences[s].Tokens, j))
            ? t
            : null;

    public PhraseMatch<StateHit>? State(int s, int j) => _states.At(s, j);

    /// <summary>
    /// The mention that starts right after a verb at <paramref name="verb"/> (a free word that is no
    /// function word): its subject, as in "وأبدى أوباما …" or "أعرب وزير الخارجية X …".
    /// </summary>
    public Mention? SubjectAfterVerb(int s, int verb)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (verb + 1 >= tokens.Count || !tokens[verb].IsWord || Owner[s][verb] is not null || _lex.IsFunctionWord(tokens[verb].Norm))
        {
            return null;
        }

        return Owner[s][verb + 1] is { } m && m.Start == verb + 1 ? m : null;
    }

    public PhraseMatch<PlaceEntry>? Place(int s, int j) => _places.At(s, j);

    public PhraseMatch<OrganizationEntry>? Org(int s, int j) => _organizations.At(s, j);

    public void Run()
    {
        for (int s = 0; s < Sentences.Count; s++)
        {
            ScanGazetteers(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindLearnedOrganizations(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindContextualOrganizations(s);
            FindClubsBeforeDemonyms(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindTitledPersons(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindVerbAnchoredPersons(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindTaggedPersons(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindSlotPersons(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindKnownPersons(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            ResolveSurnames(s);
            ResolveTitleMentions(s);
            ResolveHonorificPronouns(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindWellKnownPersons(s);
        }

        SettleCapitalsStandingForStates();
        AddNamesWithoutTypeNoun();

        foreach (List<Mention> list in Mentions)
        {
            list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        }
    }
}

/// <summary>A title phrase: sentence, token span, whether it names a role (not only an honorific).</summary>
internal sealed record TitleSpan(int Sentence, int Start, int End, bool HasHead, string FirstForm);
