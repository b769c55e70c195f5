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

    /// <summary>The environment variable that sets <c>--retry-deadline</c> when the option is not given.</summary>
    public const string RetryDeadlineVariable = "NEWSGRAPH_RETRY_DEADLINE";

    public static readonly TimeSpan DefaultRetryDeadline = TimeSpan.FromMinutes(5);

    public static Option<TimeSpan> RetryDeadline(string purpose) => new("--retry-deadline")
    {
        Description = $"How long {purpose} keeps retrying while the store (Neo4j) is unavailable, saying so on stderr, before it gives up: 90s, 5m, 1h or 00:05:00; 0 gives up at once (default ${RetryDeadlineVariable}, else 5m).",
        DefaultValueFactory = result =>
        {
            string? text = Environment.GetEnvironmentVariable(RetryDeadlineVariable);
            if (string.IsNullOrWhiteSpace(text))
            {
                return DefaultRetryDeadline;
            }

            if (ParseDuration(text) is { } fromEnvironment)
            {
                return fromEnvironment;
            }

            result.AddError($"{RetryDeadlineVariable}: '{text}' is not a duration such as 90s, 5m, 1h or 00:05:00");
            return DefaultRetryDeadline;
        },
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            if (ParseDuration(text) is { } duration)
            {
                return duration;
            }

            result.AddError($"--retry-deadline: '{text}' is not a duration such as 90s, 5m, 1h or 00:05:00");
            return DefaultRetryDeadline;
        },
    };

    /// <summary>"90", "90s", "1.5m", "5min", "1h", "250ms" or a TimeSpan ("00:05:00"); null when it is none of these or negative.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string value = text.Trim().ToLowerInvariant();
        (string suffix, double unitSeconds)[] units = [("ms", 0.001), ("min", 60), ("s", 1), ("m", 60), ("h", 3600)];
        foreach ((string suffix, double unitSeconds) in units)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal) && Seconds(value[..^suffix.Length], unitSeconds) is { } withUnit)
            {
                return withUnit;
            }
        }

        if (Seconds(value, 1) is { } plain)
        {
            return plain;
        }

        return value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out TimeSpan span) && span >= TimeSpan.Zero
            ? span
            : null;

        static TimeSpan? Seconds(string number, double unitSeconds) =>
            double.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out double n) && n >= 0
                ? TimeSpan.FromSeconds(n * unitSeconds)
                : null;
    }

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
