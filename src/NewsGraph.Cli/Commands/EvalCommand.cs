using System.CommandLine;
using System.Text.Json.Nodes;
using NewsGraph.Evaluation;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Scoring;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// <c>newsgraph eval</c>: today's extractor scored on a split of the annotated corpus with the
/// reference scorer's semantics, per entity kind, relation type, part and source, with errors
/// named; <c>--summary</c> describes the corpus itself (sizes, sources, annotator agreement).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        Option<string> split = CommonOptions.Split();
        Option<string> corpus = CommonOptions.Corpus();
        Option<DirectoryInfo?> annotations = CommonOptions.Annotations();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var summary = new Option<bool>("--summary") { Description = "Describe the annotated corpus (articles per split and part, sources, agreement) instead of scoring." };
        var errors = new Option<bool>("--errors") { Description = "List every relation error (refused for the blind split)." };
        Option<string> decider = CommonOptions.Decider();
        decider.AcceptOnlyFromAmong("model", "rules");
        Option<double?> minConfidence = CommonOptions.MinConfidence();
        var command = new Command("eval", "Score extraction on a split of the annotated corpus (P/R/F1 per kind, type, part and source; errors by kind).") { split, corpus, annotations, format, summary, errors, decider, minConfidence };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var annotated = new AnnotatedCorpus(CommonOptions.AnnotationPathsFrom(parse.GetValue(annotations)));
            bool json = parse.GetValue(format) == "json";
            return await DataErrors.ReportAsync("eval", async () =>
            {
                if (parse.GetValue(summary))
                {
                    JsonObject described = await EvalSummary.DescribeAsync(annotated, parse.GetValue(corpus), cancellationToken).ConfigureAwait(false);
                    await Console.Out.WriteLineAsync(json ? EvalReport.Serialize(described) : EvalSummary.Text(described)).ConfigureAwait(false);
                    return 0;
                }

                string chosen = parse.GetValue(split)!;
                if (parse.GetValue(errors) && chosen is Splits.Blind or "all")
                {
                    await Console.Error.WriteLineAsync("newsgraph eval: --errors is refused for the blind split: nobody developing reads its errors (score train or dev instead)").ConfigureAwait(false);
                    return 2;
                }

                var report = new JsonObject();
                foreach (string s in CommonOptions.SplitsOf(chosen))
                {
                    IReadOnlyList<EvalArticle> articles = await annotated.LoadAsync([s], parse.GetValue(corpus), cancellationToken).ConfigureAwait(false);
                    Extraction.ArabicArticleExtractor extractor = CommonOptions.Extractor(parse.GetValue(decider), parse.GetValue(minConfidence));
                    EvalResult result = Evaluation.Scoring.Evaluation.Run(articles, a => Evaluation.Scoring.Evaluation.Extract(extractor, a));
                    if (json)
                    {
                        report[s] = EvalReport.Json(result);
                    }
                    else
                    {
                        await Console.Out.WriteLineAsync(EvalReport.Text($"split {s}", result, parse.GetValue(errors))).ConfigureAwait(false);
                    }
                }

                if (json)
                {
                    await Console.Out.WriteLineAsync(EvalReport.Serialize(report)).ConfigureAwait(false);
                }

                return 0;
            }).ConfigureAwait(false);
        });
        return command;
    }
}
