using NewsGraph.Core.Text;
using NewsGraph.Evaluation.Gold;

namespace NewsGraph.Evaluation.Training;

/// <summary>
/// First names learned from the annotated train split: the first word of every required Person
/// name of two words or more, kept when it has three letters or more and is no name particle or
/// function word. Extraction asks its name tagger only around first names it knows, so names the
/// hand-written lists lack (حسين, ديفيد, يانيس) were never found; this list closes the gap from data.
/// </summary>
public static class FirstNameMining
{
    private static readonly HashSet<string> s_particles = new(["عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ال", "اول", "ام", "الشيخ", "السيد"], StringComparer.Ordinal);

    public static IReadOnlyList<string> FromGold(IEnumerable<GoldDocument> golds, Func<string, bool> isFunctionWord) =>
        [.. golds
            .SelectMany(g => g.Entities)
            .Where(e => e.Kind == "Person" && !e.Optional)
            .Select(e => ArabicText.Normalize(e.Name).Split(' '))
            .Where(words => words.Length >= 2)
            .Select(words => words[0])
            .Where(w => w.Length >= 3 && w.All(char.IsLetter) && !s_particles.Contains(w) && !isFunctionWord(w))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    public static string Format(IReadOnlyList<string> names, int articles) =>
        $"# First names learned from the NewsGraph annotated corpus's train split ({articles} articles): the first word of\n" +
        "# each annotated person name, filtered (see NewsGraph.Evaluation FirstNameMining). Reproduce: newsgraph train names.\n" +
        string.Join('\n', names) + "\n";
}
