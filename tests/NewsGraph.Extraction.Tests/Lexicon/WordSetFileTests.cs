using NewsGraph.Core.Text;

namespace NewsGraph.Extraction.Tests.Lexicon;

/// <summary>
/// Data/lexicon/word-sets.txt: the code compares normalized words, so a word written otherwise
/// (ة for ه, أ for ا) would silently never match; and a section written twice would hide one.
/// </summary>
public sealed class WordSetFileTests
{
    private static readonly string s_file = Path.Combine(RepositoryPaths.Root, "src", "NewsGraph.Extraction", "Data", "lexicon", "word-sets.txt");

    private static IEnumerable<string> Content() =>
        File.ReadLines(s_file).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#');

    [Fact]
    public void EveryWord_IsWrittenAsTheCodeComparesIt()
    {
        string[] words = [.. Content().Where(l => l[0] != '[')];

        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.Equal(ArabicText.Normalize(w), w));
    }

    [Fact]
    public void EverySection_IsNamedOnceAndHoldsWords()
    {
        var sections = new List<(string Name, int Words)>();
        foreach (string line in Content())
        {
            if (line[0] == '[')
            {
                sections.Add((line[1..line.IndexOf(']', StringComparison.Ordinal)], 0));
            }
            else
            {
                Assert.NotEmpty(sections);
                sections[^1] = (sections[^1].Name, sections[^1].Words + 1);
            }
        }

        Assert.Equal(sections.Count, sections.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(sections, s => Assert.True(s.Words > 0, $"[{s.Name}] is empty"));
    }
}
