using System.Diagnostics;
using System.Globalization;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Core.Text;
using NewsGraph.Storage.Neo4j;
using NewsGraph.Storage.Neo4j.Transport;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// <c>newsgraph bench ingest --neo4j URI</c>: how fast our batched, idempotent writes
/// (<see cref="Neo4jGraphStore.UpsertAsync"/>: reads of the stored contributions, then
/// <c>UNWIND … MERGE</c> in one transaction per batch) put a synthetic batch into Neo4j, next to
/// a raw <c>UNWIND … CREATE</c> of the same nodes and relationships on the same server (no reads,
/// no merging, fewer properties, the same reprint band nodes: the floor). Rows are graph elements written: nodes plus
/// relationships. It needs an empty database and leaves it empty.
/// </summary>
internal static class Neo4jIngestBenchmark
{
    public static Task<int> RunAsync(Uri neo4j, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(neo4j, output, articles: 2000, articlesPerBatch: 200, serverProcess: null, cancellationToken);

    /// <param name="serverProcess">The Neo4j server's process id when it runs on this machine: the CPU time it spends on each path is reported too (steadier than wall time on a busy machine).</param>
    public static async Task<int> RunAsync(Uri neo4j, TextWriter output, int articles, int articlesPerBatch, int? serverProcess, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(neo4j);
        ArgumentNullException.ThrowIfNull(output);
        Neo4jConnectionOptions options = Neo4jConnectionOptions.FromUri(neo4j).With(timeout: TimeSpan.FromMinutes(5));

        // Our own HttpClient, to count the requests each path sends (the store leaves a client it was given open).
        var requests = new RequestCounter(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        using var client = new HttpClient(requests);
        await using Neo4jGraphStore store = await Neo4jGraphStore.ConnectAsync(options, null, client, cancellationToken);
        long existing = (await store.Transport.RunAsync([new CypherStatement("MATCH (n) RETURN count(n) AS n")], Neo4jAccessMode.Read, cancellationToken))[0].Rows[0][0].GetInt64();
        if (existing > 0)
        {
            await output.WriteLineAsync($"The database at {options.Uri} holds {existing} nodes; the benchmark needs an empty one (it deletes what it wrote).");
            return 2;
        }

        IReadOnlyList<ArticleGraph> batch = SyntheticArticles.Generate(articles);

        // Warm-up of both paths on another, smaller batch (JIT, Cypher plan caches, page cache), not measured.
        IReadOnlyList<ArticleGraph> warmUp = SyntheticArticles.Generate(Math.Max(10, articles / 10), seed: 7);
        foreach (ArticleGraph[] chunk in warmUp.Chunk(articlesPerBatch))
        {
            await store.UpsertAsync(chunk, cancellationToken);
        }

        await store.DeleteAllAsync(cancellationToken);
        await CreateRawAsync(store.Transport, warmUp, articlesPerBatch, options.BatchSize, cancellationToken);
        await store.DeleteAllAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Neo4j {store.Server.Version} {store.Server.Edition} at {options.Uri} over the {store.TransportName}; {articles} synthetic articles, {articlesPerBatch} per batch, {options.BatchSize} rows per UNWIND."));
        try
        {
            // Ours: the store's upsert, batch after batch into an empty database.
            var meter = new PhaseMeter(requests, serverProcess);
            UpsertResult result = UpsertResult.Empty;
            var perBatch = new List<double>();
            foreach (ArticleGraph[] chunk in batch.Chunk(articlesPerBatch))
            {
                long started = Stopwatch.GetTimestamp();
                result = result.Add(await store.UpsertAsync(chunk, cancellationToken));
                perBatch.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            PhaseMeter.Reading ours = meter.Read();
            (long nodes, long relationships) = await CountAsync(store, cancellationToken);
            Neo4jGraphSnapshot written = await Neo4jGraphSnapshot.ReadAsync(store.Transport, cancellationToken);

            // Idempotent re-run: every article unchanged, nothing written.
            Stopwatch again = Stopwatch.StartNew();
            foreach (ArticleGraph[] chunk in batch.Chunk(articlesPerBatch))
            {
                await store.UpsertAsync(chunk, cancellationToken);
            }

            again.Stop();
            await store.DeleteAllAsync(cancellationToken);

            // Baseline: the same elements with UNWIND … CREATE.
            meter = new PhaseMeter(requests, serverProcess);
            (long baseNodes, long baseRelationships) = await CreateRawAsync(store.Transport, batch, articlesPerBatch, options.BatchSize, cancellationToken);
            PhaseMeter.Reading baseline = meter.Read();
            await store.DeleteAllAsync(cancellationToken);

            // Second baseline: the graph ours left, every property, created blindly in the same batches.
            meter = new PhaseMeter(requests, serverProcess);
            (long sameNodes, long sameRelationships) = await written.CreateAsync(store.Transport, batch, articlesPerBatch, options.BatchSize, cancellationToken);
            PhaseMeter.Reading sameData = meter.Read();

            long rows = nodes + relationships;
            long baseRows = baseNodes + baseRelationships;
            double oursRate = rows / ours.Wall.TotalSeconds;
            double baseRate = baseRows / baseline.Wall.TotalSeconds;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ours     UpsertAsync (UNWIND … MERGE, contributions, recompute): {rows,7} rows ({nodes} nodes + {relationships} relationships) in {ours.Wall.TotalSeconds,6:F2} s = {oursRate,8:F0} rows/s ({result.ArticlesWritten} articles written)"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"baseline raw UNWIND … CREATE (same elements and batches, no reads):{baseRows,7} rows ({baseNodes} nodes + {baseRelationships} relationships) in {baseline.Wall.TotalSeconds,6:F2} s = {baseRate,8:F0} rows/s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ratio    ours / baseline = {oursRate / baseRate:F2} (baseline {baseRate / oursRate:F1}x faster); re-ingest of the same articles (all unchanged): {again.Elapsed.TotalSeconds:F2} s = {articles / again.Elapsed.TotalSeconds:F0} articles/s"));
            double sameRate = (sameNodes + sameRelationships) / sameData.Wall.TotalSeconds;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"same data: raw UNWIND … CREATE of the graph ours left, every property, same batches: {sameNodes + sameRelationships,7} rows in {sameData.Wall.TotalSeconds,6:F2} s = {sameRate,8:F0} rows/s; ratio ours / it = {oursRate / sameRate:F2}; {sameData.Bytes / 1e6:F1} MB sent{PhaseMeter.ServerSeconds(sameData)}"));
            await output.WriteLineAsync(PhaseMeter.Compare(ours, baseline, perBatch.Count));
            await output.WriteLineAsync(Flatness(perBatch));
            return 0;
        }
        finally
        {
            await store.DeleteAllAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Whether a batch costs more as the graph grows: the mean time of a batch in the last tenth of
    /// the run against the first tenth (1.0 is flat; a merge that re-read hubs grew with the graph).
    /// </summary>
    private static string Flatness(List<double> perBatch)
    {
        int tenth = Math.Max(1, perBatch.Count / 10);
        double first = perBatch.Take(tenth).Average();
        double last = perBatch.TakeLast(tenth).Average();
        return string.Create(CultureInfo.InvariantCulture,
            $"flatness ms per batch, first tenth {first:F0} (batches 1-{tenth}), last tenth {last:F0} (batches {perBatch.Count - tenth + 1}-{perBatch.Count}): last/first = {last / first:F2}");
    }

    private static async Task<(long Nodes, long Relationships)> CountAsync(Neo4jGraphStore store, CancellationToken cancellationToken)
    {
        IReadOnlyList<CypherResult> results = await store.Transport.RunAsync(
            [new CypherStatement("MATCH (n) RETURN count(n) AS n"), new CypherStatement("MATCH ()-[r]->() RETURN count(r) AS n")], Neo4jAccessMode.Read, cancellationToken);
        return (results[0].Rows[0][0].GetInt64(), results[1].Rows[0][0].GetInt64());
    }

    /// <summary>
    /// Articles, entities, mentions and relations created blindly: per batch of articles, as ours,
    /// one transaction with the nodes first seen in the batch, then its relationships. The ends'
    /// keys are projected before they are matched, as the store's own statements do: given
    /// <c>{key: r.entity}</c> directly, 3.1's planner may scan the whole <c>Claim</c> key index per row
    /// (measured here: the baseline's MENTIONS to claims took 4.0 s of its 9–16 s), which made the
    /// floor slower than raw creation is.
    /// </summary>
    private static async Task<(long Nodes, long Relationships)> CreateRawAsync(
        INeo4jTransport transport, IReadOnlyList<ArticleGraph> batch, int articlesPerBatch, int rowsPerStatement, CancellationToken cancellationToken)
    {
        string article = GraphNames.Label(NodeKind.Article);
        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        var relationKeys = new HashSet<string>(StringComparer.Ordinal);
        long nodes = 0;
        long relationships = 0;
        foreach (ArticleGraph[] chunk in batch.Chunk(articlesPerBatch))
        {
            var statements = new List<CypherStatement>();
            void Add(string text, IEnumerable<Dictionary<string, object?>> rows) => statements.AddChunked(text, rows, rowsPerStatement);

            Add($"UNWIND $rows AS r CREATE (:{article} {{key: r.key, name: r.name, title: r.name, text: r.text, published: r.published}})",
                chunk.Select(g => new Dictionary<string, object?> { ["key"] = g.Article.Key, ["name"] = g.Article.Title, ["text"] = g.Article.Text, ["published"] = g.Article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
            List<ExtractedEntity> fresh = [.. chunk.SelectMany(g => g.Entities).Where(e => kinds.TryAdd(e.Key, e.Kind))];
            foreach (IGrouping<NodeKind, ExtractedEntity> kind in fresh.GroupBy(e => e.Kind))
            {
                Add($"UNWIND $rows AS r CREATE (:{GraphNames.Label(kind.Key)} {{key: r.key, name: r.name}})",
                    kind.Select(e => new Dictionary<string, object?> { ["key"] = e.Key, ["name"] = e.Name }));
            }

            // The reprint band nodes every stored article has (NewsGraph.Core TextFingerprint): elements ours writes too.
            List<Dictionary<string, object?>> bands = [.. chunk.Select(g => (g.Article.Key, Fingerprint: TextFingerprint.Of(g.Article.Text)))
                .Where(a => a.Fingerprint is not null)
                .SelectMany(a => a.Fingerprint!.BandKeys().Distinct(StringComparer.Ordinal).Select(band => new Dictionary<string, object?> { ["band"] = band, ["article"] = a.Key }))];
            Add($"UNWIND $rows AS r CREATE (:{GraphNames.ArticleBand} {{band: r.band, article: r.article}})", bands);
            nodes += chunk.Length + fresh.Count + bands.Count;
            var mentions = chunk.SelectMany(g => g.Entities.DistinctBy(e => e.Key).Select(e => (Article: g.Article.Key, Entity: e))).ToList();
            foreach (IGrouping<NodeKind, (string Article, ExtractedEntity Entity)> kind in mentions.GroupBy(m => m.Entity.Kind))
            {
                Add($"UNWIND $rows AS r WITH r, r.article AS articleKey, r.entity AS entityKey MATCH (a:{article} {{key: articleKey}}) MATCH (e:{GraphNames.Label(kind.Key)} {{key: entityKey}}) CREATE (a)-[:{GraphNames.Mentions} {{count: r.count}}]->(e)",
                    kind.Select(m => new Dictionary<string, object?> { ["article"] = m.Article, ["entity"] = m.Entity.Key, ["count"] = m.Entity.Mentions }));
            }

            var relations = chunk.SelectMany(g => g.Relations).Select(r => (Key: ArticleGraphUpsert.RelationKey(r), Relation: r)).Where(r => relationKeys.Add(r.Key)).ToList();
            foreach (IGrouping<(RelationType, NodeKind, NodeKind), (string Key, ExtractedRelation Relation)> group in
                     relations.GroupBy(r => (r.Relation.Type, kinds[r.Relation.From], kinds[r.Relation.To])))
            {
                (RelationType type, NodeKind from, NodeKind to) = group.Key;
                Add($"UNWIND $rows AS r WITH r, r.from AS fromKey, r.to AS toKey MATCH (f:{GraphNames.Label(from)} {{key: fromKey}}) MATCH (t:{GraphNames.Label(to)} {{key: toKey}}) CREATE (f)-[:{GraphNames.TypeName(type)} {{key: r.key, evidence: r.evidence}}]->(t)",
                    group.Select(r => new Dictionary<string, object?> { ["key"] = r.Key, ["from"] = r.Relation.From, ["to"] = r.Relation.To, ["evidence"] = r.Relation.Evidence }));
            }

            relationships += mentions.Count + relations.Count;
            await transport.RunAsync(statements, Neo4jAccessMode.Write, cancellationToken);
        }

        return (nodes, relationships);
    }

    /// <summary>What one path cost: wall time, HTTP requests and bytes, this process's CPU and (given its process id) the server's.</summary>
    private sealed class PhaseMeter(RequestCounter requests, int? serverProcess)
    {
        private readonly long _requests = requests.Count;
        private readonly long _bytes = requests.Bytes;
        private readonly TimeSpan _clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly TimeSpan? _serverCpu = ServerCpu(serverProcess);
        private readonly long _started = Stopwatch.GetTimestamp();

        public Reading Read() => new(
            Stopwatch.GetElapsedTime(_started), requests.Count - _requests, requests.Bytes - _bytes,
            Process.GetCurrentProcess().TotalProcessorTime - _clientCpu, ServerCpu(serverProcess) - _serverCpu);

        public static string Compare(Reading ours, Reading baseline, int batches)
        {
            string server = ours.ServerCpu is { } o && baseline.ServerCpu is { } b
                ? string.Create(CultureInfo.InvariantCulture, $"; server CPU ours {o.TotalSeconds:F1} s, baseline {b.TotalSeconds:F1} s (ratio {b / o:F2})")
                : string.Empty;
            return string.Create(CultureInfo.InvariantCulture,
                $"cost     HTTP requests per batch ours {(double)ours.Requests / batches:F1}, baseline {(double)baseline.Requests / batches:F1}; request bodies ours {ours.Bytes / 1e6:F1} MB, baseline {baseline.Bytes / 1e6:F1} MB; client CPU ours {ours.ClientCpu.TotalSeconds:F1} s, baseline {baseline.ClientCpu.TotalSeconds:F1} s{server}");
        }

        public static string ServerSeconds(Reading reading) =>
            reading.ServerCpu is { } cpu ? string.Create(CultureInfo.InvariantCulture, $", server CPU {cpu.TotalSeconds:F1} s") : string.Empty;

        /// <summary>User plus system time of a local process, from <c>/proc/PID/stat</c> (Linux; null elsewhere or when it is gone).</summary>
        private static TimeSpan? ServerCpu(int? process)
        {
            string path = $"/proc/{process}/stat";
            if (process is null || !File.Exists(path))
            {
                return null;
            }

            // Fields after the parenthesized command name: state is 3rd, utime 14th and stime 15th, in clock ticks (100 a second on Linux).
            string stat = File.ReadAllText(path);
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
        }

        public sealed record Reading(TimeSpan Wall, long Requests, long Bytes, TimeSpan ClientCpu, TimeSpan? ServerCpu);
    }

    /// <summary>Counts the HTTP requests sent through it and the bytes of their bodies (Cypher and parameters as JSON).</summary>
    private sealed class RequestCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private long _count;
        private long _bytes;

        public long Count => Interlocked.Read(ref _count);

        public long Bytes => Interlocked.Read(ref _bytes);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _bytes, request.Content?.Headers.ContentLength ?? 0);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
