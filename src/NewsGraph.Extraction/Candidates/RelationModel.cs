using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Graph;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// The learned decision over relation candidates: per relation type a logistic model over the
/// candidates' features, a calibration (Platt scaling fitted on the dev split) and the default
/// threshold (chosen on dev to hold precision ≥ 0.90). Trained by <c>newsgraph train relations</c>
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
                t.GetProperty("threshold").GetDouble());
        }

        return new RelationModel(types);
    }

    /// <summary>The embedded model, or null when the build has none (extraction then keeps the rules' relations).</summary>
    public static RelationModel? LoadDefault() =>
        EmbeddedData.TryReadText("relations/relation-model.json") is { } json ? Parse(json) : null;
}

/// <summary>One relation type's model: weights over features, bias, Platt calibration, default threshold.</summary>
public sealed record TypeModel(double Bias, IReadOnlyDictionary<string, double> Weights, double CalibrationA, double CalibrationB, double Threshold)
{
    /// <summary>The raw score (log-odds before calibration).</summary>
    public double Score(IEnumerable<string> features)
    {
        double z = Bias;
        foreach (string f in features)
        {
            z += Weights.GetValueOrDefault(f);
        }

        return z;
    }

    public double Probability(IEnumerable<string> features) => Sigmoid((CalibrationA * Score(features)) + CalibrationB);

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Weights.Count} weights, threshold {Threshold:F2}");
}
