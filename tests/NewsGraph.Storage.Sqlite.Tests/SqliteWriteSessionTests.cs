using Microsoft.Data.Sqlite;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Storage;
using NewsGraph.Storage.Contract;
using static NewsGraph.Storage.Contract.SampleGraph;

namespace NewsGraph.Storage.Sqlite.Tests;

/// <summary>
/// Group commit in the embedded store: batches of one session share a transaction; readers see the
/// last commit while the session writes; a batch that fails rolls the transaction back, which is the
/// batch's own error when it was the first since the commit and the loss of every uncommitted batch
/// otherwise. Failures are made by triggers added to the file.
/// </summary>
public sealed class SqliteWriteSessionTests : GraphStoreContract<SqliteStoreFactory>
{
    [Fact]
    public async Task WriteSession_BatchFailsAfterOthers_ThrowsLostAndStoresNoneOfThem()
    {
        SqliteGraphStore store = await StoreAsync();
        await RefuseAsync(store, Article4, "ABORT");

        await using (IGraphWriteSession session = store.OpenWriteSession())
        {
            await session.WriteAsync([Article1, Article2], None);
            WriteSessionLostException lost = await Assert.ThrowsAsync<WriteSessionLostException>(() => session.WriteAsync([Article3, Article4], None));
            Assert.IsType<SqliteException>(lost.InnerException);
            await Assert.ThrowsAsync<WriteSessionLostException>(() => session.WriteAsync([Article5], None));
        }

        Assert.Equal(0, (await store.GetStatsAsync(None)).Articles);
        Assert.Equal(0L, await new SqliteFile(store.DatabasePath).ScalarAsync<long>("SELECT count(*) FROM entity_mentions;"));
    }

    [Fact]
    public async Task WriteSession_FirstBatchSinceTheCommitFails_ThrowsItsErrorAndTakesTheNextBatch()
    {
        SqliteGraphStore store = await StoreAsync();
        await RefuseAsync(store, Article4, "ABORT");
        IGraphStore expected = await EmptyStoreAsync();
        await expected.UpsertAsync([Article1, Article2, Article5], None);

        await using (IGraphWriteSession session = store.OpenWriteSession())
        {
            await session.WriteAsync([Article1, Article2], None);
            await session.CommitAsync(None);
            SqliteException refused = await Assert.ThrowsAsync<SqliteException>(() => session.WriteAsync([Article3, Article4], None));
            Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
            await session.WriteAsync([Article5], None);
            await session.CommitAsync(None);
        }

        // Article 3 was written before article 4 failed: the rollback took it back with the rest of its batch.
        Assert.Equal(await SnapshotAsync(expected, includeArticles: false), await SnapshotAsync(store, includeArticles: false));
        Assert.Equal(Sorted([Article1.Article.Key, Article2.Article.Key, Article5.Article.Key]), Sorted(Keys(await ArticlesAsync(store, new ArticleQuery()))));
    }

    [Fact]
    public async Task WriteSession_FailureEndsTheTransaction_ThrowsLostKeepsTheLastCommitAndLetsTheNextWriterIn()
    {
        SqliteGraphStore store = await StoreAsync();
        await RefuseAsync(store, Article4, "ROLLBACK");

        await using (IGraphWriteSession session = store.OpenWriteSession())
        {
            await session.WriteAsync([Article1], None);
            await session.CommitAsync(None);
            await session.WriteAsync([Article2], None);
            await Assert.ThrowsAsync<WriteSessionLostException>(() => session.WriteAsync([Article3, Article4], None));
            await Assert.ThrowsAsync<WriteSessionLostException>(() => session.WriteAsync([Article5], None));
            await Assert.ThrowsAsync<WriteSessionLostException>(() => session.CommitAsync(None));
        }

        Assert.Equal([Article1.Article.Key], Keys(await ArticlesAsync(store, new ArticleQuery())));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)); // the gate was released
        await store.UpsertAsync([Article2], timeout.Token);
        Assert.Equal(2, (await store.GetStatsAsync(None)).Articles);
    }

    [Fact]
    public async Task WriteSession_WhileATransactionIsOpen_ReadsSeeTheLastCommit()
    {
        SqliteGraphStore store = await StoreAsync();
        await using IGraphWriteSession session = store.OpenWriteSession();
        await session.WriteAsync([Article1, Article2], None);
        await session.CommitAsync(None);

        await session.WriteAsync([Article3, Article5], None);
        long before = await new SqliteFile(store.DatabasePath).ScalarAsync<long>("SELECT count(*) FROM articles;");
        GraphStats during = await store.GetStatsAsync(None);
        IReadOnlyList<ArticleRecord> pending = await store.GetArticlesAsync([Article3.Article.Key], None);
        await session.CommitAsync(None);

        Assert.Equal(2, before);
        Assert.Equal(2, during.Articles);
        Assert.Empty(pending);
        Assert.Equal(4, (await store.GetStatsAsync(None)).Articles);
    }

    [Fact]
    public async Task WriteSession_DisposedWithoutCommit_StoresNothing()
    {
        SqliteGraphStore store = await StoreAsync();

        await using (IGraphWriteSession session = store.OpenWriteSession())
        {
            await session.WriteAsync([Article1, Article2], None);
        }

        Assert.Equal(0, (await store.GetStatsAsync(None)).Articles);
        await store.UpsertAsync([Article3], None); // the gate was released
        Assert.Equal(1, (await store.GetStatsAsync(None)).Articles);
    }

    [Fact]
    public async Task WriteSession_CancelledBeforeABatch_WritesNothingOfItAndTheRestCommits()
    {
        SqliteGraphStore store = await StoreAsync();
        await using IGraphWriteSession session = store.OpenWriteSession();
        await session.WriteAsync([Article1], None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.WriteAsync([Article2, Article3], new CancellationToken(canceled: true)));
        await session.CommitAsync(None);

        Assert.Equal([Article1.Article.Key], Keys(await ArticlesAsync(store, new ArticleQuery())));
    }

    [Fact]
    public async Task WriteSession_ManyCommitsPastTheRestartSize_TheLogStartsOverAndStaysBounded()
    {
        const int restartPages = 64;
        string path = SqliteStoreFactory.NewDatabasePath();
        try
        {
            long largest = 0;
            await using (var store = new SqliteGraphStore(path) { WalRestartPages = restartPages })
            {
                await store.InitializeAsync(None);
                await using IGraphWriteSession session = store.OpenWriteSession();
                for (int i = 0; i < 60; i++)
                {
                    await session.WriteAsync([Copy(Article1, i), Copy(Article2, i), Copy(Article3, i)], None);
                    await session.CommitAsync(None);
                    largest = Math.Max(largest, WalFileSize(path));
                }

                Assert.True(store.WalRestarts >= 5, $"the writer copied the whole log back {store.WalRestarts} times");

                // The log's header counts the times it started over (its checkpoint sequence number).
                Assert.True(WalCheckpointSequence(path) >= store.WalRestarts - 1, $"the log started over {WalCheckpointSequence(path)} times");
                Assert.Equal(60 * 3, (await store.GetStatsAsync(None)).Articles);
            }

            // The commits wrote at least restarts × restartPages pages, more than this bound; the log holds at
            // most restartPages and the last two commits' pages (a page is 4,096 bytes and a 24-byte frame header).
            Assert.True(largest < 4 * restartPages * 4_120L + 32, $"the log reached {largest:N0} bytes");
        }
        finally
        {
            SqliteStoreFactory.DeleteDatabase(path);
        }
    }

    private async Task<SqliteGraphStore> StoreAsync() => (SqliteGraphStore)await EmptyStoreAsync();

    /// <summary>A trigger that fails the insert of <paramref name="article"/> with <c>RAISE(<paramref name="how"/>)</c>.</summary>
    private static Task RefuseAsync(SqliteGraphStore store, ArticleGraph article, string how) =>
        new SqliteFile(store.DatabasePath).ExecuteAsync(
            $"CREATE TRIGGER refuse_article BEFORE INSERT ON articles WHEN NEW.key = '{article.Article.Key.Replace("'", "''", StringComparison.Ordinal)}' BEGIN SELECT RAISE({how}, 'refused by a test trigger'); END;");

    /// <summary><paramref name="article"/> under another key, with its text changed, so each copy writes new rows.</summary>
    private static ArticleGraph Copy(ArticleGraph article, int copy) =>
        article with { Article = article.Article with { Key = $"{article.Article.Key}/copy/{copy}", Text = $"{article.Article.Text} {copy}" } };

    private static long WalFileSize(string path) => File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0;

    /// <summary>The checkpoint sequence number of the log's header (bytes 12–15, big-endian): SQLite adds one each time the log starts over.</summary>
    private static long WalCheckpointSequence(string path)
    {
        using var wal = new FileStream(path + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        byte[] header = new byte[16];
        wal.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }
}
