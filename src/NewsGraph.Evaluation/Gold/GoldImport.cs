using System.Security.Cryptography;
using System.Text;
using NewsGraph.Evaluation.Corpus;

namespace NewsGraph.Evaluation.Gold;

/// <summary>
/// Brings annotators' gold files into the annotated corpus: corpus articles become standoff files
/// in their drawn split; written articles are copied with their gold into the split the written
/// draw gives them. Second annotations go to <c>agreement/</c> instead. Importing again overwrites
/// with the same content, so it is idempotent.
/// </summary>
public sealed class GoldImport(AnnotationPaths paths)
{
    /// <summary>Blind share and dev share of each agency's written articles (the rest is train).</summary>
    public const double WrittenBlindShare = 1.0 / 3;

    public const double WrittenDevShare = 1.0 / 6;

    public const int WrittenSeed = 20261206;

    public async Task<IReadOnlyList<string>> ImportCorpusAsync(string goldDir, string corpusFile, bool agreement, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, DrawnArticle> drawn = new AnnotatedCorpus(paths).Draw();
        var golds = new List<(DrawnArticle Drawn, GoldDocument Gold)>();
        foreach (string f in Directory.EnumerateFiles(goldDir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            GoldDocument gold = GoldDocument.Parse(await File.ReadAllTextAsync(f, cancellationToken).ConfigureAwait(false), f);
            string id = Path.GetFileNameWithoutExtension(gold.Article);
            golds.Add((drawn.GetValueOrDefault(id) ?? throw new InvalidDataException($"{f}: '{id}' is not in the draw manifest"), gold));
        }

        IReadOnlyDictionary<int, CorpusArticle> lines = await CorpusFile.ReadLinesAsync(corpusFile, golds.Select(g => g.Drawn.Line).ToHashSet(), cancellationToken).ConfigureAwait(false);
        var written = new List<string>();
        foreach ((DrawnArticle d, GoldDocument gold) in golds)
        {
            StandoffGold standoff = StandoffGold.FromGold(gold, d, lines[d.Line].Content);
            string dir = agreement ? Path.Combine(paths.Agreement, Parts.Corpus) : Path.Combine(paths.Corpus, d.Split);
            Directory.CreateDirectory(dir);
            string target = Path.Combine(dir, d.Id + ".json");
            await File.WriteAllTextAsync(target, standoff.ToJson(), cancellationToken).ConfigureAwait(false);
            written.Add(target);
        }

        return written;
    }

    /// <summary>
    /// Stores written articles with their gold. With <paramref name="trainOnly"/> (a later batch written
    /// for training, as the corpus's extension draws are) every new article goes to train, so dev and
    /// blind stay exactly what they were; otherwise the written draw splits each agency's new articles.
    /// </summary>
    public async Task<IReadOnlyList<string>> ImportWrittenAsync(
        string articlesDir, string goldDir, bool agreement, bool trainOnly = false, CancellationToken cancellationToken = default)
    {
        List<string> articleFiles = Directory.EnumerateFiles(articlesDir, "*.txt").Select(f => Path.GetFileName(f)!).ToList();
        IReadOnlyDictionary<string, string> drawn = trainOnly
            ? articleFiles.ToDictionary(f => f, _ => Splits.Train, StringComparer.Ordinal)
            : AssignWrittenSplits(articleFiles);
        // An article already in the corpus keeps its split: importing a corrected gold file, or a
        // subset of an agency's articles, must not move it (the draw depends on the whole agency).
        string SplitOf(string file) =>
            Splits.All.FirstOrDefault(s => File.Exists(Path.Combine(paths.Written, s, "articles", file))) ?? drawn[file];
        var written = new List<string>();
        foreach (string f in Directory.EnumerateFiles(goldDir, "*.json").Order(StringComparer.Ordinal))
        {
            GoldDocument gold = GoldDocument.Parse(await File.ReadAllTextAsync(f, cancellationToken).ConfigureAwait(false), f);
            string article = Path.Combine(articlesDir, gold.Article);
            if (!File.Exists(article))
            {
                throw new InvalidDataException($"{f}: its article {gold.Article} is not in {articlesDir}");
            }

            string s = SplitOf(gold.Article);
            string goldTarget = agreement
                ? Path.Combine(paths.Agreement, Parts.Written, Path.GetFileName(f))
                : Path.Combine(paths.Written, s, "gold", Path.GetFileNameWithoutExtension(gold.Article) + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(goldTarget)!);
            await File.WriteAllTextAsync(goldTarget, gold.ToJson(), cancellationToken).ConfigureAwait(false);
            written.Add(goldTarget);
            if (!agreement)
            {
                string articleTarget = Path.Combine(paths.Written, s, "articles", gold.Article);
                Directory.CreateDirectory(Path.GetDirectoryName(articleTarget)!);
                File.Copy(article, articleTarget, overwrite: true);
            }
        }

        return written;
    }

    /// <summary>
    /// The written draw: within each agency, articles ordered by SHA-256 of the seed and the file
    /// name; the first third is blind, the next sixth dev, the rest train. Decided by names alone,
    /// before anyone reads an article.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AssignWrittenSplits(IEnumerable<string> fileNames)
    {
        var split = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IGrouping<string, string> agency in fileNames.GroupBy(AnnotatedCorpus.AgencyOf))
        {
            List<string> ordered = agency.OrderBy(f => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{WrittenSeed}|written-split|{f}"))), StringComparer.Ordinal).ToList();
            int blind = (int)Math.Round(ordered.Count * WrittenBlindShare);
            int dev = (int)Math.Round(ordered.Count * WrittenDevShare);
            for (int i = 0; i < ordered.Count; i++)
            {
                split[ordered[i]] = i < blind ? Splits.Blind : i < blind + dev ? Splits.Dev : Splits.Train;
            }
        }

        return split;
    }
}
