using System.Globalization;
using System.Text;
using NewsGraph.Core.Text;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Extraction.Lexicon;

namespace NewsGraph.Evaluation.Training;

/// <summary>
/// One learned title or describing word (normalized, as the title matcher keys it): in how many train
/// articles it stands right before an annotated person, how often a person's name follows it within
/// <see cref="TitleMining.FollowWindow"/> words, and how often it occurs at all outside annotated names.
/// </summary>
public sealed record LearnedTitle(string Word, int Articles, int Before, int Followed, int Occurs)
{
    public double Precision => Occurs == 0 ? 0 : (double)Followed / Occurs;
}

/// <summary>
/// Titles and describing words the hand-made title list lacks (الفنان، المخرج، المحامي، البروفيسور),
/// learned from the annotated train split: the word right before each required person's name or alias,
/// keyed as the title matcher reads it (a proclitic carrying the article gives the definite form:
/// والفنان، للفنان → الفنان; a bare و/ف is dropped). A word is kept when it stands right before a person in
/// at least <see cref="MinArticles"/> train articles and a person's name follows it (directly or after a
/// demonym or adjective: "الفنان السعودي …") in at least <see cref="MinPrecision"/> of its occurrences
/// outside annotated names — and it is definite (describing nouns are: an indefinite word before a name is
/// mostly a verb or a noun in construct, تعيين، خلفا), no title already, no reporting or meeting cue, no function word,
/// no first name, state or demonym.
/// </summary>
public static class TitleMining
{
    public const int MinArticles = 3;

    public const double MinPrecision = 0.5;

    /// <summary>A person's name that opens within this many words after the word counts as following it.</summary>
    public const int FollowWindow = 2;

    public static IReadOnlyList<LearnedTitle> FromArticles(IReadOnlyList<EvalArticle> train, ArabicLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(lexicon);
        var articles = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        var followed = new Dictionary<string, int>(StringComparer.Ordinal);
        var occurs = new Dictionary<string, int>(StringComparer.Ordinal);
        var inPersonNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int a = 0; a < train.Count; a++)
        {
            string[] words = Words(ArabicText.Normalize(train[a].Text));
            (bool[] covered, bool[] personStarts) = AnnotatedNames(train[a], words);
            foreach (string nameWord in PersonNameWords(train[a]))
            {
                inPersonNames[nameWord] = inPersonNames.GetValueOrDefault(nameWord) + 1;
            }

            for (int i = 0; i < words.Length; i++)
            {
                if (covered[i])
                {
                    continue;
                }

                string key = Key(words[i]);
                occurs[key] = occurs.GetValueOrDefault(key) + 1;
                if (i + 1 < words.Length && personStarts[i + 1])
                {
                    before[key] = before.GetValueOrDefault(key) + 1;
                    (articles.TryGetValue(key, out HashSet<int>? set) ? set : articles[key] = []).Add(a);
                }

                if (Enumerable.Range(i + 1, FollowWindow).Any(j => j < words.Length && personStarts[j]))
                {
                    followed[key] = followed.GetValueOrDefault(key) + 1;
                }
            }
        }

        List<LearnedTitle> kept = [.. articles
            .Where(p => p.Value.Count >= MinArticles && Eligible(p.Key, lexicon))
            .Select(p => new LearnedTitle(p.Key, p.Value.Count, before[p.Key], followed[p.Key], occurs[p.Key]))
            .Where(t => t.Precision >= MinPrecision)
            // A word annotators write inside persons' names as often as before them is a family name
            // (محمود الشريف), not a title, however often a name follows it.
            .Where(t => inPersonNames.GetValueOrDefault(t.Word) < t.Before)
            .OrderBy(t => t.Word, StringComparer.Ordinal)];
        // The title list reads a head's feminine itself (الفنان → الفنانة): keep one spelling, the masculine.
        var keptWords = kept.Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
        return [.. kept.Where(t => !(t.Word.EndsWith('ه') && keptWords.Contains(t.Word[..^1])))];
    }

    /// <summary>The words of an article's annotated persons' names (each name word once per article).</summary>
    private static IEnumerable<string> PersonNameWords(EvalArticle article) =>
        article.Gold.Entities.Where(e => e.Kind == "Person")
            .SelectMany(e => Words(ArabicText.Normalize(e.Name)))
            .Select(Key)
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Which words lie inside any annotated name (those are names, not what precedes them), and where a
    /// required person's name or alias opens (its first word may carry a proclitic: وعادل، لعادل).
    /// </summary>
    private static (bool[] Covered, bool[] PersonStarts) AnnotatedNames(EvalArticle article, string[] words)
    {
        var covered = new bool[words.Length];
        var personStarts = new bool[words.Length];
        foreach (GoldEntity e in article.Gold.Entities)
        {
            bool person = e.Kind == "Person" && !e.Optional;
            foreach (string name in (e.Aliases ?? []).Prepend(e.Name))
            {
                string[] nameWords = Words(ArabicText.Normalize(name));
                if (nameWords.Length == 0)
                {
                    continue;
                }

                for (int i = 0; i + nameWords.Length <= words.Length; i++)
                {
                    if (!Clitics.Forms(words[i]).Contains(nameWords[0], StringComparer.Ordinal)
                        || !words.AsSpan(i + 1, nameWords.Length - 1).SequenceEqual(nameWords.AsSpan(1)))
                    {
                        continue;
                    }

                    Array.Fill(covered, true, i, nameWords.Length);
                    personStarts[i] |= person;
                }
            }
        }

        return (covered, personStarts);
    }

    /// <summary>The word as the title matcher keys it: the definite form when a proclitic carries the article, else without و/ف.</summary>
    public static string Key(string word)
    {
        if (word.StartsWith("ال", StringComparison.Ordinal))
        {
            return word;
        }

        string[] forms = Clitics.Forms(word);
        return forms.Skip(1).FirstOrDefault(f => f.StartsWith("ال", StringComparison.Ordinal)) ?? Clitics.WithoutConjunction(word);
    }

    private static bool Eligible(string word, ArabicLexicon lexicon)
    {
        string bare = Clitics.WithoutArticle(word);
        bool feminineOfTitle = word.EndsWith('ه') && (lexicon.Titles.ContainsPhrase(word[..^1]) || lexicon.Titles.ContainsPhrase(bare[..^1]));
        // Describing nouns only, which news writes definite (الفنان، المحامي): an indefinite word before a name is mostly a verb or a noun in construct (تعيين، خلفا).
        return word.Length >= 5 && word.StartsWith("ال", StringComparison.Ordinal) && word.All(char.IsLetter)
            && !lexicon.Titles.ContainsPhrase(word) && !lexicon.Titles.ContainsPhrase(bare) && !feminineOfTitle
            && !lexicon.Cues.ContainsPhrase(word) && !lexicon.IsFunctionWord(word)
            && !lexicon.FirstNames.Contains(word) && !lexicon.States.ContainsPhrase(word);
    }

    private static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string Format(IReadOnlyList<LearnedTitle> titles, int articles)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"# Titles and describing words learned from the NewsGraph annotated corpus's train split ({articles} articles): right before an\n");
        builder.Append(CultureInfo.InvariantCulture, $"# annotated person in >= {MinArticles} articles, a person's name within {FollowWindow} words after >= {MinPrecision:F1} of the times the word occurs\n");
        builder.Append("# outside annotated names (see NewsGraph.Evaluation TitleMining). Read as title heads. Reproduce: newsgraph train titles.\n");
        builder.Append("title\tarticles\tbefore\tfollowed\toccurs\n");
        foreach (LearnedTitle t in titles)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{t.Word}\t{t.Articles}\t{t.Before}\t{t.Followed}\t{t.Occurs}\n");
        }

        return builder.ToString();
    }
}
