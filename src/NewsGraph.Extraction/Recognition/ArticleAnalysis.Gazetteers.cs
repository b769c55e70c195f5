using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>Pass 1: organizations, states and places from the gazetteers and name patterns.</summary>
internal sealed partial class ArticleAnalysis
{
    private void ScanGazetteers(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            int consumed = TryQuotedKnownOrganization(s, i)
                ?? TryQuotedName(s, i)
                ?? TryMinistryShorthand(s, i)
                ?? TryOrganization(s, i)
                ?? TryStateOrPlace(s, i)
                ?? TryHeadedPlace(s, i)
                ?? 0;
            i += Math.Max(1, consumed);
        }
    }

    private static readonly WordSet s_ministryPortfolios = WordSets.Set("ministry-portfolios");

    /// <summary>
    /// "الخارجية الروسية: …", "أعلنت الدفاع التركية": a portfolio and a demonym name that state's
    /// ministry; the name given is the full one (وزارة الخارجية الروسية), so every article shares one key.
    /// </summary>
    private int? TryMinistryShorthand(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        string? form = tokens[i].IsWord ? tokens[i].FirstFormIn(s_ministryPortfolios) : null;
        if (form is null)
        {
            return null; // most words: no portfolio, so the costlier checks below are skipped
        }

        // Only where a noun phrase starts (sentence start, after a verb, punctuation or a function
        // word) and with a feminine demonym that agrees with الخارجية: inside "وزير الشؤون الخارجية
        // التونسي" or "وزارة الخارجية الروسية" it is not a shorthand.
        bool opensPhrase = i == 0 || !tokens[i - 1].IsWord || Cue(s, i - 1) is not null || _lex.IsFunctionWord(tokens[i - 1].Norm);
        if (!opensPhrase || i + 1 >= tokens.Count || State(s, i + 1) is not { Value.Form: StateForm.Demonym } demonym
            || !tokens[demonym.End - 1].Norm.EndsWith("يه", StringComparison.Ordinal))
        {
            return null;
        }

        string shorthand = ArticleText.SpanWithoutClitic(Sentences[s], _text, i, demonym.End, form);
        string name = "وزارة " + shorthand;
        string key = GraphKeys.Organization(ArabicText.Normalize(name));
        EntityInfo org = Find(key) ?? Add(new EntityInfo(key, NodeKind.Organization, name) { Category = "ministry", HeadNoun = "وزاره" });
        org.AddAlias(shorthand);
        AddMention(s, i, demonym.End, org, MentionForm.Alias);
        AddNestedStates(s, i, demonym.End);
        return demonym.End - i;
    }

    private int? TryOrganization(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (!tokens[i].IsWord || tokens[i].FirstFormIn(_lex.OrganizationOpeners) is null)
        {
            return null;
        }

        PhraseMatch<OrganizationEntry>? known = Org(s, i);
        (int end, EntityInfo org, string? alias)? best = null;
        string? acronym = null;
        bool purposeFollows = false;
        if (known is { } k && !IsBlockedByLongerState(s, i, k.End))
        {
            EntityInfo org = GetOrganization(k.Value);
            string surface = SurfaceOf(s, i, k.End, k.FirstForm);
            int end = k.End;
            // "(أوبك)" right after the name is its acronym; "مانشستر يونايتد (العاشرة)" or
            // "الكونكاكاف (المكسيك)" is a rank or a place, not another name.
            if (end + 2 < tokens.Count && tokens[end].Surface == "(" && tokens[end + 2].Surface == ")" && tokens[end + 1].IsWord
                && IsAcronymCandidate(s, end + 1))
            {
                acronym = tokens[end + 1].Surface;
                end += 3;
            }

            best = (end, org, surface);
            purposeFollows = acronym is null && IsOtherBodysPurpose(s, end);
        }

        // A pattern overrides a gazetteer name only when it closes with a demonym or a state
        // ("مجلس التعاون الخليجي" stays itself; "منظمة التجارة العالمية العام" is not a longer name),
        // or when the listed name goes on with what another body is for: "الاتحاد الآسيوي
        // للمكفوفين" is not the football confederation its short form names.
        (int end, EntityInfo org, string? alias)? pattern = TryOrganizationPattern(s, i);
        if (pattern is { } p && (best is null || (p.end > best.Value.end && (EndsWithState(s, p.end) || purposeFollows))))
        {
            best = p;
            acronym = null;
        }

        if (acronym is not null)
        {
            best!.Value.org.AddAlias(acronym);
        }

        if (best is not { } b)
        {
            return null;
        }

        if (acronym is null && SeatedHeadForm(tokens[i]) is { } headForm && LocalSeatEnd(s, b.end) is { } seatEnd)
        {
            int seatStart = b.end;
            b = Finish(s, i, seatEnd, headForm, Clitics.WithoutArticle(headForm)) ?? b;
            AddSeatMention(s, seatStart, seatEnd);
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
        else if (b.alias is not null && ClosingDemonymStart(s, i, b.end) is { } demonym)
        {
            // A listed name that closes with a demonym (الحرس الثوري الإيراني، الهلال الأحمر القطري)
            // mentions that state as the pattern's names do; states inside a name (قوات سوريا
            // الديمقراطية) stay part of it.
            AddNestedStates(s, demonym, b.end);
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

        // للجنة before a nisba adjective is ل + اللجنة (للجنة المحلية), a definite head; before a noun
        // it is ل + لجنة in construct (للجنة الحكام).
        if (!form.StartsWith("ال", StringComparison.Ordinal) && tokens[i].Forms.Contains("ال" + form)
            && i + 1 < tokens.Count && IsNisbaAdjective(tokens[i + 1].Norm))
        {
            form = "ال" + form;
        }

        // مدينة names a body only after a king or prince (مدينة الملك عبدالعزيز للعلوم والتقنية); else it is a city.
        if (head == "مدينه" && !(i + 1 < tokens.Count && s_namingHonorifics.Contains(tokens[i + 1].Norm)))
        {
            return null;
        }

        bool definiteHead = form.StartsWith("ال", StringComparison.Ordinal);
        bool afterPersonName = false;
        bool purpose = false; // a purpose complement (للقضاء، لحقوق الإنسان) seen after the head
        int j = i + 1;

        int lastDefinite = -1;
        while (j < tokens.Count && j - i <= 5)
        {
            Token t = tokens[j];
            if (!t.IsWord)
            {
                break;
            }

            if (j > i && tokens[j].Norm.StartsWith('ل') && Org(s, j) is { ViaClitic: true } parent && parent.FirstForm.Length < tokens[j].Norm.Length
                && (definiteHead || lastDefinite > i))
            {
                return Finish(s, i, parent.End, form, head); // المجلس الوزاري لمجلس التعاون، اللجنة التنفيذية لمنظمة التعاون الإسلامي
            }

            PhraseMatch<StateHit>? state = _lex.States.Match(tokens, j, allowClitic: false);
            if (state is { } st)
            {
                // "الشركة السعودية": السعودية names the state and is its feminine demonym too.
                if (st.Value.Form == StateForm.Demonym || (definiteHead && st.Length == 1 && IsNisbaAdjective(tokens[j].Norm)))
                {
                    // The demonym closes the name (الجيش النيجيري، حزب اليسار الألماني المعارض), except
                    // for a purpose complement: المؤسسة السورية للحبوب، الشركة السعودية للكهرباء.
                    int close = st.End;
                    if (!IsGovernmentBody(head) && head is not ("قوات" or "حكومه"))
                    {
                        // More adjectives may stand between the demonym and the purpose: المجموعة الأمريكية
                        // الدولية للتأمين — kept only when a purpose follows them.
                        int adjectivesEnd = close;
                        while (adjectivesEnd < tokens.Count && adjectivesEnd - close < 2 && IsNisbaAdjective(tokens[adjectivesEnd].Norm)
                            && Owner[s][adjectivesEnd] is null && State(s, adjectivesEnd) is null && Title(s, adjectivesEnd) is null)
                        {
                            adjectivesEnd++;
                        }

                        // (Without a purpose the name closes at the demonym: an adjective after it opens no purpose.)
                        int purposeEnd = PurposeComplementEnd(s, adjectivesEnd);
                        if (purposeEnd > adjectivesEnd)
                        {
                            close = purposeEnd;
                        }
                    }

                    return Finish(s, i, close, form, head);
                }

                if (st.Value.Form == StateForm.Name && !definiteHead && IsGovernmentBody(head))
                {
                    return Finish(s, i, st.End, form, head); // برلمان الباراغواي، مجلس نواب الباراغواي
                }

                break;
            }

            // A body named after a person (جامعة الإمام محمد بن سعود الإسلامية، مستشفى الملك فيصل
            // التخصصي): the honorific is a title elsewhere, here it and the name belong to the body's
            // name. Only right after the head, and not for a government body, whose name is followed
            // by its head's title and name ("رئيس مجلس الشورى الشيخ …").
            if (j == i + 1 && s_personNamedHeads.Contains(head) && s_namingHonorifics.Contains(t.Norm)
                && PersonNameChainEnd(tokens, j + 1) is { } chainEnd)
            {
                lastDefinite = chainEnd - 1;
                j = chainEnd;
                afterPersonName = true;
                continue;
            }

            if (_lex.IsFunctionWord(t.Norm) || s_organizationNameBreaks.Contains(t.Norm) || Cue(s, j) is { Value: CueKind.Stated or CueKind.Met or CueKind.StatedParticiple }
                || _lex.Titles.Match(tokens, j, allowClitic: false) is not null)
            {
                // "في" + a place ends the name too (حزب العمال الكردستاني في تركيا، وزارة المياه في الطائف):
                // annotators keep the place out; taking it in cost train organizations 29 found and 48 spurious.
                break;
            }

            // A ministry's portfolios are coordinated: وزارة الشؤون الإسلامية والأوقاف والدعوة والإرشاد.
            bool coordinationFollows = head == "وزاره" && j + 1 < tokens.Count && tokens[j + 1].Norm.StartsWith("وال", StringComparison.Ordinal);
            if (s_regionalAdjectives.Contains(t.Norm) && lastDefinite > i && IsNamedBodyHead(head) && !coordinationFollows
                && State(s, j + 1) is not { Value.Form: StateForm.Demonym })
            {
                return Finish(s, i, j + 1, form, head); // مجلس السلم والأمن الأفريقي
            }

            // After the person's name only an adjective or a purpose goes on (مستشفى الملك فيصل التخصصي،
            // جامعة الملك عبدالله للعلوم والتقنية), not an apposition (جامعة الملك فيصل الشريك الأكاديمي).
            if (afterPersonName && !IsNisbaAdjective(t.Norm) && !t.Norm.StartsWith("لل", StringComparison.Ordinal)
                && !(t.Norm.StartsWith("وال", StringComparison.Ordinal) && lastDefinite == j - 1))
            {
                break;
            }

            // "نادي الهلال السابق": former/current belongs to someone's title around the name;
            // "وزارة التنمية الاقتصادية والمصرف المركزي": a second body's head after و is another body.
            if (t.Norm is "السابق" or "الاسبق" or "الحالي" or "السابقه" or "الحاليه"
                || (t.Norm.StartsWith("وال", StringComparison.Ordinal) && _lex.OrganizationHeads.Contains(t.Norm[3..]))
                || IsCoordinatedOtherPhrase(tokens, j))
            {
                break;
            }

            // After a purpose complement only its adjectives and coordinated nouns go on: "الهيئة
            // العامة للسياحة والتراث الوطني", not "… لرعاية الشباب تأجيل" nor "… للتمور التابع".
            if (purpose && !IsNisbaAdjective(t.Norm) && !t.Norm.StartsWith("وال", StringComparison.Ordinal))
            {
                break;
            }

            if (IsDefiniteWord(t) || (t.Norm.StartsWith("وال", StringComparison.Ordinal) && lastDefinite == j - 1))
            {
                purpose |= lastDefinite > i && IsPurposeWord(s, j); // after an adjective: الهيئة العامة للسياحة, not "اللجنة للمصادقة"
                lastDefinite = j; // وزارة الزراعة والإصلاح الزراعي
                j++;
                continue;
            }

            // "الرئاسة العامة لرعاية الشباب"، "المرصد السوري لحقوق الإنسان": ل + a noun in construct
            // with a definite word is a purpose complement, like لل.
            if (IsLamConstruct(s, j) && lastDefinite > i)
            {
                purpose = true;
                lastDefinite = j + 1;
                j += 2;
                continue;
            }

            // An indefinite noun in construct continues the name only before a definite word (مجلس نواب الباراغواي، لجنة مبادرة السلام).
            // ("ومصلحة الجمارك" after a name is a second body, joined by و.)
            // (Nor does an imperfect verb: "لجنة الاستثمار يتولى ملف …".)
            bool coordinated = t.Norm[0] == 'و' && t.Norm.Length > 3 && _lex.CommonWords.Contains(t.Norm.AsSpan(1));
            if (j + 1 < tokens.Count && tokens[j + 1].IsWord && tokens[j + 1].Norm.StartsWith("ال", StringComparison.Ordinal) && t.Norm[0] is not ('ب' or 'ل' or 'ي') && !coordinated
                && (_lex.CommonWords.Contains(t.Norm) || _lex.TitleComplements.Contains(t.Norm)))
            {
                j++;
                continue;
            }

            break;
        }

        // "المجلس الأعلى للقضاء"، "المركز الوطني للدراسات والبحوث الاجتماعية": a definite head, its
        // adjectives and a purpose complement name a body even without a demonym.
        if (definiteHead && purpose && lastDefinite > i && s_purposeBodyHeads.Contains(head))
        {
            return Finish(s, i, lastDefinite + 1, form, head);
        }

        // A head named after a person is a name whatever the head (مركز الملك سلمان للإغاثة).
        if (!definiteHead && lastDefinite > i && ((IsNamedBodyHead(head) && head != "مجلس") || afterPersonName))
        {
            return Finish(s, i, lastDefinite + 1, form, head);
        }

        if (!definiteHead && head == "مجلس" && i + 1 < tokens.Count && s_chambers.Contains(tokens[i + 1].Norm))
        {
            return Finish(s, i, i + 2, form, head); // مجلس النواب، مجلس الأعيان: a chamber, named by itself
        }

        return null;
    }

    /// <summary>
    /// The end of a purpose complement at <paramref name="j"/> and its adjectives, or <paramref name="j"/>
    /// when there is none: للحبوب، للخدمات الأرضية، لحقوق الإنسان (ل + a noun in construct).
    /// </summary>
    private int PurposeComplementEnd(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (j >= tokens.Count || !tokens[j].IsWord || Owner[s][j] is not null || _lex.IsFunctionWord(tokens[j].Norm))
        {
            return j; // (titles and cues: IsPurposeWord and IsLamConstruct turn them down)
        }

        int k;
        if (IsPurposeWord(s, j))
        {
            k = j + 1;
        }
        else if (IsLamConstruct(s, j))
        {
            k = j + 2;
        }
        else
        {
            return j;
        }

        // Its adjectives and the nouns coordinated with it: للخدمات الأرضية، للحياة الفطرية، للتسليف
        // والادخار (not a time word, a title or a state after it, nor a second body's head: "… للكهرباء والشركة …").
        while (k < tokens.Count && k - j < 4 && Owner[s][k] is null && Title(s, k) is null && State(s, k) is null
            && ((tokens[k].Norm.StartsWith("ال", StringComparison.Ordinal) && IsNisbaAdjective(tokens[k].Norm))
                || (tokens[k].Norm.StartsWith("وال", StringComparison.Ordinal) && _lex.CommonWords.Contains(tokens[k].Norm[1..])
                    && !_lex.OrganizationHeads.Contains(tokens[k].Norm[3..]))))
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Where a local body's seat ends when it follows the body's name at <paramref name="end"/>: "إدارة
    /// التعليم بمحافظة البكيرية"، "النادي الأدبي بالرياض"، "كلية الطب بجامعة الطائف" name one body each.
    /// Asked only for heads of local units (<see cref="SeatedHeadForm"/>): after a ministry or a national
    /// authority, "بالرياض" says where something happened.
    /// </summary>
    private int? LocalSeatEnd(int s, int end)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (end >= tokens.Count || !tokens[end].IsWord || !tokens[end].Norm.StartsWith('ب'))
        {
            return null;
        }

        string withoutBa = tokens[end].Norm[1..];
        if (s_seatNouns.Contains(tokens[end].Norm))
        {
            return PlaceEndAt(s, end + 1);
        }

        if (Place(s, end) is { ViaClitic: true } place && place.FirstForm == withoutBa)
        {
            return place.End;
        }

        return Org(s, end) is { ViaClitic: true } parent && parent.FirstForm == withoutBa ? parent.End : null;
    }

    /// <summary>The form of a local unit's head word without its proclitic (الإدارة of والإدارة), or null for other heads.</summary>
    private static string? SeatedHeadForm(Token head)
    {
        foreach (string form in head.Forms)
        {
            if (s_localUnitHeads.Contains(Clitics.WithoutArticle(form)))
            {
                return form;
            }
        }

        return null;
    }

    /// <summary>Words that end a name read from its head: "الحكومة وفقا لوكالة …"، "الاتحاد المحلي لهذا القرار".</summary>
    private static readonly WordSet s_organizationNameBreaks = WordSets.Set("organization-name-breaks");

    private static readonly WordSet s_localUnitHeads = WordSets.Set("local-unit-heads");

    private static readonly WordSet s_seatNouns = WordSets.Set("seat-nouns");

    /// <summary>Heads whose definite form with an adjective and a purpose names a body (not جهاز، تنظيم، قوة: "الجهاز الهضمي للكلاب").</summary>
    private static readonly WordSet s_purposeBodyHeads = WordSets.Set("purpose-body-heads");

    /// <summary>
    /// ل + a noun in construct with a free definite word after it (لحقوق الإنسان، لرعاية الشباب) —
    /// not لل, which <see cref="IsPurposeWord"/> judges (للعام الحالي is a time, not a purpose).
    /// </summary>
    private bool IsLamConstruct(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        string n = tokens[j].Norm;
        return n.Length > 3 && n[0] == 'ل' && !n.StartsWith("لل", StringComparison.Ordinal) && !_lex.IsFunctionWord(n)
            && j + 1 < tokens.Count && tokens[j + 1].Norm.StartsWith("ال", StringComparison.Ordinal) && Owner[s][j + 1] is null
            && Title(s, j) is null && Cue(s, j) is null;
    }

    /// <summary>
    /// لل + a noun that says what a body is for (للقضاء، للحبوب); not a time (للعام، للمرة) nor another
    /// body's short form (للمنظمة، للمجلس).
    /// </summary>
    private bool IsPurposeWord(int s, int j)
    {
        string n = Sentences[s].Tokens[j].Norm;
        if (!n.StartsWith("لل", StringComparison.Ordinal) || n.Length <= 4 || Title(s, j) is not null || Cue(s, j) is not null)
        {
            return false;
        }

        string rest = n[2..];
        return rest is not ("عام" or "مره" or "سنه" or "شهر" or "يوم" or "فتره" or "مرحله" or "دوره") && !_lex.OrganizationHeads.Contains(rest) && !_lex.IsFunctionWord("ال" + rest);
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
        EntityInfo org = Find(key) ?? Add(new EntityInfo(key, NodeKind.Organization, name) { Category = CategoryOf(head), HeadNoun = head });
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

        if (_lex.PlaceHeads.Contains(tokens[j].Norm) && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word && IsProperWord(tokens[j + 1].Norm))
        {
            return j + 2;
        }

        return null;
    }

    /// <summary>
    /// "لوزارة العمل والدكتور …"، "وزارة المالية والرئيس التنفيذي للشركة"، "الشركة السعودية للكهرباء
    /// والتي": after و a title or a function word opens the next item of a list or a relative
    /// clause, not another portfolio of the body's name (وزارة التجارة والصناعة).
    /// </summary>
    private bool IsCoordinatedOtherPhrase(IReadOnlyList<Token> tokens, int j)
    {
        string n = tokens[j].Norm;
        if (n.Length <= 3 || n[0] != 'و')
        {
            return false;
        }

        string rest = n[1..];
        return _lex.IsFunctionWord(rest) || _lex.Titles.Match(tokens, j, allowClitic: true) is not null;
    }

    /// <summary>A definite adjective of relation (المحلية، التنفيذية، التخصصي): ال + a word ending in ي or يه.</summary>
    private static bool IsNisbaAdjective(string norm) =>
        norm.Length > 4 && norm.StartsWith("ال", StringComparison.Ordinal) && (norm.EndsWith('ي') || norm.EndsWith("يه", StringComparison.Ordinal));

    /// <summary>Heads of institutions that are named after people (not إدارة: "تحت إدارة الأمير …" is management).</summary>
    private static readonly WordSet s_personNamedHeads = WordSets.Set("person-named-heads");

    /// <summary>Honorifics after which an organization's name goes on with a person's name.</summary>
    private static readonly WordSet s_namingHonorifics = WordSets.Set("naming-honorifics");

    /// <summary>
    /// The end of a person's name starting at <paramref name="j"/> inside an organization's name: a
    /// given name, then بن/ابن/آل + a word as often as they come (محمد بن سعود، فهد بن عبدالعزيز آل سعود).
    /// </summary>
    private int? PersonNameChainEnd(IReadOnlyList<Token> tokens, int j)
    {
        if (j >= tokens.Count || !tokens[j].IsWord || !_lex.GivenNames.Contains(tokens[j].Norm))
        {
            return null;
        }

        int end = j + 1;
        while (end + 1 < tokens.Count && tokens[end].Norm is "بن" or "ابن" or "ال" && tokens[end + 1].IsWord && !_lex.IsFunctionWord(tokens[end + 1].Norm))
        {
            end += 2;
            if (tokens[end - 1].Norm == "عبد" && end < tokens.Count && tokens[end].Norm.StartsWith("ال", StringComparison.Ordinal))
            {
                end++; // بن عبد العزيز, written apart
            }
        }

        return end;
    }

    private static readonly WordSet s_chambers = WordSets.Set("chambers");

    /// <summary>Regional adjectives that close an organization's name like a demonym does: مجلس السلم والأمن الأفريقي.</summary>
    private static readonly WordSet s_regionalAdjectives = WordSets.Set("regional-adjectives");

    private static bool IsGovernmentBody(string head) => head is "برلمان" or "مجلس" or "وزاره" or "رئاسه" or "جيش" or "سفاره";

    /// <summary>Heads that name a body with a definite complement alone (هيئة الطيران المدني، دائرة الأرصاد الجوية): <c>named-body-heads</c>.</summary>
    private static bool IsNamedBodyHead(string head) => s_namedBodyHeads.Contains(head);

    private static readonly WordSet s_namedBodyHeads = WordSets.Set("named-body-heads");

    private static string CategoryOf(string head) => head switch
    {
        "وزاره" => "ministry",
        "جيش" or "قوات" or "قوه" or "تنظيم" or "جماعه" or "جبهه" or "كتائب" or "ميليشيا" or "فصيل" => "armed_group",
        "حزب" or "حركه" => "party",
        "صحيفه" or "وكاله" or "خدمه" or "قناه" or "موقع" or "مجله" or "اذاعه" or "تلفزيون" => "media",
        "برلمان" or "مجلس" => "council",
        "شركه" or "بنك" or "مصرف" => "company",
        "نادي" => "club",
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

    /// <summary>A word in brackets after a listed name that can be its acronym: not an ordinary word, a state or a place.</summary>
    private bool IsAcronymCandidate(int s, int j)
    {
        string n = Sentences[s].Tokens[j].Norm;
        return !_lex.CommonWords.Contains(n) && !_lex.IsFunctionWord(n) && State(s, j) is null && Place(s, j) is null;
    }

    /// <summary>
    /// لل + a noun right after a listed name that says what a body is for (للمكفوفين، للدراسات):
    /// the name goes on as another body's. Not a state or place (البنك الدولي للأردن), nor a name.
    /// </summary>
    private bool IsOtherBodysPurpose(int s, int j) =>
        j < Sentences[s].Tokens.Count && Sentences[s].Tokens[j].IsWord && IsPurposeWord(s, j)
        && State(s, j) is null && Place(s, j) is null && Org(s, j) is null;

    /// <summary>Where a demonym that ends the span [<paramref name="start"/>, <paramref name="end"/>) begins, if one does.</summary>
    private int? ClosingDemonymStart(int s, int start, int end)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int j = Math.Max(start + 1, end - 3); j < end; j++)
        {
            if (_lex.States.Match(tokens, j, allowClitic: false) is { Value.Form: StateForm.Demonym } st && st.End == end)
            {
                return j;
            }
        }

        return null;
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
                AddNestedMention(s, j, st.End, state, st.Value.Form == StateForm.Demonym ? MentionForm.Demonym : MentionForm.Name);
                if (st.Value.Form == StateForm.Name)
                {
                    state.AddAlias(SurfaceOf(s, j, st.End, st.FirstForm));
                }

                j = st.End - 1;
            }
        }
    }

    /// <summary>
    /// The place or body a local unit's seat names is mentioned too, inside the unit's name:
    /// "منطقة عسير" in "قوة الطوارئ الخاصة بمنطقة عسير", "الهلال الأحمر" in "الإدارة العامة للطيران بالهلال الأحمر".
    /// </summary>
    private void AddSeatMention(int s, int seatStart, int seatEnd)
    {
        foreach (int at in (int[])[seatStart, seatStart + 1])
        {
            if (Place(s, at) is { } p && p.End <= seatEnd)
            {
                EntityInfo place = GetPlace(p.Value);
                place.AddAlias(SurfaceOf(s, at, p.End, p.FirstForm));
                AddNestedMention(s, at, p.End, place, MentionForm.Name);
                return;
            }
        }

        if (Org(s, seatStart) is { } o && o.End <= seatEnd)
        {
            EntityInfo body = GetOrganization(o.Value);
            body.AddAlias(SurfaceOf(s, seatStart, o.End, o.FirstForm));
            AddNestedMention(s, seatStart, o.End, body, MentionForm.Name);
        }
    }

    /// <summary>A mention inside another's span: counted, but its tokens stay the outer mention's.</summary>
    private void AddNestedMention(int s, int start, int end, EntityInfo entity, MentionForm form)
    {
        Mentions[s].Add(new Mention(s, start, end, entity, form));
        entity.Mentions++;
        entity.FirstSentence = Math.Min(entity.FirstSentence, s);
    }

    private static readonly WordSet s_competitionHeads = WordSets.Set("competition-heads");

    private int? TryStateOrPlace(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        PhraseMatch<StateHit>? state = State(s, i);
        PhraseMatch<PlaceEntry>? place = Place(s, i);
        if (place is { } quoted && IsQuoted(tokens, i, quoted.End) && _contextualOrganizations.At(s, i) is { Value.IsMedia: true })
        {
            return null; // لـ«الشرق الأوسط»: the paper (pass 1c), not the region
        }

        if (place is { Value.Kind: "region" } && i > 0 && s_competitionHeads.Contains(tokens[i - 1].WithoutConjunction))
        {
            return null; // كأس آسيا، دوري أبطال أوروبا: a competition's name, not the continent
        }

        if (place is { } p && (state is null || p.Length > state.Value.Length || state.Value.Value.Form == StateForm.Metonym
            || (p.Length == state.Value.Length && DatelinePlace is { } dateline && dateline.Key == GraphKeys.Place(p.Value.Id))
            || (p.Length == state.Value.Length && PlaceMeantRatherThanState(s, i, p, state.Value.Value.State))))
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
        if (s_ambiguousStateNames.Contains(norm) && (i == 0 || !s_stateLicensors.Contains(tokens[i - 1].WithoutConjunction)))
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

        string? form = tokens[i].FirstFormIn(_lex.PlaceHeads);
        if (form is null)
        {
            return null;
        }

        int j = i + 1;
        bool definiteComplement = form is "قصر" or "مطار" or "ميناء" or "مخيم" or "جزيره" or "محافظه" or "ولايه";
        if (definiteComplement && j < tokens.Count && tokens[j].Kind == TokenKind.Word && tokens[j].Norm.StartsWith("ال", StringComparison.Ordinal)
            && !_lex.IsFunctionWord(tokens[j].Norm) && Owner[s][j] is null)
        {
            j++; // قصر السلام، مطار الملكة علياء
        }

        while (j == i + 1 && j < tokens.Count && j - i <= 3 && IsHeadedPlaceWord(tokens[j]) && Place(s, j) is null)
        {
            j++;
            while (j < tokens.Count && j - i <= 3 && IsHeadedPlaceWord(tokens[j]) && Place(s, j) is null && !tokens[j].Forms.Skip(1).Any(f => _lex.Places.ContainsPhrase(f)))
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
        EntityInfo place = Find(key) ?? Add(new EntityInfo(key, NodeKind.Place, keepHead ? headed : proper));
        place.AddAlias(keepHead ? proper : headed);
        AddMention(s, i, j, place, MentionForm.Name);
        return j - i;
    }

    /// <summary>
    /// A word of the proper name after a place noun: no name particle, and no compass word, which says where
    /// within or beside the place rather than naming it ("منطقة جنوب …"، "… شمال المدينة").
    /// </summary>
    private bool IsHeadedPlaceWord(Token token) =>
        token.Kind == TokenKind.Word && IsProperWord(token.Norm) && !s_nameParticles.Contains(token.Norm) && !s_compassWords.Contains(token.Norm);

    private static readonly WordSet s_compassWords = WordSets.Set("compass-words");

    /// <summary>A word that can be part of a proper name: not a function word, not common, no article.</summary>
    private bool IsProperWord(string norm) =>
        !_lex.IsFunctionWord(norm) && !_lex.CommonWords.Contains(norm) && !norm.StartsWith("ال", StringComparison.Ordinal)
        && _lex.States.Match([new Token(0, 0, norm, norm, TokenKind.Word)], 0) is null;
}
