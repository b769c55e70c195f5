using System.CommandLine;
using NewsGraph.Cli.Bench;

namespace NewsGraph.Cli.Commands;

/// <summary><c>newsgraph bench extract|…</c>: figures that back speed and memory claims.</summary>
internal static class BenchCommand
{
    /// <summary>The corpus in the team's shared material, used when --corpus is not given.</summary>
    private const string SharedCorpus = "../shared/data/corpus/saudinewsnet-2015.jsonl.gz";

    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = $"Articles to extract (.jsonl/.jsonl.gz/.json/.txt or a directory); default {SharedCorpus}.", DefaultValueFactory = _ => SharedCorpus };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N articles." };
        var extract = new Command("extract", "Extraction throughput (articles/s, MB/s) on one thread and all cores, and peak memory.") { corpus, limit };
        extract.SetAction((parse, cancellationToken) =>
            ExtractionBenchmark.RunAsync(parse.GetValue(corpus)!, parse.GetValue(limit), Console.Out, cancellationToken));
        return new Command("bench", "Benchmarks.") { extract };
    }
}
