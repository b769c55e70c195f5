using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsGraph.Evaluation.Training;

/// <summary>How the trained models are written as embedded JSON files: indented, Arabic unescaped, keys sorted, so the same data gives the same bytes.</summary>
internal static class ModelFile
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A "weights" object, features in ordinal order.</summary>
    public static void WriteWeights(Utf8JsonWriter w, IReadOnlyDictionary<string, double> weights)
    {
        w.WriteStartObject("weights");
        foreach ((string feature, double weight) in weights.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(feature, weight);
        }

        w.WriteEndObject();
    }
}
