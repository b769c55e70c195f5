using NewsGraph.Evaluation.Corpus;

namespace NewsGraph.Evaluation.Gold;

/// <summary>
/// The annotated corpus on disk (<see cref="AnnotationPaths"/>): corpus articles as standoff files
/// per split, rehydrated from the corpus file; written articles with their gold per split; and the
/// second annotations used for agreement.
/// </summary>
public sealed class AnnotatedCorpus(AnnotationPaths paths)
{
    public AnnotationPaths Paths => paths;

    /// <summary>The standoff files of a split (no corpus needed).</summary>
    public IReadOnlyList<StandoffGold> StandoffFiles(string split) => ReadStandoff(Path.Combine(paths.Corpus, split));

    /// <summary>The written articles' gold files of a split, with their article file names.</summary>
    public IReadOnlyList<(string File, GoldDocument Gold)> WrittenGold(string split)
    {
        string dir = Path.Combine(paths.Written, split, "gold");
        return !Directory.Exists(dir) ? [] :
            Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal)
                .Select(f => (f, GoldDocument.Parse(File.ReadAllText(f), f)))
                .ToList();
    }

    /// <summary>Every annotated article of the splits asked for, corpus articles rehydrated from <paramref name="corpusFile"/>.</summary>
    public async Task<IReadOnlyList<EvalArticle>> LoadAsync(IEnumerable<string> splits, string? corpusFile, CancellationToken cancellationToken = default)
    {
        var articles = new List<EvalArticle>();
        var standoff = new List<(string Split, StandoffGold Gold)>();
        foreach (string split in splits)
        {
            standoff.AddRange(StandoffFiles(split).Select(g => (split, g)));
            foreach ((string file, GoldDocument gold) in WrittenGold(split))
            {
                string articlePath = Path.Combine(paths.Written, split, "articles", gold.Article);
                string text = await File.ReadAllTextAsync(articlePath, cancellationToken).ConfigureAwait(false);
                articles.Add(new EvalArticle(Path.GetFileNameWithoutExtension(gold.Article), Parts.Written, AgencyOf(gold.Article), split, text, gold));
            }
        }

        if (standoff.Count > 0)
        {
            IReadOnlyDictionary<int, CorpusArticle> lines = await ReadCorpusAsync(corpusFile, standoff.Select(s => s.Gold.Corpus.Line), cancellationToken).ConfigureAwait(false);
            IReadOnlyDictionary<string, DrawnArticle> drawn = Draw();
            foreach ((string split, StandoffGold gold) in standoff)
            {
                string content = lines[gold.Corpus.Line].Content;
                string source = drawn.TryGetValue(gold.Id, out DrawnArticle? d) ? d.Source : lines[gold.Corpus.Line].Source;
                articles.Add(new EvalArticle(gold.Id, Parts.Corpus, source, split, content, gold.Rehydrate(content)));
            }
        }

        return articles.OrderBy(a => a.Split, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Pairs of (first annotation, second annotation) for every article annotated twice. The first
    /// annotation is the one kept in <c>agreement/first/</c> — as it was before adjudication changed
    /// the gold — so agreement measures two independent annotators, not the adjudicated result.
    /// </summary>
    public async Task<IReadOnlyList<(EvalArticle First, GoldDocument Second)>> AgreementPairsAsync(string? corpusFile, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<EvalArticle> all = await LoadAsync(Splits.All, corpusFile, cancellationToken).ConfigureAwait(false);
        Dictionary<string, EvalArticle> byId = all.ToDictionary(a => a.Id, StringComparer.Ordinal);
        string firstCorpus = Path.Combine(paths.Agreement, "first", Parts.Corpus);
        string firstWritten = Path.Combine(paths.Agreement, "first", Parts.Written);
        var pairs = new List<(EvalArticle, GoldDocument)>();
        foreach (StandoffGold second in ReadStandoff(Path.Combine(paths.Agreement, Parts.Corpus)))
        {
            if (byId.TryGetValue(second.Id, out EvalArticle? article))
            {
                string kept = Path.Combine(firstCorpus, second.Id + ".json");
                GoldDocument first = File.Exists(kept) ? StandoffGold.Parse(await File.ReadAllTextAsync(kept, cancellationToken).ConfigureAwait(false), kept).Rehydrate(article.Text) : article.Gold;
                pairs.Add((article with { Gold = first }, second.Rehydrate(article.Text)));
            }
        }

        string writtenDir = Path.Combine(paths.Agreement, Parts.Written);
        if (Directory.Exists(writtenDir))
        {
            foreach (string f in Directory.EnumerateFiles(writtenDir, "*.json").Order(StringComparer.Ordinal))
            {
                GoldDocument second = GoldDocument.Parse(await File.ReadAllTextAsync(f, cancellationToken).ConfigureAwait(false), f);
                string id = Path.GetFileNameWithoutExtension(second.Article);
                if (byId.TryGetValue(id, out EvalArticle? article))
                {
                    string kept = Path.Combine(firstWritten, id + ".json");
                    GoldDocument first = File.Exists(kept) ? GoldDocument.Parse(await File.ReadAllTextAsync(kept, cancellationToken).ConfigureAwait(false), kept) : article.Gold;
                    pairs.Add((article with { Gold = first }, second));
                }
            }
        }

        return pairs;
    }

    /// <summary>The agency a written article imitates: its file name up to the first '-' (<c>sana-03.txt</c> → sana).</summary>
    public static string AgencyOf(string fileName)
    {
        string name = Path.GetFileNameWithoutExtension(fileName);
        int dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? name[..dash] : name;
    }

    /// <summary>Every drawn article of every draw manifest, by id (an id in two draws is an error).</summary>
    public IReadOnlyDictionary<string, DrawnArticle> Draw()
    {
        var drawn = new Dictionary<string, DrawnArticle>(StringComparer.Ordinal);
        foreach (string manifest in paths.DrawManifests)
        {
            foreach (DrawnArticle d in DrawManifest.Parse(File.ReadAllText(manifest)))
            {
                if (!drawn.TryAdd(d.Id, d))
                {
                    throw new InvalidDataException($"{manifest}: {d.Id} is already in an earlier draw");
                }
            }
        }

        return drawn;
    }

    private static async Task<IReadOnlyDictionary<int, CorpusArticle>> ReadCorpusAsync(string? corpusFile, IEnumerable<int> lines, CancellationToken cancellationToken)
    {
        if (corpusFile is null || !File.Exists(corpusFile))
        {
            throw new FileNotFoundException($"the corpus articles' text comes from the corpus file, and '{corpusFile}' does not exist: pass --corpus FILE (saudinewsnet-2015.jsonl.gz)");
        }

        return await CorpusFile.ReadLinesAsync(corpusFile, lines.ToHashSet(), cancellationToken).ConfigureAwait(false);
    }

    private static List<StandoffGold> ReadStandoff(string dir) =>
        !Directory.Exists(dir) ? [] :
            Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal)
                .Select(f => StandoffGold.Parse(File.ReadAllText(f), f))
                .ToList();
}
