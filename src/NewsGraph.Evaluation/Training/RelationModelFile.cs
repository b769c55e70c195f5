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
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });
}
