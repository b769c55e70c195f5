using System.Text.Json;
using System.Text.RegularExpressions;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Tests.Gold;

/// <summary>Counts for one entity kind or relation type.</summary>
internal sealed class Tally
{
    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => $"P={Precision:F2} R={Recall:F2} F1={F1:F2} (tp={TruePositives} fp={FalsePositives} fn={FalseNegatives})";
}

/// <summary>
/// Scores extraction against gold files the way the project's dev-set scorer does
/// (score_extraction.py): entities match by kind and normalized name/alias (or ISO code),
/// STATED by speaker and a gold phrase contained in the claim, MET by unordered pair, MEMBER_OF
/// by pair and status; optional gold items neither reward nor punish.
/// </summary>
internal static partial class GoldScorer
{
    public static void Score(JsonElement gold, ArticleGraph pred, Dictionary<string, Tally> tally)
    {
        JsonElement[] goldEntities = gold.GetProperty("entities").EnumerateArray().ToArray();
        var index = new Dictionary<(string Kind, string Name), int>();
        for (int i = 0; i < goldEntities.Length; i++)
        {
            string kind = goldEntities[i].GetProperty("kind").GetString()!;
            foreach (string n in Names(goldEntities[i]))
            {
                index.TryAdd((kind, Norm(n)), i);
            }

            if (goldEntities[i].TryGetProperty("iso", out JsonElement iso))
            {
                index.TryAdd((kind, "iso:" + iso.GetString()!.ToUpperInvariant()), i);
            }
        }

        var matched = new Dictionary<string, int?>();
        foreach (ExtractedEntity e in pred.Entities.Where(e => e.Kind != NodeKind.Claim))
        {
            string kind = GraphNames.Label(e.Kind);
            int? g = null;
            foreach (string n in e.Aliases.Prepend(e.Name))
            {
                if (index.TryGetValue((kind, Norm(n)), out int found))
                {
                    g = found;
                    break;
                }
            }

            if (g is null && e.Iso is not null && index.TryGetValue((kind, "iso:" + e.Iso), out int byIso))
            {
                g = byIso;
            }

            matched[e.Key] = g;
            if (g is null)
            {
                Get(tally, "entity:" + kind).FalsePositives++;
            }
        }

        foreach (string kind in new[] { "Person", "State", "Organization", "Place" })
        {
            var found = matched.Values.Where(v => v is not null).Select(v => v!.Value).ToHashSet();
            for (int i = 0; i < goldEntities.Length; i++)
            {
                if (goldEntities[i].GetProperty("kind").GetString() != kind || Optional(goldEntities[i]))
                {
                    continue;
                }

                if (found.Contains(i))
                {
                    Get(tally, "entity:" + kind).TruePositives++;
                }
                else
                {
                    Get(tally, "entity:" + kind).FalseNegatives++;
                }
            }
        }

        JsonElement[] goldRelations = gold.GetProperty("relations").EnumerateArray().ToArray();
        var used = new HashSet<int>();
        var byKey = pred.Entities.ToDictionary(e => e.Key);
        foreach (ExtractedRelation r in pred.Relations.Where(r => r.Type is RelationType.Met or RelationType.Stated or RelationType.MemberOf))
        {
            string type = GraphNames.TypeName(r.Type);
            int? src = matched.GetValueOrDefault(r.From);
            var candidates = new List<int>();
            for (int j = 0; j < goldRelations.Length; j++)
            {
                JsonElement g = goldRelations[j];
                if (g.GetProperty("type").GetString() != type)
                {
                    continue;
                }

                object gsrc = NameToGold(g.GetProperty("from").GetString()!, index);
                if (r.Type == RelationType.Stated)
                {
                    if (Equals(src, gsrc) && Norm(byKey[r.To].Name).Contains(Norm(g.GetProperty("claim").GetString()!), StringComparison.Ordinal))
                    {
                        candidates.Add(j);
                    }

                    continue;
                }

                object gdst = NameToGold(g.GetProperty("to").GetString()!, index);
                int? dst = matched.GetValueOrDefault(r.To);
                bool pair = (Equals(src, gsrc) && Equals(dst, gdst)) || (r.Type == RelationType.Met && Equals(src, gdst) && Equals(dst, gsrc));
                if (pair && (r.Type != RelationType.MemberOf || (r.Status is { } st && g.GetProperty("status").GetString() == GraphNames.StatusName(st))))
                {
                    candidates.Add(j);
                }
            }

            List<int> fresh = candidates.Where(j => !Optional(goldRelations[j]) && !used.Contains(j)).ToList();
            if (fresh.Count > 0)
            {
                used.Add(fresh[0]);
                Get(tally, "relation:" + type).TruePositives++;
            }
            else if (candidates.Count == 0)
            {
                Get(tally, "relation:" + type).FalsePositives++;
            }
        }

        for (int j = 0; j < goldRelations.Length; j++)
        {
            if (!Optional(goldRelations[j]) && !used.Contains(j))
            {
                Get(tally, "relation:" + goldRelations[j].GetProperty("type").GetString()).FalseNegatives++;
            }
        }
    }

    public static Tally Total(Dictionary<string, Tally> tally, string prefix)
    {
        var total = new Tally();
        foreach ((string key, Tally t) in tally.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _ = key;
            total.TruePositives += t.TruePositives;
            total.FalsePositives += t.FalsePositives;
            total.FalseNegatives += t.FalseNegatives;
        }

        return total;
    }

    private static object NameToGold(string name, Dictionary<(string Kind, string Name), int> index)
    {
        foreach (string kind in new[] { "Person", "Organization", "State", "Place" })
        {
            if (index.TryGetValue((kind, Norm(name)), out int g))
            {
                return g;
            }
        }

        return "unannotated:" + Norm(name);
    }

    private static IEnumerable<string> Names(JsonElement e)
    {
        yield return e.GetProperty("name").GetString()!;
        if (e.TryGetProperty("aliases", out JsonElement aliases))
        {
            foreach (JsonElement a in aliases.EnumerateArray())
            {
                yield return a.GetString()!;
            }
        }
    }

    private static bool Optional(JsonElement e) => e.TryGetProperty("optional", out JsonElement o) && o.GetBoolean();

    private static Tally Get(Dictionary<string, Tally> tally, string key)
    {
        if (!tally.TryGetValue(key, out Tally? t))
        {
            t = new Tally();
            tally[key] = t;
        }

        return t;
    }

    /// <summary>The scorer's normalization: ours, with its punctuation set turned into spaces.</summary>
    private static string Norm(string s) => Spaces().Replace(ArabicText.Normalize(s), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
