using System.CommandLine;
using System.Runtime.CompilerServices;
using NewsGraph.Cli.Bench;
using NewsGraph.Core.Storage;

namespace NewsGraph.Cli.Commands;

/// <summary><c>newsgraph bench extract|api|soak|ingest|reprints</c>: figures that back speed and memory claims.</summary>
internal static class BenchCommand
{
    /// <summary>The corpus in the team's shared material, used when --corpus is not given.</summary>
    private const string SharedCorpus = CommonOptions.SharedCorpus;

    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = $"Articles to extract (.jsonl/.jsonl.gz/.json/.txt or a directory); default {SharedCorpus}.", DefaultValueFactory = _ => SharedCorpus };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N articles." };
        var sampleSizedRuns = new Option<int?>("--sample-sized-only") { Description = "Measure only the 8–12 KB articles on one thread, this many times in a row (for profiling and back-to-back comparisons)." };
        var extract = new Command("extract", "Extraction throughput (articles/s, MB/s) on one thread and all cores, and peak memory.") { corpus, limit, sampleSizedRuns };
        extract.SetAction((parse, cancellationToken) =>
            ExtractionBenchmark.RunAsync(parse.GetValue(corpus)!, parse.GetValue(limit), parse.GetValue(sampleSizedRuns), Console.Out, cancellationToken));
        return new Command("bench", "Benchmarks.") { extract, Api(), Soak(), Ingest(), Reprints() };
    }

    /// <summary><c>bench reprints [--corpus PATH] [--threshold S]</c>: the similarity distribution the reprint threshold is chosen from.</summary>
    private static Command Reprints()
    {
        var corpus = new Option<string>("--corpus") { Description = $"Articles to compare (.jsonl/.jsonl.gz/.json/.txt or a directory); default {SharedCorpus}.", DefaultValueFactory = _ => SharedCorpus };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N articles." };
        var threshold = new Option<double>("--threshold") { Description = "The similarity to report linked articles at.", DefaultValueFactory = _ => Core.Text.ReprintRule.Threshold };
        var examples = new Option<int>("--examples") { Description = "Print the titles of this many cross-site pairs per similarity bin, to judge them by eye." };
        var reprints = new Command("reprints", "Pairs of articles sharing a MinHash band: estimated and exact similarity, by cross-site and same-site pairs, and what a threshold links.") { corpus, limit, threshold, examples };
        reprints.SetAction((parse, cancellationToken) =>
            ReprintBenchmark.RunAsync(parse.GetValue(corpus)!, parse.GetValue(limit), parse.GetValue(threshold), parse.GetValue(examples), Console.Out, cancellationToken));
        return reprints;
    }

    /// <summary>
    /// <c>bench ingest --db FILE [--articles N] [--corpus PATH]</c>: the ingestion pipeline into the embedded
    /// store at scale; <c>bench ingest --neo4j URI [--articles N] [--batch-size N]</c>: batched Neo4j writes of
    /// synthetic articles (default 2,000, 200 per batch) next to a raw baseline.
    /// </summary>
    private static Command Ingest()
    {
        Option<FileInfo?> db = CommonOptions.Database();
        db.Description = "The embedded store to ingest into (continued if it exists).";
        Option<Uri?> neo4j = CommonOptions.Neo4j();
        neo4j.Description = "Instead: the Neo4j server to write batches to (an empty database), next to a raw UNWIND … CREATE baseline.";
        var corpus = new Option<string>("--corpus") { Description = $"Articles to ingest (.jsonl/.jsonl.gz/.json/.txt or a directory); default {SharedCorpus}.", DefaultValueFactory = _ => SharedCorpus };
        var articles = new Option<int?>("--articles") { Description = "How many articles (default: the corpus); more than the corpus replays it with shifted dates and renamed people, organizations and claims." };
        var batchSize = new Option<int>("--batch-size") { Description = "Articles per store transaction.", DefaultValueFactory = _ => new Ingestion.IngestionOptions().BatchSize };
        var commitSize = new Option<int>("--commit-size") { Description = "Articles written into the embedded store before a commit (several batches share one transaction); 1 commits every batch.", DefaultValueFactory = _ => new Ingestion.IngestionOptions().CommitSize };
        var serverProcess = new Option<int?>("--neo4j-pid") { Description = "With --neo4j, when the server runs on this machine: its process id, to report the server's CPU time per path too." };
        var noBulkLoad = new Option<bool>("--no-bulk-load") { Description = "Write a new (empty) file as any other, its read indexes kept up to date batch by batch, instead of building them once at the end." };
        var skip = new Option<int>("--skip") { Description = "Start after the first N articles of the (replayed) corpus: continue a --db file that earlier runs of N articles in all built, with new articles." };
        var ingest = new Command("ingest", "Whole-pipeline ingest into the embedded store (articles/s per tenth, peak RSS, bytes per article), or Neo4j batched writes (rows/s) against a raw baseline.") { db, neo4j, corpus, articles, batchSize, commitSize, skip, noBulkLoad, serverProcess };
        articles.Validators.Add(result => RequirePositive(result, result.GetValueOrDefault<int?>() ?? 1));
        batchSize.Validators.Add(result => RequirePositive(result, result.GetValueOrDefault<int>()));
        commitSize.Validators.Add(result => RequirePositive(result, result.GetValueOrDefault<int>()));
        skip.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--skip must be 0 or more.");
            }
        });
        ingest.Validators.Add(result =>
        {
            if ((result.GetValue(db) is null) == (result.GetValue(neo4j) is null))
            {
                result.AddError("bench ingest needs exactly one of --db FILE and --neo4j URI.");
            }
        });
        ingest.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("bench ingest", () => parse.GetValue(neo4j) is { } server
            ? Neo4jIngestBenchmark.RunAsync(
                server, Console.Out, parse.GetValue(articles) ?? 2000, parse.GetResult(batchSize) is { Implicit: false } ? parse.GetValue(batchSize) : 200, parse.GetValue(serverProcess), cancellationToken)
            : IngestBenchmark.RunAsync(parse.GetValue(db)!, parse.GetValue(articles), parse.GetValue(skip), parse.GetValue(corpus)!, parse.GetValue(batchSize), parse.GetValue(commitSize), !parse.GetValue(noBulkLoad), Console.Out, cancellationToken)));
        return ingest;
    }

    private static Command Api()
    {
        var graph = new GraphOptions();
        var connections = Connections();
        var seconds = new Option<int>("--seconds") { Description = "Seconds per run.", DefaultValueFactory = _ => 10 };
        var api = new Command("api", "GraphQL throughput and latency against a plain Kestrel baseline (needs npm ci --prefix tests/web).") { connections, seconds };
        graph.AddTo(api);
        api.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("bench api", async () =>
        {
            IGraphStore store = await graph.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using ConfiguredAsyncDisposable _ = store.ConfigureAwait(false);
            return await ApiBenchmark.RunAsync(store, parse.GetValue(connections), parse.GetValue(seconds), Console.Out, cancellationToken).ConfigureAwait(false);
        }));
        return api;
    }

    private static Command Soak()
    {
        var graph = new GraphOptions();
        var connections = Connections();
        var minutes = new Option<double>("--minutes") { Description = "How long to run (fractions allowed: 0.5 is 30 s).", DefaultValueFactory = _ => 10 };
        var interval = new Option<int>("--interval") { Description = "Seconds between reports.", DefaultValueFactory = _ => 30 };
        var soak = new Command("soak", "A mixed read workload for minutes over HTTP: requests, non-2xx, GraphQL errors by code, p50/p99 and memory every interval; exit code 1 if any request failed.") { connections, minutes, interval };
        graph.AddTo(soak);
        minutes.Validators.Add(result => RequirePositive(result, result.GetValueOrDefault<double>()));
        interval.Validators.Add(result => RequirePositive(result, result.GetValueOrDefault<int>()));
        connections.Validators.Add(result => RequirePositive(result, result.GetValueOrDefault<int>()));
        soak.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("bench soak", async () =>
        {
            IGraphStore store = await graph.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using ConfiguredAsyncDisposable _ = store.ConfigureAwait(false);
            var settings = new SoakSettings(TimeSpan.FromMinutes(parse.GetValue(minutes)), parse.GetValue(connections), TimeSpan.FromSeconds(parse.GetValue(interval)));
            return await SoakBenchmark.RunAsync(store, settings, Console.Out, cancellationToken).ConfigureAwait(false);
        }));
        return soak;
    }

    private static void RequirePositive(System.CommandLine.Parsing.OptionResult result, double value)
    {
        if (value <= 0)
        {
            result.AddError($"{result.Option.Name} must be positive.");
        }
    }

    private static Option<int> Connections() => new("--connections") { Description = "Concurrent connections.", DefaultValueFactory = _ => 32 };

    /// <summary>The graph a benchmark serves: <c>--db FILE | --neo4j URI</c>, and <c>--samples</c> to ingest the bundled articles first.</summary>
    private sealed class GraphOptions
    {
        private readonly Option<FileInfo?> _db = CommonOptions.Database();
        private readonly Option<Uri?> _neo4j = CommonOptions.Neo4j();
        private readonly Option<bool> _samples = new("--samples") { Description = "Ingest the bundled sample articles first." };

        public void AddTo(Command command)
        {
            command.Options.Add(_db);
            command.Options.Add(_neo4j);
            command.Options.Add(_samples);
        }

        public async Task<IGraphStore> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
        {
            IGraphStore store = await StoreLocation.OpenAsync(parse.GetValue(_db), parse.GetValue(_neo4j), cancellationToken).ConfigureAwait(false);
            try
            {
                if (parse.GetValue(_samples))
                {
                    IngestSummary summary = await IngestCommand.IngestAsync(store, [ServeCommand.SamplesDirectory()], showProgress: false, cancellationToken).ConfigureAwait(false);
                    await Console.Out.WriteLineAsync(summary.Describe(StoreLocation.Describe(parse.GetValue(_db), parse.GetValue(_neo4j)))).ConfigureAwait(false);
                }

                return store;
            }
            catch
            {
                await store.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }
}
