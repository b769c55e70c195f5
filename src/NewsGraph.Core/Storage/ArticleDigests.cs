using System.Runtime.CompilerServices;
using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Storage;

/// <summary>
/// What a store derives from an arriving article before writing it — its content hash, its text's
/// fingerprint, its normalized title and text — each computed once per graph (per text) and kept
/// with it while it lives. A pipeline calls <see cref="Prepare"/> on its extraction threads, which run
/// in parallel, so the store's single writer finds them ready instead of computing them itself;
/// computed on first use otherwise. Every value is a pure function of immutable inputs (records and
/// strings, held by reference), so a kept one is always the one computing it again would give.
/// </summary>
public static class ArticleDigests
{
    private static readonly ConditionalWeakTable<ArticleGraph, string> s_hashes = new();
    private static readonly ConditionalWeakTable<string, StrongBox<TextFingerprint?>> s_fingerprints = new();
    private static readonly ConditionalWeakTable<string, string> s_normalized = new();

    /// <summary>Computes and keeps the article's digests (an extraction thread's last step).</summary>
    public static void Prepare(ArticleGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _ = ContentHash(graph);
        _ = Fingerprint(graph.Article.Text);
        _ = Normalized(graph.Article.Title);
        _ = Normalized(graph.Article.Text);
    }

    /// <summary><see cref="ArticleGraphUpsert.ContentHash"/> of the graph.</summary>
    public static string ContentHash(ArticleGraph graph) => s_hashes.GetValue(graph, ArticleGraphUpsert.ContentHash);

    /// <summary><see cref="TextFingerprint.Of"/> of the text, from its kept normalized form (normalized once for both).</summary>
    public static TextFingerprint? Fingerprint(string text) =>
        s_fingerprints.GetValue(text, t => new StrongBox<TextFingerprint?>(TextFingerprint.OfNormalized(Normalized(t)))).Value;

    /// <summary><see cref="ArabicText.Normalize"/> of the text ("" for null).</summary>
    public static string Normalized(string? text) => text is null ? ArabicText.Normalize(text) : s_normalized.GetValue(text, ArabicText.Normalize);
}
