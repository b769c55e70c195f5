using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// Full person names learned from the annotated corpus (<c>gazetteers/learned-persons.tsv</c>): where
/// the name rules stop short ("بان" and "كي" are ordinary words in "بان كي مون") or find nothing, a
/// known name whose words are all free is taken whole. Titles are read first, so a known name after
/// a title keeps its title and role.
/// </summary>
internal sealed partial class ArticleAnalysis
{
    /// <summary>The known person name at <paramref name="start"/> when it is longer than what the rules find there and its words are free; else the rules' extent.</summary>
    private (int start, int end)? KnownOrNameExtent(int s, int start, NameAnchor anchor)
    {
        (int start, int end)? rules = NameExtent(s, start, anchor);
        return KnownPersonAt(s, start) is { } known && (rules is null || known.end > rules.Value.end) ? known : rules;
    }

    /// <summary>Pass 3d: known names nobody claimed — untitled, in lists, after verbs the rules do not read.</summary>
    private void FindKnownPersons(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            if (KnownPersonAt(s, i) is { } known)
            {
                EntityInfo person = AddPerson(s, known.start, known.end);
                i = AttachTitleAfter(s, known.end, person);
                continue;
            }

            i++;
        }
    }

    private (int start, int end)? KnownPersonAt(int s, int start)
    {
        if (_knownPersons.At(s, start) is not { } match || match.Length < 2)
        {
            return null;
        }

        for (int j = match.Start; j < match.End; j++)
        {
            if (Owner[s][j] is not null)
            {
                return null;
            }
        }

        return (match.Start, match.End);
    }
}
