using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// A relation the article may assert, proposed by a candidate generator, with the features the
/// decision model weighs — the hand-written rules' verdicts among them — and what the relation
/// says if it is kept. <see cref="Group"/> ties the candidates that compete for one slot (the
/// speakers of one reporting clause); <see cref="Probability"/> is set by the scorer.
/// </summary>
internal sealed class RelationCandidate(RelationType type, EntityInfo from, EntityInfo to, int sentence, string group)
{
    public RelationType Type { get; } = type;

    public EntityInfo From { get; } = from;

    /// <summary>The counterpart; for STATED the speaker again (the claim entity is made from <see cref="Claim"/>).</summary>
    public EntityInfo To { get; } = to;

    public int Sentence { get; } = sentence;

    public string Group { get; } = group;

    /// <summary>STATED: the token span of the stated content in <see cref="Sentence"/>.</summary>
    public (int Start, int End)? Claim { get; init; }

    public string? Verb { get; init; }

    public EntityInfo? Place { get; init; }

    public MembershipStatus? Status { get; init; }

    /// <summary>STATED: the clause has two speakers by its grammar (a dual verb, "الجانبان"), so two of its candidates may be kept.</summary>
    public bool SharedClause { get; init; }

    /// <summary>Whether the hand-written rules assert this relation (a feature, not a gate).</summary>
    public bool RuleSays { get; set; }

    /// <summary>The features; sized for a statement's (15–20) so that the list is not grown three times.</summary>
    public List<string> Features { get; } = new(24);

    public double Probability { get; set; }

    public void Add(string feature) => Features.Add(feature);

    /// <summary>Adds <paramref name="name"/>=the token's normalized form when <paramref name="at"/> lies in the sentence.</summary>
    public void AddWord(string name, IReadOnlyList<Token> tokens, int at)
    {
        if (at >= 0 && at < tokens.Count)
        {
            Features.Add(name + "=" + tokens[at].Norm);
        }
    }

    /// <summary>Identity within an article: the same relation proposed twice is one candidate.</summary>
    public string Key => Type == RelationType.Stated
        ? $"S|{From.Key}|{Sentence}|{Claim?.Start}"
        : Type == RelationType.Met
            ? "M|" + string.Join('|', new[] { From.Key, To.Key }.Order(StringComparer.Ordinal))
            : $"{Type}|{From.Key}|{To.Key}|{Status}";
}
