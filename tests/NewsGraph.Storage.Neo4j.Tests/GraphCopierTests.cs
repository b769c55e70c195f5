using NewsGraph.Core.Storage;
using NewsGraph.Storage.Contract;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Storage.Neo4j.Tests;

/// <summary>GraphCopier between two embedded stores (no server needed): batches, progress, resume, idempotency.</summary>
public sealed class GraphCopierTests : IAsyncLifetime
{
    private static readonly CancellationToken s_none = CancellationToken.None;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsgraph-copier-tests", Guid.NewGuid().ToString("N"));
    private SqliteGraphStore _source = null!;
    private SqliteGraphStore _target = null!;

    public async Task InitializeAsync()
    {
        _source = new SqliteGraphStore(Path.Combine(_folder, "source.db"));
        _target = new SqliteGraphStore(Path.Combine(_folder, "target.db"));
        await _source.InitializeAsync(s_none);
        await _target.InitializeAsync(s_none);
        await _source.UpsertAsync(SampleGraph.Articles, s_none);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task CopyAsync_InterruptedThenRunAgain_ResumesAfterTheLastBatchAndCompletes()
    {
        string stateFile = GraphCopier.StateFileFor(_source.DatabasePath);
        var copier = new GraphCopier(_source, _target) { BatchSize = 2, StateFile = stateFile, TargetName = "target.db" };
        using var stop = new CancellationTokenSource();
        var first = new List<CopyProgress>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copier.CopyAsync(new Cancelling(first, stop, after: 2), stop.Token));
        Assert.True(File.Exists(stateFile));
        Assert.Equal(4, first[^1].ArticlesCopied);

        var second = new List<CopyProgress>();
        CopyProgress done = await copier.CopyAsync(new Cancelling(second, null, after: int.MaxValue), s_none);

        // Only the last three articles went in the second run.
        Assert.Equal((7L, 7L, 3), (done.ArticlesCopied, done.ArticlesTotal, done.Result.ArticlesWritten));
        Assert.False(File.Exists(stateFile));
        Assert.Equal(await ReadsAsync(_source), await ReadsAsync(_target));
    }

    [Fact]
    public async Task CopyAsync_Twice_SecondRunChangesNothing()
    {
        var copier = new GraphCopier(_source, _target) { BatchSize = 3 };

        CopyProgress first = await copier.CopyAsync(null, s_none);
        CopyProgress second = await copier.CopyAsync(null, s_none);

        Assert.Equal(new UpsertResult(7, 0, 18, 13), first.Result);
        Assert.Equal(new UpsertResult(0, 7, 0, 0), second.Result);
    }

    [Fact]
    public async Task CopyAsync_StateOfAnotherTarget_StartsOver()
    {
        string stateFile = GraphCopier.StateFileFor(_source.DatabasePath);
        await File.WriteAllTextAsync(stateFile, """{"Target":"elsewhere","Cursor":"WyJ4IiwieCJd","Copied":5}""");

        CopyProgress done = await new GraphCopier(_source, _target) { StateFile = stateFile, TargetName = "target.db" }.CopyAsync(null, s_none);

        Assert.Equal(7, done.Result.ArticlesWritten);
    }

    private static async Task<string> ReadsAsync(IGraphStore store) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            Entities = await store.FindEntitiesAsync(new EntityQuery(), new PageRequest(First: 100), s_none),
            Relations = await store.FindRelationsAsync(new RelationQuery(), new PageRequest(First: 100), s_none),
            Stats = await store.GetStatsAsync(s_none),
        });

    /// <summary>Records progress and cancels the copy after a number of reports (a crash between batches).</summary>
    private sealed class Cancelling(List<CopyProgress> reports, CancellationTokenSource? stop, int after) : IProgress<CopyProgress>
    {
        public void Report(CopyProgress value)
        {
            reports.Add(value);
            if (reports.Count >= after)
            {
                stop?.Cancel();
            }
        }
    }
}
