using System.CommandLine;

namespace NewsGraph.Cli.Commands;

/// <summary>The verbs of <c>newsgraph</c>, as a table of contents.</summary>
internal static class NewsGraphCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("NewsGraph: Arabic news → knowledge graph → GraphQL.");
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(RemoveCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(FollowCommand.Create());
        root.Subcommands.Add(CopyCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(NerCommandLine.Tag());
        root.Subcommands.Add(NerCommandLine.Ner());
        root.Subcommands.Add(GoldCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        return root;
    }
}
