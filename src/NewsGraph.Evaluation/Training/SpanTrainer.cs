using System.Globalization;
using System.Text;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Scoring;
using NewsGraph.Extraction;
using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Training;

/// <summary>
/// Trains a span model (<see cref="SpanModel"/>): the organization model over every span extraction
/// proposes from an organization head noun, the person model over every span opening in a speaker's
/// or participant's slot. A span is labelled positive when its text, normalized as the scorer does,
/// is a name or alias of one of the article's gold entities of that kind. The L2 strength is chosen
/// by 5-fold cross-validation on the train split; the threshold is the one that maximizes span-level
/// F1 on dev (the likeliest span per head or slot is the one taken, as in extraction) with precision
/// at least <paramref name="targetPrecision"/>; with <paramref name="tieBreakOnHeldOut"/>, thresholds
/// that tie on dev (a small dev split makes whole ranges tie) are told apart by F1 over dev and the
/// train split's held-out folds together, as the relation model's are. Deterministic.
/// </summary>
public sealed class SpanTrainer(TextWriter log, NodeKind kind = NodeKind.Organization, double targetPrecision = SpanTrainer.TargetPrecision, bool tieBreakOnHeldOut = false)
{
    /// <summary>The organization model's precision target on dev.</summary>
    public const double TargetPrecision = 0.85;

    /// <summary>The person model's: a false person costs its relations too.</summary>
    public const double PersonTargetPrecision = 0.90;

    /// <summary>One head noun's spans, labelled, from one article.</summary>
    public sealed record SpanGroup(string Article, IReadOnlyList<(SpanView Span, bool Label)> Spans)
    {
        public bool HasPositive => Spans.Any(s => s.Label);
    }

    /// <summary>Proposes spans of <paramref name="kind"/> over the articles (with no span model of that kind deciding) and labels them against the gold.</summary>
    public static IReadOnlyList<SpanGroup> Label(IReadOnlyList<EvalArticle> articles, ArabicArticleExtractor proposer, NodeKind kind = NodeKind.Organization)
    {
        string goldKind = kind.ToString();
        var groups = new List<SpanGroup>[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            EvalArticle article = articles[i];
            var names = new HashSet<string>(article.Gold.Entities
                .Where(e => e.Kind == goldKind)
                .SelectMany(e => (e.Aliases ?? []).Append(e.Name))
                .Select(ScorerText.Normalize), StringComparer.Ordinal);
            CandidateExtraction extraction = proposer.ExtractCandidates(Scoring.Evaluation.AsExtracted(article));
            IReadOnlyList<SpanView> spans = kind == NodeKind.Person ? extraction.PersonSpans : extraction.OrganizationSpans;
            groups[i] = [.. spans
                .GroupBy(s => (s.Sentence, s.Start))
                .Select(g => new SpanGroup(article.Id, [.. g.Select(s => (s, names.Contains(ScorerText.Normalize(s.Text))))]))];
        });
        return [.. groups.SelectMany(g => g).OrderBy(g => g.Article, StringComparer.Ordinal)];
    }

    public (SpanModel Model, string Report) Train(IReadOnlyList<SpanGroup> train, IReadOnlyList<SpanGroup> dev)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"train: {train.Count} groups, {train.Count(g => g.HasPositive)} with a gold span; dev: {dev.Count} groups, {dev.Count(g => g.HasPositive)} with a gold span");
        double l2 = ChooseL2(train, report);
        (double bias, Dictionary<string, double> weights) = new LogisticRegression(l2).Fit(AsTraining(train));
        log.WriteLine($"{kind.ToString().ToLowerInvariant()} spans: {train.Sum(g => g.Spans.Count)} train spans, L2 {l2}, {weights.Count} weights");
        var model = new SpanModel(bias, weights, 0.5);
        Dictionary<SpanView, double>? heldOut = tieBreakOnHeldOut ? HeldOutProbabilities(train, l2) : null;
        double best = 0.5;
        Counts bestCounts = default, bestPooled = default;
        var curve = new StringBuilder("dev by threshold (P/R):");
        var pooledCurve = new StringBuilder("dev and held-out train by threshold (P/R):");
        for (int k = 1; k <= 19; k++)
        {
            double threshold = k * 0.05;
            Counts counts = ScoreAt(dev, s => model.Probability(s.Features), threshold);
            curve.Append(CultureInfo.InvariantCulture, $" {threshold:F2}:{counts.Precision:F2}/{counts.Recall:F2}");
            Counts pooled = heldOut is null ? default : counts + ScoreAt(train, s => heldOut[s], threshold);
            pooledCurve.Append(CultureInfo.InvariantCulture, $" {threshold:F2}:{pooled.Precision:F2}/{pooled.Recall:F2}");
            bool better = counts.F1 > bestCounts.F1 || (counts.F1 == bestCounts.F1 && (heldOut is null || pooled.F1 >= bestPooled.F1));
            if (counts.Precision >= targetPrecision && better)
            {
                (best, bestCounts, bestPooled) = (threshold, counts, pooled);
            }
        }

        if (heldOut is not null)
        {
            report.AppendLine(pooledCurve.ToString());
        }

        report.AppendLine(curve.ToString());
        report.AppendLine(CultureInfo.InvariantCulture, $"threshold {best:F2}: dev P={bestCounts.Precision:F3} R={bestCounts.Recall:F3} F1={bestCounts.F1:F3} (groups with a gold span)");
        if (heldOut is not null)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  dev and held-out train at {best:F2}: P={bestPooled.Precision:F3} R={bestPooled.Recall:F3} F1={bestPooled.F1:F3}");
        }

        return (new SpanModel(bias, weights, best), report.ToString());
    }

    /// <summary>Span-level counts: a head whose likeliest span is taken is a true positive when that span is gold; a gold head not (rightly) taken is a miss.</summary>
    public static Counts ScoreAt(IReadOnlyList<SpanGroup> groups, SpanModel model) => ScoreAt(groups, s => model.Probability(s.Features), model.Threshold);

    private static Counts ScoreAt(IReadOnlyList<SpanGroup> groups, Func<SpanView, double> probability, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (SpanGroup g in groups)
        {
            (SpanView Span, bool Label) top = g.Spans.MaxBy(s => probability(s.Span));
            bool taken = probability(top.Span) >= threshold;
            if (taken && top.Label)
            {
                tp++;
            }
            else
            {
                fp += taken ? 1 : 0;
                fn += g.HasPositive ? 1 : 0;
            }
        }

        return new Counts(tp, fp, fn);
    }

    /// <summary>Each train span's probability under the model fitted on the other folds (the folds <see cref="ChooseL2"/> uses).</summary>
    private static Dictionary<SpanView, double> HeldOutProbabilities(IReadOnlyList<SpanGroup> train, double l2)
    {
        Dictionary<string, int> fold = FoldOfArticle(train);
        var probabilities = new Dictionary<SpanView, double>(ReferenceEqualityComparer.Instance);
        for (int k = 0; k < CrossValidatedL2.Folds; k++)
        {
            (double bias, Dictionary<string, double> weights) = new LogisticRegression(l2).Fit(AsTraining(train.Where(g => fold[g.Article] != k)));
            var model = new SpanModel(bias, weights, 0.5);
            foreach ((SpanView span, _) in train.Where(g => fold[g.Article] == k).SelectMany(g => g.Spans))
            {
                probabilities[span] = model.Probability(span.Features);
            }
        }

        return probabilities;
    }

    private static Dictionary<string, int> FoldOfArticle(IReadOnlyList<SpanGroup> train)
    {
        List<string> articles = [.. train.Select(g => g.Article).Distinct().Order(StringComparer.Ordinal)];
        return articles.Select((a, k) => (a, k % CrossValidatedL2.Folds)).ToDictionary(x => x.a, x => x.Item2, StringComparer.Ordinal);
    }

    private static List<(IReadOnlyList<string>, bool)> AsTraining(IEnumerable<SpanGroup> groups) =>
        [.. groups.SelectMany(g => g.Spans).Select(s => (s.Span.Features, s.Label))];

    /// <summary>The L2 strength by cross-validation over the train articles (in id order, dealt to folds in turn).</summary>
    private static double ChooseL2(IReadOnlyList<SpanGroup> train, StringBuilder report)
    {
        Dictionary<string, int> fold = FoldOfArticle(train);
        List<(IReadOnlyList<string>, bool, int)> examples = [.. train.SelectMany(g => g.Spans.Select(s => (s.Span.Features, s.Label, fold[g.Article])))];
        return CrossValidatedL2.Choose(examples, (l2, loss) =>
            report.AppendLine(CultureInfo.InvariantCulture, $"5-fold CV on train, L2 {l2}: held-out log loss {loss:F4}"));
    }

    /// <summary>Every span with its label and probability, one a line (article, label, probability, text, features), for inspection.</summary>
    public static string Describe(IReadOnlyList<SpanGroup> groups, SpanModel model)
    {
        var text = new StringBuilder();
        foreach (SpanGroup g in groups)
        {
            foreach ((SpanView span, bool label) in g.Spans)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{g.Article}\t{(label ? 1 : 0)}\t{model.Probability(span.Features):F3}\t{span.Text}\t{string.Join(' ', span.Features)}");
            }
        }

        return text.ToString();
    }

    /// <summary>The model as the embedded JSON file: keys sorted, so the same data gives the same bytes.</summary>
    public static string Format(SpanModel model, string provenance) => ModelFile.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("about", provenance);
        w.WriteNumber("bias", model.Bias);
        w.WriteNumber("threshold", Math.Round(model.Threshold, 2));
        ModelFile.WriteWeights(w, model.Weights);
        w.WriteEndObject();
    });
}
