using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsGraph.Core.Storage;
using NewsGraph.Ingestion;
using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Api.Extensions;

public static class FollowServiceCollectionExtensions
{
    /// <summary>
    /// Follows feeds and folders beside the API: <see cref="FollowOptions"/> bound from <c>NewsGraph:Follow</c>,
    /// then <paramref name="configure"/> (the command line's <c>--feed</c>/<c>--watch</c>), run by a hosted
    /// service through the registered <see cref="IArticleIngestor"/> — the pipeline the mutation uses, so the
    /// <c>articleIngested</c> subscription hears of every followed article. Nothing runs when no source is set.
    /// </summary>
    public static IServiceCollection AddNewsGraphFollowers(this IServiceCollection services, IConfiguration configuration, Action<FollowOptions>? configure = null)
    {
        services.AddOptions<FollowOptions>()
            .Bind(configuration.GetSection(FollowOptions.SectionName))
            .Configure(o => configure?.Invoke(o))
            .PostConfigure(o => o.DropBlankEntries())
            .Validate(o => o.MaxConcurrentRequests > 0, "MaxConcurrentRequests must be positive")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.RescanInterval > TimeSpan.Zero && o.InitialBackoff > TimeSpan.Zero, "intervals must be positive")
            .Validate(o => o.Feeds.All(f => Uri.TryCreate(f, UriKind.Absolute, out Uri? u) && u.Scheme is "http" or "https"), "every feed must be an absolute http(s) URL")
            .ValidateOnStart();
        services.AddHostedService<FollowedSourcesService>();
        return services;
    }
}

/// <summary>Runs <see cref="SourceFollowers"/> for the lifetime of the host; its lines go to the log at Information.</summary>
internal sealed partial class FollowedSourcesService(
    IOptions<FollowOptions> options, IArticleIngestor ingestor, ISourceStateStore store, TimeProvider time, ILogger<FollowedSourcesService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.HasSources)
        {
            return;
        }

        using SourceFollowers followers = SourceFollowers.Create(options.Value, ingestor, store, time, line => Followed(logger, line));
        await followers.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void Followed(ILogger logger, string line);
}
