using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion.Tests.Sources;

/// <summary>The file type comes from a stat, never from opening the file.</summary>
public sealed class FileProbeTests : IDisposable
{
    private readonly HostileTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [SkippableFact]
    public void Lstat_EachKindOfEntry_IsTypedWithoutOpeningIt()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "statx is Linux");
        string file = _tree.Write("a.txt");
        string fifo = _tree.Fifo("pipe.txt");
        string link = _tree.Link("link", "a.txt");

        Assert.Equal(FileKind.Regular, FileProbe.Lstat(file).Kind);
        Assert.Equal(new FileInfo(file).Length, FileProbe.Lstat(file).Size);
        Assert.Equal(FileKind.Directory, FileProbe.Lstat(_tree.Root).Kind);
        Assert.Equal(FileKind.NamedPipe, FileProbe.Lstat(fifo).Kind);
        Assert.Equal(FileKind.CharacterDevice, FileProbe.Lstat("/dev/null").Kind);
        Assert.Equal(FileKind.SymbolicLink, FileProbe.Lstat(link).Kind);
        Assert.Equal(FileProbe.Stat(file).Identity, FileProbe.Stat(link).Identity);
        Assert.Equal(new FileFacts(FileKind.Missing, 0, default), FileProbe.Stat(_tree["nothing"]));
    }

    [Fact]
    public void Managed_WithoutStatx_StillTellsLinksDirectoriesAndMissingPaths()
    {
        string file = _tree.Write("a.txt");
        string dirLink = _tree.Link("up", ".");
        string broken = _tree.Link("broken.txt", "missing.txt");

        Assert.Equal(FileKind.Regular, FileProbe.Managed(file, followLinks: true).Kind);
        Assert.Equal(FileKind.SymbolicLink, FileProbe.Managed(dirLink, followLinks: false).Kind);
        Assert.Equal(FileKind.Directory, FileProbe.Managed(dirLink, followLinks: true).Kind);
        Assert.Equal(new FileFacts(FileKind.Missing, 0, default), FileProbe.Managed(broken, followLinks: true));
    }
}
