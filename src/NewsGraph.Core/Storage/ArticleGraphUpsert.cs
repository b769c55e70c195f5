using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsGraph.Core.Graph;

namespace NewsGraph.Core.Storage;

/// <summary>
/// The rules every store applies the same way when it upserts article graphs: which batches it
/// refuses, what "unchanged" means, how a relation is keyed and how its assertions' confidences merge.
/// </summary>
public static class ArticleGraphUpsert
{
    // Relaxed escaping: the hash input reads as the Arabic it is. Changing these options (or the
    // version in ContentHash) changes every hash, which makes each store rewrite every article once
    // on its next ingest.
    private static readonly JsonSerializerOptions s_hashJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[] s_contentHashVersion = "newsgraph-extraction-v2\n"u8.ToArray();

    /// <summary>Rejects a batch the graph could not hold consistently, before anything is written.</summary>
    /// <exception cref="ArgumentException">An article without a key, an entity without a key or of
    /// kind Article, a relation whose ends its article does not list, or a relation whose confidence
    /// is not a probability (a number from 0 to 1).</exception>
    public static void Validate(IReadOnlyList<ArticleGraph> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (ArticleGraph graph in batch)
        {
            ArgumentNullException.ThrowIfNull(graph);
            if (string.IsNullOrWhiteSpace(graph.Article.Key))
            {
                throw new ArgumentException("An article has no key.", nameof(batch));
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (ExtractedEntity entity in graph.Entities)
            {
                if (string.IsNullOrWhiteSpace(entity.Key) || entity.Kind == NodeKind.Article)
                {
                    throw new ArgumentException($"Article '{graph.Article.Key}' has an entity without a key or of kind Article.", nameof(batch));
                }

                keys.Add(entity.Key);
            }

            // An entity lives as long as an article mentions it; a relation whose end its own
            // article does not mention could outlive that end.
            foreach (ExtractedRelation relation in graph.Relations)
            {
                if (!keys.Contains(relation.From) || !keys.Contains(relation.To))
                {
                    throw new ArgumentException(
                        $"Article '{graph.Article.Key}' asserts {GraphNames.TypeName(relation.Type)} {relation.From} → {relation.To} but does not list both ends among its entities.",
                        nameof(batch));
                }

                if (relation.Confidence is { } confidence && !(confidence >= 0 && confidence <= 1))
                {
                    throw new ArgumentException(
                        $"Article '{graph.Article.Key}' gives {GraphNames.TypeName(relation.Type)} {relation.From} → {relation.To} a confidence of {confidence.ToString(CultureInfo.InvariantCulture)}, not a probability from 0 to 1.",
                        nameof(batch));
                }
            }
        }
    }

    /// <summary>
    /// The article keys a removal takes out: each once, in ordinal order (so a removal's work and
    /// its locks come in the same order whatever order the caller gave).
    /// </summary>
    /// <exception cref="ArgumentException">A key that is null, empty or only white space.</exception>
    public static IReadOnlyList<string> RemovalKeys(IReadOnlyCollection<string> articleKeys)
    {
        ArgumentNullException.ThrowIfNull(articleKeys);
        if (articleKeys.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An article key to remove is empty.", nameof(articleKeys));
        }

        return [.. articleKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The content hash that decides "unchanged": the whole extraction, article metadata included.
    /// Version 2: stores keep each relation's confidence since then, so an article stored before
    /// (its confidence hashed but not kept) is rewritten once when it is ingested again.
    /// </summary>
    /// <remarks>
    /// The SHA-256 of the UTF-8 of <c>"newsgraph-extraction-v2\n"</c> and the graph's JSON. The JSON is hashed as the
    /// serializer writes it, in UTF-8: the same bytes as the serialized string's UTF-8 (the serializer writes valid
    /// UTF-8 and escapes what is not), without the string, its concatenation and its transcoding back — the graph
    /// carries the article's text, so those were three copies of it per article.
    /// </remarks>
    public static string ContentHash(ArticleGraph graph)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(s_contentHashVersion);
        sha256.AppendData(JsonSerializer.SerializeToUtf8Bytes(graph, s_hashJson));
        return Convert.ToHexStringLower(sha256.GetHashAndReset());
    }

    /// <summary>The key a relation is merged on across articles.</summary>
    public static string RelationKey(ExtractedRelation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return GraphKeys.Relation(relation.Type, relation.From, relation.To, relation.Date, relation.Status, relation.Role);
    }

    /// <summary>
    /// A relation's confidence from its assertions': the noisy-or 1 − Π(1 − cᵢ) over those that have
    /// one — independent assertions of the same relation make it surer —, null when none has one.
    /// Computed as <see cref="ConfidenceTally"/> computes it, so that a store keeping a tally per
    /// relation (added to and taken from as articles come and go) gives exactly this value, in
    /// any order of assertions.
    /// </summary>
    public static double? MergedConfidence(IEnumerable<double?> confidences) => ConfidenceTally.Of(confidences).Value;

    /// <summary>An article listing one key twice contributes once: first name, union of the rest, summed mentions.</summary>
    public static IEnumerable<ExtractedEntity> MergeWithinArticle(IReadOnlyList<ExtractedEntity> entities) =>
        entities
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => g.Skip(1).Aggregate(g.First(), (merged, next) => merged with
            {
                Aliases = [.. merged.Aliases.Union(next.Aliases, StringComparer.Ordinal)],
                Titles = [.. merged.Titles.Union(next.Titles, StringComparer.Ordinal)],
                Iso = merged.Iso ?? next.Iso,
                Category = merged.Category ?? next.Category,
                Mentions = merged.Mentions + next.Mentions,
            }));
}
