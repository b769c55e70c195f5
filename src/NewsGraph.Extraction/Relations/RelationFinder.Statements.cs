using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Recognition;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Relations;

/// <summary>STATED: who said what, and where the stated content starts and ends.</summary>
internal sealed partial class RelationFinder
{
    private void FindStatements(int s)
    {
        Sentence sentence = analysis.Sentences[s];
        IReadOnlyList<Token> tokens = sentence.Tokens;

        if (sentence.IsHeadline && TryHeadline(s))
        {
            return;
        }

        if (TryAccordingTo(s))
        {
            return;
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (analysis.Cue(s, i) is not { Value: CueKind.Stated } cue)
            {
                continue;
            }

            if (analysis.Owner[s][i] is { Entity.Kind: NodeKind.Person or NodeKind.Organization } && analysis.Owner[s][i]!.Form != MentionForm.Title)
            {
                continue; // the cue word is part of a name
            }

            string verb = tokens[i].Surface;
            List<EntityInfo> speakers;
            int afterSpeaker;
            if (cue.FirstForm is "قوله" or "قولها")
            {
                // "نقلت الوكالة عن الوزير وانغ يي قوله … إن …": the one quoted is named between عن and
                // قوله (the person, not an organization in the person's title). Only this form: in
                // "ويتحسر … بقوله" the speaker is the verb's subject, found no better here.
                if (tokens[i].Norm != cue.FirstForm || QuotedAfterAn(s, i) is not { } quoted)
                {
                    continue;
                }

                speakers = [quoted];
                afterSpeaker = cue.End;
            }
            else
            {
                speakers = SpeakersAfter(s, cue.End, out afterSpeaker);
            }

            if (speakers.Count == 0)
            {
                speakers = SpeakerBefore(s, i);
                afterSpeaker = cue.End;
            }

            bool dropped = false;
            if (speakers.Count == 0 && AfterRelativePronoun(tokens, i))
            {
                continue; // "لوبراني مستشار وزارة الدفاع لشؤون لبنان، الذي قال": not the last speaker's words
            }

            if (speakers.Count == 0)
            {
                // A dropped subject ("وأوضح أن …") continues the last speaker; an unrecognized subject
                // ("أكد الطرفان", "أعلنت سلطات محلية") must not be given to anyone.
                // "وأبدى أوباما … قدرا من الإحباط … إلا أنه قال إنه …", "وخالف المحامي X الرأي، حين
                // أكد أن": the subject of this sentence's first verb continues here, before any
                // earlier speaker.
                // Else the subject of the sentence before ("من جانبه، وصف الوزير X الزيارة بالتاريخية.
                // وقال إن …"), else the last speaker.
                EntityInfo? sameSentence = SentenceSubjectBefore(s, i);
                EntityInfo? continued = sameSentence
                    ?? (s > 0 && OpeningSubject(s - 1) is { Entity.Kind: NodeKind.Person } previous ? SpeakerEntity(previous) : null)
                    ?? (_lastSpeaker is not null && s - _lastSpeakerSentence <= 3 ? _lastSpeaker : null);

                // "استقبل X … الوزير Y، وأكد دعم وزارته …": with the subject named in this very
                // sentence the verb may take its object directly, as when the subject follows it.
                int objectAt = AfterAdjuncts(tokens, cue.End);
                bool directObject = sameSentence is not null && s_directObjectVerbs.Contains(Clitics.WithoutConjunction(cue.FirstForm))
                    && objectAt < tokens.Count && tokens[objectAt].IsWord && analysis.Owner[s][objectAt] is null
                    && !_lex.IsFunctionWord(tokens[objectAt].Norm) && !s_partyNouns.Contains(tokens[objectAt].Norm) && !s_quantifiers.Contains(tokens[objectAt].Norm)
                    && analysis.Title(s, objectAt) is null && analysis.Cue(s, objectAt) is null;
                if (continued is null || !(OpensComplement(s, cue.End) || directObject) || IsPluralVerb(cue.FirstForm))
                {
                    continue;
                }

                speakers = [continued];
                dropped = !directObject;
            }
            else if (cue.FirstForm is "بين" or "وبين" && !ComplementizerSoonAfter(s, afterSpeaker))
            {
                continue; // بين + speaker is a statement only with أن after it
            }

            if (i > 0 && tokens[i - 1].Norm == "كما" && afterSpeaker >= LastWord(tokens) && i > 4)
            {
                // "… العمليات في منطقة دلتا النيجر، كما أعلن المتحدث X": the content came first.
                int claimEnd = i - 1;
                while (claimEnd > 0 && tokens[claimEnd - 1].IsPunctuation)
                {
                    claimEnd--;
                }

                foreach (EntityInfo speaker in speakers)
                {
                    Claims.Add(new ClaimSpan(speaker, s, 0, claimEnd, verb, i));
                }

                _lastSpeaker = speakers[0];
                _lastSpeakerSentence = s;
                continue;
            }

            int? claimStart = ClaimStart(s, afterSpeaker, cue.FirstForm, dropped);
            if (claimStart is not { } start || start >= tokens.Count)
            {
                continue;
            }

            int end = ClaimEnd(s, start);
            if (end - start < 2)
            {
                continue;
            }

            foreach (EntityInfo speaker in speakers)
            {
                Claims.Add(new ClaimSpan(speaker, s, start, end, verb, i));
            }

            _lastSpeaker = speakers[0];
            _lastSpeakerSentence = s;
            i = end - 1;
        }
    }

    /// <summary>"وطالب بعض أعضاء أوبك": a quantifier opens an explicit (if unnamed) subject.</summary>
    private static readonly WordSet s_quantifiers = WordSets.Set("quantifiers");

    private static readonly WordSet s_partyNouns = WordSets.Set("party-nouns-of-the-rules");

    /// <summary>True when what follows a reporting verb is its content or an adjunct, not an (unrecognized) subject.</summary>
    private bool OpensComplement(int s, int j)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (j >= tokens.Count)
        {
            return false;
        }

        Token t = tokens[j];
        string n = t.WithoutConjunction;
        return t.Surface.StartsWith("..", StringComparison.Ordinal) || t.Surface == ":" || t.Kind == TokenKind.Quote
            || s_complementizers.Contains(t.Norm) || s_prepositionalComplements.Contains(t.Norm)
            || (_lex.IsFunctionWord(t.Norm) && !s_partyNouns.Contains(n) && !s_quantifiers.Contains(n));
    }

    /// <summary>The person a relative pronoun at <paramref name="j"/> (الذي/التي, after a comma or not) refers to, if named right before it.</summary>
    private EntityInfo? RelativeClauseAntecedent(int s, int j)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (j < 0 || tokens[j].Norm is not ("الذي" or "التي"))
        {
            return null;
        }

        int antecedent = j > 0 && tokens[j - 1].Surface is "," or "،" ? j - 2 : j - 1;
        return antecedent >= 0 && analysis.Owner[s][antecedent] is { Entity.Kind: NodeKind.Person } who && who.End == antecedent + 1
            ? SpeakerEntity(who)
            : null;
    }

    /// <summary>A relative pronoun right before the verb: the clause has its own (maybe unnamed) subject.</summary>
    private static bool AfterRelativePronoun(IReadOnlyList<Token> tokens, int verb) =>
        verb > 0 && tokens[verb - 1].Norm is "الذي" or "التي" or "الذين";

    /// <summary>
    /// The person or organization right after the verb that opens sentence <paramref name="s"/>
    /// ("وأبدى أوباما …"), when it comes before <paramref name="before"/>; else null.
    /// </summary>
    private EntityInfo? SentenceSubjectBefore(int s, int before)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (OpeningSubject(s) is not { } opening || opening.End > before)
        {
            return null;
        }

        // "… الا أن اعلاها يشير الى …": a word of its own right before the verb is its subject
        // (not "لكنه"، "أنه": the pronoun is the subject already named).
        if (before > 0 && tokens[before - 1].IsWord && analysis.Owner[s][before - 1] is null && !_lex.IsFunctionWord(tokens[before - 1].Norm)
            && !s_pronounParticles.Contains(tokens[before - 1].Norm))
        {
            return null;
        }

        return SpeakerEntity(opening);
    }

    private static readonly WordSet s_pronounParticles = WordSets.Set("pronoun-particles");

    /// <summary>
    /// The person or organization right after the verb that opens sentence <paramref name="s"/>
    /// ("وأبدى أوباما …"), past an opener such as "من جانبه،" or "بدوره،"; else null.
    /// </summary>
    internal Mention? OpeningSubject(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        int j = 0;
        if (tokens.Count > 2 && tokens[0].Norm is "من" or "ومن" && tokens[1].Norm is "جانبه" or "جانبها" or "جهته" or "جهتها")
        {
            j = 2;
        }
        else if (tokens.Count > 2 && analysis.Owner[s][0] is { Entity.Kind: NodeKind.Place or NodeKind.State } where && tokens[where.End].Surface is ":" or "-" or "–")
        {
            j = where.End + 1; // "الرياض: استقبل …" — a dateline inside the paragraph
        }
        else if (tokens.Count > 1 && tokens[0].Norm is "بدوره" or "بدورها")
        {
            j = 1;
        }

        if (j > 0 && j < tokens.Count && tokens[j].Surface is "," or "،")
        {
            j++;
        }

        return analysis.SubjectAfterVerb(s, j) is { } m && IsSpeaker(m) ? m : null;
    }

    /// <summary>قالوا، اكدوا: a plural verb cannot continue a single speaker.</summary>
    private static bool IsPluralVerb(string form) => form.EndsWith("وا", StringComparison.Ordinal);

    private static int LastWord(IReadOnlyList<Token> tokens)
    {
        int k = tokens.Count;
        while (k > 0 && tokens[k - 1].IsPunctuation)
        {
            k--;
        }

        return k;
    }

    /// <summary>The speaker named after عن and before قوله: the first person there, else an organization right after عن.</summary>
    private EntityInfo? QuotedAfterAn(int s, int quoteWord)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        int an = quoteWord - 1;
        while (an >= 0 && quoteWord - an <= 12 && tokens[an].Norm != "عن")
        {
            an--;
        }

        // Everything between is the name and its title; a free word or a comma means عن belongs elsewhere.
        if (an < 0 || tokens[an].Norm != "عن" || Enumerable.Range(an + 1, quoteWord - an - 1).Any(j => analysis.Owner[s][j] is null))
        {
            return null;
        }

        for (int j = an + 1; j < quoteWord; j++)
        {
            if (analysis.Owner[s][j] is { Entity.Kind: NodeKind.Person } person)
            {
                return SpeakerEntity(person);
            }
        }

        return analysis.Owner[s][an + 1] is { } first && IsSpeaker(first) ? SpeakerEntity(first) : null;
    }

    /// <summary>"أنطونوف: “داعش” يقوم بتفريخ الإرهابيين …" — a headline that gives the speaker before a colon.</summary>
    private bool TryHeadline(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        int colon = -1;
        for (int i = 1; i < Math.Min(tokens.Count, 8); i++)
        {
            if (tokens[i].Surface == ":")
            {
                colon = i;
                break;
            }
        }

        if (colon < 0 || analysis.Owner[s][colon - 1] is not { } m || m.End != colon || m.Start > 2 || !IsSpeaker(m))
        {
            return false;
        }

        int end = ClaimEnd(s, colon + 1);
        if (end - colon - 1 < 3)
        {
            return false;
        }

        Claims.Add(new ClaimSpan(SpeakerEntity(m), s, colon + 1, end, ":", colon));
        return true;
    }

    /// <summary>"ووفقا لإحصاءات وكالة «رويترز»، قتل …" — attribution to a source.</summary>
    private bool TryAccordingTo(int s)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        // Only an attribution that opens the sentence governs it ("ووفقا لـ X، …"); a parenthetical
        // one ("وأكد الجبوري، بحسب البيان، أن …") leaves the main verb in charge.
        for (int i = 0; i < Math.Min(tokens.Count, 2); i++)
        {
            if (analysis.Cue(s, i) is not { Value: CueKind.According })
            {
                continue;
            }

            for (int j = i + 1; j < Math.Min(tokens.Count, i + 5); j++)
            {
                if (analysis.Owner[s][j] is { } m && IsSpeaker(m) && (m.Form != MentionForm.Title || m.Entity.Kind == NodeKind.Person))
                {
                    int start = MentionEnd(s, m);
                    while (start < tokens.Count && (!tokens[start].IsWord || tokens[start].Norm is "فان" or "فانه" or "فانها" || analysis.Owner[s][start]?.Entity == m.Entity))
                    {
                        start++; // "وبحسب مدير عام المؤسسة … يوسف قاسم فإن …": the content follows فإن
                    }

                    int end = ClaimEnd(s, start);
                    if (end - start >= 3)
                    {
                        Claims.Add(new ClaimSpan(SpeakerEntity(m), s, start, end, tokens[i].Surface, i));
                        return true;
                    }

                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>The subject right after a reporting verb: one mention, or several joined by و (أكدت اوبك وروسيا).</summary>
    internal List<EntityInfo> SpeakersAfter(int s, int from, out int end)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var speakers = new List<EntityInfo>();
        end = from;
        int j = from;
        // An addressee comes before the subject: "أعلن لوكالة الصحافة الفرنسية المتحدث باسم الجيش".
        while (j < tokens.Count && analysis.Owner[s][j] is { } addressee && addressee.Entity.Kind != NodeKind.Person
            && tokens[j].Norm.StartsWith('ل') && !tokens[j].Norm.StartsWith("ال", StringComparison.Ordinal))
        {
            j = addressee.End;
        }

        // "ويرى أستاذ العلاقات الدولية بمركز …، الدكتور سعيد اللاوندي، أن": a title set off by a comma
        // before the person it describes.
        // "أوضح رئيس لجنة الأوراق المالية في غرفة جدة محمد النفيعي أن": where the role is held may
        // come between (في + a body or place), as long as nothing but such words stands there.
        if (j < tokens.Count && analysis.Owner[s][j] is null && analysis.ParseTitle(s, j) is { } title)
        {
            int named = title.End < tokens.Count && tokens[title.End].Surface is "," or "،" ? title.End + 1 : title.End;
            while (named < tokens.Count && named - title.End <= 8 && analysis.Owner[s][named] is not { Entity.Kind: NodeKind.Person }
                && analysis.Cue(s, named) is null
                && (tokens[named].Norm == "في" || analysis.Owner[s][named] is { Entity.Kind: NodeKind.Place or NodeKind.State or NodeKind.Organization }
                    || (analysis.Owner[s][named] is null && tokens[named].IsWord
                        && (tokens[named].Forms.Any(f => _lex.OrganizationHeads.Contains(f) || _lex.TitleComplements.Contains(f))
                            || tokens[named].Norm.StartsWith("ال", StringComparison.Ordinal)))))
            {
                named++;
            }

            if (named < tokens.Count && analysis.Owner[s][named] is { Entity.Kind: NodeKind.Person })
            {
                j = named;
            }
        }

        // "وأشار البرلماني الألماني نوي", "قال الخبير في الشؤون السياسية تامر الزيادي": descriptive
        // words (and في before a definite word) before a known person.
        int k = j;
        while (k < tokens.Count && k - j < 6 && (analysis.Owner[s][k] is { Entity.Kind: NodeKind.State, Form: MentionForm.Demonym }
            || (analysis.Owner[s][k] is null && tokens[k].Norm.StartsWith("ال", StringComparison.Ordinal) && !_lex.IsFunctionWord(tokens[k].Norm))
            || (k > j && tokens[k].Norm == "في" && k + 1 < tokens.Count && tokens[k + 1].Norm.StartsWith("ال", StringComparison.Ordinal))))
        {
            k++;
        }

        if (k > j && k < tokens.Count && analysis.Owner[s][k] is { Entity.Kind: NodeKind.Person })
        {
            j = k;
        }

        // "وأوضح "الأسمري" أن": a speaker in quotation marks.
        bool quoted = j + 1 < tokens.Count && tokens[j].Kind == TokenKind.Quote && analysis.Owner[s][j + 1] is { Entity.Kind: NodeKind.Person } inQuotes
            && MentionEnd(s, inQuotes) < tokens.Count && tokens[MentionEnd(s, inQuotes)].Kind == TokenKind.Quote;
        if (quoted)
        {
            j++;
        }

        // "من جهته أكد …", honorifics: the subject may follow a title that resolved to a person.
        while (j < tokens.Count && analysis.Owner[s][j] is { } m && IsSpeaker(m))
        {
            EntityInfo e = SpeakerEntity(m);
            if (!speakers.Contains(e))
            {
                speakers.Add(e);
            }

            j = MentionEnd(s, m);
            end = j;
            if (j < tokens.Count && analysis.Owner[s][j] is { } next && IsSpeaker(next) && tokens[j].Norm.StartsWith('و'))
            {
                continue; // coordinated subject
            }

            break;
        }

        if (quoted && speakers.Count > 0 && end < tokens.Count && tokens[end].Kind == TokenKind.Quote)
        {
            end++;
        }

        if (speakers.Count == 0 && j < tokens.Count && ShortFormReferent(s, j) is { } referent)
        {
            speakers.Add(referent);
            end = j + 1;
        }

        return speakers;
    }

    /// <summary>Subject before the verb: "وكانت لجنة مكافحة الإرهاب الروسية أعلنت …", "السلطات … أن".</summary>
    private List<EntityInfo> SpeakerBefore(int s, int verbIndex)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        int j = verbIndex - 1;
        if (j > 0 && tokens[j].Norm == "قد")
        {
            j--; // "وكانت وزارة الخارجية المصرية قد أعلنت"
        }

        // "عادل آل عمر بدوره أشار", "X من جانبه قال": the aside stands between subject and verb.
        if (j >= 0 && tokens[j].Norm is "بدوره" or "بدورها" or "بدورهم")
        {
            j--;
        }
        else if (j >= 1 && tokens[j - 1].Norm == "من" && tokens[j].Norm is "جانبه" or "جانبها" or "جهته" or "جهتها" or "ناحيته" or "ناحيتها")
        {
            j -= 2;
        }

        // "الرئيس المصري عبدالفتاح السيسي، الذي أكد أن": a relative clause on the speaker (a person:
        // in "مستشار وزارة الدفاع لشؤون لبنان، الذي قال" the state ends someone's title).
        if (RelativeClauseAntecedent(s, j) is { } who)
        {
            return [who];
        }

        if (j >= 0 && analysis.Owner[s][j] is { } m && IsSpeaker(m) && m.End == j + 1)
        {
            int k = m.Start - 1;

            // Only when the subject opens the clause: "وكانت X أعلنت", "X أكد", "لكن X قال".
            if (k < 0 || tokens[k].Norm is "كان" or "كانت" or "وكان" or "وكانت" or "لكن" or "ولكن" or "بينما" or "فيما" or "ثم" || !tokens[k].IsWord)
            {
                return [SpeakerEntity(m)];
            }
        }

        // "وكان رئيس الوزراء الإثيوبي دانيئيل تسفاي قد ألقى … كلمة دعا فيها": the sentence opens with
        // its subject (after و/كان) and no other reporting verb intervenes.
        int open = 0;
        while (open < verbIndex && tokens[open].Norm is "و" or "كان" or "كانت" or "وكان" or "وكانت" or "ثم" or "كما")
        {
            open++;
        }

        if (open < verbIndex && analysis.Owner[s][open] is { } opener && opener.Entity.Kind is NodeKind.Person or NodeKind.Organization
            && !Enumerable.Range(open, verbIndex - open).Any(b => analysis.Cue(s, b) is { Value: CueKind.Stated or CueKind.Met }))
        {
            return [opener.Entity];
        }

        // "ويذكر أن نائب البرلمان الألماني، ألكسندر نوي، المنتمي لحزب … أشار": the clause's subject
        // stands earlier, with only modifiers (no other verb) in between.
        for (int b = verbIndex - 1; b >= 0 && verbIndex - b <= 12; b--)
        {
            if (analysis.Cue(s, b) is { Value: CueKind.Stated or CueKind.Met or CueKind.StatedParticiple })
            {
                break;
            }

            if (analysis.Owner[s][b] is { Entity.Kind: NodeKind.Person } person && person.Form != MentionForm.Title
                && (person.Start == 0 || s_complementizers.Contains(tokens[person.Start - 1].Norm) || OpensClause(tokens, person.Start)))
            {
                return [person.Entity];
            }
        }

        return [];
    }

    /// <summary>True when the mention at <paramref name="start"/> opens a clause: after أن (possibly with a title between) or at its start.</summary>
    private static bool OpensClause(IReadOnlyList<Token> tokens, int start)
    {
        for (int b = start - 1; b >= 0 && start - b <= 5; b--)
        {
            if (s_complementizers.Contains(tokens[b].Norm))
            {
                return true;
            }

            if (!tokens[b].IsWord)
            {
                continue;
            }
        }

        return false;
    }

    internal int MentionEnd(int s, Mention m)
    {
        // A title mention may have been resolved to a person; the owner array holds the widest span.
        int end = m.End;
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        while (end < tokens.Count && analysis.Owner[s][end] is { } next && next.Entity == m.Entity)
        {
            end = next.End;
        }

        return end;
    }

    internal static bool IsSpeaker(Mention m) =>
        m.Entity.Kind is NodeKind.Person or NodeKind.Organization
        || (m.Entity.Kind == NodeKind.State && m.Form is MentionForm.Name)
        || (m.Entity.Kind == NodeKind.Place && m.Entity.MetonymIso is not null);

    internal EntityInfo SpeakerEntity(Mention m)
    {
        if (m.Entity.Kind == NodeKind.Place && m.Entity.MetonymIso is { } iso && _lex.StatesByIso.TryGetValue(iso, out StateEntry? state))
        {
            return analysis.GetState(state); // موسكو تبدي مرونة: the capital speaks for the state
        }

        return m.Entity;
    }

    /// <summary>"الوزارة"، "المنظمة": a generic head that refers to the last organization with that head.</summary>
    private EntityInfo? ShortFormReferent(int s, int j)
    {
        Token t = analysis.Sentences[s].Tokens[j];
        string bare = Clitics.WithoutArticle(t.WithoutConjunction);
        if (!t.Norm.Contains("ال", StringComparison.Ordinal) || !_lex.OrganizationHeads.Contains(bare))
        {
            return null;
        }

        for (int k = s; k >= 0; k--)
        {
            for (int idx = analysis.Mentions[k].Count - 1; idx >= 0; idx--)
            {
                Mention m = analysis.Mentions[k][idx];
                if (m.Entity.Kind == NodeKind.Organization && m.Entity.HeadNoun == bare && (k < s || m.End <= j))
                {
                    m.Entity.AddAlias(Clitics.WithoutConjunction(t.Surface));
                    return m.Entity;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Where the stated content starts: after أن/إن, after SANA's "..", after a colon, inside a
    /// quote, after the preposition some verbs take (أكد على، أشار إلى، حذر من، أعرب عن), or — for
    /// verbs that take a direct object (أكد ضرورة …) — right after the subject.
    /// </summary>
    internal int? ClaimStart(int s, int from, string verbForm, bool droppedSubject)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        string verb = Clitics.WithoutConjunction(verbForm);
        int afterAdjuncts = AfterAdjuncts(tokens, from); // where a direct object would start: asked once, not per word
        for (int j = from; j < tokens.Count && j - from <= 30; j++)
        {
            Token t = tokens[j];
            if (t.Surface.StartsWith("..", StringComparison.Ordinal) || t.Surface == ":")
            {
                int k = j + 1;
                while (k < tokens.Count && (tokens[k].Kind == TokenKind.Quote || s_complementizers.Contains(tokens[k].Norm)))
                {
                    k++;
                }

                return k;
            }

            // A quote right after the subject (and its title) or the verb opens the content ("وقالت X
            // أمينة الصندوق "سيتمكن …"", "وقال “نستطيع …"), unless it closes around a short name
            // before أن (below).
            if (t.Kind == TokenKind.Quote)
            {
                // لإذاعة "ايه بي سي نيوز" ان …: a short quoted name with أن after it is where it was said.
                int close = j + 1;
                while (close < tokens.Count && tokens[close].Kind != TokenKind.Quote && close - j <= 6)
                {
                    close++;
                }

                bool quotedName = close < tokens.Count && close - j <= 6 && tokens[close].Kind == TokenKind.Quote
                    && close + 1 < tokens.Count && s_complementizers.Contains(tokens[close + 1].Norm);
                if (quotedName)
                {
                    return close + 2;
                }

                // وقالت منظمة "أطباء بلا حدود"، في بيان، إن …؛ كشفت «فلاي دبي» عن …: the quote holds the
                // speaker's name, not what was said; the content opens after it.
                if (close < tokens.Count && close - j <= 8 && tokens[close].Kind == TokenKind.Quote && j + 1 < close
                    && analysis.Owner[s][j + 1] is { } quoted && IsSpeaker(quoted) && MentionEnd(s, quoted) <= close + 1)
                {
                    j = close;
                    continue;
                }

                int content = j + 1;
                // «إن البرلمان …»: the content after the complementizer, as after أن outside quotes (not
                // «لأن …» nor a conditional «إن لم …»).
                if (content + 1 < tokens.Count && s_complementizers.Contains(tokens[content].Norm) && tokens[content].Norm != "لان"
                    && tokens[content + 1].Norm is not ("لم" or "لن" or "كان" or "كانت"))
                {
                    content++;
                }

                return content;
            }

            if (s_complementizers.Contains(t.Norm) || s_complementizers.Contains(t.WithoutConjunction))
            {
                return j + 1;
            }

            if (s_prepositionalComplements.Contains(t.Norm) && TakesPreposition(verb, t.Norm) && (j == from || !ComplementizerAhead(tokens, j)))
            {
                // "ودعا المجتمع الدولي إلى تحمل …"، "وأكد حرصهما على …": the verb's object comes before
                // the preposition, and the content starts with it.
                int objectStart = afterAdjuncts;
                if (j > objectStart && IsObjectBefore(tokens, objectStart, j))
                {
                    return objectStart;
                }

                int k = j + 1;
                if (k < tokens.Count && s_complementizers.Contains(tokens[k].Norm))
                {
                    k++;
                }

                return k;
            }

            if (j == afterAdjuncts && t.IsWord && !droppedSubject && s_directObjectVerbs.Contains(verb) && (!_lex.IsFunctionWord(t.Norm) || t.Norm == "ما")
                && analysis.Owner[s][j] is null && !ComplementizerAhead(tokens, j))
            {
                return j; // أكد معالي الأمين العام ضرورة أن …؛ أعلن الجيش، أمس، تعيين …
            }

            // Adjuncts between subject and content: "في بيان لها اليوم", "للصحفيين عقب اجتماع …".
            if (analysis.Cue(s, j) is { Value: CueKind.Stated } && j > from)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Skips commas and time words between a subject and a direct object: "، أمس، ".</summary>
    private static int AfterAdjuncts(IReadOnlyList<Token> tokens, int from)
    {
        int j = from;
        while (j < tokens.Count)
        {
            if (tokens[j].Surface is "," or "،" || tokens[j].Norm is "امس" or "اليوم" or "الخميس" or "الاربعاء" or "الثلاثاء" or "الاثنين" or "الاحد" or "السبت" or "الجمعه")
            {
                j++;
            }
            else if (tokens[j].Norm == "في" && j + 2 < tokens.Count && tokens[j + 1].Norm == "الوقت" && tokens[j + 2].Norm is "نفسه" or "ذاته")
            {
                j += 3; // "أكد في الوقت نفسه تفهمه …"
            }
            else if (NominalClaimAfterAdjunct(tokens, j) is int head)
            {
                j = head; // "خلال اللقاء الذي جرى في مقر الوزارة أهمية …"، "في ختام أعمال اللجنة حرصهما …"
            }
            else if (tokens[j].Norm is "خلال" or "عقب" or "اثناء" or "لدي" && j + 1 < tokens.Count && tokens[j + 1].Norm.StartsWith("ال", StringComparison.Ordinal))
            {
                j += 2; // "أكد خلال الاتصال موقف …"
            }
            else if (tokens[j].Surface == "(" && j + 2 < tokens.Count && tokens[j + 2].Surface == ")")
            {
                j += 3; // "اليوم (الأحد)"
            }
            else
            {
                break;
            }
        }

        return j;
    }

    /// <summary>How many words a phrase between a subject and a verbal-noun object may hold.</summary>
    private const int MaxAdjunctWords = 12;

    /// <summary>
    /// Where a verbal noun that opens the claim stands after a longer adjunct opening at
    /// <paramref name="j"/> (a prepositional phrase, a relative clause on it, a dash aside), or null:
    /// found before any complementizer, colon, quote or full stop — then the content opens there instead.
    /// </summary>
    private static int? NominalClaimAfterAdjunct(IReadOnlyList<Token> tokens, int j)
    {
        if (!s_longAdjunctOpeners.Contains(tokens[j].Norm) && tokens[j].Surface is not ("-" or "–"))
        {
            return null;
        }

        for (int k = j + 1; k < tokens.Count && k - j <= MaxAdjunctWords; k++)
        {
            Token t = tokens[k];
            if (s_complementizers.Contains(t.Norm) || t.Kind == TokenKind.Quote || t.Surface is "." or ":" or "؟" or "!")
            {
                return null;
            }

            if (t.IsWord && IsNominalClaimHead(t.Norm))
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>اهمية، حرصهما، رغبتهما: a verbal noun of the list, bare or with a pronoun.</summary>
    private static bool IsNominalClaimHead(string norm)
    {
        if (s_nominalClaimHeads.Contains(norm))
        {
            return true;
        }

        foreach (string suffix in s_pronounSuffixes)
        {
            if (norm.Length > suffix.Length + 2 && norm.EndsWith(suffix, StringComparison.Ordinal))
            {
                string stem = norm[..^suffix.Length];
                // A noun in ة takes ت before the pronoun: رغبة → رغبتهما.
                if (s_nominalClaimHeads.Contains(stem) || (stem.EndsWith('ت') && s_nominalClaimHeads.Contains(stem[..^1] + "ه")))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] s_pronounSuffixes = ["هما", "هم", "ها", "نا", "ه"];
    private static readonly WordSet s_nominalClaimHeads = WordSets.Set("nominal-claim-heads");
    private static readonly WordSet s_longAdjunctOpeners = WordSets.Set("long-adjunct-openers");

    /// <summary>
    /// Whether the words before a verb's preposition are its object ("المواطنين" in "دعا … المواطنين
    /// إلى"): a few plain words, no punctuation, not opened by a preposition or
    /// another function word (an adjunct such as "في بيان له" or "للصحفيين" is not the object).
    /// </summary>
    private bool IsObjectBefore(IReadOnlyList<Token> tokens, int start, int preposition)
    {
        string first = tokens[start].Norm;
        if (preposition - start > 4 || !tokens[start].IsWord || (_lex.IsFunctionWord(first) && !s_objectQuantifiers.Contains(first))
            || s_adjunctPrefixes.Any(p => first.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }

        for (int k = start; k < preposition; k++)
        {
            if (!tokens[k].IsWord)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] s_adjunctPrefixes = [.. WordSets.Get("adjunct-prefixes")];
    private static readonly WordSet s_objectQuantifiers = WordSets.Set("object-quantifiers");

    /// <summary>
    /// Whether أن/إن opens within a few words from <paramref name="j"/>, past punctuation and an aside
    /// ("وبيّن السهلي، أن …"، "وبين محمود عبدالشكور من جهته أن …"، "وبيّن وليد الزايد –موظف- أنه …"), before
    /// another reporting verb: how بين "explained" is told from بين "between". A title set off by commas
    /// may stand between ("وبين الأستاذ X، منسق لجنة الفنون التشكيلية والخط العربي أن …"), and أن
    /// closes it or follows its closing comma at once.
    /// </summary>
    internal bool ComplementizerSoonAfter(int s, int j)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        for (int k = j; k < tokens.Count && k - j <= 4; k++)
        {
            if (s_complementizers.Contains(tokens[k].Norm))
            {
                return true;
            }

            if (analysis.Cue(s, k) is { Value: CueKind.Stated } || tokens[k].Surface is "." or "؟" or "!")
            {
                return false;
            }
        }

        return ComplementizerAfterAppositive(s, j);
    }

    /// <summary>How many words an appositive title between commas may hold.</summary>
    private const int MaxAppositiveWords = 10;

    private bool ComplementizerAfterAppositive(int s, int j)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (j >= tokens.Count || tokens[j].Surface is not ("،" or ","))
        {
            return false;
        }

        for (int k = j + 1; k < tokens.Count && k - j <= MaxAppositiveWords + 1; k++)
        {
            if (s_complementizers.Contains(tokens[k].Norm))
            {
                return true;
            }

            if (tokens[k].Surface is "،" or ",")
            {
                return k + 1 < tokens.Count && s_complementizers.Contains(tokens[k + 1].Norm);
            }

            if (analysis.Cue(s, k) is not null || (tokens[k].IsPunctuation && tokens[k].Surface is not ("\"" or "«" or "»")))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>True when أن/إن follows within a few words: the content starts there, not at this word.</summary>
    private static bool ComplementizerAhead(IReadOnlyList<Token> tokens, int j)
    {
        for (int k = j + 1; k < tokens.Count && k - j <= 2; k++)
        {
            if (s_complementizers.Contains(tokens[k].Norm))
            {
                return k - j <= 1;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a reporting verb takes its content after this preposition (أكد على، أشار إلى، حذر من،
    /// أعلن عن). The verbs are listed by the stems their forms start with, one set per preposition.
    /// </summary>
    private static bool TakesPreposition(string verb, string preposition) =>
        s_prepositionVerbStems.TryGetValue(preposition, out HashSet<string>? stems) && stems.Any(stem => verb.StartsWith(stem, StringComparison.Ordinal));

    private static readonly Dictionary<string, HashSet<string>> s_prepositionVerbStems = new(StringComparer.Ordinal)
    {
        ["علي"] = WordSets.Get("verb-stems-taking-ala"),
        ["الي"] = WordSets.Get("verb-stems-taking-ila"),
        ["من"] = WordSets.Get("verb-stems-taking-min"),
        ["عن"] = WordSets.Get("verb-stems-taking-an"),
    };

    /// <summary>
    /// Where the stated content ends: the end of the sentence, or a new finite reporting clause
    /// ("… لكنه اكد ان", "… وقال إن"). Participial continuations (مضيفا، مشيرا) stay in the claim,
    /// as annotators keep them with the clause they continue.
    /// </summary>
    internal int ClaimEnd(int s, int start)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        foreach (int j in ClauseBreaks(s))
        {
            if (j > start)
            {
                return WithoutTrailingPunctuation(tokens, start, j);
            }
        }

        return WithoutTrailingPunctuation(tokens, start, tokens.Count);
    }

    /// <summary>
    /// Where a new finite reporting clause opens in sentence <paramref name="s"/>, in order: found
    /// once per sentence, as every statement candidate of the sentence asks where its claim ends.
    /// </summary>
    private List<int> ClauseBreaks(int s)
    {
        _clauseBreaks ??= new List<int>?[analysis.Sentences.Count];
        if (_clauseBreaks[s] is { } known)
        {
            return known;
        }

        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        var breaks = new List<int>();
        for (int j = 1; j < tokens.Count; j++)
        {
            Token t = tokens[j];
            if ((analysis.Cue(s, j) is { Value: CueKind.Stated } cue && cue.ViaClitic && t.Norm[0] is 'و' or 'ف' && IsClauseVerb(s, j, cue.End))
                || (t.Norm is "لكنه" or "لكنها" or "كما" or "حيث" or "ثم" && j + 1 < tokens.Count && analysis.Cue(s, j + 1) is { Value: CueKind.Stated }))
            {
                breaks.Add(j);
            }
        }

        _clauseBreaks[s] = breaks;
        return breaks;
    }

    private List<int>?[]? _clauseBreaks;

    private static int WithoutTrailingPunctuation(IReadOnlyList<Token> tokens, int start, int end)
    {
        while (end > start + 1 && tokens[end - 1].IsPunctuation)
        {
            end--;
        }

        return end;
    }

    /// <summary>A reporting verb starts a new clause when a complement or a subject follows it.</summary>
    private bool IsClauseVerb(int s, int verb, int after)
    {
        IReadOnlyList<Token> tokens = analysis.Sentences[s].Tokens;
        if (after >= tokens.Count)
        {
            return false;
        }

        Token t = tokens[after];
        // A title after the verb is its subject too (وقال وزير خارجية عمان إن …), named or not.
        return t.Surface.StartsWith("..", StringComparison.Ordinal) || t.Surface == ":" || s_complementizers.Contains(t.Norm)
            || analysis.Owner[s][after] is { } m && IsSpeaker(m) || s_prepositionalComplements.Contains(t.Norm)
            || analysis.Title(s, after) is not null;
    }
}
