using NewsGraph.Core.Graph;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// Full person names learned from the annotated corpus (<c>gazetteers/learned-persons.tsv</c>): where
/// the name rules stop short ("بان" and "كي" are ordinary words in "بان كي مون") or find nothing, a
/// known name whose words are all free is taken whole. Titles are read first, so a known name after
/// a title keeps its title and role. Last, people the news names by one word (أوباما، بوتين).
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
        return _knownPersons.At(s, start) is { } match && match.Length >= 2 && Unclaimed(s, match.Start, match.End)
            ? (match.Start, match.End)
            : null;
    }

    /// <summary>
    /// Pass 5: a well-known person named by one word nobody claimed ("وقال أوباما"): the person the
    /// article names in full (باراك أوباما, resolved by surname), else one keyed by the full name the
    /// data file gives, so every article's أوباما is one person in the graph.
    /// </summary>
    private void FindWellKnownPersons(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (Owner[s][i] is not null || !tokens[i].IsWord || _wellKnownPersons.At(s, i) is not { } match || !Unclaimed(s, match.Start, match.End))
            {
                continue;
            }

            string surface = SurfaceOf(s, match.Start, match.End, match.FirstForm);
            string key = GraphKeys.Person(PersonNorm(match.Value));
            EntityInfo person = FindPersonBySurname(PersonNorm(surface))
                ?? Find(key)
                ?? Add(new EntityInfo(key, NodeKind.Person, match.Value));
            person.AddAlias(surface);
            AddMention(s, match.Start, match.End, person, MentionForm.Alias);
            i = match.End - 1;
        }
    }
}
