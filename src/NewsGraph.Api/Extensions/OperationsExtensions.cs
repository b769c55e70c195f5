using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsGraph.Api.Operations;
using NewsGraph.Core.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace NewsGraph.Api.Extensions;

/// <summary>
/// What an operator or an orchestrator asks of a running server: <c>/health/live</c> (the process
/// answers), <c>/health/ready</c> (and the store answers: <see cref="GraphStoreHealthCheck"/>),
/// <c>/health</c> (both, each named) and <c>/metrics</c> (OpenTelemetry's Prometheus exporter over
/// <see cref="NewsGraphMetrics"/> and ASP.NET Core's own HTTP meters).
/// </summary>
public static class OperationsExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string HealthPath = "/health";
    public const string MetricsPath = "/metrics";

    private const string ReadyTag = "ready";

    /// <summary>Health checks and the OpenTelemetry meter provider with its Prometheus exporter.</summary>
    public static IServiceCollection AddNewsGraphOperations(this IServiceCollection services)
    {
        services.AddNewsGraphMetrics();
        services.AddHealthChecks().AddCheck<GraphStoreHealthCheck>("store", tags: [ReadyTag]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("newsgraph"))
            .WithMetrics(metrics => metrics
            .AddMeter(NewsGraphMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
            // Every scrape sees the counters as they are now: the default 300 ms cache would answer a
            // second scrape right after an ingest with the numbers from before it.
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Maps the health endpoints (JSON, 503 when unhealthy) and <c>/metrics</c>.</summary>
    public static WebApplication MapNewsGraphOperations(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, Options(_ => false)).WithDisplayName("Liveness");
        app.MapHealthChecks(ReadyPath, Options(check => check.Tags.Contains(ReadyTag))).WithDisplayName("Readiness");
        app.MapHealthChecks(HealthPath, Options(_ => true)).WithDisplayName("Health");
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteReportAsync,
    };

    /// <summary><c>{"status":"Unhealthy","checks":{"store":{"status":"Unhealthy","description":"…"}}}</c>: the reason travels with the status.</summary>
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}
