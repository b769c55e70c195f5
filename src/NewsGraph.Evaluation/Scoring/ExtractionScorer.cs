using NewsGraph.Evaluation.Gold;

namespace NewsGraph.Evaluation.Scoring;

/// <summary>
/// Scores one article's prediction against its gold file with the semantics of the team's
/// reference scorer (<c>score_extraction.py</c>): entities match by kind and normalized name or
/// alias (or ISO code for states); a relation credits at most one gold item; optional items are
/// neither rewarded nor punished; a STATED claim must contain the gold phrase and come from the
/// gold speaker; a MEMBER_OF must have the gold status. Beyond the reference it names each error
/// (<see cref="ErrorKind"/>), which is what <c>newsgraph eval --errors</c> lists.
/// </summary>
public static class ExtractionScorer
{
    public static readonly IReadOnlyList<string> EntityKinds = ["Person", "State", "Organization", "Place"];

    public static readonly IReadOnlyList<string> RelationTypes = ["MET", "STATED", "MEMBER_OF"];

    public static ArticleScore Score(GoldDocument gold, Prediction prediction)
    {
        var index = new GoldIndex(gold);
        var tally = new Tally();
        var errors = new List<ScoringError>();
        Dictionary<string, int?> matched = ScoreEntities(gold, prediction, index, tally);
        ScoreRelations(gold, prediction, index, matched, tally, errors);
        return new ArticleScore(tally, errors);
    }

    /// <summary>
    /// For each predicted relation on its own: true when it matches a required gold relation, null
    /// when it matches only optional ones (neither right nor wrong), false when it matches none.
    /// The labels a relation model is trained on; the same matching as <see cref="Score"/>.
    /// </summary>
    public static bool?[] Label(GoldDocument gold, Prediction prediction)
    {
        var index = new GoldIndex(gold);
        Dictionary<string, int?> matched = prediction.Entities.ToDictionary(e => e.Key, index.Match, StringComparer.Ordinal);
        var labels = new bool?[prediction.Relations.Count];
        for (int k = 0; k < prediction.Relations.Count; k++)
        {
            PredictedRelation pr = prediction.Relations[k];
            int? src = matched.GetValueOrDefault(pr.From);
            bool optional = false;
            labels[k] = false;
            foreach (GoldRelation gr in gold.Relations.Where(g => g.Type == pr.Type))
            {
                if (Compare(pr, gr, src, matched, index).Match)
                {
                    if (!gr.Optional)
                    {
                        labels[k] = true;
                        break;
                    }

                    optional = true;
                }
            }

            if (labels[k] == false && optional)
            {
                labels[k] = null;
            }
        }

        return labels;
    }

    private static Dictionary<string, int?> ScoreEntities(GoldDocument gold, Prediction prediction, GoldIndex index, Tally tally)
    {
        var matched = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (PredictedEntity e in prediction.Entities)
        {
            int? g = index.Match(e);
            matched[e.Key] = g;
            if (g is null)
            {
                tally.Add("entity:" + e.Kind, fp: 1);
            }
        }

        foreach (string kind in EntityKinds)
        {
            var found = matched.Values.Where(g => g is not null && gold.Entities[g.Value].Kind == kind).Select(g => g!.Value).ToHashSet();
            for (int i = 0; i < gold.Entities.Count; i++)
            {
                GoldEntity ge = gold.Entities[i];
                if (ge.Kind == kind && !ge.Optional)
                {
                    tally.Add("entity:" + kind, tp: found.Contains(i) ? 1 : 0, fn: found.Contains(i) ? 0 : 1);
                }
            }

            tally.Add("entity:" + kind);
        }

        return matched;
    }

    private static void ScoreRelations(GoldDocument gold, Prediction prediction, GoldIndex index, Dictionary<string, int?> matched, Tally tally, List<ScoringError> errors)
    {
        IReadOnlyList<GoldRelation> rels = gold.Relations;
        var used = new HashSet<int>();
        var nearMisses = new Dictionary<int, ErrorKind>();
        foreach (PredictedRelation pr in prediction.Relations.Where(r => RelationTypes.Contains(r.Type)))
        {
            string counter = "relation:" + pr.Type;
            tally.Add(counter);
            int? src = matched.GetValueOrDefault(pr.From);
            var candidates = new List<int>();
            ErrorKind? nearest = null;
            int nearestGold = -1;
            for (int j = 0; j < rels.Count; j++)
            {
                GoldRelation gr = rels[j];
                if (gr.Type != pr.Type)
                {
                    continue;
                }

                (bool ok, ErrorKind? near) = Compare(pr, gr, src, matched, index);
                if (ok)
                {
                    candidates.Add(j);
                }
                else if (near is not null && !gr.Optional && nearest is null)
                {
                    (nearest, nearestGold) = (near, j);
                }
            }

            int fresh = candidates.FirstOrDefault(j => !rels[j].Optional && !used.Contains(j), -1);
            if (fresh >= 0)
            {
                used.Add(fresh);
                tally.Add(counter, tp: 1);
            }
            else if (candidates.Count == 0)
            {
                tally.Add(counter, fp: 1);
                errors.Add(new ScoringError(nearest ?? ErrorKind.Spurious, pr.Type, Describe(pr, prediction), pr.Evidence));
                if (nearest is { } kind)
                {
                    nearMisses.TryAdd(nearestGold, kind);
                }
            }
        }

        for (int j = 0; j < rels.Count; j++)
        {
            GoldRelation gr = rels[j];
            if (!gr.Optional && !used.Contains(j))
            {
                tally.Add("relation:" + gr.Type, fn: 1);
                errors.Add(new ScoringError(nearMisses.GetValueOrDefault(j, ErrorKind.Missed), gr.Type, Describe(gr), null));
            }
        }
    }

    /// <summary>Whether a prediction matches a gold item, and if not, whether it nearly does (and how).</summary>
    private static (bool Match, ErrorKind? Near) Compare(PredictedRelation pr, GoldRelation gr, int? src, Dictionary<string, int?> matched, GoldIndex index)
    {
        object gsrc = index.NameToGold(gr.From);
        if (pr.Type == "STATED")
        {
            bool claimOk = ScorerText.Normalize(pr.ClaimText).Contains(ScorerText.Normalize(gr.Claim), StringComparison.Ordinal);
            bool speakerOk = Equals(src, gsrc);
            return (claimOk && speakerOk, claimOk ? ErrorKind.WrongSpeaker : null);
        }

        object gdst = index.NameToGold(gr.To ?? "");
        int? dst = matched.GetValueOrDefault(pr.To);
        bool forward = Equals(src, gsrc) && Equals(dst, gdst);
        bool pairOk = forward || (pr.Type == "MET" && Equals(src, gdst) && Equals(dst, gsrc));
        if (!pairOk)
        {
            bool shared = pr.Type == "MET" && (Equals(src, gsrc) || Equals(src, gdst) || Equals(dst, gsrc) || Equals(dst, gdst));
            return (false, shared ? ErrorKind.WrongPair : null);
        }

        if (pr.Type == "MEMBER_OF" && gr.Status is not null && !string.Equals(pr.Status ?? "", gr.Status, StringComparison.OrdinalIgnoreCase))
        {
            return (false, ErrorKind.WrongStatus);
        }

        return (true, null);
    }

    private static string Describe(PredictedRelation r, Prediction p)
    {
        string Name(string key) => p.Entities.FirstOrDefault(e => e.Key == key)?.Name ?? key;
        return r.Type switch
        {
            "STATED" => $"{Name(r.From)} → «{r.ClaimText}»",
            "MEMBER_OF" => $"{Name(r.From)} → {Name(r.To)} ({r.Status})",
            _ => $"{Name(r.From)} — {Name(r.To)}",
        };
    }

    private static string Describe(GoldRelation r) => r.Type switch
    {
        "STATED" => $"{r.From} → «{r.Claim}»",
        "MEMBER_OF" => $"{r.From} → {r.To} ({r.Status})",
        _ => $"{r.From} — {r.To}",
    };
}

/// <summary>What went wrong with one relation.</summary>
public enum ErrorKind
{
    /// <summary>A gold relation nothing predicted.</summary>
    Missed,

    /// <summary>A predicted relation that matches nothing in the gold file.</summary>
    Spurious,

    /// <summary>The claim was found but given to another speaker.</summary>
    WrongSpeaker,

    /// <summary>The state and organization are right, the status is not.</summary>
    WrongStatus,

    /// <summary>A meeting with one right participant and one wrong one.</summary>
    WrongPair,
}

public sealed record ScoringError(ErrorKind Kind, string RelationType, string Detail, string? Evidence);

public sealed record ArticleScore(Tally Tally, IReadOnlyList<ScoringError> Errors);

/// <summary>The gold file's names, normalized, for matching (first entity wins a shared name, as in the reference).</summary>
internal sealed class GoldIndex
{
    /// <summary>The reference looks a relation's endpoint up in this order of kinds.</summary>
    private static readonly string[] s_lookupOrder = ["Person", "Organization", "State", "Place"];

    private readonly Dictionary<(string Kind, string Name), int> _index = [];

    public GoldIndex(GoldDocument gold)
    {
        for (int i = 0; i < gold.Entities.Count; i++)
        {
            GoldEntity e = gold.Entities[i];
            foreach (string n in (e.Aliases ?? []).Prepend(e.Name))
            {
                _index.TryAdd((e.Kind, ScorerText.Normalize(n)), i);
            }

            if (!string.IsNullOrEmpty(e.Iso))
            {
                _index.TryAdd((e.Kind, "iso:" + e.Iso.ToUpperInvariant()), i);
            }
        }
    }

    public int? Match(PredictedEntity e)
    {
        foreach (string n in e.Aliases.Prepend(e.Name))
        {
            if (_index.TryGetValue((e.Kind, ScorerText.Normalize(n)), out int g))
            {
                return g;
            }
        }

        return e.Iso is { Length: > 0 } iso && _index.TryGetValue((e.Kind, "iso:" + iso.ToUpperInvariant()), out int byIso) ? byIso : null;
    }

    /// <summary>A gold relation endpoint's entity index, or a token that equals no prediction (as the reference's tuple).</summary>
    public object NameToGold(string name)
    {
        string n = ScorerText.Normalize(name);
        foreach (string kind in s_lookupOrder)
        {
            if (_index.TryGetValue((kind, n), out int g))
            {
                return g;
            }
        }

        return new object();
    }

}
