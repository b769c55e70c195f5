using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>
/// The entities of one article and where each is mentioned. Built in passes over the sentences:
/// (1) gazetteer and pattern entities — organizations, states, places; (2) persons announced by
/// a title before or after the name; (3) persons announced by a reporting or meeting verb; (4)
/// later mentions — surnames, titles alone, short forms — resolved to the entities already found.
/// Relations are read off these mentions by the relation finders.
/// </summary>
internal sealed class ArticleAnalysis
{
    private const int MaxNameTokens = 4;
    private const int MaxTitleTokens = 16;
    private static readonly string[] s_placeHeads = ["مدينة", "ولاية", "محافظة", "بلدة", "قرية", "إقليم", "مقاطعة", "بحيرة", "قصر", "مخيم", "ميناء", "مطار", "جزيرة"];
    private static readonly HashSet<string> s_nameParticles = new(["بن", "بنت", "ابن", "ابو", "عبد", "ال", "دي", "دا", "فان", "فون", "لا", "ولد", "ابي"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_titleConnectors = new(["لدي", "الي", "بشان", "باسم", "في"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_ambiguousStateNames = new(["مالي", "بنين"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_stateLicensors = new(["في", "الي", "من", "مع", "جمهوريه", "دوله", "حكومه", "عاصمه", "رئيس", "زار", "وزار"], StringComparer.Ordinal);

    private readonly ArabicLexicon _lex;
    private readonly string _text;
    private readonly Dictionary<string, EntityInfo> _entities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _placeHeads;
    private readonly MatchCache<CueKind> _cues;
    private readonly MatchCache<TitleRole> _titles;
    private readonly MatchCache<StateHit> _states;
    private readonly MatchCache<PlaceEntry> _places;
    private readonly MatchCache<OrganizationEntry> _organizations;

    private readonly NerTagger? _ner;
    private readonly IReadOnlyList<string>?[] _nerTags;

    public ArticleAnalysis(ArabicLexicon lexicon, string text, IReadOnlyList<Sentence> sentences, string? datelineCity, NerTagger? ner = null)
    {
        _lex = lexicon;
        _ner = ner;
        _nerTags = new IReadOnlyList<string>?[sentences.Count];
        _text = text;
        Sentences = sentences;
        _placeHeads = new HashSet<string>(s_placeHeads.Select(ArabicText.Normalize), StringComparer.Ordinal);
        _cues = new MatchCache<CueKind>(lexicon.Cues, sentences);
        _titles = new MatchCache<TitleRole>(lexicon.Titles, sentences);
        _states = new MatchCache<StateHit>(lexicon.States, sentences);
        _places = new MatchCache<PlaceEntry>(lexicon.Places, sentences);
        _organizations = new MatchCache<OrganizationEntry>(lexicon.Organizations, sentences);
        Mentions = new List<Mention>[sentences.Count];
        Owner = new Mention?[sentences.Count][];
        TitleMentions = new List<TitleSpan>[sentences.Count];
        for (int s = 0; s < sentences.Count; s++)
        {
            Mentions[s] = [];
            Owner[s] = new Mention?[sentences[s].Tokens.Count];
            TitleMentions[s] = [];
        }

        if (!string.IsNullOrWhiteSpace(datelineCity))
        {
            DatelinePlace = FindPlaceByName(datelineCity);
        }
    }

    public string Text => _text;

    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Mentions per sentence, in token order once <see cref="Run"/> has finished.</summary>
    public List<Mention>[] Mentions { get; }

    /// <summary>Per sentence and token: the mention that covers the token, if any.</summary>
    public Mention?[][] Owner { get; }

    /// <summary>Titles found without a name next to them (candidates for title-only mentions).</summary>
    public List<TitleSpan>[] TitleMentions { get; }

    public EntityInfo? DatelinePlace { get; private set; }

    public IEnumerable<EntityInfo> Entities => _entities.Values;

    public ArabicLexicon Lexicon => _lex;

    /// <summary>The relation cue (verb or noun) starting at a token, if any.</summary>
    public PhraseMatch<CueKind>? Cue(int s, int j) => _cues.At(s, j);

    public PhraseMatch<TitleRole>? Title(int s, int j) => _titles.At(s, j);

    public PhraseMatch<StateHit>? State(int s, int j) => _states.At(s, j);

    public PhraseMatch<PlaceEntry>? Place(int s, int j) => _places.At(s, j);

    public PhraseMatch<OrganizationEntry>? Org(int s, int j) => _organizations.At(s, j);

    public void Run()
    {
        for (int s = 0; s < Sentences.Count; s++)
        {
            ScanGazetteers(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindTitledPersons(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            FindVerbAnchoredPersons(s);
        }

        for (int s = 0; s < Sentences.Count; s++)
        {
            ResolveSurnames(s);
            ResolveTitleMentions(s);
            ResolveHonorificPronouns(s);
        }

        foreach (List<Mention> list in Mentions)
        {
            list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        }
    }

    // ------------------------------------------------------------------ pass 1: gazetteers and patterns

    private void ScanGazetteers(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            int consumed = TryQuotedName(s, i)
                ?? TryOrganization(s, i)
                ?? TryStateOrPlace(s, i)
                ?? TryHeadedPlace(s, i)
                ?? 0;
            i += Math.Max(1, consumed);
        }
    }

    /// <summary>تنظيم “داعش”، صحيفة «إزفيستيا»، وكالة «رويترز»: a type noun and a quoted or bracketed proper name.</summary>
    private int? TryQuotedName(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (!tokens[i].IsWord || i + 2 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Quote)
        {
            return null;
        }

        string? head = tokens[i].Forms.Select(Clitics.WithoutArticle).FirstOrDefault(_lex.NamedTypeHeads.Contains);
        if (head is null)
        {
            return null;
        }

        int close = FindClosingQuote(tokens, i + 2, 6);
        if (close < 0 || close == i + 2)
        {
            return null;
        }

        string inner = ArticleText.Span(Sentences[s], _text, i + 2, close);
        string innerNorm = ArabicText.Normalize(inner);
        // Demonym adjective after the closing quote belongs to the name's owner, not the name: "إزفيستيا" الروسية.
        int end = close + 1;
        EntityInfo org;
        if (_lex.Organizations.TryGet(innerNorm, out OrganizationEntry entry))
        {
            org = GetOrganization(entry);
        }
        else
        {
            if (_lex.States.TryGet(innerNorm, out _) || _lex.Places.TryGet(innerNorm, out _) || _lex.IsFunctionWord(innerNorm))
            {
                return null;
            }

            org = GetOrAdd(GraphKeys.Organization(innerNorm), () => new EntityInfo(GraphKeys.Organization(innerNorm), NodeKind.Organization, inner) { Category = CategoryOf(head) });
        }

        org.AddAlias(ArticleText.SpanWithoutClitic(Sentences[s], _text, i, i + 1, FirstForm(tokens[i].Norm, head)) + " " + inner);
        AddMention(s, i, end, org, MentionForm.Name);
        return end - i;
    }

    private int? TryOrganization(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (!tokens[i].IsWord || !tokens[i].Forms.Any(_lex.OrganizationOpeners.Contains))
        {
            return null;
        }

        PhraseMatch<OrganizationEntry>? known = Org(s, i);
        (int end, EntityInfo org, string? alias)? best = null;
        if (known is { } k && !IsBlockedByLongerState(s, i, k.End))
        {
            EntityInfo org = GetOrganization(k.Value);
            string surface = SurfaceOf(s, i, k.End, k.FirstForm);
            int end = k.End;
            // "(أوبك)" right after the name is its acronym.
            if (end + 2 < tokens.Count && tokens[end].Surface == "(" && tokens[end + 2].Surface == ")" && tokens[end + 1].IsWord)
            {
                org.AddAlias(tokens[end + 1].Surface);
                end += 3;
            }

            best = (end, org, surface);
        }

        // A pattern overrides a gazetteer name only when it closes with a demonym or a state
        // ("مجلس التعاون الخليجي" stays itself; "منظمة التجارة العالمية العام" is not a longer name).
        (int end, EntityInfo org, string? alias)? pattern = TryOrganizationPattern(s, i);
        if (pattern is { } p && (best is null || (p.end > best.Value.end && EndsWithState(s, p.end))))
        {
            best = p;
        }

        if (best is not { } b)
        {
            return null;
        }

        if (b.alias is not null)
        {
            b.org.AddAlias(b.alias);
        }

        AddMention(s, i, b.end, b.org, MentionForm.Name);
        if (b.org.HeadNoun is not null && b.alias is null)
        {
            AddNestedStates(s, i, b.end); // وزارة الخارجية الروسية also mentions Russia
        }

        return b.end - i;
    }

    /// <summary>
    /// Organizations named by a head noun and what qualifies it: وزارة الخارجية الروسية، الجيش
    /// النيجيري، برلمان الباراغواي، لجنة مبادرة السلام العربية. A head with the article needs a
    /// demonym to be a name (الحكومة الألمانية); alone it is a short form (الحكومة).
    /// </summary>
    private (int end, EntityInfo org, string? alias)? TryOrganizationPattern(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (!tokens[i].IsWord)
        {
            return null;
        }

        string? form = null;
        string? head = null;
        foreach (string f in tokens[i].Forms)
        {
            string bare = Clitics.WithoutArticle(f);
            if (_lex.OrganizationHeads.Contains(f) || _lex.OrganizationHeads.Contains(bare))
            {
                form = f;
                head = _lex.OrganizationHeads.Contains(bare) ? bare : f;
                break;
            }
        }

        if (form is null || head is null)
        {
            return null;
        }

        bool definiteHead = form.StartsWith("ال", StringComparison.Ordinal);
        int j = i + 1;
        if (!definiteHead && head == "مجلس" && j < tokens.Count && s_chambers.Contains(tokens[j].Norm)
            && !(j + 1 < tokens.Count && State(s, j + 1) is { Value.Form: StateForm.Demonym or StateForm.Name }))
        {
            return Finish(s, i, j + 1, form, head); // مجلس النواب، مجلس الأعيان: a state's chamber, named by itself
        }

        int lastDefinite = -1;
        while (j < tokens.Count && j - i <= 5)
        {
            Token t = tokens[j];
            if (!t.IsWord)
            {
                break;
            }

            PhraseMatch<StateHit>? state = _lex.States.Match(tokens, j, allowClitic: false);
            if (state is { } st)
            {
                if (st.Value.Form == StateForm.Demonym)
                {
                    // The demonym closes the name (الجيش النيجيري، حزب اليسار الألماني المعارض), except
                    // for a purpose complement: المؤسسة السورية للحبوب، الشركة السعودية للكهرباء.
                    int close = st.End;
                    if (close < tokens.Count && tokens[close].Norm.StartsWith("لل", StringComparison.Ordinal) && tokens[close].Norm.Length > 4
                        && !_lex.IsFunctionWord(tokens[close].Norm) && Title(s, close) is null)
                    {
                        close++;
                    }

                    return Finish(s, i, close, form, head);
                }

                if (st.Value.Form == StateForm.Name && !definiteHead && IsGovernmentBody(head))
                {
                    return Finish(s, i, st.End, form, head); // برلمان الباراغواي، مجلس نواب الباراغواي
                }

                break;
            }

            if (_lex.IsFunctionWord(t.Norm) || Cue(s, j) is { Value: CueKind.Stated or CueKind.Met or CueKind.StatedParticiple }
                || _lex.Titles.Match(tokens, j, allowClitic: false) is not null)
            {
                // "في" + a place continues a name without demonym: نقابة صيادي السمك في ولاية بورنو.
                if (t.Norm == "في" && lastDefinite > i && !definiteHead && IsNamedBodyHead(head) && PlaceEndAt(s, j + 1) is { } placeEnd)
                {
                    return Finish(s, i, placeEnd, form, head);
                }

                break;
            }

            if (s_regionalAdjectives.Contains(t.Norm) && lastDefinite > i && IsNamedBodyHead(head))
            {
                return Finish(s, i, j + 1, form, head); // مجلس السلم والأمن الأفريقي
            }

            if (t.Norm.StartsWith("ال", StringComparison.Ordinal) || t.Norm.StartsWith("لل", StringComparison.Ordinal)
                || (t.Norm.StartsWith("وال", StringComparison.Ordinal) && lastDefinite == j - 1))
            {
                lastDefinite = j; // وزارة الزراعة والإصلاح الزراعي
                j++;
                continue;
            }

            // An indefinite noun in construct continues the name only before a definite word (مجلس نواب الباراغواي، لجنة مبادرة السلام).
            if (j + 1 < tokens.Count && tokens[j + 1].IsWord && (_lex.CommonWords.Contains(t.Norm) || _lex.TitleComplements.Contains(t.Norm)))
            {
                j++;
                continue;
            }

            break;
        }

        if (!definiteHead && lastDefinite > i && IsNamedBodyHead(head))
        {
            return Finish(s, i, lastDefinite + 1, form, head);
        }

        return null;
    }

    private (int end, EntityInfo org, string? alias)? Finish(int s, int i, int end, string form, string head)
    {
        string name = ArticleText.SpanWithoutClitic(Sentences[s], _text, i, end, form);
        string norm = ArabicText.Normalize(name);
        if (_lex.Organizations.TryGet(norm, out OrganizationEntry known))
        {
            return (end, GetOrganization(known), name);
        }

        string key = GraphKeys.Organization(norm);
        EntityInfo org = GetOrAdd(key, () => new EntityInfo(key, NodeKind.Organization, name) { Category = CategoryOf(head), HeadNoun = head });
        return (end, org, null);
    }

    /// <summary>The end of a place or state named at <paramref name="j"/> (gazetteer or "ولاية بورنو" form), without registering it.</summary>
    private int? PlaceEndAt(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (j >= tokens.Count)
        {
            return null;
        }

        if (Place(s, j) is { } p)
        {
            return p.End;
        }

        if (State(s, j) is { Value.Form: StateForm.Name } st)
        {
            return st.End;
        }

        if (_placeHeads.Contains(tokens[j].Norm) && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && IsProperWord(tokens[j + 1].Norm))
        {
            return j + 2;
        }

        return null;
    }

    private static readonly HashSet<string> s_chambers = new(["النواب", "الاعيان", "الشوري", "الشعب", "الامه", "الشيوخ", "الدوما"], StringComparer.Ordinal);

    /// <summary>Regional adjectives that close an organization's name like a demonym does: مجلس السلم والأمن الأفريقي.</summary>
    private static readonly HashSet<string> s_regionalAdjectives = new(
        ["الافريقي", "الافريقيه", "الاوروبي", "الاوروبيه", "الاسيوي", "الاسيويه", "الخليجي", "الخليجيه", "العربي", "العربيه", "الاسلامي", "الاسلاميه", "الدولي", "الدوليه", "الاممي", "الامميه"],
        StringComparer.Ordinal);

    private static bool IsGovernmentBody(string head) => head is "برلمان" or "مجلس" or "وزاره" or "رئاسه" or "جيش" or "سفاره";

    private static bool IsNamedBodyHead(string head) => head is "وزاره" or "منظمه" or "لجنه" or "هيئه" or "مجلس" or "جهاز" or "حزب" or "جبهه"
        or "اتحاد" or "نقابه" or "رابطه" or "جمعيه" or "مؤسسه" or "محكمه" or "جامعه" or "كليه" or "معهد" or "مفوضيه" or "بعثه" or "قوه" or "صندوق" or "بنك" or "مصرف";

    private static string CategoryOf(string head) => head switch
    {
        "وزاره" => "ministry",
        "جيش" or "قوات" or "قوه" or "تنظيم" or "جماعه" or "جبهه" or "كتائب" or "ميليشيا" or "فصيل" => "armed_group",
        "حزب" or "حركه" => "party",
        "صحيفه" or "وكاله" or "خدمه" or "قناه" or "موقع" or "مجله" or "اذاعه" or "تلفزيون" => "media",
        "برلمان" or "مجلس" => "council",
        "شركه" or "بنك" or "مصرف" => "company",
        _ => "organization",
    };

    private bool EndsWithState(int s, int end)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int j = Math.Max(0, end - 3); j < end; j++)
        {
            if (_lex.States.Match(tokens, j, allowClitic: false) is { } st && st.End == end)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsBlockedByLongerState(int s, int i, int end)
    {
        PhraseMatch<StateHit>? state = State(s, i);
        return state is { } st && st.End > end;
    }

    private void AddNestedStates(int s, int start, int end)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int j = start; j < end; j++)
        {
            if (State(s, j) is { } st && st.End <= end && st.Value.Form != StateForm.Metonym)
            {
                EntityInfo state = GetState(st.Value.State);
                Mentions[s].Add(new Mention(s, j, st.End, state, st.Value.Form == StateForm.Demonym ? MentionForm.Demonym : MentionForm.Name));
                state.Mentions++;
                state.FirstSentence = Math.Min(state.FirstSentence, s);
                if (st.Value.Form == StateForm.Name)
                {
                    state.AddAlias(SurfaceOf(s, j, st.End, st.FirstForm));
                }

                j = st.End - 1;
            }
        }
    }

    private int? TryStateOrPlace(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        PhraseMatch<StateHit>? state = State(s, i);
        PhraseMatch<PlaceEntry>? place = Place(s, i);
        if (place is { } p && (state is null || p.Length > state.Value.Length || state.Value.Value.Form == StateForm.Metonym
            || (p.Length == state.Value.Length && DatelinePlace is { } dateline && dateline.Key == GraphKeys.Place(p.Value.Id))))
        {
            EntityInfo placeEntity = GetPlace(p.Value);
            placeEntity.AddAlias(SurfaceOf(s, i, p.End, p.FirstForm));
            AddMention(s, i, p.End, placeEntity, MentionForm.Name);
            AddNestedStates(s, p.End, Math.Min(tokens.Count, p.End + 1)); // مدينة أوفا الروسية
            return p.Length;
        }

        if (state is not { } st || st.Value.Form == StateForm.Metonym)
        {
            return null;
        }

        string norm = ArabicText.Normalize(SurfaceOf(s, i, st.End, st.FirstForm));
        if (s_ambiguousStateNames.Contains(norm) && (i == 0 || !s_stateLicensors.Contains(Clitics.WithoutConjunction(tokens[i - 1].Norm))))
        {
            return null; // "دعم مالي" is financial support, not Mali
        }

        EntityInfo entity = GetState(st.Value.State);
        if (st.Value.Form == StateForm.Name)
        {
            entity.AddAlias(SurfaceOf(s, i, st.End, st.FirstForm));
        }

        AddMention(s, i, st.End, entity, st.Value.Form == StateForm.Demonym ? MentionForm.Demonym : MentionForm.Name);
        return st.Length;
    }

    /// <summary>مدينة باغا، ولاية بورنو، بحيرة تشاد: a place noun followed by a proper name not in the gazetteer.</summary>
    private int? TryHeadedPlace(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (!tokens[i].IsWord || i + 1 >= tokens.Count)
        {
            return null;
        }

        string? form = tokens[i].Forms.FirstOrDefault(_placeHeads.Contains);
        if (form is null)
        {
            return null;
        }

        int j = i + 1;
        bool definiteComplement = form is "قصر" or "مطار" or "ميناء" or "مخيم" or "جزيره" or "محافظه" or "ولايه" or "منطقه";
        if (definiteComplement && j < tokens.Count && tokens[j].Kind == TokenKind.Word && tokens[j].Norm.StartsWith("ال", StringComparison.Ordinal)
            && !_lex.IsFunctionWord(tokens[j].Norm) && Owner[s][j] is null)
        {
            j++; // قصر السلام، مطار الملكة علياء
        }

        while (j == i + 1 && j < tokens.Count && j - i <= 3 && tokens[j].Kind == TokenKind.Word && IsProperWord(tokens[j].Norm) && !s_nameParticles.Contains(tokens[j].Norm)
            && Place(s, j) is null)
        {
            j++;
            while (j < tokens.Count && j - i <= 3 && tokens[j].Kind == TokenKind.Word && IsProperWord(tokens[j].Norm) && !s_nameParticles.Contains(tokens[j].Norm)
                && Place(s, j) is null && !tokens[j].Forms.Skip(1).Any(f => _lex.Places.ContainsPhrase(f)))
            {
                j++;
            }
        }

        if (j == i + 1)
        {
            return null;
        }

        string proper = ArticleText.Span(Sentences[s], _text, i + 1, j);
        string headed = ArticleText.SpanWithoutClitic(Sentences[s], _text, i, j, form);
        string norm = ArabicText.Normalize(proper);
        string key = GraphKeys.Place(norm);
        // Administrative units keep the head in their name (ولاية بورنو); towns are named alone (باغا).
        bool keepHead = form is "ولايه" or "محافظه" or "اقليم" or "مقاطعه" or "بحيره" or "قصر" or "مخيم" or "ميناء" or "مطار" or "جزيره";
        EntityInfo place = GetOrAdd(key, () => new EntityInfo(key, NodeKind.Place, keepHead ? headed : proper));
        place.AddAlias(keepHead ? proper : headed);
        AddMention(s, i, j, place, MentionForm.Name);
        return j - i;
    }

    /// <summary>A word that can be part of a proper name: not a function word, not common, no article.</summary>
    private bool IsProperWord(string norm) =>
        !_lex.IsFunctionWord(norm) && !_lex.CommonWords.Contains(norm) && !norm.StartsWith("ال", StringComparison.Ordinal)
        && _lex.States.Match([new Token(0, 0, norm, norm, TokenKind.Word)], 0) is null;

    // ------------------------------------------------------------------ pass 2: titled persons

    private void FindTitledPersons(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            if (Owner[s][i] is not null || ParseTitle(s, i) is not { } title)
            {
                i++;
                continue;
            }

            int nameStart = title.End < tokens.Count && tokens[title.End].Surface is "," or "،" ? title.End + 1 : title.End;
            (int start, int end)? name = title.HasHead || IsPersonHonorific(s, title) ? NameExtent(s, nameStart, NameAnchor.Title) : null;
            if (name is { } n)
            {
                EntityInfo person = AddPerson(s, n.start, n.end);
                if (title.HasHead)
                {
                    person.AddTitle(TitleText(s, title));
                    person.TitleSpans.Add(title);
                }

                int after = AttachTitleAfter(s, n.end, person);
                MarkTitle(s, title, person);
                i = after;
                continue;
            }

            // "لقاء مع آنا كوفالسكا المفوضة الأوروبية": the name stands before its title.
            if (title.HasHead && NameBefore(s, i) is { } before)
            {
                EntityInfo person = AddPerson(s, before.start, before.end);
                person.AddTitle(TitleText(s, title));
                person.TitleSpans.Add(title);
                MarkTitle(s, title, person);
                i = title.End;
                continue;
            }

            if (title.HasHead)
            {
                TitleMentions[s].Add(title);
            }

            i = Math.Max(i + 1, title.End);
        }
    }

    private void MarkTitle(int s, TitleSpan title, EntityInfo person)
    {
        // Title words are not free for other names, but entities named inside the title keep their own mentions.
        for (int j = title.Start; j < title.End; j++)
        {
            Owner[s][j] ??= new Mention(s, title.Start, title.End, person, MentionForm.Title);
        }
    }

    /// <summary>A title right after a name ("ميخائيل بوغدانوف الممثل الخاص للرئيس الروسي") belongs to that person.</summary>
    private int AttachTitleAfter(int s, int nameEnd, EntityInfo person)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int j = nameEnd;
        if (j < tokens.Count && tokens[j].Surface is "," or "،")
        {
            j++;
        }

        if (j < tokens.Count && ParseTitle(s, j) is { HasHead: true } title && NameExtent(s, title.End, NameAnchor.Title) is null
            && NameExtent(s, title.End < tokens.Count && tokens[title.End].Surface is "," or "،" ? title.End + 1 : title.End, NameAnchor.Title) is null)
        {
            person.AddTitle(TitleText(s, title));
            person.TitleSpans.Add(title);
            MarkTitle(s, title, person);
            return title.End;
        }

        return nameEnd;
    }

    private string TitleText(int s, TitleSpan title) => ArticleText.SpanWithoutClitic(Sentences[s], _text, title.Start, title.End, title.FirstForm);

    /// <summary>
    /// Reads a title phrase starting at <paramref name="i"/>: honorifics, role nouns and what
    /// qualifies them — definite words, ministries and portfolios, the states and organizations
    /// named inside (نائب وزير الخارجية الروسي، الأمين العام لمنظمة الدول المصدرة للنفط (أوبك)).
    /// </summary>
    public TitleSpan? ParseTitle(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        PhraseMatch<TitleRole>? first = Title(s, i);
        if (first is not { } f)
        {
            return null;
        }

        string firstForm = f.FirstForm;
        bool hasHead = f.Value is not TitleRole.Honorific;
        int j = f.End;
        int lastGood = j;
        while (j < tokens.Count && j - i < MaxTitleTokens)
        {
            Token t = tokens[j];
            if (Owner[s][j] is { } m && m.Entity.Kind is NodeKind.Organization or NodeKind.State or NodeKind.Place && m.Form != MentionForm.Title)
            {
                j = m.End;
                lastGood = j;
                continue;
            }

            if (Title(s, j) is { } more)
            {
                hasHead |= more.Value is not TitleRole.Honorific;
                j = more.End;
                lastGood = j;
                continue;
            }

            if (t.Kind == TokenKind.Punctuation && t.Surface == "(")
            {
                int close = FindToken(tokens, j + 1, ")", 6);
                if (close < 0)
                {
                    break;
                }

                j = close + 1;
                lastGood = j;
                continue;
            }

            if (t.Kind == TokenKind.Quote && j > i)
            {
                int close = FindClosingQuote(tokens, j + 1, 6);
                if (close < 0)
                {
                    break;
                }

                j = close + 1;
                lastGood = j;
                continue;
            }

            if (!t.IsWord)
            {
                break;
            }

            string n = t.Norm;
            if (s_titleConnectors.Contains(n))
            {
                // Connectors stay inside a title only when a qualifier follows: "لدى المملكة", "إلى سورية", "بشأن سورية".
                if (j + 1 >= tokens.Count || !IsTitleQualifier(s, j + 1))
                {
                    break;
                }

                if (n == "في" && !(Owner[s][j + 1] is { } place && place.End < tokens.Count && StartsName(s, place.End)))
                {
                    break; // "في موسكو اليوم" is where, not part of the title
                }

                j++;
                continue;
            }

            if (IsTitleQualifier(s, j))
            {
                j++;
                lastGood = j;
                continue;
            }

            break;
        }

        return new TitleSpan(s, i, lastGood, hasHead, firstForm);
    }

    /// <summary>True when a person's name (not a function word, title or entity) could start at <paramref name="j"/>.</summary>
    private bool StartsName(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        Token t = tokens[j];
        return t.Kind == TokenKind.Word && Owner[s][j] is null && !_lex.IsFunctionWord(t.Norm) && !t.Norm.StartsWith("ال", StringComparison.Ordinal)
            && Title(s, j) is null && Cue(s, j) is null;
    }

    private bool IsTitleQualifier(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        Token t = tokens[j];
        if (Owner[s][j] is { Entity.Kind: NodeKind.Organization or NodeKind.State or NodeKind.Place })
        {
            return true;
        }

        if (t.IsWord && t.Norm.StartsWith("وال", StringComparison.Ordinal) && j > 0 && tokens[j - 1].Norm.StartsWith("ال", StringComparison.Ordinal)
            && !_lex.IsFunctionWord(t.Norm) && Owner[s][j] is null)
        {
            return true; // الشرق الأوسط والبلدان الأفريقية، وزير الخارجية والهجرة
        }

        if (!t.IsWord || _lex.IsFunctionWord(t.Norm) || Cue(s, j) is not null)
        {
            return false;
        }

        string n = t.Norm;
        if ((n.StartsWith("ال", StringComparison.Ordinal) || n.StartsWith("لل", StringComparison.Ordinal)) && !_lex.GivenNames.Contains(n))
        {
            return true; // not "الكسندر", which starts the name after the title
        }

        foreach (string form in t.Forms)
        {
            if (_lex.TitleComplements.Contains(form) || _lex.TitleComplements.Contains(Clitics.WithoutArticle(form)))
            {
                return true;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------ pass 3: verb-anchored persons

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

    // ------------------------------------------------------------------ names

    private enum NameAnchor
    {
        Title,
        Verb,
    }

    /// <summary>
    /// The extent of a person's name starting at <paramref name="start"/>, or null. Names run
    /// until punctuation, a function word, a title, a cue verb or an entity; trailing common words
    /// are trimmed ("رمزي رمزي تطورات الأوضاع" → "رمزي رمزي"). بن/أبو/عبد chains are kept whole.
    /// </summary>
    private (int start, int end)? NameExtent(int s, int start, NameAnchor anchor)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        var words = new List<int>();
        int j = start;
        int counted = 0;
        while (j < tokens.Count && counted < MaxNameTokens)
        {
            Token t = tokens[j];
            if (t.Kind != TokenKind.Word || Owner[s][j] is not null)
            {
                break;
            }

            string n = t.Norm;
            bool afterParticle = words.Count > 0 && s_nameParticles.Contains(tokens[words[^1]].Norm);
            if (!afterParticle && !IsNameDespiteFolding(t))
            {
                if (_lex.IsFunctionWord(n) || Title(s, j) is not null || Cue(s, j) is { Value: not CueKind.MetNoun })
                {
                    break;
                }

                if (words.Count == 0 && ((n.StartsWith("ال", StringComparison.Ordinal) && !_lex.GivenNames.Contains(n)) || IsPrepositionalCommonWord(t)))
                {
                    return null; // a given name does not start with the article (الكسندر is a name, not ال + كسندر)
                }

                if (IsPrepositionWithArticle(n) || IsFutureVerb(n) || HasTanween(t))
                {
                    break; // للطاقة، بالفعل، سيطلع، مسؤولاً: never part of a name
                }

                // A family name with the article is fine (البدري، الزياني); a common word with it after
                // two name words is where the name has ended ("صباح الخالد الحمد" → "صباح الخالد").
                if (words.Count >= 2 && n.StartsWith("ال", StringComparison.Ordinal) && IsCommonNotName(n))
                {
                    break;
                }

                if (n.Length > 3 && n[0] == 'و' && !_lex.GivenNames.Contains(n) && (words.Count > 0 || _lex.GivenNames.Contains(n[1..]) || _lex.CommonWords.Contains(n[1..])))
                {
                    break; // "و" + word: a coordinated item, not part of this name
                }

                if (HasPronounSuffix(t))
                {
                    break;
                }
            }

            words.Add(j);
            if (!s_nameParticles.Contains(n))
            {
                counted++;
            }

            j++;
        }

        // Trim trailing common words, verbs and dangling particles, keeping at least two words.
        while (words.Count > 0 && (s_nameParticles.Contains(tokens[words[^1]].Norm)
            || (words.Count > 2 && !_lex.GivenNames.Contains(tokens[words[^1]].Norm)
                && (_lex.CommonWords.Contains(tokens[words[^1]].Norm) || LooksLikeImperfectVerb(tokens[words[^1]].Norm)))))
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 2 && IsCommonNotName(tokens[words[1]].Norm) && !FollowedByNameBoundary(s, words[1] + 1))
        {
            words.RemoveAt(1);
        }

        if (words.Count == 0)
        {
            return null;
        }

        string firstNorm = tokens[words[0]].Norm;
        bool firstIsGiven = _lex.GivenNames.Contains(firstNorm);
        if (words.Count == 1)
        {
            // A single word is a name only when a title announces it and it is not a common word,
            // or when it is the known surname of someone named in full (resolved later).
            return anchor == NameAnchor.Title && !IsCommonNotName(firstNorm) && FindPersonBySurname(firstNorm) is not null
                ? (words[0], words[0] + 1)
                : null;
        }

        if (anchor == NameAnchor.Verb)
        {
            int end0 = words[^1] + 1;
            int titleAt = end0 < tokens.Count && tokens[end0].Surface is "," or "،" ? end0 + 1 : end0;
            bool titled = titleAt < tokens.Count && ParseTitle(s, titleAt) is { HasHead: true };
            if (!firstIsGiven && !titled)
            {
                // No given name and no title: when the words look like a name (none is a common word),
                // the statistical tagger decides ("أكد بخاري دان مالام، أحد سكان …").
                return words.All(w => !_lex.CommonWords.Contains(tokens[w].Norm))
                    ? TaggedAsPerson(s, words[0], words[^1] + 1)
                    : null;
            }
        }
        else if (IsCommonNotName(firstNorm) && IsCommonNotName(tokens[words[1]].Norm) && !FollowedByNameBoundary(s, words[^1] + 1))
        {
            return null;
        }

        return (words[0], words[^1] + 1);
    }

    /// <summary>
    /// A name of two to four words that ends right before a title at <paramref name="titleStart"/>
    /// (allowing a comma between), with a function word, verb or punctuation before it.
    /// </summary>
    private (int start, int end)? NameBefore(int s, int titleStart)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int end = titleStart;
        if (end > 0 && tokens[end - 1].Surface is "," or "،")
        {
            end--;
        }

        int runStart = end;
        while (runStart > 0 && end - runStart < MaxNameTokens + 1 && tokens[runStart - 1].Kind == TokenKind.Word && Owner[s][runStart - 1] is null
            && (!_lex.IsFunctionWord(tokens[runStart - 1].Norm) || IsNameDespiteFolding(tokens[runStart - 1])) && Title(s, runStart - 1) is null && Cue(s, runStart - 1) is null
            && !HasTanween(tokens[runStart - 1]) && !IsPrepositionWithArticle(tokens[runStart - 1].Norm))
        {
            runStart--;
        }

        // The longest run of two to four name-like words that stands alone: after a function word,
        // a verb or common word ("أجرى محمود الجبوري رئيس …"), punctuation, an entity or the start.
        for (int start = Math.Max(runStart, end - MaxNameTokens); start <= end - 2; start++)
        {
            Token first = tokens[start];
            if (first.Norm.StartsWith("ال", StringComparison.Ordinal) && !_lex.GivenNames.Contains(first.Norm))
            {
                continue;
            }

            bool bounded = start == 0 || !tokens[start - 1].IsWord || _lex.IsFunctionWord(tokens[start - 1].Norm) || Cue(s, start - 1) is not null
                || Owner[s][start - 1] is not null || IsCommonNotName(tokens[start - 1].Norm);
            bool nameLike = (_lex.GivenNames.Contains(first.Norm) || Enumerable.Range(start, end - start).All(k => !IsCommonNotName(tokens[k].Norm)))
                && !IsPrepositionalCommonWord(first);
            if (bounded && nameLike)
            {
                return (start, end);
            }
        }

        return null;
    }

    /// <summary>
    /// Names that normalization folds onto function words, told apart by their written form:
    /// "علي" (Ali) vs "على" (on), "آنا" (Anna) vs "أنا" (I).
    /// </summary>
    private static bool IsNameDespiteFolding(Token t) =>
        (t.Norm == "علي" && t.Surface.EndsWith('ي')) || (t.Norm == "انا" && t.Surface.StartsWith('آ'));

    /// <summary>بمقر، لدى-like words: ب or ل glued to a common word ("بمقر" = at the seat of), never a name's first word.</summary>
    private bool IsPrepositionalCommonWord(Token t) =>
        !_lex.GivenNames.Contains(t.Norm) && t.Norm.Length > 3 && t.Norm[0] is 'ب' or 'ل'
        && (_lex.CommonWords.Contains(t.Norm) || _lex.IsFunctionWord(t.Norm[1..]));

    /// <summary>
    /// The NER tagger's person span that starts at <paramref name="start"/> within [start, end), if
    /// it covers at least two words. The tagger runs lazily, one sentence at a time, and only for
    /// sentences where the rules could not decide: tagging every sentence would cost more than the
    /// rest of extraction together.
    /// </summary>
    private (int start, int end)? TaggedAsPerson(int s, int start, int end)
    {
        if (_ner is null)
        {
            return null;
        }

        _nerTags[s] ??= _ner.Tag(Sentences[s].Tokens.Select(t => t.Surface).ToArray());
        IReadOnlyList<string> tags = _nerTags[s]!;
        if (tags[start] != "B-PERS")
        {
            return null;
        }

        int j = start + 1;
        while (j < end && tags[j] == "I-PERS")
        {
            j++;
        }

        return j - start >= 2 ? (start, j) : null;
    }

    private bool IsCommonNotName(string norm) => _lex.CommonWords.Contains(norm) && !_lex.GivenNames.Contains(norm);

    private static bool IsPrepositionWithArticle(string norm) =>
        norm.Length > 4 && (norm.StartsWith("لل", StringComparison.Ordinal) || norm.StartsWith("بال", StringComparison.Ordinal)
            || norm.StartsWith("وال", StringComparison.Ordinal) || norm.StartsWith("كال", StringComparison.Ordinal) || norm.StartsWith("فال", StringComparison.Ordinal));

    /// <summary>سيطلع، ستبحث: the future prefix س on a known imperfect verb (not سيرجي، ستافان).</summary>
    private bool IsFutureVerb(string norm) =>
        norm.Length >= 5 && norm[0] == 'س' && norm[1] is 'ي' or 'ت' or 'ن' && _lex.CommonWords.Contains(norm[1..]);

    /// <summary>An imperfect verb form (تندرج، يقوم) — only used to trim the end of a long name candidate.</summary>
    private static bool LooksLikeImperfectVerb(string norm) =>
        norm.Length >= 4 && norm[0] is 'ي' or 'ت' && !norm.EndsWith("وف", StringComparison.Ordinal);

    /// <summary>Tanwin marks indefinite common words (مسؤولاً، قائدًا); names do not carry it.</summary>
    private static bool HasTanween(Token t) => t.Surface.Contains('ً', StringComparison.Ordinal) || t.Surface.Contains('ٌ', StringComparison.Ordinal) || t.Surface.Contains('ٍ', StringComparison.Ordinal);

    /// <summary>Honorifics that announce a person's name (الشيخ، الدكتور، معالي) even without a role.</summary>
    private bool IsPersonHonorific(int s, TitleSpan title) => title.End > title.Start && Sentences[s].Tokens[title.Start].IsWord;

    /// <summary>True when the token after a name candidate is where names typically end (punctuation, function word, title, verb, entity).</summary>
    private bool FollowedByNameBoundary(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (j >= tokens.Count)
        {
            return true;
        }

        Token t = tokens[j];
        return !t.IsWord || Owner[s][j] is not null || _lex.IsFunctionWord(t.Norm) || Title(s, j) is not null
            || Cue(s, j) is not null || (t.Norm.Length > 3 && t.Norm[0] == 'و');
    }

    private static bool HasPronounSuffix(Token t)
    {
        string surface = t.Surface;
        if (t.Norm is "الله" || surface.Length <= 4)
        {
            return false;
        }

        return surface.EndsWith("اته", StringComparison.Ordinal) || surface.EndsWith("ته", StringComparison.Ordinal) || surface.EndsWith("ها", StringComparison.Ordinal)
            || surface.EndsWith("هم", StringComparison.Ordinal) || surface.EndsWith("هما", StringComparison.Ordinal) || surface.EndsWith("كم", StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ persons and coreference

    private EntityInfo AddPerson(int s, int start, int end)
    {
        string surface = ArticleText.Span(Sentences[s], _text, start, end);
        string norm = PersonNorm(surface);
        // A one-word name after a title is a surname of someone already named ("الجنرال أباه").
        EntityInfo? person = FindPersonByName(norm) ?? (norm.Contains(' ', StringComparison.Ordinal) ? null : FindPersonBySurname(norm));
        if (person is null)
        {
            string key = GraphKeys.Person(norm);
            person = GetOrAdd(key, () => new EntityInfo(key, NodeKind.Person, surface));
        }
        else
        {
            person.OfferName(surface);
        }

        AddMention(s, start, end, person, MentionForm.Name);
        IndexSurnames(person);
        return person;
    }

    /// <summary>Normalized person name; "عبد الله" and "عبدالله" are the same name.</summary>
    public static string PersonNorm(string surface) =>
        ArabicText.Normalize(surface).Replace("عبد ال", "عبدال", StringComparison.Ordinal).Replace("ابو ", "ابو", StringComparison.Ordinal);

    /// <summary>A person already known whose name equals this one, or extends it by at least two words at either end.</summary>
    private EntityInfo? FindPersonByName(string norm)
    {
        string[] words = norm.Split(' ');
        foreach (EntityInfo e in _entities.Values)
        {
            if (e.Kind != NodeKind.Person)
            {
                continue;
            }

            foreach (string known in e.Aliases.Append(e.Name).Select(PersonNorm))
            {
                if (known == norm)
                {
                    return e;
                }

                string[] kw = known.Split(' ');
                if (words.Length >= 2 && kw.Length >= 2 && (IsPrefix(words, kw) || IsPrefix(kw, words)))
                {
                    return e;
                }
            }
        }

        return null;
    }

    private static bool IsPrefix(string[] shorter, string[] longer)
    {
        if (shorter.Length > longer.Length)
        {
            return false;
        }

        for (int k = 0; k < shorter.Length; k++)
        {
            if (shorter[k] != longer[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Persons named in full whose surname (last word, or the last two after دي/فان/أبو …) is this word or pair.</summary>
    private EntityInfo? FindPersonBySurname(string norm, int beforeSentence = int.MaxValue)
    {
        if (_surnames.Count == 0 || !_surnames.TryGetValue(norm, out List<EntityInfo>? people))
        {
            return null;
        }

        EntityInfo? found = null;
        int best = -1;
        foreach (EntityInfo e in people)
        {
            // Two people with the same surname: the more recently introduced one is meant.
            if (e.FirstSentence <= beforeSentence && e.FirstSentence >= best && Surnames(e).Contains(norm))
            {
                found = e;
                best = e.FirstSentence;
            }
        }

        return found;
    }

    /// <summary>Surname → persons, kept up to date as persons are added or get a fuller name.</summary>
    private readonly Dictionary<string, List<EntityInfo>> _surnames = new(StringComparer.Ordinal);

    private void IndexSurnames(EntityInfo person)
    {
        foreach (string surname in Surnames(person))
        {
            if (!_surnames.TryGetValue(surname, out List<EntityInfo>? people))
            {
                people = [];
                _surnames[surname] = people;
            }

            if (!people.Contains(person))
            {
                people.Add(person);
            }
        }
    }

    private static IEnumerable<string> Surnames(EntityInfo person)
    {
        string[] words = PersonNorm(person.Name).Split(' ');
        if (words.Length < 2)
        {
            yield break;
        }

        string last = words[^1];
        if (words.Length >= 3 && s_nameParticles.Contains(words[^2]))
        {
            yield return words[^2] + " " + last; // دي ميستورا، بن عيسى
        }
        else
        {
            yield return last;
        }
    }

    /// <summary>Later mentions by surname: "وأكد أنطونوف", "الرئيس بخاري".</summary>
    private void ResolveSurnames(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        // A headline may name someone by surname before the body introduces them in full.
        int horizon = Sentences[s].IsHeadline ? int.MaxValue : s;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || Owner[s][i] is not null)
            {
                continue;
            }

            foreach (string form in tokens[i].Forms)
            {
                // Two-word surnames start with a particle (دي ميستورا، بن عيسى، عبد الرحمن); only then is a pair looked up.
                bool pairPossible = i + 1 < tokens.Count && tokens[i + 1].IsWord && Owner[s][i + 1] is null && s_nameParticles.Contains(form);
                EntityInfo? byPair = pairPossible ? FindPersonBySurname(PersonNorm(form + " " + tokens[i + 1].Norm), horizon) : null;
                EntityInfo? person = byPair ?? FindPersonBySurname(PersonNorm(form), horizon);
                if (person is null)
                {
                    continue;
                }

                int end = byPair is not null ? i + 2 : i + 1;

                // Do not split a longer unknown name: "بخاري دان مالام" is someone else than محمد بخاري.
                if (end < tokens.Count && tokens[end].Kind == TokenKind.Word && Owner[s][end] is null && !FollowedByNameBoundary(s, end)
                    && !_lex.CommonWords.Contains(tokens[end].Norm) && !tokens[end].Norm.StartsWith("ال", StringComparison.Ordinal) && !HasTanween(tokens[end]))
                {
                    break;
                }

                person.AddAlias(ArticleText.SpanWithoutClitic(Sentences[s], _text, i, end, form));
                AddMention(s, i, end, person, MentionForm.Alias);
                i = end - 1;
                break;
            }
        }
    }

    /// <summary>Titles without a name: "أشار نائب وزير الدفاع الروسي" refers to the person who holds that title.</summary>
    private void ResolveTitleMentions(int s)
    {
        foreach (TitleSpan title in TitleMentions[s])
        {
            string[] words = ArabicText.Normalize(TitleText(s, title)).Split(' ').Select(EntityInfo.TitleWord)
                .Where(w => !_lex.IsFunctionWord(w)).ToArray();
            EntityInfo? best = null;
            int bestSentence = -1;
            foreach (EntityInfo e in _entities.Values)
            {
                if (e.Kind != NodeKind.Person || e.TitleWords.Count == 0 || e.FirstSentence > s)
                {
                    continue;
                }

                if (words.All(w => e.TitleWords.Contains(w) || IsHonorific(w) || (IsDemonymWord(w) && !e.TitleWords.Any(IsDemonymWord)))
                    && LastMentionSentence(e, s) >= bestSentence)
                {
                    best = e;
                    bestSentence = LastMentionSentence(e, s);
                }
            }

            if (best is not null)
            {
                AddMention(s, title.Start, title.End, best, MentionForm.Title);
            }
        }
    }

    /// <summary>
    /// A demonym in a title ("وزير الخارجية الأردني"): a holder whose title names no state still
    /// matches (the article's own minister), one whose title names another state does not.
    /// </summary>
    private bool IsDemonymWord(string titleWord) =>
        _lex.States.TryGet("ال" + titleWord, out StateHit hit) && hit.Form == StateForm.Demonym;

    private static readonly HashSet<string> s_honorificPronouns = new(["سموه", "معاليه", "فخامته", "سعادته", "دولته", "جلالته", "سماحته"], StringComparer.Ordinal);

    /// <summary>"وأكد سموه …", "معاليه": an honorific with a pronoun refers to the person last named.</summary>
    private void ResolveHonorificPronouns(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (Owner[s][i] is not null || !tokens[i].Forms.Any(s_honorificPronouns.Contains))
            {
                continue;
            }

            EntityInfo? person = LastPersonBefore(s, i);
            if (person is not null)
            {
                AddMention(s, i, i + 1, person, MentionForm.Title);
            }
        }
    }

    private EntityInfo? LastPersonBefore(int s, int i)
    {
        for (int k = s; k >= 0 && s - k <= 3; k--)
        {
            Mention? last = null;
            foreach (Mention m in Mentions[k])
            {
                if (m.Entity.Kind == NodeKind.Person && (k < s || m.End <= i) && (last is null || m.Start >= last.Start))
                {
                    last = m;
                }
            }

            if (last is not null)
            {
                return last.Entity;
            }
        }

        return null;
    }

    private bool IsHonorific(string word) => _lex.Titles.TryGet(word, out TitleRole role) && role == TitleRole.Honorific;

    private static int LastMentionSentence(EntityInfo e, int upTo)
    {
        int last = -1;
        foreach (int s in e.MentionSentences)
        {
            if (s <= upTo && s > last)
            {
                last = s;
            }
        }

        return last;
    }

    // ------------------------------------------------------------------ registry

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
        entity.MentionSentences.Add(s);
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

/// <summary>A title phrase: sentence, token span, whether it names a role (not only an honorific).</summary>
internal sealed record TitleSpan(int Sentence, int Start, int End, bool HasHead, string FirstForm);
