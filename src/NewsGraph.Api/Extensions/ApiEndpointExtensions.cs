using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Api.Http;
using NewsGraph.Api.Ide;

namespace NewsGraph.Api.Extensions;

public static class ApiEndpointExtensions
{
    public const string Path = "/graphql";

    /// <summary>
    /// Maps GraphQL over HTTP and WebSocket at <c>/graphql</c> and Banana Cake Pop at <c>/graphql/</c>.
    /// Call after <c>AddNewsGraphApi</c>; it adds the WebSocket and CORS middleware it needs.
    /// </summary>
    public static WebApplication MapNewsGraphApi(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseCors();

        GraphQLHttpEndpoint endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        BananaCakePop ide = app.Services.GetRequiredService<BananaCakePop>();

        app.Map(Path, endpoint.HandleAsync)
            .RequireCors(ApiServiceCollectionExtensions.CorsPolicy)
            .WithDisplayName("GraphQL");
        app.MapGet(Path + "/{**path}", (HttpContext http, string path) => ide.HandleAsync(http, path))
            .WithDisplayName("Banana Cake Pop");
        return app;
    }
}
