using System.Runtime.InteropServices;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Ingestion.Tests.Sources;

/// <summary>
/// A temporary directory in which a test builds the layout it needs (links, loops, FIFOs, device
/// links) at run time: nothing of the kind is committed. Reads are time-bound so that a walk
/// that loops or an open that blocks fails the test instead of hanging the run.
/// </summary>
internal sealed class HostileTree : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public const string Article = "قال وزير الخارجية الأردني أيمن الصفدي إن الحل السياسي هو الطريق.";

    public HostileTree() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "newsgraph-walk-" + Guid.NewGuid().ToString("N"));

    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>Writes an article file (creating its folder) and returns its full path.</summary>
    public string Write(string relative, string text = Article)
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string relative, byte[] bytes)
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A symbolic link at <paramref name="relative"/> whose target is written as given (relative targets stay relative).</summary>
    public string Link(string relative, string target)
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    public string HardLink(string relative, string existing)
    {
        string path = this[relative];
        Assert.True(NativeMethods.Link(this[existing], path) == 0, "link(2) failed: " + Marshal.GetLastPInvokeError());
        return path;
    }

    public string Fifo(string relative)
    {
        string path = this[relative];
        Assert.True(NativeMethods.MkFifo(path, Convert.ToUInt32("644", 8)) == 0, "mkfifo(3) failed: " + Marshal.GetLastPInvokeError());
        return path;
    }

    /// <summary>Everything <see cref="ArticleFileReader.ReadAsync(IEnumerable{string}, CancellationToken)"/> yields for the paths.</summary>
    public static Task<List<SourceItem>> ReadAllAsync(params string[] paths) =>
        BoundAsync(token => ArticleFileReader.ReadAsync(paths, token));

    /// <summary>
    /// Collects on the thread pool under both a token and a wall-clock bound: the old walk blocked
    /// inside calls that never look at a token (a recursive enumeration, open(2) of a FIFO).
    /// </summary>
    public static async Task<List<SourceItem>> BoundAsync(Func<CancellationToken, IAsyncEnumerable<SourceItem>> read)
    {
        using var cts = new CancellationTokenSource(Timeout);
        Task<List<SourceItem>> reading = Task.Run(async () =>
        {
            var items = new List<SourceItem>();
            await foreach (SourceItem item in read(cts.Token))
            {
                items.Add(item);
            }

            return items;
        });
        return await reading.WaitAsync(Timeout + TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        // Recursive delete removes links without following them.
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
        public static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        public static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);
    }
}
