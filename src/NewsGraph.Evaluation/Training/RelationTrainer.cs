using System.Globalization;
using System.Text;
using NewsGraph.Core.Graph;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Evaluation.Scoring;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Training;

/// <summary>
/// Trains the relation model (<see cref="RelationModel"/>) from labelled candidates: per relation
/// type, the L2 strength is chosen by 5-fold cross-validation over the train split's articles
/// (lowest held-out log loss), the model is fitted on the whole train split, calibrated by Platt
/// scaling on the dev split, and given the threshold that maximizes dev F1 while holding dev
/// precision at or above <see cref="TargetPrecision"/>. Every step is deterministic.
/// </summary>
public sealed class RelationTrainer(TextWriter log)
{
    public const double TargetPrecision = 0.90;

    public static readonly IReadOnlyList<RelationType> Types = [RelationType.Stated, RelationType.Met, RelationType.MemberOf];

    public (RelationModel Model, string Report) Train(IReadOnlyList<LabelledArticle> train, IReadOnlyList<LabelledArticle> dev)
    {
        var report = new StringBuilder();
        report.Append(CandidateRecall("train", train)).Append(CandidateRecall("dev", dev));
        var types = new Dictionary<RelationType, TypeModel>();
        foreach (RelationType type in Types)
        {
            List<LabelledCandidate> examples = Examples(train, type);
            double l2 = ChooseL2(train, type, report);
            (double bias, Dictionary<string, double> weights) = new LogisticRegression(l2).Fit(AsTraining(examples));
            var raw = new TypeModel(bias, weights, 1, 0, 0.5);
            (double a, double b) = PlattScaling.Fit([.. Examples(dev, type).Select(c => (raw.Score(c.Candidate.Features), c.Label!.Value))]);
            types[type] = raw with { CalibrationA = a, CalibrationB = b };
            log.WriteLine($"{GraphNames.TypeName(type)}: {examples.Count} train examples ({examples.Count(e => e.Label == true)} positive), L2 {l2}, {weights.Count} weights, calibration a={a} b={b}");
        }

        // Thresholds, chosen together: the combination with the best dev F1 over all three types
        // whose pooled dev precision is at least the target. Each type's counts at each threshold are
        // computed once (types are scored independently), then combined.
        var curves = Types.ToDictionary(type => type, type => Curve(dev, type, types[type], report));
        (double[] thresholds, Counts pooled) = ChooseThresholds(curves);
        for (int k = 0; k < Types.Count; k++)
        {
            RelationType type = Types[k];
            types[type] = types[type] with { Threshold = thresholds[k] };
            Counts at = curves[type].Single(p => p.Threshold == thresholds[k]).Counts;
            report.AppendLine(CultureInfo.InvariantCulture, $"{GraphNames.TypeName(type)} threshold {thresholds[k]:F2}: dev P={at.Precision:F3} R={at.Recall:F3} F1={at.F1:F3}");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"all three types at these thresholds: dev P={pooled.Precision:F3} R={pooled.Recall:F3} F1={pooled.F1:F3}");
        var result = new RelationModel(types);
        report.Append(Reliability(dev, result));
        return (result, report.ToString());
    }

    private static List<LabelledCandidate> Examples(IReadOnlyList<LabelledArticle> articles, RelationType type) =>
        [.. articles.OrderBy(a => a.Article.Id, StringComparer.Ordinal).SelectMany(a => a.Candidates).Where(c => c.Type == type && c.Label is not null)];

    private static List<(IReadOnlyList<string>, bool)> AsTraining(IEnumerable<LabelledCandidate> examples) =>
        [.. examples.Select(e => (e.Candidate.Features, e.Label!.Value))];

    /// <summary>The type's L2 strength by cross-validation over the train articles (in id order, dealt to folds in turn).</summary>
    private static double ChooseL2(IReadOnlyList<LabelledArticle> train, RelationType type, StringBuilder report)
    {
        List<LabelledArticle> ordered = [.. train.OrderBy(a => a.Article.Id, StringComparer.Ordinal)];
        List<(IReadOnlyList<string>, bool, int)> examples = [.. ordered.SelectMany((a, k) => a.Candidates
            .Where(c => c.Type == type && c.Label is not null)
            .Select(c => (c.Candidate.Features, c.Label!.Value, k % CrossValidatedL2.Folds)))];
        return CrossValidatedL2.Choose(examples, (l2, loss) =>
            report.AppendLine(CultureInfo.InvariantCulture, $"{GraphNames.TypeName(type)} 5-fold CV on train, L2 {l2}: held-out log loss {loss:F4}"));
    }

    private static readonly double[] s_thresholds = [.. Enumerable.Range(1, 19).Select(k => k * 0.05)];

    /// <summary>A type's dev counts at every threshold of the grid (and the curve, for the report).</summary>
    private static List<(double Threshold, Counts Counts)> Curve(IReadOnlyList<LabelledArticle> dev, RelationType type, TypeModel model, StringBuilder report)
    {
        var curve = new List<(double, Counts)>();
        var line = new StringBuilder($"{GraphNames.TypeName(type)} on dev by threshold (P/R):");
        foreach (double threshold in s_thresholds)
        {
            Counts counts = ScoreAt(dev, type, model, threshold);
            curve.Add((threshold, counts));
            line.Append(CultureInfo.InvariantCulture, $" {threshold:F2}:{counts.Precision:F2}/{counts.Recall:F2}");
        }

        report.AppendLine(line.ToString());
        return curve;
    }

    /// <summary>
    /// The per-type thresholds with the best pooled F1 among those whose pooled precision is at least
    /// <see cref="TargetPrecision"/>; failing that, the most precise combination. Ties go to the
    /// higher thresholds (fewer, surer relations).
    /// </summary>
    private static (double[] Thresholds, Counts Pooled) ChooseThresholds(Dictionary<RelationType, List<(double Threshold, Counts Counts)>> curves)
    {
        (double[] Thresholds, Counts Pooled)? best = null, mostPrecise = null;
        foreach ((double, Counts) a in curves[Types[0]])
        {
            foreach ((double, Counts) b in curves[Types[1]])
            {
                foreach ((double, Counts) c in curves[Types[2]])
                {
                    var pooled = new Counts(a.Item2.Tp + b.Item2.Tp + c.Item2.Tp, a.Item2.Fp + b.Item2.Fp + c.Item2.Fp, a.Item2.Fn + b.Item2.Fn + c.Item2.Fn);
                    double[] thresholds = [a.Item1, b.Item1, c.Item1];
                    if (pooled.Precision >= TargetPrecision && (best is null || pooled.F1 >= best.Value.Pooled.F1))
                    {
                        best = (thresholds, pooled);
                    }

                    if (mostPrecise is null || pooled.Precision >= mostPrecise.Value.Pooled.Precision)
                    {
                        mostPrecise = (thresholds, pooled);
                    }
                }
            }
        }

        return best ?? mostPrecise!.Value;
    }

    /// <summary>Dev P/R/F1 of one type when its candidates are decided at <paramref name="threshold"/>, with the scorer's semantics.</summary>
    public static Counts ScoreAt(IReadOnlyList<LabelledArticle> articles, RelationType type, TypeModel model, double threshold)
    {
        var tally = new Tally();
        foreach (LabelledArticle a in articles)
        {
            List<CandidateView> ofType = [.. a.Candidates.Select(c => c.Candidate).Where(c => c.Type == type)];
            List<CandidateView> kept = CandidateDecider.Keep(ofType, c => c.Type, c => c.Group, c => model.Probability(c.Features), _ => threshold);
            Prediction prediction = CandidateLabelling.AsPrediction(a.Graph, kept);
            tally.Add(ExtractionScorer.Score(a.Article.Gold, prediction).Tally);
        }

        return tally["relation:" + GraphNames.TypeName(type)];
    }

    /// <summary>
    /// How many required gold relations some candidate matches: the recall no decision can exceed.
    /// Every candidate is scored as if kept; each credits at most one gold item, as in evaluation.
    /// </summary>
    public static string CandidateRecall(string split, IReadOnlyList<LabelledArticle> articles)
    {
        var tally = new Tally();
        foreach (LabelledArticle a in articles)
        {
            tally.Add(ExtractionScorer.Score(a.Article.Gold, CandidateLabelling.AsPrediction(a.Graph, a.Candidates.Select(c => c.Candidate))).Tally);
        }

        return $"candidate recall on {split}: " + string.Join(", ", Types.Select(t =>
        {
            Counts c = tally["relation:" + GraphNames.TypeName(t)];
            return $"{GraphNames.TypeName(t)} {c.Recall:F3} ({c.Tp}/{c.Tp + c.Fn})";
        })) + Environment.NewLine;
    }

    /// <summary>A reliability table (ten bins of confidence) and the Brier score, on dev candidates with a label.</summary>
    public static string Reliability(IReadOnlyList<LabelledArticle> dev, RelationModel model)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine("reliability on dev (candidates with a label): bin, candidates, mean confidence, share correct");
        var all = new List<(double P, bool Y)>();
        foreach (RelationType type in Types)
        {
            TypeModel t = model.Types[type];
            List<(double P, bool Y)> points = [.. Examples(dev, type).Select(c => (t.Probability(c.Candidate.Features), c.Label!.Value))];
            all.AddRange(points);
            w.WriteLine($"  {GraphNames.TypeName(type)}: Brier {Brier(points):F4} over {points.Count} candidates");
        }

        for (int bin = 0; bin < 10; bin++)
        {
            List<(double P, bool Y)> inBin = [.. all.Where(p => Math.Min(9, (int)(p.P * 10)) == bin)];
            w.WriteLine(inBin.Count == 0
                ? $"  {bin / 10.0:F1}–{(bin + 1) / 10.0:F1}: 0"
                : $"  {bin / 10.0:F1}–{(bin + 1) / 10.0:F1}: {inBin.Count,5}  {inBin.Average(p => p.P):F3}  {inBin.Count(p => p.Y) / (double)inBin.Count:F3}");
        }

        w.WriteLine($"  all types: Brier {Brier(all):F4} over {all.Count} candidates");
        return w.ToString();
    }

    private static double Brier(List<(double P, bool Y)> points) =>
        points.Count == 0 ? 0 : points.Average(p => (p.P - (p.Y ? 1 : 0)) * (p.P - (p.Y ? 1 : 0)));
}
