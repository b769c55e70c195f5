using System.Globalization;

namespace NewsGraph.Extraction.Ner;

/// <summary>Exact-span, exact-type counts for one entity type (or all of them).</summary>
public sealed record NerClassScore(string Type, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Type,-5} P={Precision:F3} R={Recall:F3} F1={F1:F3} (tp={TruePositives} fp={FalsePositives} fn={FalseNegatives})");
}

/// <summary>Per-type and overall scores.</summary>
public sealed record NerScore(IReadOnlyList<NerClassScore> Classes, NerClassScore Overall);

/// <summary>
/// Entity-level scoring with the same span rules as the project's score_ner.py (conlleval style:
/// an I- tag that does not continue a span opens one; only PERS, LOC and ORG count).
/// </summary>
public static class NerEvaluation
{
    public static NerScore Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"gold has {gold.Count} tags, predicted {predicted.Count}.", nameof(predicted));
        }

        HashSet<(int Start, int End, string Type)> goldSpans = Spans(gold);
        HashSet<(int Start, int End, string Type)> predictedSpans = Spans(predicted);
        var classes = new List<NerClassScore>();
        foreach (string type in NerTags.ReportedTypes)
        {
            int tp = goldSpans.Count(s => s.Type == type && predictedSpans.Contains(s));
            int fp = predictedSpans.Count(s => s.Type == type && !goldSpans.Contains(s));
            int fn = goldSpans.Count(s => s.Type == type && !predictedSpans.Contains(s));
            classes.Add(new NerClassScore(type, tp, fp, fn));
        }

        var overall = new NerClassScore(
            "ALL",
            classes.Sum(c => c.TruePositives),
            classes.Sum(c => c.FalsePositives),
            classes.Sum(c => c.FalseNegatives));
        return new NerScore(classes, overall);
    }

    /// <summary>Entity spans [Start, End) by type, read as score_ner.py reads them.</summary>
    public static HashSet<(int Start, int End, string Type)> Spans(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new HashSet<(int, int, string)>();
        int start = -1;
        string? open = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] ?? NerTags.Outside : NerTags.Outside;
            string? type = NerTags.TypeOf(tag);
            char prefix = tag.Length > 0 ? tag[0] : 'O';
            if (type is null || !NerTags.ReportedTypes.Contains(type))
            {
                prefix = 'O';
                type = null;
            }

            if (open is not null && (prefix != 'I' || type != open))
            {
                spans.Add((start, i, open));
                open = null;
            }

            if (prefix == 'B' || (prefix == 'I' && open is null))
            {
                start = i;
                open = type;
            }
        }

        return spans;
    }
}
