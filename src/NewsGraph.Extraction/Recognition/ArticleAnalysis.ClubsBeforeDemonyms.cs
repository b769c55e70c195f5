using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// Pass 1d: in an article about sport, clubs no list knows, named by a word or three that the next
/// word, a demonym, places in a country ("أمام إيجلز الهولندي"، "لاعب أتلانتا الإيطالي"، "فريق
/// ليوباردز الكونغولي"، "بمواجهة روما الإيطالي"), right after a word that speaks of a club
/// (club-context-words). The demonym stays the state's mention and is not part of the name, as
/// annotators write it; a city the name was read as (روما، ليفربول) is the club here.
/// </summary>
internal sealed partial class ArticleAnalysis
{
    private const int MaxClubNameWords = 3;

    private void FindClubsBeforeDemonyms(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int d = 1; d < tokens.Count; d++)
        {
            if (Owner[s][d] is not { Form: MentionForm.Demonym, Entity.Kind: NodeKind.State } demonym || demonym.Start != d
                || tokens[d].Norm.EndsWith("يه", StringComparison.Ordinal) || !AboutSport())
            {
                continue;
            }

            int start = d;
            while (start > 0 && d - start < MaxClubNameWords && CouldBeInClubName(s, start - 1))
            {
                start--;
            }

            if (start == d || !AfterClubWord(tokens, start))
            {
                continue;
            }

            ReleasePlacesWithin(s, start, d);
            string name = ArticleText.Span(Sentences[s], _text, start, d);
            string norm = ArabicText.Normalize(name);
            EntityInfo club = Find(GraphKeys.Organization(norm))
                ?? Add(new EntityInfo(GraphKeys.Organization(norm), NodeKind.Organization, name) { Category = "club" });
            AddMention(s, start, d, club, MentionForm.Name);
        }
    }

    /// <summary>A word of a foreign club's name: free (or read as a city), no article, no ordinary word, first name, title or cue.</summary>
    private bool CouldBeInClubName(int s, int j)
    {
        Token t = Sentences[s].Tokens[j];
        if (!t.IsWord || (Owner[s][j] is { } m && (m.Entity.Kind != NodeKind.Place || m.End - m.Start != 1)))
        {
            return false;
        }

        string n = t.Norm;
        return !n.StartsWith("ال", StringComparison.Ordinal) && !_lex.IsFunctionWord(n) && !_lex.CommonWords.Contains(n) && !_lex.FirstNames.Contains(n)
            && t.FirstFormIn(s_clubContextWords) is null && Title(s, j) is null && Cue(s, j) is null;
    }
}
