using System.Runtime.InteropServices;

namespace NewsGraph.Ingestion.Sources;

/// <summary>What a path names, as the file system says without opening it.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>Which file a path reaches: the same identity through two paths means the same file.</summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string? ResolvedPath);

/// <summary>
/// The type, size and identity of a path. For a <see cref="FileKind.Missing"/> path, <see cref="Error"/>
/// is null when nothing is there, else the system's reason (a link loop, a denied search).
/// </summary>
internal readonly record struct FileFacts(FileKind Kind, long Size, FileIdentity Identity, string? Error = null)
{
    /// <summary>How a skipped entry is named in a report ("a named pipe").</summary>
    public string Describe() => Kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Regular => "a regular file",
        _ => "missing",
    };
}

/// <summary>
/// stat without open: opening a FIFO blocks until a writer comes and reading a device never ends,
/// so the type must be known first. .NET has no public API for the file type (FileAttributes
/// cannot tell a FIFO from a file), hence statx(2), whose struct layout, unlike stat's, is the
/// same on every Linux architecture. Elsewhere, or where statx is missing (old kernel or libc,
/// a sandbox), the managed fallback sees only directories, links and "files"; the reader then
/// still never opens a zero-length file, which is what FIFOs and devices report.
/// </summary>
internal static class FileProbe
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtNoAutomount = 0x800;
    private const uint StatxTypeInoSize = 0x0001 | 0x0100 | 0x0200;
    private const int NoSuchEntry = 2; // ENOENT
    private const int NotADirectory = 20; // ENOTDIR
    private const int NotImplemented = 38; // ENOSYS

    private static bool s_statxMissing = !OperatingSystem.IsLinux();

    /// <summary>The path itself; a symbolic link is reported as a link.</summary>
    public static FileFacts Lstat(string path) => Probe(path, followLinks: false);

    /// <summary>What the path leads to, through any symbolic links.</summary>
    public static FileFacts Stat(string path) => Probe(path, followLinks: true);

    private static FileFacts Probe(string path, bool followLinks)
    {
        if (!s_statxMissing)
        {
            FileFacts? facts = TryStatx(path, followLinks);
            if (facts is not null)
            {
                return facts.Value;
            }

            s_statxMissing = true;
        }

        return Managed(path, followLinks);
    }

    private static FileFacts? TryStatx(string path, bool followLinks)
    {
        byte[] buffer = new byte[256];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, AtNoAutomount | (followLinks ? 0 : AtSymlinkNoFollow), StatxTypeInoSize, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        if (result != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno == NotImplemented ? null
                : new FileFacts(FileKind.Missing, 0, default, errno is NoSuchEntry or NotADirectory ? null : Marshal.GetPInvokeErrorMessage(errno));
        }

        // struct statx: stx_mode at 28, stx_ino at 32, stx_size at 40, stx_dev_major/minor at 136/140.
        ReadOnlySpan<byte> stx = buffer;
        ushort mode = MemoryMarshal.Read<ushort>(stx[28..]);
        ulong inode = MemoryMarshal.Read<ulong>(stx[32..]);
        long size = MemoryMarshal.Read<long>(stx[40..]);
        ulong device = ((ulong)MemoryMarshal.Read<uint>(stx[136..]) << 32) | MemoryMarshal.Read<uint>(stx[140..]);
        FileKind kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.NamedPipe,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Socket,
        };
        return new FileFacts(kind, size, new FileIdentity(device, inode, null));
    }

    /// <summary>What .NET can tell without statx: directories, links and "files" (a FIFO among them).</summary>
    internal static FileFacts Managed(string path, bool followLinks)
    {
        try
        {
            FileSystemInfo info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                if (!followLinks)
                {
                    return new FileFacts(FileKind.SymbolicLink, 0, new FileIdentity(0, 0, info.FullName));
                }

                info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            }

            if (Directory.Exists(info.FullName))
            {
                return new FileFacts(FileKind.Directory, 0, new FileIdentity(0, 0, info.FullName));
            }

            var file = new FileInfo(info.FullName);
            return file.Exists
                ? new FileFacts(FileKind.Regular, file.Length, new FileIdentity(0, 0, file.FullName))
                : new FileFacts(FileKind.Missing, 0, default);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileFacts(FileKind.Missing, 0, default, ex.Message);
        }
    }

    // SYSLIB1054 (LibraryImport) is informational; DllImport keeps the project free of unsafe code.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
