using NewsGraph.Core.Text;

namespace NewsGraph.Core.Storage;

/// <summary>A stored article as reprint linking sees it.</summary>
/// <param name="ReprintOf">The original it is a reprint of; null for an original.</param>
/// <param name="Fingerprint">Null when its text is too short to fingerprint.</param>
public sealed record StoredReprintState(string Key, string? ReprintOf, DateTimeOffset IngestedAt, TextFingerprint? Fingerprint);

/// <summary>What a store reads for <see cref="ReprintLinks.PlanArrivalsAsync"/>, each through an index.</summary>
public interface IReprintStateReader
{
    /// <summary>The stored articles with these keys.</summary>
    Task<IReadOnlyList<StoredReprintState>> StatesAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken);

    /// <summary>The stored articles that are reprints of these.</summary>
    Task<IReadOnlyList<StoredReprintState>> ReprintsOfAsync(IReadOnlyCollection<string> articleKeys, CancellationToken cancellationToken);

    /// <summary>
    /// The stored originals (articles that are not reprints) whose fingerprint has one of these band keys.
    /// Only originals can be linked to, so a store indexes the bands of originals alone: a story reprinted
    /// fifty times then gives its fifty-first copy one candidate to read, not fifty.
    /// </summary>
    Task<IReadOnlyList<StoredReprintState>> SharingBandsAsync(IReadOnlyCollection<string> bandKeys, CancellationToken cancellationToken);
}

/// <summary>
/// What a write batch changes in the links: <see cref="Repointed"/> are stored reprints handed to a
/// new original (null: they became one), <see cref="Relinked"/> the arriving articles whose
/// fingerprint changed (or that are new), with their fingerprint, its band keys and their original.
/// </summary>
public sealed record ReprintPlan(
    IReadOnlyDictionary<string, string?> Repointed,
    IReadOnlyList<(string Key, TextFingerprint? Fingerprint, string? ReprintOf)> Relinked)
{
    /// <summary>The stored reprints <see cref="Repointed"/> makes originals, with their fingerprints: their bands are to be indexed now.</summary>
    public IReadOnlyList<(string Key, TextFingerprint Fingerprint)> Promoted { get; init; } = [];

    /// <summary>
    /// The originals whose bands a store indexes after this plan (<see cref="IReprintStateReader.SharingBandsAsync"/>
    /// gives originals only): the relinked articles linked to nothing, and the promoted reprints.
    /// </summary>
    public IReadOnlyList<(string Key, TextFingerprint Fingerprint)> Banded =>
        [.. Relinked.Where(r => r.Fingerprint is not null && r.ReprintOf is null).Select(r => (r.Key, r.Fingerprint!)), .. Promoted];
}

/// <summary>One reprint and the original it copies.</summary>
public sealed record ReprintLink(string ReprintKey, string OriginalKey);

/// <summary>
/// How both stores link reprints, so that they give the same answers: every store reads the states
/// these functions need through its own indexes and writes back what they decide.
/// <para>
/// An arriving article (new, or stored with a different fingerprint) is linked to the most similar
/// original (<see cref="ReprintRule"/>) among the stored articles sharing a band key with it and the
/// articles before it in its batch; ties go to the earliest stored (by ingestion time, then key; within
/// a batch, in batch order). An original is an article that is not itself a reprint, so links are one
/// level deep. An original that leaves (removed, or its text changed) hands its reprints on: the
/// earliest remaining one becomes the original and the others point to it.
/// </para>
/// </summary>
public static class ReprintLinks
{
    /// <summary>Links as <c>IGraphReader.GetReprintLinksAsync</c> returns them: by original key, then earliest stored reprint first; no link twice.</summary>
    public static IReadOnlyList<ReprintLink> InReadOrder(IEnumerable<(string ReprintKey, string OriginalKey, DateTimeOffset ReprintIngestedAt)> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return
        [
            .. links
                .DistinctBy(l => l.ReprintKey, StringComparer.Ordinal)
                .OrderBy(l => l.OriginalKey, StringComparer.Ordinal)
                .ThenBy(l => l.ReprintIngestedAt)
                .ThenBy(l => l.ReprintKey, StringComparer.Ordinal)
                .Select(l => new ReprintLink(l.ReprintKey, l.OriginalKey)),
        ];
    }

    /// <summary>
    /// The links for articles being written, in batch order (a key twice: its last copy counts):
    /// those whose fingerprint is the one stored keep their links; the others hand their reprints
    /// on and are linked anew.
    /// </summary>
    public static async Task<ReprintPlan> PlanArrivalsAsync(IReadOnlyList<(string Key, string Text)> written, IReprintStateReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(reader);
        var latest = new Dictionary<string, TextFingerprint?>(StringComparer.Ordinal);
        foreach ((string key, string text) in written)
        {
            latest[key] = ArticleDigests.Fingerprint(text);
        }

        Dictionary<string, TextFingerprint?> stored = (await reader.StatesAsync(latest.Keys, cancellationToken).ConfigureAwait(false))
            .DistinctBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(s => s.Key, s => s.Fingerprint, StringComparer.Ordinal);
        List<(string Key, TextFingerprint? Fingerprint)> relinking =
            [.. latest.Where(a => !stored.TryGetValue(a.Key, out TextFingerprint? before) || !Equals(before, a.Value)).Select(a => (a.Key, a.Value))];
        if (relinking.Count == 0)
        {
            return new ReprintPlan(new Dictionary<string, string?>(StringComparer.Ordinal), []);
        }

        (IReadOnlyList<StoredReprintState> reprintsOfDeparting, Dictionary<string, string?> released, IReadOnlyList<(string Key, TextFingerprint Fingerprint)> promoted) =
            await HandOnAsync([.. relinking.Select(a => a.Key)], reader, cancellationToken).ConfigureAwait(false);
        string[] bands = [.. relinking.Where(a => a.Fingerprint is not null).SelectMany(a => a.Fingerprint!.BandKeys()).Distinct(StringComparer.Ordinal)];
        IReadOnlyList<StoredReprintState> sharing = bands.Length == 0 ? [] : await reader.SharingBandsAsync(bands, cancellationToken).ConfigureAwait(false);

        // The store gives originals only; reprints handed on to be originals in this batch are candidates too.
        HashSet<string> promotedKeys = [.. promoted.Select(p => p.Key)];
        StoredReprintState[] candidates = [.. sharing, .. reprintsOfDeparting.Where(r => promotedKeys.Contains(r.Key))];
        Dictionary<string, string?> links = Link(relinking, candidates, released);
        return new ReprintPlan(released, [.. relinking.Select(a => (a.Key, a.Fingerprint, links[a.Key]))]) { Promoted = promoted };
    }

    /// <summary>
    /// What removing <paramref name="removed"/> changes in the links, read before they are deleted: each
    /// removed original's reprints handed to the earliest remaining one (<see cref="Release"/>), and the
    /// reprints that become originals with it. Nothing is relinked.
    /// </summary>
    public static async Task<ReprintPlan> PlanRemovalAsync(IReadOnlyCollection<string> removed, IReprintStateReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(reader);
        (_, Dictionary<string, string?> released, IReadOnlyList<(string Key, TextFingerprint Fingerprint)> promoted) =
            await HandOnAsync([.. removed], reader, cancellationToken).ConfigureAwait(false);
        return new ReprintPlan(released, []) { Promoted = promoted };
    }

    /// <summary>
    /// The stored reprints of the <paramref name="departing"/> articles, what <see cref="Release"/> makes of
    /// their links, and those of them it makes originals.
    /// </summary>
    private static async Task<(IReadOnlyList<StoredReprintState> ReprintsOfDeparting, Dictionary<string, string?> Released, IReadOnlyList<(string Key, TextFingerprint Fingerprint)> Promoted)> HandOnAsync(
        HashSet<string> departing, IReprintStateReader reader, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredReprintState> reprintsOfDeparting = await reader.ReprintsOfAsync(departing, cancellationToken).ConfigureAwait(false);
        Dictionary<string, string?> released = Release(reprintsOfDeparting, departing);
        return (reprintsOfDeparting, released, Promoted(reprintsOfDeparting, released));
    }

    /// <summary>
    /// The reprints among <paramref name="reprintsOfDeparting"/> that <paramref name="released"/> (what
    /// <see cref="Release"/> decided) makes originals, with their fingerprints (none: nothing to index).
    /// </summary>
    private static IReadOnlyList<(string Key, TextFingerprint Fingerprint)> Promoted(IEnumerable<StoredReprintState> reprintsOfDeparting, IReadOnlyDictionary<string, string?> released) =>
        [
            .. reprintsOfDeparting
                .Where(r => r.Fingerprint is not null && released.TryGetValue(r.Key, out string? now) && now is null)
                .DistinctBy(r => r.Key, StringComparer.Ordinal)
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => (r.Key, r.Fingerprint!)),
        ];

    /// <summary>
    /// The new <c>ReprintOf</c> of each reprint of a departing original: <paramref name="reprintsOfDeparting"/>
    /// are the stored reprints of the articles in <paramref name="departing"/>; those departing themselves are skipped.
    /// </summary>
    public static Dictionary<string, string?> Release(IEnumerable<StoredReprintState> reprintsOfDeparting, IReadOnlySet<string> departing)
    {
        ArgumentNullException.ThrowIfNull(reprintsOfDeparting);
        ArgumentNullException.ThrowIfNull(departing);
        var updates = new Dictionary<string, string?>(StringComparer.Ordinal);
        IEnumerable<IGrouping<string, StoredReprintState>> groups = reprintsOfDeparting
            .Where(r => r.ReprintOf is not null && !departing.Contains(r.Key))
            .DistinctBy(r => r.Key, StringComparer.Ordinal)
            .GroupBy(r => r.ReprintOf!, StringComparer.Ordinal);
        foreach (IGrouping<string, StoredReprintState> group in groups)
        {
            StoredReprintState[] ordered = [.. group.OrderBy(r => r.IngestedAt).ThenBy(r => r.Key, StringComparer.Ordinal)];
            updates[ordered[0].Key] = null;
            foreach (StoredReprintState reprint in ordered.Skip(1))
            {
                updates[reprint.Key] = ordered[0].Key;
            }
        }

        return updates;
    }

    /// <summary>
    /// The original of each arriving article (null: it is an original). <paramref name="candidates"/> are
    /// the stored articles sharing a band key with an arriving one (arriving keys among them are ignored:
    /// their stored state is being replaced); <paramref name="released"/> is what <see cref="Release"/>
    /// decided, applied to them first. A key twice among <paramref name="arriving"/>: its last copy counts.
    /// </summary>
    public static Dictionary<string, string?> Link(
        IReadOnlyList<(string Key, TextFingerprint? Fingerprint)> arriving,
        IEnumerable<StoredReprintState> candidates,
        IReadOnlyDictionary<string, string?> released)
    {
        ArgumentNullException.ThrowIfNull(arriving);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(released);
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < arriving.Count; i++)
        {
            last[arriving[i].Key] = i;
        }

        // Originals in the order ties are broken: stored ones by (ingestion time, key), then arriving ones as they come.
        var originals = new List<(string Key, TextFingerprint Fingerprint)>();
        var byBand = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        IEnumerable<StoredReprintState> storedOriginals = candidates
            .Where(c => !last.ContainsKey(c.Key) && c.Fingerprint is not null)
            .DistinctBy(c => c.Key, StringComparer.Ordinal)
            .Where(c => (released.TryGetValue(c.Key, out string? now) ? now : c.ReprintOf) is null)
            .OrderBy(c => c.IngestedAt)
            .ThenBy(c => c.Key, StringComparer.Ordinal);
        foreach (StoredReprintState original in storedOriginals)
        {
            AddOriginal(original.Key, original.Fingerprint!);
        }

        var links = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < arriving.Count; i++)
        {
            (string key, TextFingerprint? fingerprint) = arriving[i];
            if (last[key] != i)
            {
                continue;
            }

            string? original = fingerprint is null ? null : MostSimilarOriginal(fingerprint);
            links[key] = original;
            if (fingerprint is not null && original is null)
            {
                AddOriginal(key, fingerprint);
            }
        }

        return links;

        void AddOriginal(string key, TextFingerprint fingerprint)
        {
            originals.Add((key, fingerprint));
            foreach (string band in fingerprint.BandKeys())
            {
                if (!byBand.TryGetValue(band, out List<int>? indexes))
                {
                    byBand[band] = indexes = [];
                }

                indexes.Add(originals.Count - 1);
            }
        }

        string? MostSimilarOriginal(TextFingerprint fingerprint)
        {
            int best = -1;
            double bestSimilarity = 0;
            IEnumerable<int> sharing = fingerprint.BandKeys().SelectMany(b => byBand.TryGetValue(b, out List<int>? i) ? i : []).Distinct().Order();
            foreach (int index in sharing)
            {
                TextFingerprint other = originals[index].Fingerprint;
                double similarity = fingerprint.Similarity(other);

                // Strictly greater: on a tie the earlier original (lower index) stays.
                if (ReprintRule.IsReprint(fingerprint, other) && similarity > bestSimilarity)
                {
                    best = index;
                    bestSimilarity = similarity;
                }
            }

            return best < 0 ? null : originals[best].Key;
        }
    }
}
