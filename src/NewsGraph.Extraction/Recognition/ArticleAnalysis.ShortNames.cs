using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// Last step: a place or body whose name opens with its type noun (منطقة جازان، نادي الشباب، قناة
/// الجزيرة) is also known by the name alone, which is how annotators and other articles often
/// write it. Only the aliases change, after every pass, so no mention is read differently.
/// </summary>
internal sealed partial class ArticleAnalysis
{
    private static readonly WordSet s_placeTypeNouns = WordSets.Set("place-type-nouns");
    private static readonly WordSet s_bodyTypeNouns = WordSets.Set("body-type-nouns");

    private void AddNamesWithoutTypeNoun()
    {
        foreach (EntityInfo entity in _entities.Values)
        {
            WordSet? typeNouns = entity.Kind switch
            {
                NodeKind.Place => s_placeTypeNouns,
                NodeKind.Organization => s_bodyTypeNouns,
                _ => null,
            };
            if (typeNouns is not null && NameWithoutTypeNoun(entity.Name, typeNouns) is { } shortName)
            {
                entity.AddAlias(shortName);
            }
        }
    }

    /// <summary>The words after the first when the first is one of <paramref name="typeNouns"/> (normalized), else null.</summary>
    internal static string? NameWithoutTypeNoun(string name, IReadOnlySet<string> typeNouns)
    {
        string trimmed = name.Trim();
        int space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !typeNouns.Contains(ArabicText.Normalize(trimmed[..space])))
        {
            return null;
        }

        string rest = trimmed[(space + 1)..].Trim();
        return rest.Length > 0 ? rest : null;
    }
}
