using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>The entities of the article and the mentions that point at them.</summary>
internal sealed partial class ArticleAnalysis
{
    private void AddMention(int s, int start, int end, EntityInfo entity, MentionForm form)
    {
        var mention = new Mention(s, start, end, entity, form);
        Mentions[s].Add(mention);
        for (int j = start; j < end; j++)
        {
            Owner[s][j] = mention;
        }

        entity.Mentions++;
        entity.FirstSentence = Math.Min(entity.FirstSentence, s);
        entity.AddMentionSentence(s);
    }

    /// <summary>
    /// Takes a mention back (the undoing of <see cref="AddMention"/>): its tokens are free again, and an
    /// entity left without mentions is not emitted. (Its sentence stays in the entity's list: only
    /// entities with mentions are looked up by sentence.)
    /// </summary>
    private void RemoveMention(Mention m)
    {
        Mentions[m.Sentence].Remove(m);
        for (int k = m.Start; k < m.End; k++)
        {
            Owner[m.Sentence][k] = null;
        }

        m.Entity.Mentions--;
    }

    /// <summary>
    /// Takes back the words of a name that the gazetteer pass read as a state or a place (a family
    /// name such as التركي or السويد, see IsFamilyNameReadAsPlace).
    /// </summary>
    private void ReleasePlacesWithin(int s, int start, int end)
    {
        for (int j = start; j < end; j++)
        {
            if (Owner[s][j] is { Entity.Kind: NodeKind.State or NodeKind.Place } m)
            {
                RemoveMention(m);
            }
        }
    }

    /// <summary>Whether no mention covers any token of <paramref name="start"/> … <paramref name="end"/>.</summary>
    private bool Unclaimed(int s, int start, int end)
    {
        for (int j = start; j < end; j++)
        {
            if (Owner[s][j] is not null)
            {
                return false;
            }
        }

        return true;
    }

    private EntityInfo GetOrAdd(string key, Func<EntityInfo> create)
    {
        if (!_entities.TryGetValue(key, out EntityInfo? entity))
        {
            entity = create();
            _entities[key] = entity;
        }

        return entity;
    }

    // Find and Add in place of GetOrAdd where a lambda would capture locals: the compiler allocates
    // its closure on entry to the enclosing scope, which in the per-token scans is every token.
    private EntityInfo? Find(string key) => _entities.GetValueOrDefault(key);

    private EntityInfo Add(EntityInfo entity)
    {
        _entities.Add(entity.Key, entity);
        return entity;
    }

    public EntityInfo GetState(StateEntry state) =>
        GetOrAdd(GraphKeys.State(state.Iso), () => new EntityInfo(GraphKeys.State(state.Iso), NodeKind.State, state.Name) { Iso = state.Iso });

    private EntityInfo GetOrganization(OrganizationEntry entry) =>
        GetOrAdd(GraphKeys.Organization(entry.Id), () => new EntityInfo(GraphKeys.Organization(entry.Id), NodeKind.Organization, entry.Name) { Category = entry.Category, HeadNoun = HeadOf(entry.Name) });

    private string? HeadOf(string name)
    {
        string first = ArabicText.Normalize(name).Split(' ')[0];
        string bare = Clitics.WithoutArticle(first);
        return _lex.OrganizationHeads.Contains(bare) ? bare : null;
    }

    private EntityInfo GetPlace(PlaceEntry entry)
    {
        string key = GraphKeys.Place(entry.Id);
        string? metonymIso = entry.Kind == "capital" ? entry.Iso : null;
        return GetOrAdd(key, () => new EntityInfo(key, NodeKind.Place, entry.Name) { Iso = entry.Iso, Category = entry.Kind, MetonymIso = metonymIso });
    }

    private EntityInfo? FindPlaceByName(string name)
    {
        string norm = ArabicText.Normalize(name);
        if (_lex.Places.TryGet(norm, out PlaceEntry entry))
        {
            return GetPlace(entry);
        }

        if (_lex.States.TryGet(norm, out StateHit hit) && hit.Form == StateForm.Name)
        {
            return null; // a dateline naming a state-city (الكويت) is not a separate place
        }

        string key = GraphKeys.Place(norm);
        return GetOrAdd(key, () => new EntityInfo(key, NodeKind.Place, name.Trim()));
    }

    private string SurfaceOf(int s, int start, int end, string firstForm) =>
        ArticleText.SpanWithoutClitic(Sentences[s], _text, start, end, firstForm);

    private static string FirstForm(string norm, string bareHead) =>
        Clitics.Forms(norm).FirstOrDefault(f => Clitics.WithoutArticle(f) == bareHead) ?? norm;

    private static int FindClosingQuote(IReadOnlyList<Token> tokens, int from, int max)
    {
        for (int j = from; j < tokens.Count && j - from <= max; j++)
        {
            if (tokens[j].Kind == TokenKind.Quote)
            {
                return j;
            }

            if (tokens[j].Surface is "." or "،" or ",")
            {
                return -1;
            }
        }

        return -1;
    }

    private static int FindToken(IReadOnlyList<Token> tokens, int from, string surface, int max)
    {
        for (int j = from; j < tokens.Count && j - from <= max; j++)
        {
            if (tokens[j].Surface == surface)
            {
                return j;
            }
        }

        return -1;
    }
}
