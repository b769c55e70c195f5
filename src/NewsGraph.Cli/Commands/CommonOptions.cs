using System.CommandLine;

namespace NewsGraph.Cli.Commands;

/// <summary>Options shared by several verbs.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Database() => new("--db")
    {
        Description = "Embedded database file (default: $NEWSGRAPH_DB or ~/.local/share/newsgraph/newsgraph.db; created on first run).",
    };
}
