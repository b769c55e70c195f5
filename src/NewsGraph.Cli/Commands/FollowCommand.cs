using System.CommandLine;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// <c>newsgraph follow [--db FILE | --neo4j URI] [--watch DIR...] [--feed URL...] [--poll-interval D]</c>:
/// the writer alone, for deployments that keep it apart from the API (<c>serve</c> over the same store
/// shows what it ingests, and its health in the <c>sources</c> query). Sources also come from the
/// <c>NewsGraph:Follow</c> section, here read from the environment (<c>NewsGraph__Follow__Feeds__0=…</c>).
/// Runs until Ctrl+C; what it ingests and why a source fails goes to stderr.
/// </summary>
internal static class FollowCommand
{
    /// <summary>EX_USAGE: nothing to follow, or a source that is not one.</summary>
    public const int NothingToFollowExitCode = 64;

    public static Option<string[]> WatchOption() => new("--watch")
    {
        Description = "Folders to follow: files that land or change in them (.txt, .md, .json, .jsonl, .jsonl.gz, .html) are ingested.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string[]> FeedOption() => new("--feed")
    {
        Description = "RSS 2.0, Atom or JSON Feed URLs to poll; each new item's page is fetched and ingested.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var neo4j = CommonOptions.Neo4j();
        var watch = WatchOption();
        var feed = FeedOption();
        var pollInterval = new Option<string?>("--poll-interval") { Description = "Time between two polls of a feed: 90s, 2m, 00:02:00 (default 2m)." };
        var command = new Command("follow", "Follow feeds and folders, ingesting new and changed articles into the store until stopped.") { db, neo4j, watch, feed, pollInterval };
        command.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("follow", async () =>
        {
            FollowOptions options;
            try
            {
                options = Options(parse.GetValue(watch) ?? [], parse.GetValue(feed) ?? [], parse.GetValue(pollInterval));
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync("newsgraph follow: " + ex.Message).ConfigureAwait(false);
                return NothingToFollowExitCode;
            }

            if (!options.HasSources)
            {
                await Console.Error.WriteLineAsync("newsgraph follow: nothing to follow: give --watch DIR or --feed URL (or NewsGraph__Follow__Feeds__0=…)").ConfigureAwait(false);
                return NothingToFollowExitCode;
            }

            IGraphStore store = await StoreLocation.OpenAsync(parse.GetValue(db), parse.GetValue(neo4j), cancellationToken).ConfigureAwait(false);
            await using ConfiguredAsyncDisposable _ = store.ConfigureAwait(false);
            await using ServiceProvider pipeline = Pipeline.Build(store, new IngestionOptions());
            using SourceFollowers followers = SourceFollowers.Create(
                options, pipeline.GetRequiredService<IArticleIngestor>(), store, TimeProvider.System, line => Console.Error.WriteLine("newsgraph follow: " + line));
            await Console.Out.WriteLineAsync(
                $"Following {options.Feeds.Count} feed(s) and {options.Folders.Count} folder(s) into {StoreLocation.Describe(parse.GetValue(db), parse.GetValue(neo4j))}. Press Ctrl+C to stop.").ConfigureAwait(false);
            await followers.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>Adds the command line's folders and feeds to those of the configuration.</summary>
    public static void Add(FollowOptions options, IEnumerable<string> folders, IEnumerable<string> feeds)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (string folder in folders)
        {
            options.Folders.Add(folder);
        }

        foreach (string feed in feeds)
        {
            options.Feeds.Add(feed);
        }
    }

    /// <summary>The environment's <c>NewsGraph:Follow</c> section plus the command line; <see cref="ArgumentException"/> names what is wrong.</summary>
    private static FollowOptions Options(string[] folders, string[] feeds, string? pollInterval)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        FollowOptions options = configuration.GetSection(FollowOptions.SectionName).Get<FollowOptions>() ?? new FollowOptions();
        Add(options, folders, feeds);
        options.DropBlankEntries();
        if (pollInterval is not null)
        {
            options.PollInterval = CommonOptions.ParseDuration(pollInterval) is { Ticks: > 0 } interval ? interval
                : throw new ArgumentException($"--poll-interval: '{pollInterval}' is not a duration such as 90s, 2m or 00:02:00");
        }

        foreach (string feed in options.Feeds)
        {
            if (!Uri.TryCreate(feed, UriKind.Absolute, out Uri? url) || url.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"--feed: '{feed}' is not an http(s) URL");
            }
        }

        return options;
    }
}
