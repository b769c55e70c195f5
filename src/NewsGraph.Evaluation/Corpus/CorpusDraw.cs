using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NewsGraph.Core.Text;
using NewsGraph.Evaluation.Scoring;

namespace NewsGraph.Evaluation.Corpus;

/// <summary>
/// The seeded, documented procedure that chose which corpus articles are annotated and which split
/// each belongs to (README "How the corpus articles were drawn"). Every choice is an order by
/// SHA-256 of the seed and the article's URL, so the draw is reproducible on any machine and does
/// not depend on a random-number generator's implementation. An extension draw passes the earlier
/// draws: their articles, second copies of their text and near-copies (<see cref="ReprintRule"/>)
/// are not eligible, so no dev or blind story comes back into train under another URL.
/// </summary>
public sealed class CorpusDraw(
    DrawSettings settings,
    IReadOnlyList<(string Pool, string Cue)> cues,
    IReadOnlySet<string> excludedUrls,
    IReadOnlyList<DrawnArticle>? earlierDraws = null)
{
    public const string Membership = "membership";
    public const string Meeting = "meeting";
    public const string Statement = "statement";
    public const string Random = "random";

    private static readonly string[] s_cuePools = [Membership, Meeting, Statement];

    private readonly Dictionary<string, Regex> _poolPatterns = s_cuePools.ToDictionary(
        p => p,
        p => new Regex(
            @"(?:^| )[وفبل]?(?:" + string.Join('|', cues.Where(c => c.Pool == p).Select(c => Regex.Escape(c.Cue))) + ")(?= |$)",
            RegexOptions.CultureInvariant));

    /// <summary>Draws from the corpus: eligible articles, pools, round-robin over papers and months, then splits.</summary>
    public IReadOnlyList<DrawnArticle> Draw(IEnumerable<CorpusArticle> corpus)
    {
        IReadOnlyList<CorpusArticle> articles = corpus as IReadOnlyList<CorpusArticle> ?? corpus.ToList();
        List<Candidate> eligible = Eligible(articles, EarlierTexts.Of(articles, earlierDraws ?? []));
        var taken = new HashSet<int>();
        var drawn = new List<DrawnArticle>();
        foreach (string pool in s_cuePools)
        {
            List<Candidate> inPool = eligible.Where(c => c.Pool == pool && !taken.Contains(c.Article.Line)).ToList();
            drawn.AddRange(Split(pool, RoundRobin(inPool, pool, settings.PerCuePool), taken));
        }

        // The random third is uniform over every eligible article, cue or not: what ordinary news looks like.
        List<Candidate> random = eligible.Where(c => !taken.Contains(c.Article.Line))
            .OrderBy(c => Rank(Random, c.Article.Url), StringComparer.Ordinal)
            .Take(settings.Random)
            .ToList();
        drawn.AddRange(Split(Random, random, taken));
        return drawn.OrderBy(d => d.Line).ToList();
    }

    /// <summary>Which pool an article's text falls in, or <see cref="Random"/> when it has no cue.</summary>
    public string PoolOf(string content)
    {
        string text = ScorerText.Normalize(content);
        return s_cuePools.FirstOrDefault(p => _poolPatterns[p].IsMatch(text)) ?? Random;
    }

    private List<Candidate> Eligible(IReadOnlyList<CorpusArticle> corpus, EarlierTexts earlier)
    {
        var seen = new HashSet<string>(earlier.NormalizedHashes, StringComparer.Ordinal);
        var eligible = new List<Candidate>();
        foreach (CorpusArticle a in corpus)
        {
            if (a.Content.Length < settings.MinChars || a.Content.Length > settings.MaxChars || excludedUrls.Contains(a.Url)
                || earlier.Lines.Contains(a.Line) || earlier.HasNearCopyOf(a.Content))
            {
                continue;
            }

            // The corpus repeats some articles (under several URLs, or crawled twice): the first copy only.
            if (!seen.Add(CorpusFile.ContentHash(ScorerText.Normalize(a.Content))))
            {
                continue;
            }

            eligible.Add(new Candidate(a, PoolOf(a.Content)));
        }

        return eligible;
    }

    /// <summary>
    /// Papers in turn (ordinal order of their names), each giving its next article; within a paper
    /// the months alternate. A paper with nothing left drops out. This spreads the draw over all
    /// papers and months instead of following the corpus's proportions.
    /// </summary>
    private List<Candidate> RoundRobin(List<Candidate> pool, string poolName, int count)
    {
        List<Queue<Candidate>> papers = pool
            .GroupBy(c => c.Article.Source)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<Candidate>(Interleave(g
                .GroupBy(c => c.Article.Month)
                .OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => m.OrderBy(c => Rank(poolName, c.Article.Url), StringComparer.Ordinal).ToList()))))
            .ToList();
        var picked = new List<Candidate>(count);
        while (picked.Count < count && papers.Any(q => q.Count > 0))
        {
            foreach (Queue<Candidate> paper in papers.Where(q => q.Count > 0))
            {
                picked.Add(paper.Dequeue());
                if (picked.Count == count)
                {
                    break;
                }
            }
        }

        return picked;
    }

    private static IEnumerable<Candidate> Interleave(IEnumerable<List<Candidate>> lists)
    {
        List<List<Candidate>> all = lists.ToList();
        for (int i = 0; all.Any(l => i < l.Count); i++)
        {
            foreach (List<Candidate> l in all.Where(l => i < l.Count))
            {
                yield return l[i];
            }
        }
    }

    /// <summary>Within a pool, the first fifth by rank is blind, the next fifth dev, the rest train.</summary>
    private IEnumerable<DrawnArticle> Split(string pool, List<Candidate> chosen, HashSet<int> taken)
    {
        List<Candidate> ordered = chosen.OrderBy(c => Rank("split", c.Article.Url), StringComparer.Ordinal).ToList();
        int blind = (int)Math.Round(ordered.Count * settings.BlindShare);
        int dev = (int)Math.Round(ordered.Count * settings.DevShare);
        for (int i = 0; i < ordered.Count; i++)
        {
            CorpusArticle a = ordered[i].Article;
            taken.Add(a.Line);
            string split = i < blind ? Splits.Blind : i < blind + dev ? Splits.Dev : Splits.Train;
            yield return new DrawnArticle(DrawnArticle.IdFor(a.Line), a.Line, a.Source, a.Month, pool, split, a.Url, CorpusFile.ContentHash(a.Content));
        }
    }

    private string Rank(string purpose, string url) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{settings.Seed}|{purpose}|{url}")));

    private sealed record Candidate(CorpusArticle Article, string Pool);

    /// <summary>What an extension draw must not take again: the earlier draws' lines, texts and near-copies.</summary>
    private sealed class EarlierTexts
    {
        private readonly Dictionary<string, List<TextFingerprint>> _byBand = new(StringComparer.Ordinal);

        public HashSet<int> Lines { get; } = [];

        public HashSet<string> NormalizedHashes { get; } = new(StringComparer.Ordinal);

        public static EarlierTexts Of(IReadOnlyList<CorpusArticle> corpus, IReadOnlyList<DrawnArticle> earlierDraws)
        {
            var earlier = new EarlierTexts();
            earlier.Lines.UnionWith(earlierDraws.Select(d => d.Line));
            foreach (CorpusArticle a in corpus.Where(a => earlier.Lines.Contains(a.Line)))
            {
                earlier.NormalizedHashes.Add(CorpusFile.ContentHash(ScorerText.Normalize(a.Content)));
                if (TextFingerprint.Of(a.Content) is { } fingerprint)
                {
                    foreach (string band in fingerprint.BandKeys())
                    {
                        (earlier._byBand.TryGetValue(band, out List<TextFingerprint>? list) ? list : earlier._byBand[band] = []).Add(fingerprint);
                    }
                }
            }

            return earlier;
        }

        public bool HasNearCopyOf(string content) =>
            _byBand.Count > 0 && TextFingerprint.Of(content) is { } fingerprint
            && fingerprint.BandKeys().Any(b => _byBand.TryGetValue(b, out List<TextFingerprint>? list) && list.Any(e => ReprintRule.IsReprint(fingerprint, e)));
    }
}

/// <summary>The draw's parameters; the defaults are the ones the committed first draw used.</summary>
public sealed record DrawSettings(
    int Seed = 20261206,
    int PerCuePool = 147,
    int Random = 219,
    int MinChars = 150,
    int MaxChars = 8000,
    double BlindShare = 0.2,
    double DevShare = 0.2)
{
    /// <summary>
    /// Draw number <paramref name="round"/> (<c>corpus/draw-N.tsv</c>): more training articles only,
    /// none blind or dev, so the evaluation splits stay as they were. Draw 2: 50 from each cue pool
    /// and 50 at random (seed 20261207); draws 3, 4 and 5: 150 and 150 (seeds 20261208, 20261209, 20261210).
    /// </summary>
    public static DrawSettings Extension(int round, int? seed = null) => round switch
    {
        2 => new(Seed: seed ?? 20261207, PerCuePool: 50, Random: 50, BlindShare: 0, DevShare: 0),
        3 => new(Seed: seed ?? 20261208, PerCuePool: 150, Random: 150, BlindShare: 0, DevShare: 0),
        4 => new(Seed: seed ?? 20261209, PerCuePool: 150, Random: 150, BlindShare: 0, DevShare: 0),
        5 => new(Seed: seed ?? 20261210, PerCuePool: 150, Random: 150, BlindShare: 0, DevShare: 0),
        _ => throw new ArgumentOutOfRangeException(nameof(round), round, "the extension draws are 2 to 5"),
    };
}

/// <summary>One drawn article: where it is in the corpus, why it was drawn, which split it serves.</summary>
public sealed record DrawnArticle(string Id, int Line, string Source, string Month, string Pool, string Split, string Url, string ContentSha256)
{
    public static string IdFor(int line) => $"snn-{line:D5}";
}
