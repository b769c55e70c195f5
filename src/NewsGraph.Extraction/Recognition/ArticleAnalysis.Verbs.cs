using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>Pass 3: persons announced by a reporting or meeting verb.</summary>
internal sealed partial class ArticleAnalysis
{
    private void FindVerbAnchoredPersons(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (Cue(s, i) is not { Value: CueKind.Stated or CueKind.Met } cue || cue.FirstForm is "بين" or "وبين")
            {
                continue; // بين is far more often "between" than "he showed"
            }

            int start = cue.End;
            if (start < tokens.Count && Owner[s][start] is null && NameExtent(s, start, NameAnchor.Verb) is { } n)
            {
                EntityInfo person = AddPerson(s, n.start, n.end);
                AttachTitleAfter(s, n.end, person);
            }
        }
    }
}
