using System.CommandLine;
using System.Runtime.CompilerServices;
using NewsGraph.Core.Storage;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// <c>newsgraph remove [--db FILE | --neo4j URI] ARTICLE-KEY...</c>: takes articles out of the graph
/// (their contribution to every entity and relation, and whatever only they supported), in one
/// transaction. Idempotent: a key that is not stored is reported and changes nothing. Keys are
/// what <c>ingest</c> and the API call an article's key: its URL, else the hash of its text.
/// </summary>
internal static class RemoveCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var neo4j = CommonOptions.Neo4j();
        var keys = new Argument<string[]>("ARTICLE-KEY") { Description = "Keys of the articles to remove (URL, else the hash of the text).", Arity = ArgumentArity.OneOrMore };
        keys.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>() is { } given && given.Any(string.IsNullOrWhiteSpace))
            {
                result.AddError("ARTICLE-KEY: a key is empty; pass each article's key (its URL, else the hash of its text).");
            }
        });
        var command = new Command("remove", "Remove articles and their contribution from the graph (idempotent).") { db, neo4j, keys };
        command.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("remove", async () =>
        {
            // Removing from a file that is not there is a mistake in the path, not an empty graph to create.
            string path = parse.GetValue(db)?.FullName ?? StoreLocation.DefaultDatabasePath();
            if (parse.GetValue(neo4j) is null && !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"newsgraph remove: {path}: no such database").ConfigureAwait(false);
                return 1;
            }

            IGraphStore store = await StoreLocation.OpenAsync(parse.GetValue(db), parse.GetValue(neo4j), cancellationToken).ConfigureAwait(false);
            await using ConfiguredAsyncDisposable _ = store.ConfigureAwait(false);
            string[] given = parse.GetValue(keys) ?? [];
            RemoveResult result = await store.RemoveArticlesAsync(given, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(Describe(result, StoreLocation.Describe(parse.GetValue(db), parse.GetValue(neo4j)))).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>"removed 2 articles from … (3 entities and 4 relations that only they supported went with them); 1 key was not stored (nothing to remove)".</summary>
    public static string Describe(RemoveResult result, string store)
    {
        ArgumentNullException.ThrowIfNull(result);
        string notFound = result.NotFound == 0 ? string.Empty
            : $"; {result.NotFound:N0} {(result.NotFound == 1 ? "key was" : "keys were")} not stored (nothing to remove)";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"removed {result.ArticlesRemoved:N0} {(result.ArticlesRemoved == 1 ? "article" : "articles")} from {store} ({result.NodesDeleted:N0} entities and {result.RelationsDeleted:N0} relations that only they supported went with them){notFound}");
    }
}
