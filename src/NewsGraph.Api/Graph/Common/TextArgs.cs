using NewsGraph.Core.Text;

namespace NewsGraph.Api.Graph.Common;

internal static class TextArgs
{
    /// <summary>The normalized form the store compares against (see <see cref="ArabicText"/>); null for blank.</summary>
    public static string? Normalized(string? text) =>
        ArabicText.Normalize(text) is { Length: > 0 } normalized ? normalized : null;
}
