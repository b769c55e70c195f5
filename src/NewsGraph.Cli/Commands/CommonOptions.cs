using System.CommandLine;

namespace NewsGraph.Cli.Commands;

/// <summary>Options shared by several verbs.</summary>
internal static class CommonOptions
{
    public static Option<Uri?> Neo4j(string name = "--neo4j") => new(name)
    {
        Description = "Use Neo4j at this URI (http(s)://host:7474) instead of the embedded store; credentials from NEWSGRAPH_NEO4J_USER/_PASSWORD (or _BEARER_TOKEN), database from _DATABASE.",
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"{name}: '{text}' is not an http(s) URI such as http://localhost:7474");
            return null;
        },
    };

    public static Option<FileInfo?> Database() => new("--db")
    {
        Description = "Embedded database file (default: $NEWSGRAPH_DB or ~/.local/share/newsgraph/newsgraph.db; created on first run).",
    };
}
