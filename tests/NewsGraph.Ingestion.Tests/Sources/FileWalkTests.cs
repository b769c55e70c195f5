using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion.Tests.Sources;

/// <summary>The walk on a hostile file system: it ends, reads each regular file once and reports what it leaves out.</summary>
public sealed class FileWalkTests : IDisposable
{
    private readonly HostileTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task Read_SymlinkLoops_EndAndEachFileIsReadOnce()
    {
        // a ↔ b loop into each other; two links in b lead back to the root, which doubles the
        // paths at every level for a walk that follows links (the old one never ended).
        _tree.Write("a/one.txt");
        _tree.Write("b/two.txt", HostileTree.Article + " ثانيا");
        _tree.Link("a/to-b", "../b");
        _tree.Link("b/to-a", "../a");
        _tree.Link("b/up", "..");
        _tree.Link("b/up-again", "..");

        List<SourceItem> items = await HostileTree.ReadAllAsync(_tree.Root);

        Assert.Equal(["a/one.txt", "a/to-b", "b/to-a", "b/two.txt", "b/up", "b/up-again"], items.Select(i => Path.GetRelativePath(_tree.Root, i.Origin)));
        Assert.Equal(2, items.Count(i => i.Article is not null));
        Assert.All(items.Where(i => i.Article is null), i => Assert.Contains("symbolic link to a directory", i.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_LinkToItsOwnDirectory_ReadsTheFileOnce()
    {
        _tree.Write("one.txt");
        _tree.Link("self", ".");

        List<SourceItem> items = await HostileTree.ReadAllAsync(_tree.Root);

        Assert.Equal(_tree["one.txt"], Assert.Single(items, i => i.Article is not null).Origin);
        SourceItem skipped = Assert.Single(items, i => i.Article is null);
        Assert.Equal(_tree["self"], skipped.Origin);
        Assert.Contains("not followed", skipped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SeveralLinksToOneFile_ReadsItOnceAndNamesTheFirst()
    {
        _tree.Write("a.txt");
        _tree.Link("b-link.txt", "a.txt");
        _tree.Link("sub/c-link.txt", "../a.txt");
        _tree.HardLink("h.txt", "a.txt");

        List<SourceItem> items = await HostileTree.ReadAllAsync(_tree.Root, _tree["a.txt"]);

        Assert.Equal(_tree["a.txt"], Assert.Single(items, i => i.Article is not null).Origin);
        Assert.Equal(4, items.Count(i => i.Error?.Contains($"the same file as {_tree["a.txt"]}", StringComparison.Ordinal) == true));
    }

    [SkippableFact]
    public async Task Read_NamedPipeCalledTxt_IsSkippedWithoutOpeningIt()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mkfifo and statx are Linux here");
        _tree.Write("good.txt");
        _tree.Fifo("pipe.txt");

        List<SourceItem> items = await HostileTree.ReadAllAsync(_tree.Root);

        Assert.Equal(_tree["good.txt"], Assert.Single(items, i => i.Article is not null).Origin);
        SourceItem pipe = Assert.Single(items, i => i.Article is null);
        Assert.Equal(_tree["pipe.txt"], pipe.Origin);
        Assert.Equal("skipped: a named pipe (FIFO), not a regular file", pipe.Error);
    }

    [SkippableFact]
    public async Task Read_LinkToDevZero_IsSkippedNotRead()
    {
        Skip.IfNot(File.Exists("/dev/zero"), "needs /dev/zero");
        _tree.Write("good.txt");
        _tree.Link("zero.txt", "/dev/zero");

        List<SourceItem> items = await HostileTree.ReadAllAsync(_tree.Root);

        Assert.Equal(_tree["good.txt"], Assert.Single(items, i => i.Article is not null).Origin);
        SourceItem zero = Assert.Single(items, i => i.Article is null);
        Assert.Equal(_tree["zero.txt"], zero.Origin);
        Assert.Contains("device", zero.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_BrokenAndSelfReferentialFileLinks_AreReportedAndTheRestIsRead()
    {
        _tree.Write("good.txt");
        _tree.Link("broken.txt", "missing.txt");
        _tree.Link("loop.txt", "loop.txt");

        List<SourceItem> items = await HostileTree.ReadAllAsync(_tree.Root);

        Assert.Equal(_tree["good.txt"], Assert.Single(items, i => i.Article is not null).Origin);
        Assert.Equal([_tree["broken.txt"], _tree["loop.txt"]], items.Where(i => i.Article is null).Select(i => i.Origin));
        Assert.All(items.Where(i => i.Article is null), i => Assert.Contains("symbolic link that leads nowhere", i.Error, StringComparison.Ordinal));
    }
}
