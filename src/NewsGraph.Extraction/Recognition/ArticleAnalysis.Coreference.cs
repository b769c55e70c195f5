using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>Persons and their later mentions: surnames, titles alone, honorific pronouns.</summary>
internal sealed partial class ArticleAnalysis
{
    private EntityInfo AddPerson(int s, int start, int end, bool? conjunction = null)
    {
        string surface = PersonSurface(s, start, end, conjunction);
        string norm = PersonNorm(surface);
        // A one-word name after a title is a surname of someone already named ("الجنرال أباه").
        // A one-word name after a title, or a name opening with a particle ("ولد عبد العزيز"), may be
        // the surname of someone already named.
        EntityInfo? person = FindPersonByName(norm)
            ?? (norm.Count(c => c == ' ') <= 1 || s_nameParticles.Contains(norm.Split(' ')[0]) ? FindPersonBySurname(norm) : null);
        if (person is null && end - start == 1 && TwoWordSurnameAt(s, start, norm) is { } named)
        {
            // "ودعا رضائي منش" after "حسين رضائي منش": a name cut after the first word of a two-word surname.
            person = named;
            end++;
            surface = PersonSurface(s, start, end, conjunction);
        }

        if (person is null)
        {
            string key = GraphKeys.Person(norm);
            person = GetOrAdd(key, () => new EntityInfo(key, NodeKind.Person, surface));
        }
        else
        {
            person.OfferName(surface);
        }

        ReleasePlacesWithin(s, start, end);
        AddMention(s, start, end, person, MentionForm.Name);
        IndexSurnames(person);
        return person;
    }

    /// <summary>
    /// The person whose two-word surname (<see cref="SurnamesOf"/>) the word at <paramref name="start"/>
    /// (<paramref name="firstNorm"/>) opens with the next, unclaimed word; introduced by sentence
    /// <paramref name="beforeSentence"/> at the latest.
    /// </summary>
    private EntityInfo? TwoWordSurnameAt(int s, int start, string firstNorm, int beforeSentence = int.MaxValue)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        int next = start + 1;
        return next < tokens.Count && tokens[next].IsWord && Owner[s][next] is null && _surnameFilter.MayHold(firstNorm) && _surnameHeads.Contains(firstNorm)
            ? FindPersonBySurname(firstNorm + " " + SingleWordPersonNorm(tokens[next].Norm), beforeSentence)
            : null;
    }

    /// <summary>
    /// The name a person span gives: without a conjunction or preposition glued to its first word
    /// (<paramref name="conjunction"/> says whether there is one when the caller knows better).
    /// </summary>
    private string PersonSurface(int s, int start, int end, bool? conjunction = null)
    {
        // "ونيلسون مانديلا": the conjunction is not part of the name (وليد، وائل are names themselves).
        // ف is a conjunction before a name far more rarely than it starts one (فهيد، فواز، فالح): it is
        // split off only when a known given name remains ("فمحمد").
        Token first = Sentences[s].Tokens[start];
        // (The ANERcorp-derived list holds و-forms such as "واحمد": a first name after the و wins.)
        // Likewise a preposition ل or ب before a first name ("لفايز المالكي"), unless the whole word is one (بشار، لؤي).
        conjunction ??= first.Norm.Length > 3
            && ((first.Norm[0] == 'و' && (!_lex.FirstNames.Contains(first.Norm) || _lex.FirstNames.Contains(first.Norm.AsSpan(1))))
                || (first.Norm[0] == 'ف' && _lex.GivenNames.Contains(first.Norm.AsSpan(1)))
                || (IsPrepositionOnName(first.Norm) && !_lex.FirstNames.Contains(first.Norm)));
        return conjunction.Value
            ? ArticleText.SpanWithoutClitic(Sentences[s], _text, start, end, first.Norm[1..])
            : ArticleText.Span(Sentences[s], _text, start, end);
    }

    /// <summary>Normalized person name; "عبد الله" and "عبدالله" are the same name.</summary>
    public static string PersonNorm(string surface) =>
        ArabicText.Normalize(surface).Replace("عبد ال", "عبدال", StringComparison.Ordinal).Replace("ابو ", "ابو", StringComparison.Ordinal);

    /// <summary>
    /// <see cref="PersonNorm"/> of one token form, computed once per form and article: every
    /// unclaimed word of every sentence is looked up as a surname.
    /// </summary>
    private string SingleWordPersonNorm(string form)
    {
        if (!_singleWordNorms.TryGetValue(form, out string? norm))
        {
            norm = PersonNorm(form);
            _singleWordNorms[form] = norm;
        }

        return norm;
    }

    private readonly Dictionary<string, string> _singleWordNorms = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <see cref="PersonNorm"/> of <paramref name="form"/> is the form itself, proven from its
    /// letters: only Arabic base letters that folding keeps (no hamza-carrying alef, alef maqsura, teh
    /// marbuta, tatweel, no marks or digits). NFKC leaves such letters as they are (none decomposes
    /// by compatibility, and no combining mark follows to compose with), folding keeps each, and
    /// without a space neither of the name rewrites applies.
    /// </summary>
    private static bool IsOwnPersonNorm(string form)
    {
        if (form.Length == 0)
        {
            return false;
        }

        foreach (char c in form)
        {
            int offset = c - FirstPlainLetter;
            if ((uint)offset >= (uint)s_plainLetters.Length || !s_plainLetters[offset])
            {
                return false;
            }
        }

        return true;
    }

    private const char FirstPlainLetter = '\u0621';

    /// <summary>Per character from ء to ي: an Arabic letter that <see cref="ArabicText.Fold"/> keeps as it is.</summary>
    private static readonly bool[] s_plainLetters = Enumerable.Range(FirstPlainLetter, '\u064A' - FirstPlainLetter + 1)
        .Select(c => ArabicText.IsArabicLetter((char)c) && ArabicText.Fold((char)c) == (char)c).ToArray();

    /// <summary>The name without its بن/ابن/بنت links and the fathers' names they introduce.</summary>
    private static string[] WithoutLineage(string[] words)
    {
        var kept = new List<string>(words.Length);
        for (int k = 0; k < words.Length; k++)
        {
            if (words[k] is "بن" or "ابن" or "بنت" && k > 0 && k + 1 < words.Length)
            {
                k++; // the link and the name after it
                continue;
            }

            kept.Add(words[k]);
        }

        return [.. kept];
    }

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

            foreach (string[] kw in e.NameForms(PersonNorm))
            {
                // Every match below shares the first word; most known persons do not.
                if (kw[0] != words[0])
                {
                    continue;
                }

                if (kw.AsSpan().SequenceEqual(words))
                {
                    return e;
                }

                if (words.Length >= 2 && kw.Length >= 2 && (IsPrefix(words, kw) || IsPrefix(kw, words)))
                {
                    return e;
                }

                // "ماجد الحقيل" is "ماجد بن عبدالله الحقيل" without his father's name.
                if (words.Length >= 2 && kw.Length >= 2 && (WithoutLineage(kw).SequenceEqual(words) || WithoutLineage(words).SequenceEqual(kw)))
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
        if (_surnames.Count == 0 || !_surnameFilter.MayHold(norm) || !_surnames.TryGetValue(norm, out List<EntityInfo>? people))
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

    /// <summary>
    /// Every part of a surname in <see cref="_surnames"/> that a space ends ("دي" of "دي ميستورا"): every
    /// unclaimed word is asked whether it opens a two-word surname with the next, and few can; those
    /// that cannot are answered without building the pair.
    /// </summary>
    private readonly HashSet<string> _surnameHeads = new(StringComparer.Ordinal);

    /// <summary>
    /// Every key of <see cref="_surnames"/> and <see cref="_surnameHeads"/>: every unclaimed word of
    /// every sentence is asked about, and few are either; the filter answers most without hashing.
    /// Surnames are only ever added, so it never says no to one.
    /// </summary>
    private readonly WordFilter _surnameFilter = new(SurnameFilterBits);

    /// <summary>4,096 bits: an article names a few dozen people, each with a few surnames.</summary>
    private const int SurnameFilterBits = 12;

    private void IndexSurnames(EntityInfo person)
    {
        foreach (string surname in Surnames(person))
        {
            if (!_surnames.TryGetValue(surname, out List<EntityInfo>? people))
            {
                people = [];
                _surnames[surname] = people;
                _surnameFilter.Add(surname);
                for (int space = surname.IndexOf(' ', StringComparison.Ordinal); space >= 0; space = surname.IndexOf(' ', space + 1))
                {
                    _surnameHeads.Add(surname[..space]);
                    _surnameFilter.Add(surname[..space]);
                }
            }

            if (!people.Contains(person))
            {
                people.Add(person);
            }
        }
    }

    /// <summary>The surnames a person may be named by later; computed once per name (every surname lookup checks them).</summary>
    private IReadOnlyList<string> Surnames(EntityInfo person)
    {
        if (!_surnamesOfName.TryGetValue(person.Name, out string[]? surnames))
        {
            surnames = [.. SurnamesOf(person.Name)];
            _surnamesOfName[person.Name] = surnames;
        }

        return surnames;
    }

    private readonly Dictionary<string, string[]> _surnamesOfName = new(StringComparer.Ordinal);

    private IEnumerable<string> SurnamesOf(string name)
    {
        string[] words = PersonNorm(name).Split(' ');
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
            // Two-word family names (حسين رضائي منش، أوكتاي صاري قايا، رسول طاهري زاده) are repeated
            // whole; a first name before the last word is the father's (عادل أحمد الجبير), not a surname.
            if (words.Length >= 3 && words[^2] is not ("بن" or "ابن" or "بنت") && !_lex.FirstNames.Contains(words[^2]))
            {
                yield return words[^2] + " " + last;
            }

            yield return last;
            // "السفير قطان" for أحمد القطان: the family name without its article, unless that is a
            // first name or an ordinary word (خالد الحمد is not "حمد").
            string bare = Clitics.WithoutArticle(last);
            if (bare != last && !_lex.FirstNames.Contains(bare) && !_lex.CommonWords.Contains(bare) && !_lex.IsFunctionWord(bare))
            {
                yield return bare;
            }
        }

        // Family names that run from a particle to the end: ولد محمد سالم، آل ثاني.
        for (int k = 1; k < words.Length - 2; k++)
        {
            if (words[k] is "ولد" or "ال") // "آل" normalizes to "ال"
            {
                yield return string.Join(' ', words[k..]);
            }
        }
    }

    /// <summary>Later mentions by surname: "وأكد أنطونوف", "الرئيس بخاري".</summary>
    private void ResolveSurnames(int s)
    {
        if (_surnames.Count == 0)
        {
            return; // no person named yet: no surname to find
        }

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
                // Longer surnames start with a particle (دي ميستورا، بن عيسى، ولد محمد سالم); only then are
                // two to four words looked up, longest first.
                EntityInfo? person = null;
                int end = i + 1;
                if (s_nameParticles.Contains(form))
                {
                    for (int k = Math.Min(tokens.Count, i + 4); k >= i + 2 && person is null; k--)
                    {
                        if (Enumerable.Range(i + 1, k - i - 1).All(x => tokens[x].IsWord && Owner[s][x] is null))
                        {
                            person = FindPersonBySurname(PersonNorm(form + " " + string.Join(' ', tokens.Skip(i + 1).Take(k - i - 1).Select(t => t.Norm))), horizon);
                            end = k;
                        }
                    }
                }

                // Most words are no surname and do not open one, and most are plain letters that
                // PersonNorm leaves as they are: the filter turns those away here, without their norm's
                // memo (a hash per word and form, and a dictionary that grew by every distinct form).
                if (person is null && !_surnameFilter.MayHold(form) && IsOwnPersonNorm(form))
                {
                    continue;
                }

                string formNorm = SingleWordPersonNorm(form);
                if (person is null && TwoWordSurnameAt(s, i, formNorm, horizon) is { } named)
                {
                    person = named;
                    end = i + 2;
                }

                if (person is null)
                {
                    person = FindPersonBySurname(formNorm, horizon);
                    end = i + 1;
                }

                if (person is null)
                {
                    continue;
                }


                // Do not split a longer unknown name: "بخاري دان مالام" is someone else than محمد بخاري.
                if (end < tokens.Count && tokens[end].Kind == TokenKind.Word && Owner[s][end] is null && !FollowedByNameBoundary(s, end)
                    && !_lex.CommonWords.Contains(tokens[end].Norm) && !tokens[end].Norm.StartsWith("ال", StringComparison.Ordinal) && !HasTanween(tokens[end])
                    && !IsPrepositionWithArticle(tokens[end].Norm) && !IsPrepositionalCommonWord(tokens[end])
                    && !(tokens[end].Norm.Length > 3 && tokens[end].Norm[0] is 'ل' or 'ب' && _lex.CommonWords.Contains(tokens[end].Norm[1..]))) // "وقال العمير للنعيمي", "والدبل لتقريب": not more name
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
            // "وقال معالي وزير الخارجية" after "وزير الخارجية عادل الجبير … مع وزير الخارجية الإيطالي":
            // a title without a demonym is the article's own official before a foreign one, then
            // the holder named last.
            bool bare = !words.Any(IsDemonymWord);
            string mentionHead = words.FirstOrDefault(w => !IsHonorific(w)) ?? string.Empty;
            EntityInfo? best = null;
            (bool Head, bool Demonym, bool Home, int Sentence) bestRank = (false, false, false, -1);
            foreach (EntityInfo e in _entities.Values)
            {
                if (e.Kind != NodeKind.Person || e.TitleWords.Count == 0 || e.FirstSentence > s)
                {
                    continue;
                }

                if (!words.All(w => e.TitleWords.Contains(w) || IsHonorific(w) || (IsDemonymWord(w) && !e.TitleWords.Any(IsDemonymWord))))
                {
                    continue;
                }

                // Better still: a title that opens with the same word ("الرئيس المصري" is a president,
                // not a deputy prime minister), and one that names the same state.
                (bool Head, bool Demonym, bool Home, int Sentence) rank = (
                    mentionHead.Length > 0 && e.Titles.Any(t => TitleHead(t) == mentionHead),
                    !bare && words.Where(IsDemonymWord).All(e.TitleWords.Contains),
                    bare && !e.TitleWords.Any(IsDemonymWord),
                    e.LastMentionSentence(s));
                if (best is null || Better(rank, bestRank))
                {
                    best = e;
                    bestRank = rank;
                }
            }

            if (best is not null)
            {
                AddMention(s, title.Start, title.End, best, MentionForm.Title);
            }
        }
    }

    private static bool Better((bool Head, bool Demonym, bool Home, int Sentence) a, (bool Head, bool Demonym, bool Home, int Sentence) b) =>
        a.Head != b.Head ? a.Head : a.Demonym != b.Demonym ? a.Demonym : a.Home != b.Home ? a.Home : a.Sentence >= b.Sentence;

    /// <summary>The first word of a title, as title words are compared: "نائب رئيس مجلس الوزراء" → "نائب".</summary>
    private string TitleHead(string title)
    {
        // Every title-only mention ranks every titled person by it: computed once per title.
        if (!_titleHeads.TryGetValue(title, out string? head))
        {
            head = ArabicText.Normalize(title).Split(' ').Select(EntityInfo.TitleWord).FirstOrDefault(w => !_lex.IsFunctionWord(w) && !IsHonorific(w)) ?? string.Empty;
            _titleHeads[title] = head;
        }

        return head;
    }

    private readonly Dictionary<string, string> _titleHeads = new(StringComparer.Ordinal);

    /// <summary>
    /// A demonym in a title ("وزير الخارجية الأردني"): a holder whose title names no state still
    /// matches (the article's own minister), one whose title names another state does not.
    /// </summary>
    private bool IsDemonymWord(string titleWord) =>
        _lex.States.TryGet("ال" + titleWord, out StateHit hit) && hit.Form == StateForm.Demonym;

    private static readonly IReadOnlySet<string> s_honorificPronouns = WordSets.Set("honorific-pronouns");

    /// <summary>"وأكد سموه …", "معاليه": an honorific with a pronoun refers to the person last named.</summary>
    private void ResolveHonorificPronouns(int s)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (Owner[s][i] is not null || tokens[i].FirstFormIn(s_honorificPronouns) is not { } pronoun)
            {
                continue;
            }

            string honorific = pronoun switch
            {
                "سموه" => "سمو",
                "معاليه" => "معالي",
                "فخامته" => "فخامه",
                "سعادته" => "سعاده",
                "جلالته" => "جلاله",
                "سماحته" => "سماحه",
                _ => string.Empty,
            };
            if (HonorificReferent(s, i, honorific) is { } person)
            {
                _honorificReferents[honorific] = person;
                AddMention(s, i, i + 1, person, MentionForm.Title);
            }
        }
    }

    /// <summary>
    /// Whom the honorific names: the last holder of that honorific; else whom the same honorific
    /// named before ("وأوضح معاليه … ونوه معاليه"); else the person a recent sentence opened with (the
    /// article's protagonist: "أعرب وزير الخارجية X …. وأوضح معاليه"), not whoever was named last
    /// ("… مع الممثلة العليا فيديريكا موغيريني"). A method of its own so that the lambda's closure is
    /// allocated only for honorifics, not for every token of the scan.
    /// </summary>
    private EntityInfo? HonorificReferent(int s, int i, string honorific) =>
        LastPersonBefore(s, i, p => p.TitleWords.Contains(honorific))
            ?? (_honorificReferents.TryGetValue(honorific, out EntityInfo? same) ? same : null)
            ?? RecentOpeningSubject(s, i)
            ?? LastPersonBefore(s, i, _ => true);

    private readonly Dictionary<string, EntityInfo> _honorificReferents = new(StringComparer.Ordinal);

    /// <summary>
    /// The person right after the verb that opens this sentence (before <paramref name="i"/>) or one
    /// of the three before it ("أعرب وزير الخارجية X …"), nearest first.
    /// </summary>
    private EntityInfo? RecentOpeningSubject(int s, int i)
    {
        for (int k = s; k >= 0 && s - k <= 3; k--)
        {
            if (SubjectAfterVerb(k, 0) is { Entity.Kind: NodeKind.Person } m && (k < s || m.End <= i))
            {
                return m.Entity;
            }
        }

        return null;
    }

    private EntityInfo? LastPersonBefore(int s, int i, Func<EntityInfo, bool> accept)
    {
        for (int k = s; k >= 0 && s - k <= 3; k--)
        {
            Mention? last = null;
            foreach (Mention m in Mentions[k])
            {
                if (m.Entity.Kind == NodeKind.Person && accept(m.Entity) && (k < s || m.End <= i) && (last is null || m.Start >= last.Start))
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
}
