using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Relations;

/// <summary>A relation found in the text, before keys and dates are attached.</summary>
internal sealed record FoundRelation(
    RelationType Type,
    EntityInfo From,
    EntityInfo To,
    int Sentence,
    string? Verb = null,
    EntityInfo? Place = null,
    MembershipStatus? Status = null,
    string? Role = null);

/// <summary>
/// Reads relations off an analysed article: statements (who said what), meetings, phone calls,
/// memberships and roles. Works sentence by sentence and keeps the last speaker and the last
/// acting person, so a dropped subject ("وأوضح أن …") goes to whoever was speaking.
/// </summary>
internal sealed partial class RelationFinder(ArticleAnalysis analysis)
{
    private static readonly WordSet s_complementizers = WordSets.Set("complementizers");
    private static readonly WordSet s_prepositionalComplements = WordSets.Set("prepositional-complements");
    private static readonly WordSet s_directObjectVerbs = WordSets.Set("direct-object-verbs");

    private readonly ArabicLexicon _lex = analysis.Lexicon;
    private readonly List<FoundRelation> _relations = [];
    private EntityInfo? _lastSpeaker;
    private EntityInfo? _lastActor;
    private int _lastSpeakerSentence = -10;

    public IReadOnlyList<FoundRelation> Relations => _relations;

    /// <summary>
    /// The relations found in sentence <paramref name="s"/>, once <see cref="Run"/> is done: the
    /// candidate generators ask for every sentence, so the relations are grouped once.
    /// </summary>
    public IEnumerable<FoundRelation> RelationsIn(int s) => (_bySentence ??= _relations.ToLookup(r => r.Sentence))[s];

    private ILookup<int, FoundRelation>? _bySentence;

    /// <summary>Claims made, with their speaker: claim entities are created by the caller from the text spans.</summary>
    public List<ClaimSpan> Claims { get; } = [];

    public void Run()
    {
        for (int s = 0; s < analysis.Sentences.Count; s++)
        {
            FindStatements(s);
            FindMeetings(s);
            FindMemberships(s);
            UpdateActor(s);
        }

        FindRoles();
    }
}

/// <summary>
/// A stated claim: speaker, sentence and token span of the content, the reporting verb, and the
/// token where the reporting clause is anchored (the verb, a headline's colon, وفقا).
/// </summary>
internal sealed record ClaimSpan(EntityInfo Speaker, int Sentence, int Start, int End, string Verb, int Cue);
