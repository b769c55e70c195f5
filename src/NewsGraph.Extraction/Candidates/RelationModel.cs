using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// The learned decision over relation candidates: per relation type a logistic model over the
/// candidates' features (with boosted trees on its log-odds where cross-validation chose them), a
/// calibration (Platt scaling fitted on the dev split) and the default threshold (chosen on dev to hold
/// precision ≥ 0.90). Trained by <c>newsgraph train relations</c>
/// and embedded as <c>Data/relations/relation-model.json</c>; the file says how it was made.
/// </summary>
public sealed class RelationModel
{
    private readonly Dictionary<RelationType, TypeModel> _types;

    public RelationModel(IReadOnlyDictionary<RelationType, TypeModel> types) => _types = new(types);

    public IReadOnlyDictionary<RelationType, TypeModel> Types => _types;

    /// <summary>The calibrated probability that the candidate's relation is asserted; null for a type the model does not cover.</summary>
    internal double? Probability(RelationCandidate candidate) =>
        _types.TryGetValue(candidate.Type, out TypeModel? model) ? model.Probability(candidate.Features) : null;

    public double? Threshold(RelationType type) => _types.TryGetValue(type, out TypeModel? model) ? model.Threshold : null;

    public static RelationModel Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var types = new Dictionary<RelationType, TypeModel>();
        foreach (JsonProperty type in doc.RootElement.GetProperty("types").EnumerateObject())
        {
            JsonElement t = type.Value;
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (JsonProperty w in t.GetProperty("weights").EnumerateObject())
            {
                weights[w.Name] = w.Value.GetDouble();
            }

            types[GraphNames.ParseType(type.Name)] = new TypeModel(
                t.GetProperty("bias").GetDouble(), weights,
                t.GetProperty("calibration").GetProperty("a").GetDouble(), t.GetProperty("calibration").GetProperty("b").GetDouble(),
                t.GetProperty("threshold").GetDouble(),
                t.TryGetProperty("trees", out JsonElement trees) ? ParseTrees(trees) : null);
        }

        return new RelationModel(types);
    }

    /// <summary>Trees as written by the trainer: each a list of nodes <c>{"f": feature, "p": present, "a": absent}</c> or <c>{"v": leaf value}</c>.</summary>
    private static List<DecisionTree> ParseTrees(JsonElement trees) =>
        [.. trees.EnumerateArray().Select(tree => new DecisionTree([.. tree.EnumerateArray().Select(node =>
            node.TryGetProperty("f", out JsonElement feature)
                ? new TreeNode(feature.GetString(), 0, node.GetProperty("p").GetInt32(), node.GetProperty("a").GetInt32())
                : new TreeNode(null, node.GetProperty("v").GetDouble(), -1, -1))]))];

    /// <summary>The embedded model, or null when the build has none (extraction then keeps the rules' relations).</summary>
    public static RelationModel? LoadDefault() =>
        EmbeddedData.TryReadText("relations/relation-model.json") is { } json ? Parse(json) : null;
}

/// <summary>
/// One relation type's model: weights over features and a bias (logistic regression), optionally boosted
/// trees grown on its log-odds (<see cref="Trees"/>), Platt calibration, default threshold.
/// </summary>
public sealed record TypeModel(double Bias, IReadOnlyDictionary<string, double> Weights, double CalibrationA, double CalibrationB, double Threshold, IReadOnlyList<DecisionTree>? Trees = null)
{
    private FeatureScorer? _scorer;

    /// <summary>The raw score (log-odds before calibration): the linear part, then the trees' leaves.</summary>
    public double Score(IEnumerable<string> features) => Scorer().Score(Bias, features);

    public double Probability(IEnumerable<string> features) => Sigmoid((CalibrationA * Score(features)) + CalibrationB);

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Weights.Count} weights, {Trees?.Count ?? 0} trees, threshold {Threshold:F2}");

    /// <summary>
    /// The weights and trees compiled once (a benign race: two threads may both compile them); a copy
    /// made with other weights or trees (<c>with</c>) compiles its own.
    /// </summary>
    private FeatureScorer Scorer()
    {
        FeatureScorer? compiled = _scorer;
        if (compiled is null || !compiled.IsFor(Weights, Trees))
        {
            _scorer = compiled = new FeatureScorer(Weights, Trees);
        }

        return compiled;
    }
}

/// <summary>
/// A type model's weights and trees behind one lookup per feature: each feature the model knows maps
/// to its weight and to its number among the trees' split features, so a candidate's features are
/// hashed once (not once for the weights and again for the trees).
/// </summary>
internal sealed class FeatureScorer
{
    private const int StackPresenceWords = 8;

    private readonly IReadOnlyDictionary<string, double> _weights;
    private readonly IReadOnlyList<DecisionTree>? _trees;
    private readonly Dictionary<string, (double Weight, int TreeFeature)> _known = new(StringComparer.Ordinal);
    private readonly TreeEnsemble? _ensemble;

    public FeatureScorer(IReadOnlyDictionary<string, double> weights, IReadOnlyList<DecisionTree>? trees)
    {
        (_weights, _trees) = (weights, trees);
        foreach ((string feature, double weight) in weights)
        {
            _known[feature] = (weight, -1);
        }

        if (trees is { Count: > 0 })
        {
            _ensemble = new TreeEnsemble(trees);
            foreach ((string feature, int id) in _ensemble.FeatureIds)
            {
                _known[feature] = (weights.GetValueOrDefault(feature), id);
            }
        }
    }

    public bool IsFor(IReadOnlyDictionary<string, double> weights, IReadOnlyList<DecisionTree>? trees) =>
        ReferenceEquals(weights, _weights) && ReferenceEquals(trees, _trees);

    /// <summary>
    /// The bias plus the known features' weights, in the features' order (an unknown feature weighs
    /// nothing), then the trees' leaves for the features present.
    /// </summary>
    public double Score(double bias, IEnumerable<string> features)
    {
        int words = _ensemble?.PresenceWords ?? 0;
        Span<ulong> present = words <= StackPresenceWords ? stackalloc ulong[StackPresenceWords] : new ulong[words];
        double z = bias;
        if (features is List<string> list)
        {
            foreach (string feature in list)
            {
                z += Weigh(feature, present);
            }
        }
        else
        {
            foreach (string feature in features)
            {
                z += Weigh(feature, present);
            }
        }

        return _ensemble is null ? z : z + _ensemble.Output(present);
    }

    /// <summary>The feature's weight; marks it present when the trees split on it.</summary>
    private double Weigh(string feature, Span<ulong> present)
    {
        if (!_known.TryGetValue(feature, out (double Weight, int TreeFeature) entry))
        {
            return 0;
        }

        if (entry.TreeFeature >= 0)
        {
            present[entry.TreeFeature >> 6] |= 1UL << (entry.TreeFeature & 63);
        }

        return entry.Weight;
    }
}
