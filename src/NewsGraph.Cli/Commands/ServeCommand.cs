using System.CommandLine;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.Api.Extensions;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Cli.Commands;

/// <summary>
/// <c>newsgraph serve [--db FILE | --neo4j URI] [--urls URL] [--ingest PATH...] [--samples] [--watch DIR...] [--feed URL...]</c>:
/// GraphQL at <c>/graphql</c> (Banana Cake Pop for browsers at the same address) over the chosen store,
/// after ingesting what it was asked to, following the feeds and folders given (and those of the
/// <c>NewsGraph:Follow</c> configuration section) while it serves. A Neo4j that does not answer at start-up ends the command
/// with one line on stderr and exit code <see cref="StoreErrors.UnavailableExitCode"/> (a supervisor
/// or compose's restart policy starts it again); one that goes away later is answered with
/// <c>STORE_UNAVAILABLE</c> by the API until it is back.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://localhost:5080";

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var neo4j = CommonOptions.Neo4j();
        var urls = new Option<string>("--urls") { Description = $"Address(es) to listen on, separated by ';' (default {DefaultUrl}).", DefaultValueFactory = _ => DefaultUrl };
        var ingest = new Option<string[]>("--ingest") { Description = "Files or directories to ingest before serving.", AllowMultipleArgumentsPerToken = true };
        var samples = new Option<bool>("--samples") { Description = "Ingest the sample articles bundled with newsgraph before serving." };
        var retryDeadline = CommonOptions.RetryDeadline("the ingest at start-up (--ingest, --samples)");
        var watch = FollowCommand.WatchOption();
        var feed = FollowCommand.FeedOption();
        var command = new Command("serve", "Serve the graph over GraphQL (and Banana Cake Pop) at /graphql.") { db, neo4j, urls, ingest, samples, retryDeadline, watch, feed };
        command.SetAction((parse, cancellationToken) => StoreErrors.ReportAsync("serve", async () =>
        {
            // Not reachable at start-up: exit at once (no waiting here; see the CLI README).
            IGraphStore store = await StoreLocation.OpenAsync(parse.GetValue(db), parse.GetValue(neo4j), cancellationToken).ConfigureAwait(false);
            await using ConfiguredAsyncDisposable _ = store.ConfigureAwait(false);
            var paths = new List<string>(parse.GetValue(ingest) ?? []);
            if (parse.GetValue(samples))
            {
                paths.Add(SamplesDirectory());
            }

            var startupIngest = new IngestionOptions
            {
                StoreRetry = IngestCommand.StoreRetry(parse.GetValue(retryDeadline)),
                OutageListener = new StoreOutageReporter("serve", Console.Error),
            };
            string description = StoreLocation.Describe(parse.GetValue(db), parse.GetValue(neo4j));
            string[] folders = parse.GetValue(watch) ?? [];
            string[] feeds = parse.GetValue(feed) ?? [];
            return await RunAsync(
                store, description, parse.GetValue(urls) ?? DefaultUrl, paths, startupIngest, [], o => FollowCommand.Add(o, folders, feeds), cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary>The folder of sample articles shipped next to the executable.</summary>
    public static string SamplesDirectory() => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>
    /// Builds the web host over <paramref name="store"/>, ingests <paramref name="ingestPaths"/> (waiting for
    /// an unavailable store as <paramref name="startupIngest"/> says), and serves until cancelled.
    /// </summary>
    public static async Task<int> RunAsync(
        IGraphStore store,
        string storeDescription,
        string urls,
        IReadOnlyList<string> ingestPaths,
        IngestionOptions startupIngest,
        string[] args,
        Action<FollowOptions>? follow,
        CancellationToken cancellationToken)
    {
        WebApplication app = Build(store, urls, args, follow: follow);
        await using ConfiguredAsyncDisposable __ = app.ConfigureAwait(false);
        if (ingestPaths.Count > 0)
        {
            // Its own ingestor: the API's fails fast when the store is away (the mutation answers
            // STORE_UNAVAILABLE), while this one may wait; both announce to the same subscribers.
            IArticleIngestor ingestor = app.Services.CreateNewsGraphIngestor(startupIngest);
            IngestSummary summary = await IngestCommand.IngestAsync(ingestor, ingestPaths, showProgress: true, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(summary.Describe(storeDescription)).ConfigureAwait(false);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (string url in app.Urls)
        {
            await Console.Out.WriteLineAsync($"GraphQL API and Banana Cake Pop: {url.TrimEnd('/')}/graphql").ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"Graph explorer: {url.TrimEnd('/')}/explorer/").ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"Live dashboard: {url.TrimEnd('/')}/dashboard/").ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"Health and metrics: {url.TrimEnd('/')}{OperationsExtensions.ReadyPath}, {url.TrimEnd('/')}{OperationsExtensions.MetricsPath}").ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop gracefully below.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The web host: the store, the ingestion pipeline (for the mutation and the followers), the followers, the GraphQL API, health and metrics.</summary>
    public static WebApplication Build(IGraphStore store, string urls, string[] args, Action<WebApplication>? mapMore = null, Action<FollowOptions>? follow = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // What the followers ingest and why a source fails is what someone running serve --feed wants to see.
        builder.Logging.AddFilter("NewsGraph.Api.Extensions.FollowedSourcesService", LogLevel.Information);
        builder.Services.AddNewsGraphPipeline(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddNewsGraphApi(builder.Configuration);
        builder.Services.AddNewsGraphFollowers(builder.Configuration, follow);
        builder.Services.AddNewsGraphOperations();
        WebApplication app = builder.Build();
        app.MapNewsGraphApi();
        app.MapNewsGraphOperations();
        mapMore?.Invoke(app);
        return app;
    }
}
