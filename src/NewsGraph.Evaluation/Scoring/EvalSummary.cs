using System.Globalization;
using System.Text.Json.Nodes;
using NewsGraph.Evaluation.Gold;

namespace NewsGraph.Evaluation.Scoring;

/// <summary>
/// What the annotated corpus holds: articles per split and part, how many sources, and how well two
/// annotators agree (relation F1 per type, the second annotation scored against the first).
/// Counting needs no corpus file; agreement on corpus articles does (their text is not stored).
/// </summary>
public static class EvalSummary
{
    public static async Task<JsonObject> DescribeAsync(AnnotatedCorpus annotated, string? corpusFile, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, Corpus.DrawnArticle> drawn = annotated.Draw();
        var splits = new JsonObject();
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (string split in Splits.All)
        {
            IReadOnlyList<StandoffGold> corpus = annotated.StandoffFiles(split);
            IReadOnlyList<(string File, GoldDocument Gold)> written = annotated.WrittenGold(split);
            sources.UnionWith(corpus.Select(g => drawn.TryGetValue(g.Id, out Corpus.DrawnArticle? d) ? d.Source : "?"));
            sources.UnionWith(written.Select(w => AnnotatedCorpus.AgencyOf(w.Gold.Article)));
            splits[split] = new JsonObject { ["articles"] = corpus.Count + written.Count, ["corpus"] = corpus.Count, ["written"] = written.Count };
        }

        var summary = new JsonObject
        {
            ["splits"] = splits,
            ["sources"] = sources.Count,
            ["agencies"] = Splits.All.SelectMany(s => annotated.WrittenGold(s)).Select(w => AnnotatedCorpus.AgencyOf(w.Gold.Article)).Distinct().Count(),
        };
        if (corpusFile is not null && File.Exists(corpusFile))
        {
            IReadOnlyList<(EvalArticle First, GoldDocument Second)> pairs = await annotated.AgreementPairsAsync(corpusFile, cancellationToken).ConfigureAwait(false);
            EvalResult agreement = Evaluation.Agreement(pairs);
            var perType = new JsonObject();
            foreach (string type in ExtractionScorer.RelationTypes)
            {
                // No item of a type in either annotation: there is nothing to agree on, not a 0.
                Counts c = agreement.All["relation:" + type];
                perType[type] = c.Tp + c.Fp + c.Fn == 0 ? null : Math.Round(c.F1, 4);
            }

            // How many items each figure rests on: the first annotation's required relations of the type.
            perType["items"] = new JsonObject(ExtractionScorer.RelationTypes.Select(type =>
                KeyValuePair.Create<string, JsonNode?>(type, agreement.All["relation:" + type].Tp + agreement.All["relation:" + type].Fn)));
            perType["relations"] = Math.Round(agreement.All.Total("relation:").F1, 4);
            perType["entities"] = Math.Round(agreement.All.Total("entity:").F1, 4);
            perType["articles"] = pairs.Count;
            perType["parts"] = new JsonObject(agreement.ArticlesByPart.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value)));
            summary["agreement"] = perType;
        }
        else
        {
            summary["agreement"] = null;
            summary["note"] = $"agreement needs the corpus file for the corpus articles' text; '{corpusFile}' does not exist (pass --corpus FILE)";
        }

        return summary;
    }

    public static string Text(JsonObject summary)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        foreach ((string split, JsonNode? node) in summary["splits"]!.AsObject())
        {
            w.WriteLine($"{split,-6} {node!["articles"],5} articles (corpus {node["corpus"]}, written {node["written"]})");
        }

        w.WriteLine($"sources: {summary["sources"]} ({summary["agencies"]} agencies in the written part)");
        w.WriteLine(summary["agreement"] is JsonObject a
            ? $"agreement over {a["articles"]} articles annotated twice: relations F1 {a["relations"]} (MET {a["MET"]?.ToString() ?? "–"} over {a["items"]!["MET"]} items, STATED {a["STATED"]?.ToString() ?? "–"} over {a["items"]!["STATED"]}, MEMBER_OF {a["MEMBER_OF"]?.ToString() ?? "–"} over {a["items"]!["MEMBER_OF"]}); entities F1 {a["entities"]}"
            : $"agreement: {summary["note"]}");
        return w.ToString().TrimEnd();
    }
}
