using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Candidates;

namespace NewsGraph.Evaluation.Training;

/// <summary>Writes a <see cref="RelationModel"/> as the embedded JSON file: keys sorted, numbers as trained, so a retrain with the same data gives the same bytes.</summary>
public static class RelationModelFile
{
    public static string Format(RelationModel model, string provenance)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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
                w.WriteStartObject("weights");
                foreach ((string feature, double weight) in t.Weights.OrderBy(x => x.Key, StringComparer.Ordinal))
                {
                    w.WriteNumber(feature, weight);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
