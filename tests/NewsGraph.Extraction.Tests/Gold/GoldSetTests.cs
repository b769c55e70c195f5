using System.Text.Json;
using NewsGraph.Core.Graph;
using Xunit.Abstractions;

namespace NewsGraph.Extraction.Tests.Gold;

/// <summary>
/// The regression floor: extraction over the bundled articles, scored against their hand-made
/// gold files (tests/fixtures/gold), once with the rules deciding relations (what the candidate
/// generators propose, developed on these articles) and once with the shipped model (which keeps
/// only what it is confident of, so its recall is lower here). The floors sit a little under what
/// each achieves, so a change that makes extraction worse fails here; raise them when it improves.
/// </summary>
public sealed class GoldSetTests(ITestOutputHelper output)
{
    private static readonly Lazy<Dictionary<string, Tally>> s_rules = new(() => ScoreAll(Extract.Rules));
    private static readonly Lazy<Dictionary<string, Tally>> s_model = new(() => ScoreAll(ArabicArticleExtractor.Default));

    [Theory]
    [InlineData("entity:Person", 0.93, 0.93)]
    [InlineData("entity:State", 0.95, 0.95)]
    // 0.90 (was 0.92) since the learned organization spans (2026-12-06): on these articles P 0.91 R 0.94,
    // one organization more than their gold names (مجلس الوزراء inside the title رئيس مجلس الوزراء); on the annotated dev split organization F1 0.69 → 0.70.
    // 0.88 since the span model was retrained on 1,282 train articles (draws 2 and 3, 2026-12-06): P 0.89 R 0.94 here
    // (one extent more: "قناة CNBC الأمريكية"), while on the annotated dev split organizations went P 0.81 R 0.61 → P 0.82 R 0.63.
    [InlineData("entity:Organization", 0.88, 0.90)]
    // 0.92 (was 0.94) since the gazetteer was learned again with the second written batch in train (2026-12-07): its
    // mena-18 marks المنطقة الاقتصادية لقناة السويس optional, so the name is no longer annotated in most articles
    // that contain it and left the learned places; here قناة السويس inside it is one place more (P 0.93 R 1.00).
    // 0.90 (was 0.92) since continents are places (2026-12-07: train Place F1 0.78 → 0.79, dev 0.74 → 0.75): g02's
    // department "الإدارة العامة لدول آسيا والمحيط الهادئ" names one region more that its gold leaves out (P 0.91 R 1.00).
    [InlineData("entity:Place", 0.90, 0.90)]
    [InlineData("relation:MET", 0.95, 0.90)]
    [InlineData("relation:STATED", 0.94, 0.90)]
    [InlineData("relation:MEMBER_OF", 0.97, 0.95)]
    public void GoldSet_PrecisionAndRecall_StayAboveFloor(string type, double minPrecision, double minRecall)
    {
        Tally t = s_rules.Value[type];
        output.WriteLine($"{type} {t}");
        Assert.True(t.Precision >= minPrecision, $"{type} precision {t.Precision:F3} fell below {minPrecision}: {t}");
        Assert.True(t.Recall >= minRecall, $"{type} recall {t.Recall:F3} fell below {minRecall}: {t}");
    }

    /// <summary>The shipped model on the same articles (measured 2026-12-06: MET P 1.00 R 0.65, STATED P 0.97 R 0.90, MEMBER_OF P 1.00 R 0.98).</summary>
    [Theory]
    [InlineData("relation:MET", 0.95, 0.55)]
    [InlineData("relation:STATED", 0.93, 0.85)]
    [InlineData("relation:MEMBER_OF", 0.97, 0.93)]
    public void GoldSet_TheModelsDecisions_StayAboveFloor(string type, double minPrecision, double minRecall)
    {
        Tally t = s_model.Value[type];
        output.WriteLine($"{type} {t}");
        Assert.True(t.Precision >= minPrecision, $"{type} precision {t.Precision:F3} fell below {minPrecision}: {t}");
        Assert.True(t.Recall >= minRecall, $"{type} recall {t.Recall:F3} fell below {minRecall}: {t}");
    }

    [Fact]
    public void GoldSet_RelationsOverall_StayAboveFloor()
    {
        Tally relations = GoldScorer.Total(s_rules.Value, "relation:");
        Tally entities = GoldScorer.Total(s_rules.Value, "entity:");
        output.WriteLine($"relations {relations}; entities {entities}");
        Assert.True(relations.F1 >= 0.94, $"relations F1 {relations.F1:F3}: {relations}");
        Assert.True(entities.F1 >= 0.94, $"entities F1 {entities.F1:F3}: {entities}");
    }

    private static Dictionary<string, Tally> ScoreAll(ArabicArticleExtractor extractor)
    {
        var tally = new Dictionary<string, Tally>(StringComparer.Ordinal);
        string[] goldFiles = Directory.GetFiles(RepositoryPaths.GoldFiles, "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.True(goldFiles.Length >= 21, "the gold set must hold the sample article and at least 20 written ones");
        foreach (string file in goldFiles)
        {
            using JsonDocument gold = JsonDocument.Parse(File.ReadAllText(file));
            string article = gold.RootElement.GetProperty("article").GetString()!;
            string text = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, article));
            ArticleGraph graph = extractor.Extract(new ArticleInfo(GraphKeys.Article(null, text), text, File: article));
            GoldScorer.Score(gold.RootElement, graph, tally);
        }

        return tally;
    }
}
