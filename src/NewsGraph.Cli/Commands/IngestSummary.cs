using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// What an ingest run did, for the summary line and the exit code. An article counts once: a
/// second copy (another file name, another chunk) is listed as a duplicate of the first, and is
/// no failure. Stored articles are told apart by what the store did with them: new, changed (stored
/// before with other content) or unchanged (stored before as they are: nothing was written).
/// </summary>
internal sealed class IngestSummary
{
    // Article key → the input that first brought it, for reports that do not say it themselves
    // (the pipeline marks every copy in its run with DuplicateOf, so this holds only what Add(IngestReport) sees).
    private readonly Dictionary<string, string> _firstOrigin = new(StringComparer.Ordinal);

    /// <summary>Articles in the store after the run: new, changed and unchanged (and any the store did not classify).</summary>
    public int Articles { get; private set; }

    public int New { get; private set; }

    public int Changed { get; private set; }

    public int Unchanged { get; private set; }

    public int Entities { get; private set; }

    public int Relations { get; private set; }

    public List<(string Origin, string Reason)> Failures { get; } = [];

    public List<(string Origin, string FirstOrigin)> Duplicates { get; } = [];

    public TimeSpan Elapsed { get; set; }

    /// <summary>Set once the store stayed unavailable past the retry deadline: the reason every later article is not stored.</summary>
    public string? StoreUnavailable { get; set; }

    public void Add(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        StoreUnavailable ??= report.StoreUnavailable;
        foreach (ArticleOutcome outcome in report.Outcomes)
        {
            if (outcome.Succeeded && outcome.DuplicateOf is null && outcome.ArticleKey is { } key && !_firstOrigin.TryAdd(key, outcome.Origin))
            {
                Duplicates.Add((outcome.Origin, _firstOrigin[key]));
            }
            else
            {
                Add(outcome);
            }
        }
    }

    /// <summary>One outcome of a streamed run (copies already marked by the pipeline).</summary>
    public void Add(ArticleOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Succeeded)
        {
            Failures.Add((outcome.Origin, outcome.Error!));
        }
        else if (outcome.DuplicateOf is { } first)
        {
            Duplicates.Add((outcome.Origin, first));
        }
        else
        {
            Articles++;
            Entities += outcome.Entities;
            Relations += outcome.Relations;
            New += outcome.Write == ArticleWrite.Created ? 1 : 0;
            Changed += outcome.Write == ArticleWrite.Replaced ? 1 : 0;
            Unchanged += outcome.Write == ArticleWrite.Unchanged ? 1 : 0;
        }
    }

    public string Describe(string store)
    {
        var text = new System.Text.StringBuilder();
        System.Globalization.CultureInfo invariant = System.Globalization.CultureInfo.InvariantCulture;
        string duplicates = Duplicates.Count == 0 ? string.Empty : $"; {Duplicates.Count:N0} duplicate{(Duplicates.Count == 1 ? string.Empty : "s")}";
        int unclassified = Articles - New - Changed - Unchanged;
        string stored = unclassified == 0 ? string.Empty : string.Create(invariant, $", {unclassified:N0} stored");
        text.AppendLine(invariant,
            $"{New:N0} new, {Changed:N0} changed, {Unchanged:N0} unchanged{stored} articles ({Entities:N0} entities, {Relations:N0} relations extracted) in {store} in {Elapsed.TotalSeconds:N1} s{duplicates}; {Failures.Count} failed");
        if (Articles > 0 && Articles == Unchanged)
        {
            text.AppendLine(invariant, $"  nothing written: the store already holds {(Articles == 1 ? "this article" : $"all {Articles:N0} articles")} as {(Articles == 1 ? "it is" : "they are")}");
        }

        if (StoreUnavailable is { } unavailable)
        {
            int notStored = Failures.Count(f => f.Reason == unavailable);
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"  {notStored:N0} articles not stored because the store stayed unavailable past the retry deadline; run the same ingest again once it is back (articles already stored are left unchanged)");
        }

        foreach ((string origin, string first) in Duplicates)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  duplicate: {origin}: the same article as {first}, not counted again");
        }

        foreach ((string origin, string reason) in Failures)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  failed: {origin}: {reason}");
        }

        return text.ToString().TrimEnd();
    }
}
