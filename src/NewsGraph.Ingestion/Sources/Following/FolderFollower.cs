using System.Collections.Concurrent;
using System.Security.Cryptography;
using NewsGraph.Core.Storage;

namespace NewsGraph.Ingestion.Sources.Following;

/// <summary>
/// Follows one folder (and its subfolders): a <see cref="FileSystemWatcher"/> names the files that
/// land or change, and a full rescan every <see cref="FollowOptions.RescanInterval"/> (and at start)
/// catches what it missed. A file is read once it has been left alone for
/// <see cref="FollowOptions.FileSettleTime"/>, and only if its bytes' hash differs from the one seen
/// last (new, or changed); it is read exactly as <c>newsgraph ingest</c> reads it and ingested
/// through the same pipeline, then marked seen with its hash.
/// </summary>
public sealed class FolderFollower : IFollowedSource, IDisposable
{
    private readonly string _folder;
    private readonly FollowOptions _options;
    private readonly IArticleIngestor _ingestor;
    private readonly ISourceStateStore _states;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _news = new(0, 1);

    // Size and write time of each file when it was last hashed: a rescan hashes only what moved.
    private readonly Dictionary<string, (long Size, DateTime Written, string Hash)> _hashed = new(StringComparer.Ordinal);
    private FileSystemWatcher? _watcher;
    private DateTimeOffset _nextRescan = DateTimeOffset.MinValue;

    // Set from the watcher's threads; a bool, so it cannot be read half-written.
    private volatile bool _rescanRequested = true;
    private DateTimeOffset? _nextSettleCheck;

    public FolderFollower(string folder, FollowOptions options, IArticleIngestor ingestor, ISourceStateStore states, TimeProvider time, Action<string> log)
    {
        _folder = Path.GetFullPath(folder);
        _options = options;
        _ingestor = ingestor;
        _states = states;
        _time = time;
        _log = log;
        Initial = new SourceState("folder:" + _folder, FollowedSourceKind.Folder, _folder);
    }

    public SourceState Initial { get; }

    public async Task<(SourceState State, int Ingested)> PollAsync(SourceState state, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder))
        {
            // Watch afresh when it is back: a watcher does not follow a folder that was removed and made again.
            _watcher?.Dispose();
            _watcher = null;
            _rescanRequested = true;
            throw new SourceFailedException("no such folder");
        }

        StartWatching();
        DateTimeOffset now = _time.GetUtcNow();
        IEnumerable<string> candidates;
        if (_rescanRequested || now >= _nextRescan)
        {
            _rescanRequested = false;
            // Cleared first: whatever the watcher reports from here on is looked at again next pass.
            _changed.Clear();
            _nextRescan = now + _options.RescanInterval;
            candidates = FileTreeWalker.Default.Walk(_folder, cancellationToken).Where(e => e.Skipped is null).Select(e => e.Path);
        }
        else
        {
            candidates = [.. _changed.Keys];
            foreach (string path in candidates)
            {
                _changed.TryRemove(path, out _);
            }
        }

        List<string> settled = SettledFiles(candidates, now);
        Dictionary<string, string> hashes = [];
        foreach (string path in settled)
        {
            if (await HashAsync(path, cancellationToken) is { } hash)
            {
                hashes[path] = hash;
            }
        }

        IReadOnlyDictionary<string, string> seen = await _states.GetSeenItemsAsync(Initial.Id, hashes.Keys, cancellationToken);
        List<string> fresh = [.. hashes.Keys.Where(p => !seen.TryGetValue(p, out string? hash) || hash != hashes[p]).Order(StringComparer.Ordinal)];
        if (fresh.Count == 0)
        {
            return (state, 0);
        }

        var articles = new List<ArticleInput>();
        await foreach (SourceItem item in ArticleFileReader.ReadAsync(fresh, cancellationToken))
        {
            if (item.Article is { } article)
            {
                articles.Add(article);
            }
            else
            {
                _log($"{Initial.Id}: {item.Origin}: {item.Error}");
            }
        }

        IngestReport report = await _ingestor.IngestAsync(articles, null, cancellationToken);
        if (report.StoreUnavailable is not null)
        {
            throw new SourceFailedException("the store is unavailable: " + report.StoreUnavailable);
        }

        foreach (ArticleOutcome failed in report.Outcomes.Where(o => !o.Succeeded))
        {
            _log($"{Initial.Id}: {failed.Origin}: {failed.Error}");
        }

        // A file that failed is seen too: it would fail again until it changes, and a change is read again.
        await _states.MarkItemsSeenAsync(Initial.Id, [.. fresh.Select(p => new SeenItem(p, hashes[p]))], cancellationToken);
        return (state, report.Ingested);
    }

    public async Task WaitForNextPassAsync(TimeSpan upTo, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        TimeSpan wait = upTo;
        if (_nextSettleCheck is { } settle)
        {
            // A file still being written: come back when it should have settled, not at the next rescan.
            wait = settle - now < wait ? settle - now : wait;
            _nextSettleCheck = null;
        }

        if (wait > TimeSpan.Zero)
        {
            await _news.WaitAsync(wait, cancellationToken);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _news.Dispose();
    }

    /// <summary>The article files of <paramref name="candidates"/> left alone long enough; the others are kept for a later pass.</summary>
    private List<string> SettledFiles(IEnumerable<string> candidates, DateTimeOffset now)
    {
        var settled = new List<string>();
        foreach (string path in candidates.Where(ArticleFileReader.IsArticleFile))
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                continue;
            }

            DateTimeOffset settlesAt = new DateTimeOffset(info.LastWriteTimeUtc) + _options.FileSettleTime;
            if (settlesAt <= now)
            {
                settled.Add(path);
                continue;
            }

            _changed.TryAdd(path, 0);
            _nextSettleCheck = _nextSettleCheck is { } earlier && earlier < settlesAt ? earlier : settlesAt;
        }

        return settled;
    }

    private async Task<string?> HashAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            (long Size, DateTime Written) now = (info.Length, info.LastWriteTimeUtc);
            if (_hashed.TryGetValue(path, out var known) && (known.Size, known.Written) == now)
            {
                return known.Hash;
            }

            await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            string hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            _hashed[path] = (now.Size, now.Written, hash);
            return hash;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone or locked since it was listed: the watcher or the next rescan brings it back.
            return null;
        }
    }

    private void StartWatching()
    {
        if (_watcher is not null)
        {
            return;
        }

        var watcher = new FileSystemWatcher(_folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) => Changed(e.FullPath);

        // Events were lost (buffer overflow): rescan everything at the next pass.
        watcher.Error += (_, _) =>
        {
            _rescanRequested = true;
            Wake();
        };
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
    }

    private void Changed(string path)
    {
        if (Directory.Exists(path))
        {
            // A folder moved in brings files the watcher will not name one by one.
            _rescanRequested = true;
        }
        else
        {
            _changed.TryAdd(path, 0);
        }

        Wake();
    }

    private void Wake()
    {
        try
        {
            _news.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; the pass will take every change gathered so far.
        }
        catch (ObjectDisposedException)
        {
            // Events after disposal are of no interest.
        }
    }
}
