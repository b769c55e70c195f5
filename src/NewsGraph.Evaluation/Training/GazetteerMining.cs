using System.Globalization;
using System.Text;
using NewsGraph.Core.Text;
using NewsGraph.Evaluation.Gold;
using NewsGraph.Extraction.Lexicon;

namespace NewsGraph.Evaluation.Training;

/// <summary>One learned name (normalized, and as annotators most often wrote it): how often the train split annotates it, and how often its text appears at all.</summary>
public sealed record LearnedName(string Name, string Written, string Kind, int Annotated, int Occurs);

/// <summary>
/// Places, organizations and persons learned from the annotated train split, for the names the
/// hand-made gazetteers lack (ملعب الأمير فيصل بن فهد، صحيفة سبق، بان كي مون). Persons need two words
/// or more; extraction uses them where its own name rules find a shorter name or none. A name is kept when
/// annotators marked it (required, that kind) in at least <see cref="MinAnnotated"/> train articles,
/// in at least <see cref="MinPrecision"/> of the train articles whose text contains it as words,
/// never as another kind, and it is no state name, no ordinary word and not listed already.
/// News names recur, so what is annotated twice in train is likely met again.
/// </summary>
public static class GazetteerMining
{
    public const int MinAnnotated = 2;

    public const double MinPrecision = 0.6;

    public static IReadOnlyList<LearnedName> FromArticles(IReadOnlyList<EvalArticle> train, ArabicLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(lexicon);
        // Per normalized name: the articles annotating it as each kind (required or optional).
        var annotated = new Dictionary<(string Name, string Kind), HashSet<int>>();
        var anyKind = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var written = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (int a = 0; a < train.Count; a++)
        {
            foreach (GoldEntity e in train[a].Gold.Entities)
            {
                foreach (string name in (e.Aliases ?? []).Prepend(e.Name))
                {
                    string norm = ArabicText.Normalize(name);
                    if (norm.Length == 0)
                    {
                        continue;
                    }

                    (anyKind.TryGetValue(norm, out HashSet<string>? kinds) ? kinds : anyKind[norm] = new(StringComparer.Ordinal)).Add(e.Optional ? e.Kind + "?" : e.Kind);
                    if (!e.Optional && (e.Kind is "Place" or "Organization" || (e.Kind == "Person" && norm.Contains(' ', StringComparison.Ordinal))))
                    {
                        Dictionary<string, int> forms = written.TryGetValue(norm, out Dictionary<string, int>? f) ? f : written[norm] = new(StringComparer.Ordinal);
                        forms[name.Trim()] = forms.GetValueOrDefault(name.Trim()) + 1;
                        (annotated.TryGetValue((norm, e.Kind), out HashSet<int>? articles) ? articles : annotated[(norm, e.Kind)] = []).Add(a);
                    }
                }
            }
        }

        string[] texts = [.. train.Select(a => " " + Words(ArabicText.Normalize(a.Text)) + " ")];
        var learned = new List<LearnedName>();
        foreach (((string name, string kind), HashSet<int> articles) in annotated)
        {
            if (articles.Count < MinAnnotated || anyKind[name].Any(k => k != kind && k != kind + "?") || !Eligible(name, lexicon)
                || (kind == "Organization" && OpensWithHeadNoun(name, lexicon)))
            {
                continue;
            }

            string asWords = " " + Words(name) + " ";
            int occurs = texts.Count(t => t.Contains(asWords, StringComparison.Ordinal));
            if (articles.Count >= MinPrecision * Math.Max(occurs, articles.Count))
            {
                string form = written[name].OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
                learned.Add(new LearnedName(name, form, kind, articles.Count, occurs));
            }
        }

        return [.. learned.OrderBy(l => l.Kind, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// "وزارة …"، "أمانة …": where a name opening with a head noun ends is the rules' and the span
    /// model's decision ("وزارة الشؤون البلدية والقروية والإسكان" must not stop at a shorter listed
    /// name), so such names are not learned as fixed strings.
    /// </summary>
    private static bool OpensWithHeadNoun(string name, ArabicLexicon lexicon)
    {
        string first = name.Split(' ')[0];
        return lexicon.OrganizationHeads.Contains(first) || (first.StartsWith("ال", StringComparison.Ordinal) && lexicon.OrganizationHeads.Contains(first[2..]));
    }

    /// <summary>Letters and digits only, one space between words: punctuation next to a name does not hide it.</summary>
    private static string Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>No state, no listed place or organization, no single ordinary or function word, three letters at least.</summary>
    private static bool Eligible(string name, ArabicLexicon lexicon) =>
        name.Length >= 3
        && !lexicon.States.ContainsPhrase(name) && !lexicon.Places.ContainsPhrase(name) && !lexicon.Organizations.ContainsPhrase(name)
        && (name.Contains(' ', StringComparison.Ordinal) || !(lexicon.IsCommonWord(name) || lexicon.IsFunctionWord(name)));

    public static string Format(IReadOnlyList<LearnedName> names, string kind, int articles)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"# {kind} names learned from the NewsGraph annotated corpus's train split ({articles} articles): annotated\n");
        builder.Append(CultureInfo.InvariantCulture, $"# (required, this kind only) in >= {MinAnnotated} articles and in >= {MinPrecision:F1} of the articles containing them (see NewsGraph.Evaluation\n");
        builder.Append("# GazetteerMining). Names are normalized; facts, no article text. Reproduce: newsgraph train gazetteer.\n");
        builder.Append("name\twritten\tannotated\toccurs\n");
        foreach (LearnedName n in names.Where(n => n.Kind == kind))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{n.Name}\t{n.Written}\t{n.Annotated}\t{n.Occurs}\n");
        }

        return builder.ToString();
    }
}
