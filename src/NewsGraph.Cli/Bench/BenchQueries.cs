namespace NewsGraph.Cli.Bench;

/// <summary>
/// The GraphQL the benchmarks send, in one place. <c>bench api</c> measures three fixed queries on
/// the sample graph; <c>bench soak</c> mixes seven read queries whose variables it draws from the
/// graph it runs on (<see cref="SoakParameters"/>), so the same mix works on the samples and on
/// the corpus.
/// </summary>
internal static class BenchQueries
{
    public const string Trivial = "{ __typename }";

    /// <summary>A1 of the API README: a person by partial name, with meetings, participants, place and evidence.</summary>
    public const string PersonDetailA1 = "{ person(name: \"بوغدانوف\") { name titles meetings(first: 10) { totalCount nodes { participants { name } place { name } evidence } } } }";

    /// <summary>A6 of the API README: dashboard counts and the top people by statements.</summary>
    public const string Dashboard = "{ stats { articles entities { kind count } relations { type count } } topEntities(kind: PERSON, by: STATEMENTS, first: 3) { entity { name } value } }";

    /// <summary>What the soak draws its variables from: well-connected people and the words of some statements.</summary>
    public const string SoakParameters = "{ topEntities(kind: PERSON, by: DEGREE, first: 50) { entity { id name } } statements(first: 100) { nodes { text } } }";

    /// <summary>The soak's mix, each with the variable it takes (<see cref="SoakVariable"/>).</summary>
    public static readonly IReadOnlyList<SoakQuery> Soak =
    [
        new("person detail", SoakVariable.Name,
            "query($name: String!) { person(name: $name) { name titles meetings(first: 10) { totalCount nodes { participants { name } place { name } evidence } } } }"),
        new("neighbourhood d2", SoakVariable.Id,
            "query($id: ID!) { neighborhood(id: $id, depth: 2, first: 100) { truncated nodes { id kind name } edges { type from to } } }"),
        new("search", SoakVariable.Name,
            "query($name: String!) { search(text: $name, first: 10) { __typename ... on GraphNode { id name mentionCount } } }"),
        new("dashboard", SoakVariable.None, Dashboard),
        new("statements text", SoakVariable.Word,
            "query($word: String!) { statements(first: 10, where: { textContains: $word }) { totalCount nodes { text verb speaker { name } } } }"),
        new("people STATED text", SoakVariable.Word,
            "query($word: String!) { people(first: 10, where: { some: [{ type: STATED, textContains: $word }] }) { totalCount nodes { name mentionCount } } }"),
        new("meetings", SoakVariable.None,
            "{ meetings(first: 20) { totalCount nodes { date participants { name } place { name } } } }"),
    ];
}

/// <summary>The one variable a soak query takes: a person's name or id, or a word of three letters or more.</summary>
internal enum SoakVariable
{
    None,
    Name,
    Id,
    Word,
}

/// <summary>One query of the soak mix.</summary>
internal sealed record SoakQuery(string Name, SoakVariable Variable, string Text);
