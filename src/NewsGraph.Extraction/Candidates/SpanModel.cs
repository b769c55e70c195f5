using System.Globalization;
using System.Text.Json;

namespace NewsGraph.Extraction.Candidates;

/// <summary>
/// A learned decision over entity spans (where an organization name that opens with a head noun
/// ends; which span in a speaker's or participant's slot is a person's name): a logistic model over the span's features and the threshold it must reach. Trained by
/// <c>newsgraph train spans</c> and <c>newsgraph train person-spans</c>, embedded as
/// <c>Data/entities/organization-spans.json</c> and <c>Data/entities/person-spans.json</c>.
/// </summary>
public sealed class SpanModel(double bias, IReadOnlyDictionary<string, double> weights, double threshold)
{
    public double Bias => bias;

    public IReadOnlyDictionary<string, double> Weights => weights;

    public double Threshold => threshold;

    public double Probability(IEnumerable<string> features)
    {
        double z = bias;
        foreach (string f in features)
        {
            z += weights.GetValueOrDefault(f);
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Scores every span (their <see cref="SpanCandidate.Probability"/>) and gives the likeliest, marked
    /// <see cref="SpanCandidate.Kept"/>, when it reaches the threshold; null otherwise (or for no spans).
    /// </summary>
    public SpanCandidate? Choose(IReadOnlyList<SpanCandidate> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        foreach (SpanCandidate c in spans)
        {
            c.Probability = Probability(c.Features);
        }

        SpanCandidate? best = spans.MaxBy(c => c.Probability);
        if (best is null || best.Probability < threshold)
        {
            return null;
        }

        best.Kept = true;
        return best;
    }

    public static SpanModel Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (JsonProperty w in root.GetProperty("weights").EnumerateObject())
        {
            weights[w.Name] = w.Value.GetDouble();
        }

        return new SpanModel(root.GetProperty("bias").GetDouble(), weights, root.GetProperty("threshold").GetDouble());
    }

    /// <summary>The embedded organization span model, or null when the build has none (the pass then only proposes).</summary>
    public static SpanModel? LoadOrganizations() =>
        EmbeddedData.TryReadText("entities/organization-spans.json") is { } json ? Parse(json) : null;

    /// <summary>The embedded person span model, or null when the build has none (the slot pass then keeps the rules' decision).</summary>
    public static SpanModel? LoadPersons() =>
        EmbeddedData.TryReadText("entities/person-spans.json") is { } json ? Parse(json) : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{weights.Count} weights, threshold {threshold:F2}");
}

/// <summary>One candidate entity span: sentence, token range, the first token's form, its features and the decision on it.</summary>
public sealed class SpanCandidate(int sentence, int start, int end, string firstForm)
{
    public int Sentence { get; } = sentence;

    public int Start { get; } = start;

    public int End { get; } = end;

    public string FirstForm { get; } = firstForm;

    public List<string> Features { get; } = [];

    public double Probability { get; set; }

    public bool Kept { get; set; }
}
