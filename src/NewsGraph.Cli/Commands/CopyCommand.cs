using System.CommandLine;
using System.Runtime.CompilerServices;
using NewsGraph.Core.Storage;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// <c>newsgraph copy --from-db FILE --to-neo4j URI</c>: moves an embedded graph into Neo4j in
/// batches. Idempotent (copying again changes nothing) and resumable (an interrupted copy
/// continues after the last committed batch, from a state file next to the database).
/// </summary>
internal static class CopyCommand
{
    public static Command Create()
    {
        var from = new Option<FileInfo>("--from-db") { Description = "The embedded database to copy from.", Required = true };
        var command = new Command("copy", "Copy an embedded graph into Neo4j (batched, resumable, idempotent).") { from };
        Option<Uri?> target = CommonOptions.Neo4j("--to-neo4j");
        target.Description = "The Neo4j server to copy into (credentials from NEWSGRAPH_NEO4J_USER/_PASSWORD).";
        target.Required = true;
        command.Options.Add(target);
        command.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("copy", async () =>
        {
            FileInfo source = parse.GetValue(from)!;
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"newsgraph copy: {source.FullName}: no such database").ConfigureAwait(false);
                return 1;
            }

            Uri uri = parse.GetValue(target)!;
            IGraphStore sqlite = await StoreLocation.OpenAsync(source, null, cancellationToken).ConfigureAwait(false);
            await using ConfiguredAsyncDisposable _ = sqlite.ConfigureAwait(false);
            IGraphStore neo4j = await StoreLocation.OpenAsync(null, uri, cancellationToken).ConfigureAwait(false);
            await using ConfiguredAsyncDisposable __ = neo4j.ConfigureAwait(false);
            var copier = new GraphCopier(sqlite, neo4j) { StateFile = GraphCopier.StateFileFor(source.FullName), TargetName = uri.GetLeftPart(UriPartial.Authority) };
            var progress = new Progress<CopyProgress>(p => Console.Error.WriteLine($"newsgraph copy: {p.ArticlesCopied:N0}/{p.ArticlesTotal:N0} articles"));
            CopyProgress done = await copier.CopyAsync(progress, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(
                $"copied {done.ArticlesCopied:N0} articles from {source.FullName} to {StoreLocation.Describe(null, uri)}: {done.Result.NodesCreated:N0} nodes and {done.Result.RelationsCreated:N0} relations created, {done.Result.ArticlesUnchanged:N0} articles already there").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
