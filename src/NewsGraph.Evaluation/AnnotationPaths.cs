namespace NewsGraph.Evaluation;

/// <summary>
/// Where the annotated corpus lives: <c>Annotations/</c> beside the executable (copied there by the
/// build) or, with <c>--annotations DIR</c>, anywhere else — a test's fixture split, say.
/// </summary>
public sealed record AnnotationPaths(string Root)
{
    public static AnnotationPaths Default => new(Path.Combine(AppContext.BaseDirectory, "Annotations"));

    public string Guide => Path.Combine(Root, "annotation-guide.md");

    public string DrawCues => Path.Combine(Root, "draw-cues.tsv");

    public string DrawExcludedUrls => Path.Combine(Root, "draw-excluded-urls.txt");

    /// <summary>Standoff annotations of corpus articles: <c>corpus/SPLIT/ID.json</c>, and the draw.</summary>
    public string Corpus => Path.Combine(Root, "corpus");

    public string DrawManifest => Path.Combine(Corpus, "draw.tsv");

    /// <summary>Draw number <paramref name="round"/> (2, 3 …): training articles only, drawn after the earlier draws and excluding them.</summary>
    public string ExtensionDrawManifest(int round) => Path.Combine(Corpus, $"draw-{round}.tsv");

    /// <summary>Every draw manifest, first draw first, then draw-2, draw-3 … up to the first missing one.</summary>
    public IEnumerable<string> DrawManifests => ManifestsBefore(int.MaxValue);

    /// <summary>The draw manifests an extension draw <paramref name="round"/> must exclude: the first draw's and draws 2 … round − 1 (those that exist, up to the first missing one).</summary>
    public IEnumerable<string> ManifestsBefore(int round)
    {
        if (File.Exists(DrawManifest))
        {
            yield return DrawManifest;
        }

        for (int earlier = 2; earlier < round && File.Exists(ExtensionDrawManifest(earlier)); earlier++)
        {
            yield return ExtensionDrawManifest(earlier);
        }
    }

    /// <summary>Team-written articles with their gold: <c>written/SPLIT/articles/*.txt</c> and <c>written/SPLIT/gold/*.json</c>.</summary>
    public string Written => Path.Combine(Root, "written");

    /// <summary>Second annotations for agreement: <c>agreement/{corpus,written}/ID.json</c> in the same formats.</summary>
    public string Agreement => Path.Combine(Root, "agreement");
}
