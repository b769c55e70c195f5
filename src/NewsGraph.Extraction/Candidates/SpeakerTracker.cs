using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Relations;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// Who has been speaking, sentence by sentence, for clauses whose speaker is not written next to
/// the verb: the last person and the last body the rules gave a statement to, and the subject that
/// opened the previous sentence. Shared by the candidate generators; advanced in sentence order.
/// </summary>
internal sealed class SpeakerTracker(RelationFinder rules)
{
    private readonly ILookup<int, ClaimSpan> _claimsBySentence = rules.Claims.ToLookup(c => c.Sentence);

    public EntityInfo? LastPerson { get; private set; }

    public EntityInfo? LastBody { get; private set; }

    public int LastPersonSentence { get; private set; } = -100;

    public EntityInfo? PreviousOpeningSubject { get; private set; }

    /// <summary>
    /// The last person written as the subject of a reporting clause, whether or not the rules gave
    /// them the statement: a speaker the rules never credit ("حذر سماحة المفتي …") is still the one
    /// a later "وبين أن" continues.
    /// </summary>
    public EntityInfo? LastHeardPerson { get; private set; }

    public int LastHeardSentence { get; private set; } = -100;

    /// <summary>Notes a person written next to a reporting verb in sentence <paramref name="s"/>.</summary>
    public void Heard(EntityInfo person, int s)
    {
        LastHeardPerson = person;
        LastHeardSentence = s;
    }

    /// <summary>Moves past sentence <paramref name="s"/>: what it says becomes "before" for the next one.</summary>
    public void After(int s)
    {
        foreach (ClaimSpan claim in _claimsBySentence[s])
        {
            if (claim.Speaker.Kind == NodeKind.Person)
            {
                LastPerson = claim.Speaker;
                LastPersonSentence = s;
            }
            else
            {
                LastBody = claim.Speaker;
            }
        }

        PreviousOpeningSubject = rules.OpeningSubject(s) is { } m && RelationFinder.IsSpeaker(m) ? rules.SpeakerEntity(m) : null;
    }
}
