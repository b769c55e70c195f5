using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsGraph.Evaluation.Scoring;

/// <summary>Prints an <see cref="EvalResult"/> as text (the reference scorer's lines first) or JSON.</summary>
public static class EvalReport
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Text(string title, EvalResult result, bool withErrors)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"{title}: {result.Articles} articles ({string.Join(", ", result.ByPart.Select(p => $"{p.Key} {result.ArticlesByPart[p.Key]}"))})");
        foreach ((string counter, Counts c) in result.All.Counters)
        {
            w.WriteLine($"{counter,-24} P={c.Precision:F2} R={c.Recall:F2} F1={c.F1:F2}  (tp={c.Tp} fp={c.Fp} fn={c.Fn})");
        }

        w.WriteLine(Headline(result.All));
        foreach ((string part, Tally t) in result.ByPart)
        {
            w.WriteLine($"  {part,-10} {Headline(t)}");
        }

        w.WriteLine("by source (articles; relations P/R/F1; F1 of MET, STATED, MEMBER_OF; entities F1):");
        foreach ((string source, Tally t) in result.BySource)
        {
            Counts r = t.Total("relation:");
            w.WriteLine($"  {source,-14} {result.ArticlesBySource[source],4}  {r.Precision:F2}/{r.Recall:F2}/{r.F1:F2}  " +
                        string.Join(" ", ExtractionScorer.RelationTypes.Select(type => Cell(t, "relation:" + type))) +
                        $"  {t.Total("entity:").F1:F2}");
        }

        w.WriteLine("relation errors: " + string.Join(", ", result.ErrorCounts().Select(e => $"{Words(e.Key)} {e.Value}")));
        if (withErrors)
        {
            foreach ((Gold.EvalArticle article, ScoringError e) in result.Errors.OrderBy(e => e.Article.Id, StringComparer.Ordinal))
            {
                w.WriteLine($"  {article.Id}\t{Words(e.Kind)}\t{e.RelationType}\t{e.Detail}" + (e.Evidence is null ? "" : $"\t[{e.Evidence}]"));
            }
        }

        return w.ToString();
    }

    public static JsonObject Json(EvalResult result)
    {
        var bySource = new JsonObject();
        foreach ((string source, Tally t) in result.BySource)
        {
            JsonObject s = Figures(t);
            s["articles"] = result.ArticlesBySource[source];
            bySource[source] = s;
        }

        JsonObject all = Figures(result.All);
        all["articles"] = result.Articles;
        all["parts"] = new JsonObject(result.ByPart.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, Figures(p.Value))));
        all["sources"] = bySource;
        all["errors"] = new JsonObject(result.ErrorCounts().Select(e => KeyValuePair.Create<string, JsonNode?>(Words(e.Key).Replace(' ', '_'), e.Value)));
        return all;
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(s_json);

    /// <summary>The reference scorer's closing line, with precision and recall beside F1.</summary>
    public static string Headline(Tally t)
    {
        Counts r = t.Total("relation:");
        Counts e = t.Total("entity:");
        return $"relations F1={r.F1:F2} (P={r.Precision:F2} R={r.Recall:F2}) entities F1={e.F1:F2}";
    }

    public static JsonObject Figures(Tally t)
    {
        Counts r = t.Total("relation:");
        Counts e = t.Total("entity:");
        var counters = new JsonObject();
        foreach ((string name, Counts c) in t.Counters)
        {
            counters[name] = Node(c);
        }

        return new JsonObject { ["relations"] = Node(r), ["entities"] = Node(e), ["counters"] = counters };
    }

    private static JsonObject Node(Counts c) => new()
    {
        ["p"] = Math.Round(c.Precision, 4),
        ["r"] = Math.Round(c.Recall, 4),
        ["f1"] = Math.Round(c.F1, 4),
        ["tp"] = c.Tp,
        ["fp"] = c.Fp,
        ["fn"] = c.Fn,
    };

    private static string Cell(Tally t, string counter)
    {
        Counts c = t[counter];
        return c.Tp + c.Fp + c.Fn == 0 ? "  –  " : $"{c.F1:F2}";
    }

    public static string Words(ErrorKind kind) => kind switch
    {
        ErrorKind.Missed => "missed",
        ErrorKind.Spurious => "spurious",
        ErrorKind.WrongSpeaker => "wrong speaker",
        ErrorKind.WrongStatus => "wrong status",
        ErrorKind.WrongPair => "wrong pair",
        _ => kind.ToString(),
    };
}
