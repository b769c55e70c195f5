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

    /// <summary>The second draw: training articles only, drawn after the first and excluding it.</summary>
    public string ExtensionDrawManifest => Path.Combine(Corpus, "draw-2.tsv");

    /// <summary>Every draw manifest, first draw first.</summary>
    public IEnumerable<string> DrawManifests => new[] { DrawManifest, ExtensionDrawManifest }.Where(File.Exists);

    /// <summary>Team-written articles with their gold: <c>written/SPLIT/articles/*.txt</c> and <c>written/SPLIT/gold/*.json</c>.</summary>
    public string Written => Path.Combine(Root, "written");

    /// <summary>Second annotations for agreement: <c>agreement/{corpus,written}/ID.json</c> in the same formats.</summary>
    public string Agreement => Path.Combine(Root, "agreement");
}
