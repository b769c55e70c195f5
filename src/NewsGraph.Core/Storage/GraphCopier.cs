using System.Text.Json;
using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>How far a copy has got, reported after every committed batch.</summary>
/// <param name="ArticlesCopied">Articles handed to the target so far in this run (resumed ones included).</param>
/// <param name="ArticlesTotal">Articles in the source when the copy started.</param>
/// <param name="Cursor">The export cursor of the last committed article (what a resume continues after).</param>
/// <param name="Result">What the target reported, summed over this run's batches.</param>
public sealed record CopyProgress(long ArticlesCopied, long ArticlesTotal, string? Cursor, UpsertResult Result);

/// <summary>
/// Copies a whole graph from any store to any other through the port: the source exports its
/// articles (<see cref="IGraphReader.ExportArticlesAsync"/>, key order, cursor pages) and the
/// target upserts them batch by batch, one transaction each. Upserts are idempotent, so running a
/// copy twice, or again after a crash, changes nothing that was already copied. With a
/// <see cref="StateFile"/>, the cursor of the last committed batch is saved after every batch and
/// a later run for the same <see cref="TargetName"/> resumes after it; the file is deleted when
/// the copy completes. It lives in Core because it joins two ports and neither store should
/// depend on the other.
/// </summary>
public sealed class GraphCopier(IGraphReader source, IGraphWriter target)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Articles per export page and per target transaction.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Where to keep the resume cursor (e.g. <see cref="StateFileFor"/> of the source file); null: not resumable.</summary>
    public string? StateFile { get; init; }

    /// <summary>Identifies the target in the state file (a URI without credentials), so a copy to another target starts over.</summary>
    public string TargetName { get; init; } = "target";

    /// <summary>The state file next to a source database file: <c>{file}.copy-state.json</c>.</summary>
    public static string StateFileFor(string sourceDatabasePath) => Path.GetFullPath(sourceDatabasePath) + ".copy-state.json";

    /// <summary>Copies every article not yet copied (by the state file) and returns the final progress.</summary>
    public async Task<CopyProgress> CopyAsync(IProgress<CopyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        CopyState? state = ReadState();
        string? after = state?.Target == TargetName ? state.Cursor : null;
        long copied = after is null ? 0 : state!.Copied;
        UpsertResult result = UpsertResult.Empty;
        long total = -1;

        while (true)
        {
            Page<ArticleGraph> page = await source.ExportArticlesAsync(new PageRequest(First: BatchSize, After: after, IncludeTotal: total < 0), cancellationToken);
            if (total < 0)
            {
                total = page.TotalCount ?? 0;
            }

            if (page.Items.Count > 0)
            {
                result = result.Add(await target.UpsertAsync([.. page.Items.Select(i => i.Node)], cancellationToken));
                copied += page.Items.Count;
                after = page.EndCursor;
                WriteState(new CopyState(TargetName, after, copied));
                progress?.Report(new CopyProgress(copied, total, after, result));
            }

            if (!page.HasNextPage)
            {
                break;
            }
        }

        if (StateFile is not null && File.Exists(StateFile))
        {
            File.Delete(StateFile);
        }

        var done = new CopyProgress(copied, total, after, result);
        progress?.Report(done);
        return done;
    }

    private CopyState? ReadState()
    {
        if (StateFile is null || !File.Exists(StateFile))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CopyState>(File.ReadAllText(StateFile), s_json);
        }
        catch (JsonException)
        {
            // A torn or foreign file: start over (the copy is idempotent).
            return null;
        }
    }

    private void WriteState(CopyState state)
    {
        if (StateFile is null)
        {
            return;
        }

        // Write then rename, so a crash leaves the old state or the new one, never half a file.
        string temporary = StateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, s_json));
        File.Move(temporary, StateFile, overwrite: true);
    }

    private sealed record CopyState(string Target, string? Cursor, long Copied);
}
