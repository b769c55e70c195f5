using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Cli.Commands;
using NewsGraph.Core.Storage;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// <c>newsgraph bench ingest --db FILE [--articles N] [--corpus PATH]</c>: the whole ingestion pipeline
/// (read, extract on all cores, one batched writer) into the embedded store, as <c>newsgraph ingest</c>
/// runs it. Prints articles/s for each tenth of the run (wall clock, and per CPU-second: on a shared
/// machine the second is the steadier), then peak RSS and database bytes per article. N beyond the
/// corpus replays it (<see cref="CorpusReplay"/>). An existing file is continued: with <c>--skip N</c>
/// (the articles earlier runs fed it) the run adds the next articles of the replay, so consecutive
/// runs measure a growing graph, and a million-article graph can be built in parts. A new file is bulk-loaded, as
/// <c>newsgraph ingest</c> loads one (<see cref="SqliteGraphStore.BeginBulkLoadAsync"/>), the index build at the end
/// counted in the run's time, unless <c>--no-bulk-load</c>.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(FileInfo database, int? articles, int skip, string corpus, int batchSize, int commitSize, bool bulkLoad, TextWriter output, CancellationToken cancellationToken)
    {
        int count = articles ?? await CountAsync(corpus, cancellationToken).ConfigureAwait(false);
        long storedBefore;
        var store = new SqliteGraphStore(database.FullName, TimeProvider.System);
        var options = new IngestionOptions { BatchSize = batchSize, CommitSize = commitSize };
        string after = skip > 0 ? $" after the first {skip:N0}" : "";
        await output.WriteLineAsync($"bench ingest: {count:N0} articles{after} from {corpus} into {database.FullName}; {options.ExtractionParallelism} extraction threads, batches of {batchSize}, a commit every {commitSize:N0} articles").ConfigureAwait(false);
        var tally = new Tally(count);
        var unreadable = new StrongBox<int>();
        string? unavailable;
        await using (store.ConfigureAwait(false))
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            storedBefore = (await store.GetStatsAsync(cancellationToken).ConfigureAwait(false)).Articles;
            ServiceProvider pipeline = Pipeline.Build(store, options, CorpusReplay.Extractor(ArabicArticleExtractor.Default));
            await using ConfiguredAsyncDisposable _ = pipeline.ConfigureAwait(false);
            IArticleIngestor ingestor = pipeline.GetRequiredService<IArticleIngestor>();
            await WarmUpAsync(corpus, cancellationToken).ConfigureAwait(false);
            tally.Start(output);
            bool bulk = bulkLoad && await store.BeginBulkLoadAsync(cancellationToken).ConfigureAwait(false);
            (TimeSpan Wall, TimeSpan Cpu) indexing = default;
            try
            {
                unavailable = await ingestor.IngestAsync(CorpusReplay.ReadAsync(corpus, skip, count, unreadable, cancellationToken), tally.Add, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (bulk)
                {
                    indexing = await TimedAsync(() => store.EndBulkLoadAsync(CancellationToken.None)).ConfigureAwait(false);
                }
            }

            tally.Finish();
            if (bulk)
            {
                await output.WriteLineAsync($"bulk load: read indexes and entity full-text indexes built at the end in {indexing.Wall.TotalSeconds:N1} s ({indexing.Cpu.TotalSeconds:N1} CPU-s), counted in the total").ConfigureAwait(false);
            }
            GraphStats stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"graph: {stats.Articles:N0} articles ({storedBefore:N0} before), {stats.Entities.Sum(e => e.Count):N0} entities, {stats.Relations.Sum(r => r.Count):N0} relations").ConfigureAwait(false);
        }

        // Measured after the store is closed: the last connection checkpoints the WAL into the file and removes it.
        long bytes = Bytes(database.FullName) + Bytes(database.FullName + "-wal");
        long total = Math.Max(1, storedBefore + tally.Ingested);
        await output.WriteLineAsync(tally.Describe()).ConfigureAwait(false);
        await output.WriteLineAsync($"peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB; database {bytes / 1e6:N1} MB = {bytes / total:N0} bytes per stored article; {unreadable.Value} unreadable inputs skipped").ConfigureAwait(false);
        if (unavailable is not null)
        {
            await output.WriteLineAsync($"store unavailable: {unavailable}").ConfigureAwait(false);
        }

        return tally.Failed == 0 && unavailable is null ? 0 : 1;
    }

    /// <summary>Loads the extractor's models and JITs its hot paths on a few articles (not stored), as <c>bench extract</c> does, before the clock starts.</summary>
    private static async Task WarmUpAsync(string corpus, CancellationToken cancellationToken)
    {
        int left = 200;
        await foreach (Ingestion.Sources.SourceItem item in Ingestion.Sources.ArticleFileReader.ReadAsync([corpus], cancellationToken).ConfigureAwait(false))
        {
            if (item.Article is { } a)
            {
                ArabicArticleExtractor.Default.Extract(new Core.Graph.ArticleInfo(Core.Graph.GraphKeys.Article(a.Url, a.Text), a.Text, a.Title, a.Url, a.Source, Published: a.Published));
            }

            if (--left == 0)
            {
                break;
            }
        }
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimedAsync(Func<Task> action)
    {
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await action().ConfigureAwait(false);
        return (watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static long Bytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static async Task<int> CountAsync(string corpus, CancellationToken cancellationToken)
    {
        int count = 0;
        await foreach (Ingestion.Sources.SourceItem item in Ingestion.Sources.ArticleFileReader.ReadAsync([corpus], cancellationToken).ConfigureAwait(false))
        {
            count += item.Article is null ? 0 : 1;
        }

        return count;
    }

    /// <summary>Outcomes as they are reported (on the writer's thread), with the time and CPU time at each tenth of the run.</summary>
    private sealed class Tally(int count)
    {
        private readonly List<(int Done, TimeSpan Wall, TimeSpan Cpu)> _marks = [];
        private readonly Stopwatch _watch = new();
        private TextWriter _output = TextWriter.Null;
        private TimeSpan _cpuAtStart;
        private int _done;

        public int Ingested { get; private set; }

        public int Failed { get; private set; }

        public int Duplicates { get; private set; }

        public void Start(TextWriter output)
        {
            _output = output;
            _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            _marks.Add((0, TimeSpan.Zero, TimeSpan.Zero));
            _watch.Start();
        }

        public void Add(ArticleOutcome outcome)
        {
            if (!outcome.Succeeded)
            {
                Failed++;
                if (Failed <= 10)
                {
                    _output.WriteLine($"  failed: {outcome.Origin}: {outcome.Error}");
                }
            }
            else if (outcome.DuplicateOf is not null)
            {
                Duplicates++;
            }
            else
            {
                Ingested++;
            }

            _done++;
            int tenth = _marks.Count;
            if (tenth <= 10 && _done >= (long)count * tenth / 10)
            {
                Mark();
            }
        }

        public void Finish()
        {
            _watch.Stop();
            if (_marks[^1].Done < _done)
            {
                Mark();
            }
        }

        public string Describe()
        {
            var text = new System.Text.StringBuilder();
            (int done, TimeSpan wall, TimeSpan cpu) = _marks[^1];
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"total: {done:N0} articles in {wall.TotalSeconds:N1} s = {done / Math.Max(0.001, wall.TotalSeconds):N0} articles/s ({cpu.TotalSeconds:N1} CPU-s, {done / Math.Max(0.001, cpu.TotalSeconds):N0} per CPU-s); {Ingested:N0} stored, {Duplicates:N0} duplicates, {Failed:N0} failed");
            return text.ToString();
        }

        private void Mark()
        {
            (int Done, TimeSpan Wall, TimeSpan Cpu) previous = _marks[^1];
            var mark = (_done, _watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart);
            _marks.Add(mark);
            int articles = mark._done - previous.Done;
            double wall = (mark.Item2 - previous.Wall).TotalSeconds;
            double cpu = (mark.Item3 - previous.Cpu).TotalSeconds;
            _output.WriteLine($"tenth {_marks.Count - 1,2}: articles {previous.Done + 1:N0}–{mark._done:N0}: {articles / Math.Max(0.001, wall),7:N0} articles/s ({wall:N1} s), {articles / Math.Max(0.001, cpu),7:N0} per CPU-s; RSS {Environment.WorkingSet / 1e6:N0} MB");
        }
    }
}
