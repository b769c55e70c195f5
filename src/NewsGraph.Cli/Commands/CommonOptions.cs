using System.CommandLine;
using NewsGraph.Evaluation;

namespace NewsGraph.Cli.Commands;

/// <summary>Options shared by several verbs.</summary>
internal static class CommonOptions
{
    public static Option<Uri?> Neo4j(string name = "--neo4j") => new(name)
    {
        Description = "Use Neo4j at this URI (http(s)://host:7474) instead of the embedded store; credentials from NEWSGRAPH_NEO4J_USER/_PASSWORD (or _BEARER_TOKEN), database from _DATABASE.",
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"{name}: '{text}' is not an http(s) URI such as http://localhost:7474");
            return null;
        },
    };

    public static Option<FileInfo?> Database() => new("--db")
    {
        Description = "Embedded database file (default: $NEWSGRAPH_DB or ~/.local/share/newsgraph/newsgraph.db; created on first run).",
    };

    /// <summary>The corpus in the team's shared material, used when --corpus is not given.</summary>
    public const string SharedCorpus = "../shared/data/corpus/saudinewsnet-2015.jsonl.gz";

    public static Option<string> Corpus() => new("--corpus")
    {
        Description = $"The SaudiNewsNet corpus file (.jsonl.gz) the annotations refer to; default {SharedCorpus}.",
        DefaultValueFactory = _ => SharedCorpus,
    };

    public static Option<DirectoryInfo?> Annotations() => new("--annotations")
    {
        Description = "The annotated corpus (default: the Annotations folder beside the executable).",
    };

    public static AnnotationPaths AnnotationPathsFrom(DirectoryInfo? directory) =>
        directory is null ? AnnotationPaths.Default : new AnnotationPaths(directory.FullName);

    public static Option<string> Split() => new("--split")
    {
        Description = "train, dev, blind or all. Blind is scored at most once per working session, and nobody developing reads its errors.",
        DefaultValueFactory = _ => Splits.Dev,
        CustomParser = result =>
        {
            string value = result.Tokens.Single().Value;
            if (value == "all" || Splits.All.Contains(value))
            {
                return value;
            }

            result.AddError($"--split: '{value}' is not one of train, dev, blind, all");
            return Splits.Dev;
        },
    };

    public static IReadOnlyList<string> SplitsOf(string split) => split == "all" ? Splits.All : [split];

    public static Option<string> Decider() => new("--decider")
    {
        Description = "Who decides relations: model (the learned decision, default) or rules (the hand-written rules alone).",
        DefaultValueFactory = _ => "model",
    };

    public static Option<double?> MinConfidence() => new("--min-confidence")
    {
        Description = "Keep relations at or above this confidence instead of the model's per-type thresholds (lower: more recall, less precision).",
    };

    /// <summary>The default extractor, deciding as the options say.</summary>
    public static Extraction.ArabicArticleExtractor Extractor(string? decider, double? minConfidence) =>
        decider is "rules" || minConfidence is not null
            ? Extraction.ArabicArticleExtractor.Default.With(new Extraction.Candidates.ExtractionOptions(
                decider is "rules" ? Extraction.Candidates.RelationDecider.Rules : Extraction.Candidates.RelationDecider.Model, minConfidence))
            : Extraction.ArabicArticleExtractor.Default;
}
