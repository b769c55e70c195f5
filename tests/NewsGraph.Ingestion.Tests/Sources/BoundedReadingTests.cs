using System.Text;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion.Tests.Sources;

/// <summary>No input can make the reader hold more than the article limit: sizes are checked before reading and reads stop at the limit.</summary>
public sealed class BoundedReadingTests : IDisposable
{
    private readonly HostileTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task Read_FileLargerThanTheLimit_IsRefusedWithItsSizeWithoutReadingIt()
    {
        // Sparse: 8 GiB that take no disk, more than any byte array could hold.
        string huge = _tree["huge.txt"];
        using (var stream = new FileStream(huge, FileMode.CreateNew))
        {
            stream.SetLength(8L << 30);
        }

        SourceItem item = Assert.Single(await HostileTree.ReadAllAsync(huge));

        Assert.Equal("too large: 8,589,934,592 bytes (the limit is 4,194,304)", item.Error);
    }

    [Fact]
    public async Task ReadAsync_StreamLongerThanItClaims_StopsJustPastTheLimit()
    {
        var endless = new EndlessStream(claimedLength: 10);

        var ex = await Assert.ThrowsAsync<ArticleRejectedException>(() => BoundedReading.ReadAsync(endless, 1000, CancellationToken.None));

        Assert.Equal("too large: more than 1,000 bytes came from a file that claimed 10 (the limit is 1,000)", ex.Message);
        Assert.InRange(endless.Served, 1001, 1000 + 4096);
    }

    [Fact]
    public async Task Read_JsonLinesWithALineOverTheLimit_SkipsThatLineAndReadsTheNext()
    {
        string path = _tree["feed.jsonl"];
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteAsync("{\"text\": \"");
            await writer.WriteAsync(new string('ب', ArticleDecoding.MaxArticleBytes));
            await writer.WriteAsync("\"}\n{\"text\": \"" + HostileTree.Article + "\"}\n");
        }

        List<SourceItem> items = await HostileTree.ReadAllAsync(path);

        Assert.Equal([path + ":1", path + ":2"], items.Select(i => i.Origin));
        Assert.Equal("too large: a line of more than 4,194,304 characters; skipped", items[0].Error);
        Assert.Equal(HostileTree.Article, items[1].Article?.Text);
    }

    /// <summary>A stream that reports a small length and never ends, like a file that keeps growing.</summary>
    private sealed class EndlessStream(long claimedLength) : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => claimedLength;

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, 4096);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            Served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
