using System.Globalization;
using System.Runtime.CompilerServices;
using NewsGraph.Core.Graph;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// A corpus made as long as a benchmark asks by replaying it. Pass 0 is the corpus as it is; pass
/// <c>r</c> ≥ 1 gives every article a URL of its own (<c>URL#replay-r</c>, so article keys do not
/// collapse) and a publication date <c>r</c> years later. What extraction finds in a replayed
/// article is then perturbed by <see cref="Extractor"/>: people, organizations and claims get a
/// name and key of their own for the pass (the name gains a word spelt from <c>r</c> in Arabic
/// letters, the key <c>~r</c>), and relation dates move with the article. States and places stay as
/// they are: they are a closed set in real news too, so they are the hubs that grow with every pass.
/// The corpus is read again for each pass, never held in memory.
/// </summary>
internal static class CorpusReplay
{
    private const string Marker = "#replay-";
    private const string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    /// <summary>
    /// <paramref name="count"/> articles of the corpus replayed as often as needed, after the first
    /// <paramref name="skip"/> (which a run continuing an earlier one's graph has already stored);
    /// unreadable inputs are skipped and counted.
    /// </summary>
    public static async IAsyncEnumerable<ArticleInput> ReadAsync(string corpus, int skip, int count, StrongBox<int> unreadable, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long produced = 0, end = (long)skip + count;
        for (int pass = 0; produced < end; pass++)
        {
            int inPass = 0;
            await foreach (SourceItem item in ArticleFileReader.ReadAsync([corpus], cancellationToken).ConfigureAwait(false))
            {
                if (item.Article is not { } article)
                {
                    unreadable.Value += pass == 0 && skip == 0 ? 1 : 0;
                    continue;
                }

                inPass++;
                if (produced++ >= skip)
                {
                    yield return pass == 0 ? article : Replayed(article, pass);
                }

                if (produced == end)
                {
                    yield break;
                }
            }

            if (inPass == 0)
            {
                yield break; // nothing readable: replaying cannot make more
            }
        }
    }

    /// <summary>Wraps an extractor so that replayed articles get the pass's names, keys and dates.</summary>
    public static IArticleExtractor Extractor(IArticleExtractor inner) => new ReplayExtractor(inner);

    private static ArticleInput Replayed(ArticleInput article, int pass) => article with
    {
        Url = (article.Url ?? "bench:" + article.Origin) + Marker + pass.ToString(CultureInfo.InvariantCulture),
        Published = article.Published?.AddYears(pass),
        Origin = article.Origin + Marker + pass.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The pass an article belongs to, from its URL (0: not replayed).</summary>
    private static int PassOf(ArticleInfo article)
    {
        int at = article.Url?.LastIndexOf(Marker, StringComparison.Ordinal) ?? -1;
        return at < 0 ? 0 : int.Parse(article.Url.AsSpan(at + Marker.Length), CultureInfo.InvariantCulture);
    }

    /// <summary>The pass spelt in Arabic letters, base 28 (1 → "ب"): a word the normalizer and the search indexes keep.</summary>
    private static string Tag(int pass)
    {
        var tag = new System.Text.StringBuilder();
        for (int n = pass; n > 0; n /= Letters.Length)
        {
            tag.Insert(0, Letters[n % Letters.Length]);
        }

        return tag.ToString();
    }

    private sealed class ReplayExtractor(IArticleExtractor inner) : IArticleExtractor
    {
        public ArticleGraph Extract(ArticleInfo article)
        {
            ArticleGraph graph = inner.Extract(article);
            int pass = PassOf(article);
            if (pass == 0)
            {
                return graph;
            }

            string tag = Tag(pass);
            string suffix = "~" + pass.ToString(CultureInfo.InvariantCulture);
            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            var entities = new List<ExtractedEntity>(graph.Entities.Count);
            foreach (ExtractedEntity entity in graph.Entities)
            {
                if (entity.Kind is NodeKind.State or NodeKind.Place)
                {
                    entities.Add(entity);
                    continue;
                }

                renamed[entity.Key] = entity.Key + suffix;
                entities.Add(entity with
                {
                    Key = entity.Key + suffix,
                    Name = entity.Name + " " + tag,
                    Aliases = entity.Aliases.Select(a => a + " " + tag).ToList(),
                });
            }

            string Key(string key) => renamed.GetValueOrDefault(key, key);
            var relations = graph.Relations.Select(r => r with
            {
                From = Key(r.From),
                To = Key(r.To),
                PlaceKey = r.PlaceKey is null ? null : Key(r.PlaceKey),
                Date = r.Date?.AddYears(pass),
            }).ToList();
            return graph with { Entities = entities, Relations = relations };
        }
    }
}
