using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// A place and a state spelled alike (عمان: Amman or Oman), told apart by the article; a capital that
/// only ever stands for its government (أبلغت طهران، عقوبات على طهران) is the state, not a place.
/// </summary>
internal sealed partial class ArticleAnalysis
{
    /// <summary>
    /// A capital spelled like a state (عمان: Amman or Oman): the capital when its spelling says so
    /// (عمّان), or when the article names the capital's own state more often than the other, at
    /// least twice ("العاصمة الأردنية"، "الأردن"، "بترا" — against "سلطنة عمان"، "العماني"، "مسقط").
    /// With nothing to tell them apart the state stays, as before.
    /// </summary>
    private bool PlaceMeantRatherThanState(int s, int i, PhraseMatch<PlaceEntry> place, StateEntry state)
    {
        if (place.Value.Iso is not { } placeIso || placeIso == state.Iso)
        {
            return false;
        }

        if (SurfaceOf(s, i, place.End, place.FirstForm).Contains('\u0651', StringComparison.Ordinal))
        {
            return true; // the shadda of عمّان
        }

        (int placeState, int otherState) = StateEvidence(placeIso, state.Iso, ArabicText.Normalize(place.Value.Name));
        return placeState >= 2 && placeState > otherState;
    }

    private readonly Dictionary<(string, string), (int, int)> _stateEvidence = [];

    /// <summary>How often the article names each of two states (names, demonyms, their places), the ambiguous word itself left out.</summary>
    private (int First, int Second) StateEvidence(string firstIso, string secondIso, string ambiguous)
    {
        if (_stateEvidence.TryGetValue((firstIso, secondIso), out (int, int) known))
        {
            return known;
        }

        int first = 0, second = 0;
        for (int s = 0; s < Sentences.Count; s++)
        {
            IReadOnlyList<Token> tokens = Sentences[s].Tokens;
            for (int j = 0; j < tokens.Count; j++)
            {
                string? iso = null;
                int end = j + 1;
                if (State(s, j) is { } st && st.Value.Form != StateForm.Metonym)
                {
                    iso = st.Value.State.Iso;
                    end = st.End;
                }
                else if (Place(s, j) is { } pl)
                {
                    iso = pl.Value.Iso;
                    end = pl.End;
                }

                bool theAmbiguousWord = end == j + 1 && Array.IndexOf(tokens[j].Forms, ambiguous) >= 0; // عمان، وعمان، بعمان، لعمان
                if (iso is not null && !theAmbiguousWord)
                {
                    first += iso == firstIso ? 1 : 0;
                    second += iso == secondIso ? 1 : 0;
                }

                j = end - 1;
            }
        }

        _stateEvidence[(firstIso, secondIso)] = (first, second);
        return (first, second);
    }

    private static readonly WordSet s_governmentCapitalBefore = WordSets.Set("government-capital-before");

    /// <summary>
    /// A capital every mention of which stands for its government — after a verb (أبلغت طهران), after
    /// على، مع، بين، أن (عقوبات على طهران), beside another such capital (بين واشنطن وطهران), or opening a
    /// sentence before a verb (طهران تنفي) — is a mention of the state (its alias, as the annotation
    /// guide has it), not a place. One mention that says where (بطهران، في طهران, the dateline) keeps
    /// the place.
    /// </summary>
    private void SettleCapitalsStandingForStates()
    {
        var byPlace = new Dictionary<EntityInfo, List<Mention>>();
        foreach (List<Mention> list in Mentions)
        {
            foreach (Mention m in list)
            {
                if (m.Entity is { Kind: NodeKind.Place, MetonymIso: not null } place)
                {
                    (byPlace.TryGetValue(place, out List<Mention>? ms) ? ms : byPlace[place] = []).Add(m);
                }
            }
        }

        foreach ((EntityInfo place, List<Mention> mentions) in byPlace)
        {
            if (place == DatelinePlace || !_lex.StatesByIso.TryGetValue(place.MetonymIso!, out StateEntry? state)
                || !mentions.TrueForAll(StandsForGovernment))
            {
                continue;
            }

            EntityInfo government = GetState(state);
            foreach (Mention m in mentions)
            {
                RemoveMention(m);
                government.AddAlias(SurfaceOf(m.Sentence, m.Start, m.End, FirstWordOf(place)));
                AddMention(m.Sentence, m.Start, m.End, government, MentionForm.Metonym);
            }
        }
    }

    private bool StandsForGovernment(Mention m)
    {
        IReadOnlyList<Token> tokens = Sentences[m.Sentence].Tokens;
        Token capital = tokens[m.Start];
        string firstWord = FirstWordOf(m.Entity);
        if (capital.Norm.Length > firstWord.Length && capital.Norm.EndsWith(firstWord, StringComparison.Ordinal)
            && capital.Norm[..^firstWord.Length].Contains('ب', StringComparison.Ordinal))
        {
            return false; // بطهران، وبموسكو: in the city
        }

        Token? before = m.Start > 0 ? tokens[m.Start - 1] : null;
        Token? after = m.End < tokens.Count ? tokens[m.End] : null;
        if (before is { IsWord: true } b && s_governmentCapitalBefore.Contains(b.Norm))
        {
            return true;
        }

        if (before is { IsWord: true } verb && Owner[m.Sentence][m.Start - 1] is null && verb.Norm.Length >= 3 && verb.Norm.EndsWith('ت')
            && !verb.Norm.StartsWith("ال", StringComparison.Ordinal) && !_lex.IsFunctionWord(verb.Norm))
        {
            return true; // أبلغت طهران، ودعت موسكو
        }

        if (capital.Norm.StartsWith('و') && before is not null && Owner[m.Sentence][m.Start - 1] is { } conjunct)
        {
            // بين واشنطن وطهران: as the capital before it; في موسكو والقاهرة says where, both times.
            if (conjunct.Entity is { Kind: NodeKind.Place, MetonymIso: not null } && conjunct.Start < m.Start)
            {
                return StandsForGovernment(conjunct);
            }

            if (conjunct.Entity.Kind == NodeKind.State)
            {
                return true;
            }
        }

        bool opensSentence = before is null || !before.IsWord;
        return opensSentence && after is { IsWord: true } a && Owner[m.Sentence][m.End] is null && a.Norm.Length >= 4 && a.Norm[0] == 'ت'; // طهران تنفي
    }

    private static string FirstWordOf(EntityInfo place) => ArabicText.Normalize(place.Name).Split(' ')[0];
}
