using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// Pass 1c: newspapers and clubs whose names are also ordinary words (الوطن homeland, اليوم today,
/// الهلال crescent, النصر victory), which the gazetteer leaves out because the name alone would be
/// wrong far more often than right. The context decides: a newspaper when the text quotes its name
/// (قال لـ«الشرق الأوسط»، أبلغ «عكاظ»، التقت "سبق"), a club in an article about sport when a word
/// next to it speaks of a club (نادي، فريق، لاعبي، أمام، مباراة) or another club stands beside it
/// (مباراة النصر والهلال).
/// </summary>
internal sealed partial class ArticleAnalysis
{
    /// <summary>Sport words an article needs (counted with repeats) before a bare الهلال can be the club.</summary>
    private const int MinSportWords = 3;

    private static readonly IReadOnlySet<string> s_sportsWords = WordSets.Set("sports-words");
    private static readonly WordSet s_clubContextWords = WordSets.Set("club-context-words");
    private static readonly WordSet s_clubsNamedAlone = WordSets.Set("clubs-named-alone-in-sport");

    private bool? _aboutSport;

    private void FindContextualOrganizations(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (Owner[s][i] is not null || !tokens[i].IsWord || _contextualOrganizations.At(s, i) is not { } match || !Unclaimed(s, match.Start, match.End))
            {
                continue;
            }

            string? category = match.Value.IsMedia && IsQuoted(tokens, match.Start, match.End) ? "media"
                : match.Value.IsClub && IsClubHere(s, match) ? "club"
                : match.Value.IsArmedGroup && IsArmedGroupHere(s, match) ? "armed_group"
                : null;
            if (category is null)
            {
                continue;
            }

            string name = ArticleText.SpanWithoutClitic(Sentences[s], _text, match.Start, match.End, match.FirstForm);
            string norm = ArabicText.Normalize(name);
            EntityInfo org = OrganizationEndingWith(norm)
                ?? Find(GraphKeys.Organization(norm))
                ?? Add(new EntityInfo(GraphKeys.Organization(norm), NodeKind.Organization, name) { Category = category });
            if (org.Name != name)
            {
                org.AddAlias(name);
            }

            AddMention(s, match.Start, match.End, org, org.Name == name ? MentionForm.Name : MentionForm.Alias);
            i = match.End - 1;
        }
    }

    /// <summary>«عكاظ»، "سبق"، لـ«الشرق الأوسط»: a quotation mark right before and right after the name.</summary>
    private static bool IsQuoted(IReadOnlyList<Token> tokens, int start, int end) =>
        start > 0 && end < tokens.Count && tokens[start - 1].Kind == TokenKind.Quote && tokens[end].Kind == TokenKind.Quote;

    /// <summary>
    /// A club's name in an article about sport, not the first word of a longer phrase (الشباب
    /// السعودي، النصر المؤزر: a definite word after it), with a club word or another club near.
    /// </summary>
    private bool IsClubHere(int s, PhraseMatch<ContextualOrganization> match)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        // ("العين الإماراتي" after a club word is the club, placed in its country by the demonym.)
        bool placedByDemonym = match.End < tokens.Count && Owner[s][match.End] is { Form: MentionForm.Demonym }
            && AfterClubWord(tokens, match.Start);
        if (!AboutSport() || (match.End < tokens.Count && IsDefiniteWord(tokens[match.End]) && !placedByDemonym))
        {
            return false;
        }

        // A foreign club's name, or a Saudi club's that is rarely anything else in an article about
        // sport (الهلال، النصر), needs no club word beside it.
        if (s_clubsNamedAlone.Contains(ArabicText.Normalize(match.Value.Name)))
        {
            return true;
        }

        for (int j = Math.Max(0, match.Start - 3); j < Math.Min(tokens.Count, match.End + 3); j++)
        {
            if (j >= match.Start && j < match.End || !tokens[j].IsWord)
            {
                continue;
            }

            bool clubWord = j < match.End + 2 && tokens[j].FirstFormIn(s_clubContextWords) is not null; // three words before, two after
            bool anotherClub = _contextualOrganizations.At(s, j) is { Value.IsClub: true } || Owner[s][j] is { Entity.Category: "club" };
            if (clubWord || anotherClub)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A group's bare name (القاعدة "the base") where the text says it is the group: quoted, named in
    /// full earlier (تنظيم القاعدة), or beside another armed group ("تنظيمي داعش والقاعدة"، "جبهة النصرة
    /// ومن القاعدة").
    /// </summary>
    private bool IsArmedGroupHere(int s, PhraseMatch<ContextualOrganization> match)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (IsQuoted(tokens, match.Start, match.End) || OrganizationEndingWith(ArabicText.Normalize(match.Value.Name)) is { Category: "armed_group" })
        {
            return true;
        }

        for (int j = Math.Max(0, match.Start - 3); j < Math.Min(tokens.Count, match.End + 3); j++)
        {
            if ((j < match.Start || j >= match.End) && Owner[s][j] is { Entity.Category: "armed_group" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word that speaks of a club (club-context-words) stands right before <paramref name="j"/>.</summary>
    private static bool AfterClubWord(IReadOnlyList<Token> tokens, int j) => j > 0 && tokens[j - 1].FirstFormIn(s_clubContextWords) is not null;

    /// <summary>Whether the article is about sport (for relation features too: there لقاء is a match, not a meeting).</summary>
    public bool IsAboutSport => AboutSport();

    private bool AboutSport()
    {
        if (_aboutSport is { } known)
        {
            return known;
        }

        // Only whether the count reaches MinSportWords matters: the scan stops there.
        int count = 0;
        for (int s = 0; s < Sentences.Count && count < MinSportWords; s++)
        {
            IReadOnlyList<Token> tokens = Sentences[s].Tokens;
            for (int j = 0; j < tokens.Count && count < MinSportWords; j++)
            {
                count += tokens[j].IsWord && s_sportsWords.Contains(tokens[j].Norm) ? 1 : 0;
            }
        }

        _aboutSport = count >= MinSportWords;
        return _aboutSport.Value;
    }

    /// <summary>نادي الهلال named before: the bare الهلال is the same club, not a second one.</summary>
    private EntityInfo? OrganizationEndingWith(string norm)
    {
        string suffix = " " + norm;
        foreach (EntityInfo e in _entities.Values)
        {
            if (e.Kind == NodeKind.Organization && ArabicText.Normalize(e.Name).EndsWith(suffix, StringComparison.Ordinal))
            {
                return e;
            }
        }

        return null;
    }
}
