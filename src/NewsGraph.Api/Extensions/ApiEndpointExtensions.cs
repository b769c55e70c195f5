using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Dashboard;
using NewsGraph.Api.Explorer;
using NewsGraph.Api.Http;
using NewsGraph.Api.Ide;

namespace NewsGraph.Api.Extensions;

public static class ApiEndpointExtensions
{
    public const string Path = "/graphql";

    /// <summary>
    /// Maps GraphQL over HTTP and WebSocket at <c>/graphql</c>, Banana Cake Pop at <c>/graphql/</c> and
    /// the graph explorer at <c>/explorer/</c> and the live dashboard at <c>/dashboard/</c>.
    /// Call after <c>AddNewsGraphApi</c>; it adds the WebSocket and CORS middleware it needs.
    /// </summary>
    public static WebApplication MapNewsGraphApi(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseCors();

        GraphQLHttpEndpoint endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        BananaCakePop ide = app.Services.GetRequiredService<BananaCakePop>();
        ExplorerPage explorer = app.Services.GetRequiredService<ExplorerPage>();
        DashboardPage dashboard = app.Services.GetRequiredService<DashboardPage>();

        app.Map(Path, endpoint.HandleAsync)
            .RequireCors(ApiServiceCollectionExtensions.CorsPolicy)
            .WithDisplayName("GraphQL");
        app.MapGet(Path + "/{**path}", (HttpContext http, string path) => ide.HandleAsync(http, path))
            .WithDisplayName("Banana Cake Pop");
        app.MapMethods(ExplorerPage.Path + "/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string? path) => explorer.HandleAsync(http, path))
            .WithDisplayName("Explorer");
        app.MapMethods(DashboardPage.Path + "/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string? path) => dashboard.HandleAsync(http, path))
            .WithDisplayName("Dashboard");
        return app;
    }
}
