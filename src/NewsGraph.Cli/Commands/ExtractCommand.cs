using System.CommandLine;
using System.Text;
using NewsGraph.Core.Graph;
using NewsGraph.Extraction;

namespace NewsGraph.Cli.Commands;

/// <summary><c>newsgraph extract --format json FILE...</c>: the extraction of each article as JSON Lines on stdout.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Output format (json).", DefaultValueFactory = _ => "json" };
        var files = new Argument<FileInfo[]>("FILE") { Description = "Article files (.txt).", Arity = ArgumentArity.OneOrMore };
        Option<string> decider = CommonOptions.Decider();
        decider.AcceptOnlyFromAmong("model", "rules");
        Option<double?> minConfidence = CommonOptions.MinConfidence();
        var candidates = new Option<bool>("--candidates") { Description = "Also print every relation candidate with its features and the decision on it (for developing the model)." };
        var command = new Command("extract", "Print what extraction finds in each article (JSON Lines on stdout).") { format, files, decider, minConfidence, candidates };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(format) is not "json")
            {
                await Console.Error.WriteLineAsync("newsgraph extract: only --format json is supported").ConfigureAwait(false);
                return 2;
            }

            int failures = 0;
            ArabicArticleExtractor extractor = CommonOptions.Extractor(parse.GetValue(decider), parse.GetValue(minConfidence));
            Console.OutputEncoding = new UTF8Encoding(false);
            foreach (FileInfo file in parse.GetValue(files) ?? [])
            {
                try
                {
                    string text = await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
                    var article = new ArticleInfo(GraphKeys.Article(null, text), text, File: file.Name);
                    string json = parse.GetValue(candidates)
                        ? ExtractionJson.SerializeWithCandidates(extractor.ExtractCandidates(article))
                        : ExtractionJson.Serialize(extractor.Extract(article));
                    await Console.Out.WriteLineAsync(json).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"newsgraph extract: {file.Name}: {ex.Message}").ConfigureAwait(false);
                }
            }

            return failures == 0 ? 0 : 1;
        });
        return command;
    }
}
