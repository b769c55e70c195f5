using System.CommandLine;
using NewsGraph.Cli.Bench;

namespace NewsGraph.Cli.Commands;

/// <summary><c>newsgraph bench extract|…</c>: figures that back speed and memory claims.</summary>
internal static class BenchCommand
{
    /// <summary>The corpus in the team's shared material, used when --corpus is not given.</summary>
    private const string SharedCorpus = CommonOptions.SharedCorpus;

    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = $"Articles to extract (.jsonl/.jsonl.gz/.json/.txt or a directory); default {SharedCorpus}.", DefaultValueFactory = _ => SharedCorpus };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N articles." };
        var extract = new Command("extract", "Extraction throughput (articles/s, MB/s) on one thread and all cores, and peak memory.") { corpus, limit };
        extract.SetAction((parse, cancellationToken) =>
            ExtractionBenchmark.RunAsync(parse.GetValue(corpus)!, parse.GetValue(limit), Console.Out, cancellationToken));
        var db = CommonOptions.Database();
        var neo4j = CommonOptions.Neo4j();
        var connections = new Option<int>("--connections") { Description = "Concurrent connections.", DefaultValueFactory = _ => 32 };
        var seconds = new Option<int>("--seconds") { Description = "Seconds per run.", DefaultValueFactory = _ => 10 };
        var samples = new Option<bool>("--samples") { Description = "Ingest the bundled sample articles first." };
        var api = new Command("api", "GraphQL throughput and latency against a plain Kestrel baseline (needs npm ci --prefix tests/web).") { db, neo4j, connections, seconds, samples };
        api.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("bench api", async () =>
        {
            Core.Storage.IGraphStore store = await StoreLocation.OpenAsync(parse.GetValue(db), parse.GetValue(neo4j), cancellationToken).ConfigureAwait(false);
            await using System.Runtime.CompilerServices.ConfiguredAsyncDisposable _ = store.ConfigureAwait(false);
            if (parse.GetValue(samples))
            {
                IngestSummary summary = await IngestCommand.IngestAsync(store, [ServeCommand.SamplesDirectory()], Console.Error, cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(summary.Describe(StoreLocation.Describe(parse.GetValue(db), parse.GetValue(neo4j)))).ConfigureAwait(false);
            }

            return await ApiBenchmark.RunAsync(store, parse.GetValue(connections), parse.GetValue(seconds), Console.Out, cancellationToken).ConfigureAwait(false);
        }));
        Option<Uri?> ingestTarget = CommonOptions.Neo4j();
        ingestTarget.Description = "The Neo4j server to write to (an empty database).";
        ingestTarget.Required = true;
        var ingest = new Command("ingest", "Batched idempotent writes to Neo4j (rows/s) next to a raw UNWIND … CREATE baseline on the same server.") { ingestTarget };
        ingest.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync(
            "bench ingest", () => Storage.Neo4j.Benchmarks.Neo4jIngestBenchmark.RunAsync(parse.GetValue(ingestTarget)!, Console.Out, cancellationToken)));
        return new Command("bench", "Benchmarks.") { extract, api, ingest };
    }
}
