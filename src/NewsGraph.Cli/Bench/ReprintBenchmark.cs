using System.Diagnostics;
using NewsGraph.Core.Text;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// The figures the reprint threshold is chosen from: every pair of corpus articles that shares a
/// MinHash band (the candidates a store would look up), with the estimated similarity of each pair,
/// the exact Jaccard similarity of their shingle sets (to show the estimate is good enough), and
/// whether the two copies come from different sites (reprints) or from one (a site's own series,
/// updates and templates). Prints counts only, never corpus text.
/// </summary>
internal static class ReprintBenchmark
{
    private const int Bins = 10;

    public static async Task<int> RunAsync(string corpus, int? limit, double threshold, int examples, TextWriter output, CancellationToken cancellationToken)
    {
        var articles = new List<ArticleInput>();
        await foreach (SourceItem item in ArticleFileReader.ReadAsync([corpus], cancellationToken).ConfigureAwait(false))
        {
            if (item.Article is { } article)
            {
                articles.Add(article);
            }

            if (articles.Count == limit)
            {
                break;
            }
        }

        var watch = Stopwatch.StartNew();
        TextFingerprint?[] fingerprints = [.. articles.Select(a => TextFingerprint.Of(a.Text))];
        double fingerprintSeconds = watch.Elapsed.TotalSeconds;
        int fingerprinted = fingerprints.Count(f => f is not null);
        await output.WriteLineAsync($"corpus: {corpus}: {articles.Count:N0} articles, {fingerprinted:N0} fingerprinted ({articles.Count - fingerprinted:N0} shorter than {TextFingerprint.MinimumShingles} shingles), {fingerprintSeconds * 1e6 / Math.Max(1, articles.Count):N0} µs per article").ConfigureAwait(false);

        (HashSet<(int, int)> candidates, int[] lookups) = CandidatePairs(fingerprints);
        await output.WriteLineAsync($"candidate pairs sharing a band ({TextFingerprint.Bands} bands × {TextFingerprint.RowsPerBand} rows): {candidates.Count:N0}").ConfigureAwait(false);
        Array.Sort(lookups);
        await output.WriteLineAsync($"earlier articles a new one is compared with (its band lookup, corpus order): mean {lookups.DefaultIfEmpty().Average():N2}, p99 {Percentile(lookups, 0.99)}, max {lookups.DefaultIfEmpty().Max()}").ConfigureAwait(false);

        var crossSite = new int[Bins + 1];
        var sameSite = new int[Bins + 1];
        var withAgency = new int[Bins + 1];
        double estimateError = 0;
        var linkedBySource = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var linked = new HashSet<int>();
        var shown = new int[Bins + 1];
        foreach ((int a, int b) in candidates.Order())
        {
            double similarity = fingerprints[a]!.Similarity(fingerprints[b]!);
            estimateError += Math.Abs(similarity - ExactJaccard(articles[a].Text, articles[b].Text));
            int bin = (int)Math.Floor(similarity * Bins);
            bool cross = !string.Equals(articles[a].Source, articles[b].Source, StringComparison.Ordinal);
            (cross ? crossSite : sameSite)[bin]++;
            if (cross && shown[bin] < examples)
            {
                // For judging by eye whether a bin holds copies of one story; goes to the console only.
                shown[bin]++;
                await output.WriteLineAsync($"  {similarity:N2}: {articles[a].Source} «{articles[a].Title}» | {articles[b].Source} «{articles[b].Title}»").ConfigureAwait(false);
            }

            if (articles[a].Source == "was" || articles[b].Source == "was")
            {
                withAgency[bin]++;
            }

            // The later of the two (corpus order stands in for ingest order) is the one linked.
            if (similarity >= threshold && linked.Add(b))
            {
                string source = articles[b].Source ?? "(none)";
                linkedBySource[source] = linkedBySource.GetValueOrDefault(source) + 1;
            }
        }

        await output.WriteLineAsync($"mean |estimated − exact Jaccard| over candidates: {estimateError / Math.Max(1, candidates.Count):N3}").ConfigureAwait(false);
        await output.WriteLineAsync("estimated similarity   cross-site pairs   same-site pairs   pairs with an SPA (was) copy").ConfigureAwait(false);
        for (int bin = 0; bin <= Bins; bin++)
        {
            string range = bin == Bins ? "1.0        " : $"[{bin / (double)Bins:N1}, {(bin + 1) / (double)Bins:N1})";
            await output.WriteLineAsync($"{range,-22} {crossSite[bin],16:N0} {sameSite[bin],17:N0} {withAgency[bin],30:N0}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"at threshold {threshold:N2}: {linked.Count:N0} articles linked as reprints; by site: {string.Join(", ", linkedBySource.Select(p => $"{p.Key} {p.Value:N0}"))}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Pairs (lower index first) that share at least one band key, found as a store would find them:
    /// each article in corpus order looks up the earlier articles in its bands. Also how many
    /// distinct earlier articles each lookup returned (the comparisons one ingest costs).
    /// </summary>
    private static (HashSet<(int, int)> Pairs, int[] Lookups) CandidatePairs(TextFingerprint?[] fingerprints)
    {
        var buckets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var pairs = new HashSet<(int, int)>();
        var lookups = new List<int>();
        for (int i = 0; i < fingerprints.Length; i++)
        {
            if (fingerprints[i] is not { } fingerprint)
            {
                continue;
            }

            var earlier = new HashSet<int>();
            foreach (string key in fingerprint.BandKeys())
            {
                if (!buckets.TryGetValue(key, out List<int>? members))
                {
                    buckets[key] = members = [];
                }

                earlier.UnionWith(members);
                members.Add(i);
            }

            lookups.Add(earlier.Count);
            foreach (int other in earlier)
            {
                pairs.Add((other, i));
            }
        }

        return (pairs, [.. lookups]);
    }

    private static int Percentile(int[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];

    private static double ExactJaccard(string left, string right)
    {
        HashSet<string> a = Shingles(left);
        HashSet<string> b = Shingles(right);
        int common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    private static HashSet<string> Shingles(string text)
    {
        string[] words = ArabicText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + TextFingerprint.ShingleWords <= words.Length; i++)
        {
            shingles.Add(string.Join(' ', words, i, TextFingerprint.ShingleWords));
        }

        return shingles;
    }
}
