using NewsGraph.Core.Graph;
using NewsGraph.Core.Text;
using NewsGraph.Extraction.Lexicon;
using NewsGraph.Extraction.Ner;
using NewsGraph.Extraction.Text;

namespace NewsGraph.Extraction.Recognition;

/// <summary>Where a person's name starts and ends.</summary>
internal sealed partial class ArticleAnalysis
{
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
        int taggedLast = -1; // a family name the tagger kept (TaggedFamilyName): not trimmed below
        while (j < tokens.Count && counted < MaxNameTokens)
        {
            Token t = tokens[j];
            if (t.Kind != TokenKind.Word || (Owner[s][j] is { } owner && !IsFamilyNameReadAsPlace(s, words, j, owner, anchor)))
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

                // "برهان الدين ألتنطاش": a din compound opens a name even when its first half reads as ب + a word.
                if (words.Count == 0 && !IsDinCompound(tokens, j) && (CannotStartName(t) || IsPrepositionalConstruct(tokens, j) || IsOrdinaryPhrase(tokens, j)))
                {
                    return null;
                }

                if (!IsFamilyNameAfterChain(s, words, j) && CannotContinueName(t, words.Count))
                {
                    if (!TaggedFamilyName(s, words, j) && !IsFamilyNameBeforeBoundary(s, words, j))
                    {
                        break;
                    }

                    taggedLast = j;
                }
                else if (words.Count >= 2 && s_familyNameClosers.Contains(n))
                {
                    taggedLast = j; // "مجيد رضائي فر"، "محمد رضا نعمت زاده": the closer is the name's last word
                }
            }

            words.Add(j);
            if (!s_nameParticles.Contains(n))
            {
                counted++;
            }

            j++;
        }

        // Trim trailing common words, verbs and dangling particles, keeping at least two words, and
        // keeping the family name that closes a بن chain even when it is also a word (بن سعد العامر).
        while (words.Count > 0 && words[^1] != taggedLast && (s_nameParticles.Contains(tokens[words[^1]].Norm)
            || (words.Count > 2 && !_lex.GivenNames.Contains(tokens[words[^1]].Norm) && !IsFamilyNameAfterChain(s, words[..^1], words[^1])
                && tokens[words[^2]].Norm is not ("بن" or "بنت" or "ابن") // the father's name after بن, even a word: عبدالله بن مساعد
                && (_lex.CommonWords.Contains(tokens[words[^1]].Norm) || IsUnlistedImperfectVerb(tokens[words[^1]].Norm)))))
        {
            words.RemoveAt(words.Count - 1);
        }

        // "باراك أوباما طعام العشاء": a common noun and its definite complement after a full name
        // are the next phrase (not after بن, where the noun is a father's name: بن سعد الحربي).
        while (words.Count >= 4 && IsNounAndComplement(tokens[words[^2]], tokens[words[^1]])
            && !s_nameParticles.Contains(tokens[words[^2]].Norm) && !s_nameParticles.Contains(tokens[words[^3]].Norm))
        {
            words.RemoveRange(words.Count - 2, 2);
        }

        // "مدير جوازات منطقة المدينة المنورة": a common word in construct with the place, state or
        // organization after it is part of a title, not the end of a name.
        while (words.Count > 0 && IsCommonNotName(tokens[words[^1]].Norm) && words[^1] + 1 < tokens.Count
            && Owner[s][words[^1] + 1] is { Entity.Kind: NodeKind.Place or NodeKind.State or NodeKind.Organization })
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 2 && IsCommonNotName(tokens[words[1]].Norm) && !FollowedByNameBoundary(s, words[1] + 1))
        {
            words.RemoveAt(1);
        }

        // "عبدالستار بيرقدار إيعاز الادعاء العام": a last word of no list before a definite word may
        // be a noun in construct with it; the tagger, asked about a few words, decides.
        if (words.Count >= 3 && words[^1] + 1 < tokens.Count && !s_nameParticles.Contains(tokens[words[^2]].Norm)
            && tokens[words[^1] + 1].Norm.StartsWith("ال", StringComparison.Ordinal) && Owner[s][words[^1] + 1] is null
            && !_lex.FirstNames.Contains(tokens[words[^1]].Norm) && !tokens[words[^1]].Norm.StartsWith("ال", StringComparison.Ordinal)
            && _ner is not null && NerWindowTags(s, _ner, [words[^1]])[words[^1]] == "O")
        {
            words.RemoveAt(words.Count - 1);
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
        else if ((IsCommonNotName(firstNorm) && IsCommonNotName(tokens[words[1]].Norm) && !FollowedByNameBoundary(s, words[^1] + 1))
            || IsNounAndComplement(tokens[words[0]], tokens[words[1]]))
        {
            return null;
        }
        else if (!_lex.FirstNames.Contains(firstNorm) && !IsNameDespiteFolding(tokens[words[0]]) && !TaggedPersonStart(s, words[0]))
        {
            // "بعث ولي العهد برقية تهنئة"، "قدم الأمين خالص التعازي": after a title, words no list
            // knows as a first name are a name only when the tagger, asked about a few words, says so.
            return null;
        }

        return (words[0], words[^1] + 1);
    }

    /// <summary>
    /// The word at <paramref name="j"/> has the article and follows "بن/بنت/ابن X": Gulf names end
    /// with the family name there (بن سعد العامر), but a word can follow a name too (بن عبدالعزيز
    /// الجلسة). Words that are also common words are left to the tagger.
    /// </summary>
    private bool IsFamilyNameAfterChain(int s, List<int> words, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        string n = tokens[j].Norm;
        if (words.Count < 2 || tokens[words[^2]].Norm is not ("بن" or "بنت" or "ابن") || s_nameParticles.Contains(tokens[words[^1]].Norm)
            || !n.StartsWith("ال", StringComparison.Ordinal) || n.EndsWith("يه", StringComparison.Ordinal))
        {
            return false;
        }

        // A noun with its adjective after a name is a new phrase, not a family name (بن عبدالله الحرس الوطني).
        if (j + 1 < tokens.Count && IsNisbaAdjective(tokens[j + 1].Norm))
        {
            return false;
        }

        return !(IsCommonNotName(n) || _lex.NeverPersonWords.Contains(n)) || TaggedInsidePerson(s, j);
    }

    /// <summary>
    /// "عبدالله بن عبدالمحسن التركي"، "إياد يوسف المصري"، "عبدالله بن محمد السويد": a family name that
    /// is also a demonym, a state or a place, read as one by the gazetteer pass, closing a بن chain or
    /// two given names before a boundary, or a nisba after a title and a first name ("الدكتور أيمن
    /// المغربي أن"، "اللواء منصور التركي،"). The name takes the word back (<see cref="AddPerson"/>
    /// releases the place's mention).
    /// </summary>
    private bool IsFamilyNameReadAsPlace(int s, List<int> words, int j, Mention owner, NameAnchor anchor)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (owner.Start != j || owner.End != j + 1 || owner.Entity.Kind is not (NodeKind.State or NodeKind.Place) || words.Count < 1
            || s_nameParticles.Contains(tokens[words[^1]].Norm) || !FollowedByNameBoundary(s, j + 1))
        {
            return false;
        }

        string n = tokens[j].Norm;
        if (words.Count == 1)
        {
            return anchor == NameAnchor.Title && _lex.FirstNames.Contains(tokens[words[0]].Norm) && n.StartsWith("ال", StringComparison.Ordinal) && n.EndsWith('ي');
        }

        bool afterChain = tokens[words[^2]].Norm is "بن" or "بنت" or "ابن";
        bool afterGivenNames = words.TrueForAll(w => _lex.FirstNames.Contains(tokens[w].Norm));
        return (afterChain || afterGivenNames) && n.StartsWith("ال", StringComparison.Ordinal) && !n.EndsWith("يه", StringComparison.Ordinal);
    }

    /// <summary>
    /// "بندر ناصر الشهري"، "محمد عبد الله المبارك الصباح": a family name that is also an ordinary
    /// word (الشهري = monthly) after two name words; the tagger, asked about a few words around it,
    /// decides whether the name goes on.
    /// </summary>
    private bool TaggedFamilyName(int s, List<int> words, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        if (_ner is null || words.Count < 2 || !tokens[j].Norm.StartsWith("ال", StringComparison.Ordinal) || tokens[j].Norm.EndsWith("يه", StringComparison.Ordinal)
            || HasTanween(tokens[j]) || IsPrepositionWithArticle(tokens[j].Norm))
        {
            return false;
        }

        IReadOnlyList<string> tags = NerWindowTags(s, _ner, [j]);
        return tags[j] == "I-PERS" && tags[words[^1]] is "B-PERS" or "I-PERS";
    }

    /// <summary>Persian family-name endings written apart (زاده، فر، نيا، بور …): after two name words they close the name.</summary>
    private static readonly WordSet s_familyNameClosers = WordSets.Set("family-name-closers");

    /// <summary>
    /// "محمد عبد الوهاب الجمال، رئيس …"، "مصطفى عبد الكريم العلي ومدير …"، "علي سلمان البشري، قائلا": a
    /// definite word that is also a common word (الجمال = beauty) after two name words, with nothing
    /// after it but a comma, a full stop, أن/إن or a title, is the family name: a common noun there
    /// would need a complement, and an adjective would describe an indefinite name.
    /// </summary>
    private bool IsFamilyNameBeforeBoundary(int s, List<int> words, int j)
    {
        IReadOnlyList<Token> tokens = Sentences[s].Tokens;
        string n = tokens[j].Norm;
        if (words.Count < 2 || !n.StartsWith("ال", StringComparison.Ordinal) || n.EndsWith("يه", StringComparison.Ordinal) || n.Length < 5
            || HasTanween(tokens[j]) || IsPrepositionWithArticle(n) || s_nameParticles.Contains(tokens[words[^1]].Norm)
            || !words.TrueForAll(w => s_nameParticles.Contains(tokens[w].Norm) || !IsCommonNotName(tokens[w].Norm)))
        {
            return false;
        }

        if (j + 1 >= tokens.Count)
        {
            return true;
        }

        Token next = tokens[j + 1];
        return next.Surface is "،" or "," or "." || s_complementizerWords.Contains(next.Norm) || Title(s, j + 1) is not null;
    }

    private static readonly WordSet s_complementizerWords = WordSets.Set("complementizers");

    /// <summary>The NER tagger continues a person's name at <paramref name="j"/> (see <see cref="TaggedAsPerson"/> on when it runs).</summary>
    private bool TaggedInsidePerson(int s, int j)
    {
        if (_ner is null)
        {
            return false;
        }

        return NerTags(s, _ner)[j] == "I-PERS";
    }

    /// <summary>The tagger's tags for sentence <paramref name="s"/>, computed on first use.</summary>
    private IReadOnlyList<string> NerTags(int s, NerTagger ner) =>
        _nerTags[s] ??= ner.Tag(Sentences[s].Tokens.Select(t => t.Surface).ToArray());

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
            && !CannotContinueName(tokens[runStart - 1], 0))
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
                && !CannotStartName(first) && !IsNounAndComplement(first, tokens[start + 1])
                && Enumerable.Range(start + 1, end - start - 1).All(k => !CannotContinueName(tokens[k], k - start));
            if (bounded && nameLike)
            {
                return (start, end);
            }
        }

        return null;
    }

    /// <summary>
    /// Names that normalization folds onto function words, told apart by their written form:
    /// "علي" (Ali) vs "على" (on), "آنا" (Anna) vs "أنا" (I), "آن" (Anne) vs "أن".
    /// </summary>
    private static bool IsNameDespiteFolding(Token t) =>
        (t.Norm == "علي" && t.Surface.EndsWith('ي')) || (t.Norm is "انا" or "ان" && t.Surface.StartsWith('آ'));

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

        IReadOnlyList<string> tags = NerTags(s, _ner);
        if (tags[start] != "B-PERS")
        {
            return null;
        }

        int j = PersonSpanEnd(tags, start, end);
        return j - start >= 2 ? (start, j) : null;
    }

    /// <summary>Whether the tagger, reading a few words around <paramref name="j"/>, opens a person's name there (true without a tagger).</summary>
    private bool TaggedPersonStart(int s, int j) => _ner is null || NerWindowTags(s, _ner, [j])[j] == "B-PERS";

    /// <summary>Where the tagger's person span opening at <paramref name="start"/> ends: past its I-PERS tags, at most at <paramref name="limit"/>.</summary>
    private static int PersonSpanEnd(IReadOnlyList<string> tags, int start, int limit)
    {
        int end = start + 1;
        while (end < limit && tags[end] == "I-PERS")
        {
            end++;
        }

        return end;
    }

    /// <summary>A given name does not start with the article (الكسندر is a name, not ال + كسندر), nor with بـ/لـ on a common word (بمقر).</summary>
    private bool CannotStartName(Token t)
    {
        string n = t.Norm;
        if (_lex.GivenNames.Contains(n))
        {
            return false;
        }

        // لبدء، بمقر: a preposition on a word; وأطيب، وزيد: a coordinated item, not the start of this
        // name; نادي، جامعة: the head of a body's name.
        return n.StartsWith("ال", StringComparison.Ordinal) || _lex.OrganizationHeads.Contains(n) || IsPrepositionalCommonWord(t) || (n.Length > 3 && n[0] == 'و')
            || IsImperfectVerbNotName(n)
            || (n.Length > 3 && n[0] is 'ب' or 'ل' && (_lex.CommonWords.Contains(n.AsSpan(1)) || _lex.GivenNames.Contains(n.AsSpan(1)) || _lex.IsFunctionWord(n[1..])
                || _lex.OrganizationHeads.Contains(n.AsSpan(1))));
    }

    /// <summary>
    /// "تشكيل حكومة"، "قافلة إغاثية": a word both lexicons call ordinary, followed by another ordinary
    /// word, a body's head or a definite word, is a noun phrase. (An ordinary word before an unknown
    /// one or before بن may still be a name: تركي بن سعود، شامل ديوراكوفيتش، مساعد بن محمد.)
    /// </summary>
    private bool IsOrdinaryPhrase(IReadOnlyList<Token> tokens, int j)
    {
        string n = tokens[j].Norm;
        if (_lex.GivenNames.Contains(n) || !_lex.CommonWords.Contains(n) || !_lex.NeverPersonWords.Contains(n) || j + 1 >= tokens.Count
            || IsDinCompound(tokens, j))
        {
            return false;
        }

        string next = tokens[j + 1].Norm;
        return !s_nameParticles.Contains(next) && !_lex.GivenNames.Contains(next)
            && (IsCommonNotName(next) || _lex.OrganizationHeads.Contains(next) || next.StartsWith("ال", StringComparison.Ordinal));
    }

    /// <summary>
    /// "لكرة القدم": an unknown word with ب/ل before a definite word is a preposition on a noun in
    /// construct, not a name (a name opening with those letters is a known given name: بشار الأسد).
    /// </summary>
    private bool IsPrepositionalConstruct(IReadOnlyList<Token> tokens, int j) =>
        tokens[j].Norm.Length > 3 && tokens[j].Norm[0] is 'ب' or 'ل' && !_lex.GivenNames.Contains(tokens[j].Norm)
        && j + 1 < tokens.Count && tokens[j + 1].Norm.StartsWith("ال", StringComparison.Ordinal);

    /// <summary>
    /// Words that are never part of a person's name at <paramref name="position"/> (0 = first):
    /// للطاقة، بالفعل، سيطلع، مسؤولاً، اجتماعا، مروره، بتطوير، الاجتماعية، و + word.
    /// </summary>
    private bool CannotContinueName(Token t, int position)
    {
        string n = t.Norm;
        if (n.Length < 2 || n is "ود" || IsPrepositionWithArticle(n) || IsFutureVerb(n) || HasTanween(t) || IsAccusativeNoun(n) || HasCommonStemPronoun(t) || HasPronounSuffix(t))
        {
            return true; // "لـ", "بـ" written apart with a tatweel are prepositions, not names; "ود." is "and Dr."
        }

        if (position == 0)
        {
            return false;
        }

        if (n.Length > 3 && n[0] is 'ب' or 'ل' && !_lex.GivenNames.Contains(n)
            && (_lex.CommonWords.Contains(n.AsSpan(1)) || _lex.NeverPersonWords.Contains(n.AsSpan(1)) || _lex.CommonWords.Contains(n)))
        {
            return true; // بتطوير، لحريق: a preposition glued to a common word ends the name (not بوغدانوف، بخاري)
        }

        // Right after a given name an article-word is usually a family name (الحربي، الزياني), even
        // when it is also an adjective; later, or as a feminine adjective (الاجتماعية), it ends the name.
        bool lateOrFeminine = position >= 2 || n.EndsWith("يه", StringComparison.Ordinal);
        if (n.StartsWith("ال", StringComparison.Ordinal) && !_lex.GivenNames.Contains(n) && lateOrFeminine
            && (IsCommonNotName(n) || _lex.NeverPersonWords.Contains(n)))
        {
            // A family name with the article is fine (البدري، الزياني); a common word with it after
            // two name words, or a feminine adjective anywhere, is where the name has ended.
            return true;
        }

        return n.Length > 3 && n[0] == 'و' && !_lex.GivenNames.Contains(n); // "و" + word: a coordinated item
    }

    /// <summary>Given names compounded with الدين, each half also an ordinary word: عز الدين، نور الدين، صلاح الدين.</summary>
    private static readonly WordSet s_dinNames = WordSets.Set("din-names");

    private static bool IsDinCompound(IReadOnlyList<Token> tokens, int j) =>
        j + 1 < tokens.Count && tokens[j + 1].Norm == "الدين" && s_dinNames.Contains(tokens[j].WithoutConjunction);

    /// <summary>"ملابسات الحادثة": a common noun and its definite complement are not a name.</summary>
    private bool IsNounAndComplement(Token first, Token second) =>
        !IsNameDespiteFolding(first) && !(s_dinNames.Contains(first.Norm) && second.Norm == "الدين")
        && (IsCommonNotName(first.Norm) || (_lex.NeverPersonWords.Contains(first.Norm) && !_lex.GivenNames.Contains(first.Norm)))
        && second.Norm.StartsWith("ال", StringComparison.Ordinal) && !_lex.GivenNames.Contains(second.Norm);

    /// <summary>مروره، هدفه، ارتياحه: a common noun with the pronoun suffix ه (not a name ending in ه such as طه).</summary>
    private bool HasCommonStemPronoun(Token t) =>
        t.Surface.EndsWith('ه') && t.Norm.Length >= 4 && !_lex.GivenNames.Contains(t.Norm) && _lex.CommonWords.Contains(t.Norm[..^1]);

    /// <summary>"اجتماعا"، "قائدا": an indefinite accusative written without its tanwin mark (a common word + ا).</summary>
    private bool IsAccusativeNoun(string norm) =>
        norm.Length >= 4 && norm[^1] == 'ا' && !_lex.GivenNames.Contains(norm) && _lex.CommonWords.Contains(norm[..^1]);

    private bool IsCommonNotName(string norm) => _lex.CommonWords.Contains(norm) && !_lex.GivenNames.Contains(norm);

    /// <summary>
    /// بالفعل، للطاقة، والدفاع، فالأمر: a proclitic and the article. بال، لل and وال on an unknown word
    /// are still read so (بالهفوف is "in Hofuf"); فال and كال are far rarer as clitics than as the
    /// start of a foreign name (فالون، فالدهايم، كالفين), so there the rest must be a known word.
    /// </summary>
    private bool IsPrepositionWithArticle(string norm)
    {
        if (norm.Length <= 4)
        {
            return false;
        }

        if (norm.StartsWith("لل", StringComparison.Ordinal) || norm.StartsWith("بال", StringComparison.Ordinal) || norm.StartsWith("وال", StringComparison.Ordinal))
        {
            return true;
        }

        if (!norm.StartsWith("فال", StringComparison.Ordinal) && !norm.StartsWith("كال", StringComparison.Ordinal))
        {
            return false;
        }

        string definite = "ال" + norm[3..];
        if (definite.Length < 5)
        {
            return false; // فالتر: two letters after ف+ال are no word worth the reading
        }

        return _lex.CommonWords.Contains(definite) || _lex.NeverPersonWords.Contains(definite)
            || _lex.CommonWords.Contains(definite[2..]) || _lex.NeverPersonWords.Contains(definite[2..]) || _lex.IsFunctionWord(definite);
    }

    /// <summary>سيطلع، ستبحث: the future prefix س on a known imperfect verb (not سيرجي، ستافان).</summary>
    private bool IsFutureVerb(string norm) =>
        norm.Length >= 5 && norm[0] == 'س' && norm[1] is 'ي' or 'ت' or 'ن' && _lex.CommonWords.Contains(norm.AsSpan(1));

    /// <summary>
    /// An imperfect verb the word lists do not hold, at the end of a name: ت or ي and a consonant
    /// ("يتقاضى"). ت and a long vowel more often open a foreign family name ("روي مانويل تافاريش").
    /// </summary>
    private static bool IsUnlistedImperfectVerb(string norm) => LooksLikeImperfectVerb(norm) && norm[1] is not ('ا' or 'و' or 'ي');

    /// <summary>An imperfect verb form (تندرج، يقوم) — only used to trim the end of a long name candidate.</summary>
    private static bool LooksLikeImperfectVerb(string norm) =>
        norm.Length >= 4 && norm[0] is 'ي' or 'ت' && !norm.EndsWith("وف", StringComparison.Ordinal);

    /// <summary>
    /// "يصافح أشتون كارتر"، "يتقاضى راتبه": ي and a consonant open an imperfect verb, not a name that
    /// no list knows (foreign names open with a long vowel after ي: يانيس، يوهان، ييجر).
    /// </summary>
    private bool IsImperfectVerbNotName(string norm) =>
        norm.Length >= 4 && norm[0] == 'ي' && norm[1] is not ('ا' or 'و' or 'ي') && !_lex.FirstNames.Contains(norm);

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
}
