using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>A place and a state spelled alike (عمان: Amman or Oman), told apart by the article.</summary>
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
}
