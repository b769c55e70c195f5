using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion.Tests.Sources;

/// <summary>
/// A directory that cannot be listed. The tests run as root, and chmod does not stop root, so the
/// failure is injected through the walker's directory-listing seam: the exception is the one
/// Directory.EnumerateFileSystemEntries throws for a directory without read permission.
/// </summary>
public sealed class UnreadableDirectoryTests : IDisposable
{
    private readonly HostileTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task Read_UnreadableSubdirectory_IsReportedAndEveryReadableFileIsRead()
    {
        _tree.Write("a.txt");
        _tree.Write("locked/b.txt", HostileTree.Article + " ثانيا");
        _tree.Write("z/c.txt", HostileTree.Article + " ثالثا");
        string locked = _tree["locked"];
        var walker = new FileTreeWalker(directory => directory == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{locked}' is denied.")
            : Directory.EnumerateFileSystemEntries(directory));

        List<SourceItem> items = await HostileTree.BoundAsync(token => ArticleFileReader.ReadAsync([_tree.Root], walker, token));

        Assert.Equal([_tree["a.txt"], locked, _tree["z/c.txt"]], items.Select(i => i.Origin));
        Assert.Equal($"cannot list the directory: Access to the path '{locked}' is denied.", items[1].Error);
        Assert.NotNull(items[0].Article);
        Assert.NotNull(items[2].Article);
    }

    [Fact]
    public async Task Read_ListingFailsHalfway_KeepsTheEntriesListedBeforeTheFailure()
    {
        _tree.Write("a.txt");
        var walker = new FileTreeWalker(ListThenFail);

        List<SourceItem> items = await HostileTree.BoundAsync(token => ArticleFileReader.ReadAsync([_tree.Root], walker, token));

        Assert.Equal([_tree.Root, _tree["a.txt"]], items.Select(i => i.Origin));
        Assert.StartsWith("cannot list the directory: ", items[0].Error, StringComparison.Ordinal);
        Assert.NotNull(items[1].Article);
    }

    private static IEnumerable<string> ListThenFail(string directory)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(directory))
        {
            yield return entry;
        }

        throw new IOException("Input/output error");
    }
}
