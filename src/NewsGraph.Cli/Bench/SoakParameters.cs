using System.Text.Json;

namespace NewsGraph.Cli.Bench;

/// <summary>
/// The values the soak's queries take, drawn from the graph under test (<see cref="BenchQueries.SoakParameters"/>):
/// the names and ids of its best-connected people, and words of four letters or more from its
/// statements (three letters is what the text index needs). Requests cycle through them, so the run
/// touches many nodes rather than one that stays in every cache.
/// </summary>
internal sealed record SoakParameters(IReadOnlyList<string> Names, IReadOnlyList<string> Ids, IReadOnlyList<string> Words)
{
    private const int MinWordLetters = 4;
    private const int MaxWords = 50;

    /// <summary>Reads the answer to <see cref="BenchQueries.SoakParameters"/>.</summary>
    /// <exception cref="InvalidOperationException">The graph has no people or no statement words to query with.</exception>
    public static SoakParameters FromResponse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement data = document.RootElement.GetProperty("data");
        var names = new List<string>();
        var ids = new List<string>();
        foreach (JsonElement ranked in data.GetProperty("topEntities").EnumerateArray())
        {
            JsonElement entity = ranked.GetProperty("entity");
            names.Add(entity.GetProperty("name").GetString()!);
            ids.Add(entity.GetProperty("id").GetString()!);
        }

        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement statement in data.GetProperty("statements").GetProperty("nodes").EnumerateArray())
        {
            foreach (string word in WordsOf(statement.GetProperty("text").GetString() ?? string.Empty))
            {
                if (words.Count < MaxWords && seen.Add(word))
                {
                    words.Add(word);
                }
            }
        }

        if (names.Count == 0 || words.Count == 0)
        {
            throw new InvalidOperationException("The graph has no people with relations or no statements to query: ingest articles first (or pass --samples).");
        }

        return new SoakParameters(names, ids, words);
    }

    /// <summary>The values of <paramref name="variable"/>, in the order requests use them.</summary>
    public IReadOnlyList<string> ValuesOf(SoakVariable variable) => variable switch
    {
        SoakVariable.Name => Names,
        SoakVariable.Id => Ids,
        SoakVariable.Word => Words,
        _ => [],
    };

    private static IEnumerable<string> WordsOf(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(['.', '،', ',', ':', '"', '«', '»', '(', ')', '“', '”']))
            .Where(w => w.Length >= MinWordLetters && w.All(char.IsLetter));
}
