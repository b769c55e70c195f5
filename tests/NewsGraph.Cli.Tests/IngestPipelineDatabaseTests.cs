using Microsoft.Data.Sqlite;
using NewsGraph.Cli.Commands;
using NewsGraph.Core.Graph;
using NewsGraph.Extraction;
using NewsGraph.Ingestion;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Tests;

/// <summary>The pipeline on many threads writes exactly the database one thread writes.</summary>
public sealed class IngestPipelineDatabaseTests
{
    [Fact]
    public async Task Ingest_OnManyThreads_WritesTheDatabaseOfASequentialRun()
    {
        using var dir = new TempDir();

        IReadOnlyList<string> sequential = await IngestAndDumpAsync(dir.File("one.db"), threads: 1);
        IReadOnlyList<string> parallel = await IngestAndDumpAsync(dir.File("many.db"), threads: 4);

        Assert.True(sequential.Count > 100, "the sample graph is not empty");
        Assert.Equal(sequential, parallel);
    }

    /// <summary>Ingests the bundled samples (plus a bad file and a copy) and dumps every stored row of every table, shadow tables of the full-text indexes included.</summary>
    private static async Task<IReadOnlyList<string>> IngestAndDumpAsync(string path, int threads)
    {
        using var inputs = new TempDir();
        foreach (string file in Directory.EnumerateFiles(ServeCommand.SamplesDirectory(), "*.txt"))
        {
            File.Copy(file, inputs.File(Path.GetFileName(file)));
        }

        File.Copy(Directory.EnumerateFiles(ServeCommand.SamplesDirectory(), "g0*.txt").Order(StringComparer.Ordinal).First(), inputs.File("g99-copy.txt"));
        await File.WriteAllBytesAsync(inputs.File("g50-empty.txt"), []);
        var store = new SqliteGraphStore(path, new FixedTime());
        await using (store)
        {
            await store.InitializeAsync(CancellationToken.None);
            var ingestor = new ArticleIngestor(new UnevenExtractor(), store, new IngestionEvents(), new IngestionOptions { BatchSize = 4, ExtractionParallelism = threads });
            IngestSummary summary = await IngestCommand.IngestAsync(ingestor, [inputs.Path], progress: null, CancellationToken.None);
            Assert.Single(summary.Failures);
            Assert.Single(summary.Duplicates);
        }

        var rows = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (SqliteCommand list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name";
            await using SqliteDataReader reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (string table in tables)
        {
            await using SqliteCommand select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\""; // names from sqlite_master, quoted
            await using SqliteDataReader reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                object[] values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(table + ": " + string.Join(" | ", values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return rows;
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The real extractor, made to take an uneven, text-dependent extra time (spins, no clock), so threads finish out of order.</summary>
    private sealed class UnevenExtractor : IArticleExtractor
    {
        public ArticleGraph Extract(ArticleInfo article)
        {
            Thread.SpinWait(((article.Text.Length * 7919) & 0xF) * 50_000);
            return ArabicArticleExtractor.Default.Extract(article);
        }
    }
}
