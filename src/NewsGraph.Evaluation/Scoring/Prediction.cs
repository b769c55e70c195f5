using NewsGraph.Core.Graph;
using NewsGraph.Evaluation.Gold;

namespace NewsGraph.Evaluation.Scoring;

/// <summary>What is scored against a gold file: entities with keys, and relations between those keys.</summary>
public sealed record Prediction(IReadOnlyList<PredictedEntity> Entities, IReadOnlyList<PredictedRelation> Relations)
{
    /// <summary>An extraction, as <c>extract --format json</c> would print it.</summary>
    public static Prediction FromGraph(ArticleGraph graph)
    {
        Dictionary<string, string> claimText = graph.Entities.Where(e => e.Kind == NodeKind.Claim).ToDictionary(e => e.Key, e => e.Name, StringComparer.Ordinal);
        return new Prediction(
            graph.Entities.Where(e => e.Kind != NodeKind.Claim)
                .Select(e => new PredictedEntity(e.Key, GraphNames.Label(e.Kind), e.Name, e.Aliases, e.Kind == NodeKind.State ? e.Iso : null))
                .ToList(),
            graph.Relations.Where(r => r.Type is RelationType.Met or RelationType.Stated or RelationType.MemberOf)
                .Select(r => new PredictedRelation(
                    GraphNames.TypeName(r.Type),
                    r.From,
                    r.To,
                    r.Type == RelationType.Stated ? claimText.GetValueOrDefault(r.To) : null,
                    r.Status is { } s ? GraphNames.StatusName(s) : null,
                    r.Evidence))
                .ToList());
    }

    /// <summary>
    /// A second annotator's gold file read as a prediction, for agreement: optional items left out
    /// (they are neither rewarded nor punished on the other side either). Two annotators pick
    /// different 3–7 word phrases of one claim, so a claim stands for the whole sentence its phrase
    /// is in: the first annotator's phrase matches when it lies in the same sentence.
    /// </summary>
    public static Prediction FromGold(GoldDocument gold, string text)
    {
        var entities = new List<PredictedEntity>();
        var keyByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GoldEntity e in gold.Entities.Where(e => !e.Optional))
        {
            string key = $"{e.Kind}:{entities.Count}";
            entities.Add(new PredictedEntity(key, e.Kind, e.Name, e.Aliases ?? [], e.Iso));
            foreach (string n in (e.Aliases ?? []).Prepend(e.Name))
            {
                keyByName.TryAdd(ScorerText.Normalize(n), key);
            }
        }

        var relations = new List<PredictedRelation>();
        foreach (GoldRelation r in gold.Relations.Where(r => !r.Optional))
        {
            string from = keyByName.GetValueOrDefault(ScorerText.Normalize(r.From), "unknown:" + r.From);
            string to = r.To is null ? "claim:" + relations.Count : keyByName.GetValueOrDefault(ScorerText.Normalize(r.To), "unknown:" + r.To);
            string? claim = r.Claim is null ? null : TextSpans.Find(text, r.Claim) is { } span ? SentenceAround(text, span) : r.Claim;
            relations.Add(new PredictedRelation(r.Type, from, to, claim, r.Status, null));
        }

        return new Prediction(entities, relations);
    }

    private static string SentenceAround(string text, ClaimSpan span)
    {
        char[] ends = ['.', '!', '?', '؟', '\n'];
        int start = text.LastIndexOfAny(ends, Math.Max(0, span.Start - 1)) + 1;
        int end = text.IndexOfAny(ends, span.Start + span.Length);
        return text[start..(end < 0 ? text.Length : end)];
    }
}

public sealed record PredictedEntity(string Key, string Kind, string Name, IReadOnlyList<string> Aliases, string? Iso);

/// <summary>A predicted relation; <see cref="ClaimText"/> is the claim's text for STATED.</summary>
public sealed record PredictedRelation(string Type, string From, string To, string? ClaimText, string? Status, string? Evidence);
