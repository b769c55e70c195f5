using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>Pass 2: persons announced by a title, before or after the name.</summary>
internal sealed partial class ArticleAnalysis
{
    /// <summary>
    /// A name introduced by what the person is called: "مهندس يدعى جيانغ"، "امرأة تدعى سارة"،
    /// "المدعو فهد". The word says a person's name follows, as a title does.
    /// </summary>
    private (int start, int end)? CalledNameAt(int s, int i)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (Owner[s][i] is not null || !tokens[i].IsWord || i + 1 >= tokens.Count || !s_callingWords.Contains(tokens[i].WithoutConjunction))
        {
            return null;
        }

        // "يدعى" also names dinosaurs, syndromes and crossroads: only after a noun for a person.
        if (!tokens[i].Norm.StartsWith("المدعو", StringComparison.Ordinal)
            && (i == 0 || !s_calledPersonNouns.Contains(tokens[i - 1].WithoutConjunction)))
        {
            return null;
        }

        return KnownOrNameExtent(s, i + 1, NameAnchor.Title) ?? TaggedNameAfterTitle(s, i + 1);
    }

    private static readonly WordSet s_callingWords = WordSets.Set("calling-words");

    private static readonly WordSet s_calledPersonNouns = WordSets.Set("called-person-nouns");

    private void FindTitledPersons(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            if (CalledNameAt(s, i) is { } called)
            {
                AddPerson(s, called.start, called.end);
                i = called.end;
                continue;
            }

            if (Owner[s][i] is not null || ParseTitle(s, i) is not { } title)
            {
                i++;
                continue;
            }

            // After a comma the name must look like one: "الأمين العام للمنظمة، تناول التحضيرات" is a verb.
            int nameStart = title.End < tokens.Count && tokens[title.End].Surface is "," or "،" && title.End + 1 < tokens.Count
                && !IsCommonNotName(tokens[title.End + 1].Norm) ? title.End + 1 : title.End;
            (int start, int end)? name = NameRightAfterTitle(s, nameStart, title);

            // "رئيس نادي الزمالك محمد …": a complement of the title before the name (see
            // ComplementsTitle), and a demonym after it ("مدرب المنتخب لكرة القدم البرتغالي جواو
            // فيريرا"), still belong to the title when a name follows them.
            if (title.HasHead && nameStart + 2 < tokens.Count && ComplementEnd(s, nameStart) is int complementEnd)
            {
                int afterComplement = AfterDemonym(s, complementEnd);
                // "وزير حقوق الإنسان والإغاثة باليمن عز الدين …": more qualifiers may follow the complement.
                while (afterComplement < tokens.Count && !tokens[afterComplement].Norm.StartsWith("ال", StringComparison.Ordinal) && IsTitleQualifier(s, afterComplement))
                {
                    afterComplement = Owner[s][afterComplement] is { Entity.Kind: NodeKind.State or NodeKind.Place or NodeKind.Organization } owner ? owner.End : afterComplement + 1;
                }

                // The tagger is asked too, for a name no list knows after the complement, unless another title
                // opens there ("قائد قوة الطوارئ الخاصة اللواء ركن …" is left to the rank's own parse).
                (int start, int end)? taggedAfter = afterComplement < tokens.Count && Title(s, afterComplement) is null ? TaggedNameAfterTitle(s, afterComplement) : null;
                if ((KnownOrNameExtent(s, afterComplement, NameAnchor.Title) ?? taggedAfter) is { } further && further.end - further.start >= 2)
                {
                    title = title with { End = afterComplement };
                    name = further;
                }
            }

            if (name is null && (title.HasHead || IsPersonHonorific(s, title)) && !AfterNamingHead(s, title.Start))
            {
                name = TaggedNameAfterTitle(s, nameStart);
                // "الرئيس السيسي": a definite surname reads like one more qualifier of the title.
                if (name is null && title.End - title.Start >= 2 && TaggedNameAfterTitle(s, title.End - 1) is { } surname)
                {
                    title = title with { End = title.End - 1 };
                    name = surname;
                }
            }

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
            // (Not when the title carries a preposition: "… التمنيات لرئيس الإكوادور" is not the president.)
            // (Not after a describing word: "أن نأخذ الزميلين الفنان سعد" names nobody before it.)
            if (title.HasHead && title.FirstForm == tokens[i].Norm && Title(s, i) is not { Value: TitleRole.Describing } && NameBefore(s, i) is { } before)
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

    private (int start, int end)? NameRightAfterTitle(int s, int nameStart, TitleSpan title)
    {
        if (!title.HasHead && !IsPersonHonorific(s, title))
        {
            return null;
        }

        // After a describing word the corpus taught (الفنان، المحامي) the name rules run on ("المحامي خالد
        // أبو راشد الرأي"): a known name or the tagger's span decides where the name ends.
        return Title(s, title.Start) is { Value: TitleRole.Describing }
            ? KnownPersonAt(s, nameStart) ?? TaggedNameAfterTitle(s, nameStart)
            : KnownOrNameExtent(s, nameStart, NameAnchor.Title);
    }

    /// <summary>
    /// "جامع الإمام تركي بن عبدالله"، "شارع الملك فهد": a title right after a building, street or
    /// body's head names the place after someone; that someone is not a person in the news.
    /// </summary>
    private bool AfterNamingHead(int s, int titleStart)
    {
        if (titleStart == 0)
        {
            return false;
        }

        Token before = Sentences[s].Tokens[titleStart - 1];
        return before.Forms.Any(f => s_namedAfterHeads.Contains(f) || s_personNamedHeads.Contains(f) || _lex.PlaceHeads.Contains(f));
    }

    private void MarkTitle(int s, TitleSpan title, EntityInfo person)
    {
        // Title words are not free for other names, but entities named inside the title keep their own mentions.
        for (int j = title.Start; j < title.End; j++)
        {
            Owner[s][j] ??= new Mention(s, title.Start, title.End, person, MentionForm.Title);
        }
    }

    /// <summary>
    /// Where a title's complement at <paramref name="j"/> ends, or null: two words (<see cref="ComplementsTitle"/>),
    /// or a body the gazetteer named there as one mention, bare or after a head noun or title complement.
    /// </summary>
    private int? ComplementEnd(int s, int j)
    {
        if (ComplementsTitle(s, j))
        {
            return j + 2;
        }

        if (Owner[s][j] is { Entity.Kind: NodeKind.Organization } body && body.Start == j)
        {
            return body.End;
        }

        string head = Sentences[s].Tokens[j].Norm;
        return (_lex.OrganizationHeads.Contains(head) || _lex.TitleComplements.Contains(head)) && Owner[s][j] is null
            && Owner[s][j + 1] is { Entity.Kind: NodeKind.Organization } named && named.Start == j + 1
            ? named.End
            : null;
    }

    /// <summary>
    /// The two words at <paramref name="j"/> continue a title rather than start a name: a common noun
    /// and its definite complement ("نادي الزمالك"، "جمرك البطحاء"), or a body's head noun and its
    /// proper name or place ("نادي هجر"، "نادي نجران"). Not a given name, not عبد الله.
    /// </summary>
    private bool ComplementsTitle(int s, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        string first = tokens[j].Norm;
        if (_lex.GivenNames.Contains(first) || s_nameParticles.Contains(first) || first.StartsWith("ال", StringComparison.Ordinal) || tokens[j].Kind != TokenKind.Word)
        {
            return false;
        }

        Token second = tokens[j + 1];
        if (second.Norm.StartsWith("ال", StringComparison.Ordinal) && Owner[s][j + 1] is null)
        {
            return true;
        }

        return _lex.OrganizationHeads.Contains(first) && second.IsWord && !IsCommonNotName(second.Norm)
            && (Owner[s][j + 1] is null || Owner[s][j + 1] is { Entity.Kind: NodeKind.Place or NodeKind.State } place && place.End == j + 2);
    }

    private int AfterDemonym(int s, int j) =>
        j < Sentences[s].Tokens.Count && Owner[s][j] is { Entity.Kind: NodeKind.State } state && state.Start == j && State(s, j) is { Value.Form: StateForm.Demonym }
            ? state.End
            : j;

    /// <summary>A title right after a name ("ميخائيل بوغدانوف الممثل الخاص للرئيس الروسي") belongs to that person.</summary>
    private int AttachTitleAfter(int s, int nameEnd, EntityInfo person)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int j = nameEnd;
        if (j < tokens.Count && tokens[j].Surface is "," or "،")
        {
            j++;
        }

        // "… حسن حكيموف والمندوب الدائم لروسيا …": a title joined by و introduces someone else.
        if (j < tokens.Count && ParseTitle(s, j) is { HasHead: true } title && !StartsWithConjunction(tokens[j], title.FirstForm)
            && NameExtent(s, title.End, NameAnchor.Title) is null
            && NameExtent(s, title.End < tokens.Count && tokens[title.End].Surface is "," or "،" ? title.End + 1 : title.End, NameAnchor.Title) is null)
        {
            person.AddTitle(TitleText(s, title));
            person.TitleSpans.Add(title);
            MarkTitle(s, title, person);
            return title.End;
        }

        return nameEnd;
    }

    private static bool IsBeforeBin(IReadOnlyList<Token> tokens, int j) => j + 1 < tokens.Count && tokens[j + 1].Norm is "بن" or "ابن" or "بنت";

    /// <summary>The title was matched on a form of the word without its leading و/ف.</summary>
    private static bool StartsWithConjunction(Token word, string matchedForm) =>
        word.Norm != matchedForm && word.Norm[0] is 'و' or 'ف' && word.Norm.EndsWith(matchedForm.StartsWith("ال", StringComparison.Ordinal) ? matchedForm[2..] : matchedForm, StringComparison.Ordinal);

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
        if (first is not { } f || (f.Value == TitleRole.Rank && f.Length == 1 && tokens[i].Norm is "اول" or "ركن" or "طيار"))
        {
            return null; // "أول" and "ركن" qualify a rank (الفريق أول ركن); alone they are ordinary words
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

                if (n == "في" && !(Owner[s][j + 1] is { } place && place.End < tokens.Count
                    && (StartsName(s, place.End) || Title(s, place.End) is { Value: TitleRole.Honorific })))
                {
                    break; // "في موسكو اليوم" is where, not part of the title ("السفير السعودي في عمان الدكتور X" is)
                }

                if (n == "علي" && tokens[j - 1].Norm is not ("المشرف" or "مشرف" or "العام" or "المسؤول" or "مسؤول" or "القائم"))
                {
                    break; // only "المشرف العام على …" takes على into a title
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

        if (!t.IsWord || _lex.IsFunctionWord(t.Norm) || Cue(s, j) is not null || IsBeforeBin(tokens, j))
        {
            return false; // a word before بن is a given name: "الدكتور مساعد بن محمد"
        }

        string n = t.Norm;
        if ((n.StartsWith("ال", StringComparison.Ordinal) || n.StartsWith("لل", StringComparison.Ordinal)) && !_lex.GivenNames.Contains(n))
        {
            return true; // not "الكسندر", which starts the name after the title
        }

        if (n is "بالانابه" or "بالوكاله" or "بالنيابه" or "المكلف" or "المنتخب" or "الجديد" or "السابق")
        {
            return true; // "رئيس مجلس الأمة الكويتي بالإنابة": acting, designate, former
        }

        if (n.StartsWith("بال", StringComparison.Ordinal) && n.Length > 4 && j > 0 && Title(s, j - 1) is not null)
        {
            return true; // "المستشار بالديوان الملكي": where the role is held
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

}
