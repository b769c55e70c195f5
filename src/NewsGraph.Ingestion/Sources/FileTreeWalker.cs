namespace NewsGraph.Ingestion.Sources;

/// <summary>An entry the walk found: a file to read, or why an entry was left out.</summary>
internal readonly record struct WalkEntry(string Path, string? Skipped);

/// <summary>
/// Finds the article files under a directory. Symbolic links to directories are not followed:
/// a corpus is a tree, and following links is what let two links make a walk explode and a
/// link to "." read one file dozens of times; real-path bookkeeping would stop the loops but
/// still reach outside the tree. Such a link is reported so nothing is dropped in silence (its
/// target can be passed as an argument). Links to files are kept; the reader checks what they
/// reach. Directories are also remembered by identity, so a loop made another way (a bind
/// mount) ends too. A directory that cannot be listed is reported and the walk goes on.
/// </summary>
/// <param name="listDirectory">
/// The entries of one directory, not recursive. A seam: the tests run as root, whom no
/// permission stops, so they inject the listing failure an unreadable directory causes.
/// </param>
internal sealed class FileTreeWalker(Func<string, IEnumerable<string>> listDirectory)
{
    public static FileTreeWalker Default { get; } = new(Directory.EnumerateFileSystemEntries);

    /// <summary>Everything under <paramref name="root"/> worth reading or reporting, in ordinal path order.</summary>
    public IReadOnlyList<WalkEntry> Walk(string root, CancellationToken cancellationToken)
    {
        var entries = new List<WalkEntry>();
        var walked = new HashSet<FileIdentity>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string directory = pending.Pop();
            FileFacts facts = FileProbe.Stat(directory);
            if (facts.Kind == FileKind.Directory && !walked.Add(facts.Identity))
            {
                entries.Add(new WalkEntry(directory, "skipped: a directory already walked (the file system loops back to it)"));
                continue;
            }

            foreach (string child in List(directory, entries))
            {
                FileKind kind = FileProbe.Lstat(child).Kind;
                if (kind == FileKind.Directory)
                {
                    pending.Push(child);
                }
                else if (kind == FileKind.SymbolicLink && FileProbe.Stat(child).Kind == FileKind.Directory)
                {
                    entries.Add(new WalkEntry(child, "skipped: a symbolic link to a directory (links to directories are not followed; pass the target itself to read it)"));
                }
                else if (ArticleFileReader.IsArticleFile(child))
                {
                    entries.Add(new WalkEntry(child, null));
                }
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return entries;
    }

    /// <summary>The entries of one directory; a listing that fails keeps what was listed before the failure.</summary>
    private List<string> List(string directory, List<WalkEntry> entries)
    {
        var children = new List<string>();
        try
        {
            foreach (string child in listDirectory(directory))
            {
                children.Add(child);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            entries.Add(new WalkEntry(directory, "cannot list the directory: " + ex.Message));
        }

        return children;
    }
}
