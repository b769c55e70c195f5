using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Training;

/// <summary>Writes a <see cref="RelationModel"/> as the embedded JSON file: keys sorted, numbers as trained, so a retrain with the same data gives the same bytes.</summary>
public static class RelationModelFile
{
    public static string Format(RelationModel model, string provenance) => ModelFile.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("about", provenance);
        w.WriteStartObject("types");
        foreach ((RelationType type, TypeModel t) in model.Types.OrderBy(t => GraphNames.TypeName(t.Key), StringComparer.Ordinal))
        {
            w.WriteStartObject(GraphNames.TypeName(type));
            w.WriteNumber("bias", t.Bias);
            w.WriteStartObject("calibration");
            w.WriteNumber("a", t.CalibrationA);
            w.WriteNumber("b", t.CalibrationB);
            w.WriteEndObject();
            w.WriteNumber("threshold", Math.Round(t.Threshold, 2));
            ModelFile.WriteWeights(w, t.Weights);
            if (t.Trees is { Count: > 0 } trees)
            {
                WriteTrees(w, trees);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Each tree as a list of nodes: a split <c>{"f", "p", "a"}</c> (feature, next node if present, if absent) or a leaf <c>{"v"}</c>.</summary>
    private static void WriteTrees(Utf8JsonWriter w, IReadOnlyList<DecisionTree> trees)
    {
        w.WriteStartArray("trees");
        foreach (DecisionTree tree in trees)
        {
            w.WriteStartArray();
            foreach (TreeNode node in tree.Nodes)
            {
                w.WriteStartObject();
                if (node.Feature is { } feature)
                {
                    w.WriteString("f", feature);
                    w.WriteNumber("p", node.Present);
                    w.WriteNumber("a", node.Absent);
                }
                else
                {
                    w.WriteNumber("v", node.Value);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
